"""SN200 crossposts: which posts are copies, and the tally of them."""

from __future__ import annotations

import pytest

from socialnorms import Severity
from socialnorms.guidelines.crosspost_with_consideration.crossposts import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

ANNOUNCEMENT = "Our Q1 benchmark report on B2B email engagement is out: https://acme.example/q1"
REWRITTEN = (
    "We just published our Q1 benchmark report on B2B email engagement. Three findings stood out "
    "for marketing teams planning the next quarter: shorter subject lines, fewer sends and better "
    "segmentation all beat volume. Full report: https://acme.example/q1"
)
WEBINAR = "Free webinar on attribution next Thursday https://acme.example/w"


def test_a_copy_that_fits_both_networks_is_information_only(check, subject):
    builder = (
        subject()
        .post("twitter:acme", ANNOUNCEMENT, id="t1", at="2026-03-03T08:00:00Z")
        .post("linkedin:acme", REWRITTEN, id="l1", at="2026-03-03T10:00:00Z")
        .post("twitter:acme", WEBINAR, id="t2", at="2026-03-04T08:00:00Z")
        .post("mastodon:acme", WEBINAR, id="m2", after="1m")
    )
    report = check(builder)
    assert [f.code for f in report if f.severity >= Severity.WARNING] == []
    assert_findings(report, codes={RULE.code}, evidence={"m2"}, severity="info", count=1)


def test_same_words_around_a_different_link_are_not_a_copy(check, subject):
    builder = (
        subject()
        .post("twitter:acme", "New post is up: https://acme.example/a")
        .post("mastodon:acme", "New post is up: https://acme.example/b", after="1h")
    )
    assert_quiet(check(builder, RULE.code))


def test_a_near_copy_counts_within_the_window_only(check, subject):
    builder = (
        subject()
        .post("twitter:acme", "Spring boots are back in stock")
        .post("mastodon:acme", "Spring boots are back in stock!", id="m1", after="3h")
    )
    assert_findings(check(builder, RULE.code), evidence={"m1"}, count=1)
    narrow = check(builder, RULE.code, options={RULE.code: {"window_hours": 2}})
    assert_quiet(narrow)


@pytest.mark.parametrize(
    "fields",
    [{"source": "Buffer"}, {"via": "Hootsuite"}, {"source": "Twitter"}],
    ids=["automation-source", "automation-via", "network-source"],
)
def test_a_post_that_says_it_is_a_copy_is_one(check, subject, fields):
    builder = subject().post("linkedin:acme", "Spring boots are back", id="l1", **fields)
    assert_findings(check(builder, RULE.code), evidence={"l1"}, count=1)


def test_crosspost_of_names_the_original_and_its_network(check, subject):
    builder = (
        subject()
        .post("mastodon:acme", "Trail maps for the weekend", id="mastodon:m1")
        .post(
            "linkedin:acme",
            "Our team mapped three new trails",
            id="l1",
            crosspost_of="mastodon:m1",
            after="1h",
        )
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"l1"})
    assert "1 from Mastodon" in finding.message


def test_copies_are_measured_per_network_also_when_the_tally_is_ignored(check, subject):
    builder = (
        subject()
        .post("twitter:acme", "Spring boots are back in stock")
        .post("mastodon:acme", "Spring boots are back in stock!", after="30s")
    )
    for report in (check(builder), check(builder, ignore=[RULE.code])):
        figures = {(m.network, m.name): m.value for m in report.measurements}
        assert figures[("mastodon", "crossposts")] == 1
        assert figures[("twitter", "crossposts")] == 0
        assert figures[("twitter", "posts")] == 1


def test_a_japanese_account_writing_each_network_its_own_post_is_quiet(check):
    builder = (
        TimelineBuilder()
        .subject("kissa", "twitter:kissa", "mastodon:kissa")
        .post("twitter:kissa", "本日は新しいコーヒー豆が入荷しました。ぜひお試しください。")
        .post("mastodon:kissa", "来週の土曜日に焙煎教室を開きます。参加者募集中です。", after="5m")
    )
    assert_quiet(check(builder, RULE.code))
