"""SN101 self-mention-reposts: a habit of reposting what others say about the account."""

from __future__ import annotations

import pytest

from socialnorms.guidelines.retweet_carefully.self_mention_reposts import RULE
from socialnorms.testing import assert_findings, assert_quiet

BRAND = "twitter:northwind"
ONLY = {"select": [RULE.code]}


def test_habit_of_reposting_praise_is_flagged_with_figures(check, subject, shared, praise, useful):
    report = check(shared(subject(), praise[:6] + useful[:2]), **ONLY)
    # 75% reaches the error threshold
    (finding,) = assert_findings(report, codes={RULE.code}, severity="error")
    assert finding.metrics == {"self_mention_reposts": 6, "shares": 8, "share": 0.75, "days": 6}
    assert finding.message == (
        "6 of 8 reposts and quotes in 6 days (75%) share posts that mention or answer "
        "the account itself."
    )
    assert finding.evidence == tuple(f"r{i}" for i in range(6))
    assert finding.suggestion == RULE.instead and finding.account == BRAND


def test_all_praise_is_an_error(check, subject, shared, praise):
    assert_findings(check(shared(subject(), praise), **ONLY), count=1, severity="error")


def test_severity_grows_with_the_share(check, subject, shared, praise, useful):
    report = check(shared(subject(), praise[:6] + useful[:4]), **ONLY)
    (finding,) = assert_findings(report, severity="warning")
    assert finding.metrics["share"] == 0.6


def test_occasional_praise_repost_stays_quiet(check, subject, shared, praise, useful):
    assert_quiet(check(shared(subject(), [praise[0], *useful[:7]]), **ONLY))


@pytest.mark.parametrize(("praised", "other", "fires"), [(3, 3, True), (2, 4, False)])
def test_threshold_boundary_is_half(check, subject, shared, praise, useful, praised, other, fires):
    report = check(shared(subject(), praise[:praised] + useful[:other]), **ONLY)
    assert_findings(report, count=int(fires))


def test_too_few_shares_are_not_judged(check, subject, shared, praise):
    assert_quiet(check(shared(subject(), praise[:4]), **ONLY))


def test_shares_spread_beyond_the_window_are_not_one_habit(check, subject, shared, praise, useful):
    builder = shared(subject(), praise[:4] + useful[:4], step_hours=24 * 10)
    assert_quiet(check(builder, **ONLY))


def test_options_change_the_threshold(check, subject, shared, praise, useful):
    builder = shared(subject(), praise[:2] + useful[:4])
    assert_quiet(check(builder, **ONLY))
    assert_findings(check(builder, options={RULE.code: {"threshold": 0.3}}, **ONLY), count=1)


def test_repost_of_a_reply_to_the_subject_counts_as_self_mention(check, subject):
    builder = subject().post(BRAND, "We open a new store on Friday", id="own")
    for i in range(6):
        builder.reply(f"twitter:fan{i}", "Wonderful, see you there!", to="own", id=f"fr{i}")
        builder.repost(BRAND, to=f"fr{i}", id=f"rt{i}")
    assert_findings(check(builder, **ONLY), evidence={f"rt{i}" for i in range(6)})


def test_embedded_shared_post_is_used_when_timeline_lacks_it(check, subject, praise):
    builder = subject()
    for i, text in enumerate(praise[:6]):
        builder.repost(BRAND, to=f"ext{i}", author=f"twitter:x{i}", text=text, after="1h")
    assert_findings(check(builder, **ONLY), count=1)


def test_mention_of_subjects_other_network_account_counts(check, subject):
    builder = subject().account(
        "mastodon:northwind", subject="northwind", handle="northwind@social.example"
    )
    for i in range(6):
        builder.repost(
            "mastodon:northwind",
            to=f"m{i}",
            author=f"mastodon:p{i}",
            text="Lovely shop",
            mentions=["mastodon:northwind"],
            after="1h",
        )
    assert_findings(check(builder, **ONLY), network="mastodon", count=1)


def test_reposts_of_unknown_posts_are_left_out(check, subject, shared, praise):
    builder = shared(subject(), praise[:5])
    for i in range(20):
        builder.repost(BRAND, to=f"twitter:gone{i}", id=f"u{i}", after="1m")
    (finding,) = assert_findings(check(builder, **ONLY), count=1)
    assert finding.metrics["shares"] == 5


def test_self_mention_share_is_measured_per_month_even_when_the_rule_is_ignored(
    check, subject, shared, praise, useful
):
    builder = shared(subject(), [praise[0], *useful[:3]])
    for report in (check(builder), check(builder, ignore=[RULE.code])):
        values = {(m.name, m.period): m.value for m in report.measurements}
        assert values == {("self_mention_share", "2026-04"): 0.25}


def test_an_account_thanked_in_another_language_that_shares_useful_posts_stays_quiet(
    check, subject, shared
):
    posts = [
        "Guía para reparar bicicletas en invierno https://bici.example/guia",
        "Nuevos datos sobre carriles bici en Madrid https://datos.example/carriles",
        "¡Gracias @northwind por el envío tan rápido!",
        "Mapa abierto de fuentes de agua potable https://mapa.example/fuentes",
        "Cómo leer una tabla de mareas, explicado https://mar.example/mareas",
        "Entrevista con una farera gallega https://revista.example/faro",
    ]
    report = check(shared(subject(), posts))
    assert_quiet(report)
    assert [m.value for m in report.measurements] == [round(1 / 6, 3)]
