"""SN502 low-response-rate: too few of the mentions due an answer got one."""

from __future__ import annotations

import pytest

from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

BRAND = "twitter:cafe"


def test_a_low_rate_is_a_warning_with_every_unanswered_mention_as_evidence(asked, check):
    report = check(asked([None, None, 2, None, None, 1]), select=["SN502"])
    (rate,) = assert_findings(report, codes={"SN502"}, severity="warning")  # 2 of 6 = 33%
    assert rate.metrics["response_rate"] == pytest.approx(0.333, abs=0.001)
    assert set(rate.evidence) == {"m0", "m1", "m3", "m4"}
    assert "2 of 6" in rate.message


def test_almost_nobody_answered_is_an_error(asked, check):
    report = check(asked([None, None, None, None, None, None, None, 1]), select=["SN502"])
    assert_findings(report, codes={"SN502"}, severity="error")


@pytest.mark.parametrize(("answered", "fires"), [(2, False), (1, True)])
def test_the_rate_boundary_is_at_half(asked, check, answered, fires):
    delays = [1] * answered + [None] * (4 - answered)
    report = check(asked(delays), select=["SN502"])
    assert bool(list(report)) is fires


def test_too_few_mentions_are_not_judged(asked, check):
    assert_quiet(check(asked([None, None]), select=["SN502"]))
    assert_findings(check(asked([None, None, None]), select=["SN502"]), codes={"SN502"})


def test_the_threshold_options(asked, check):
    delays = [1, 1, None, None]  # a rate of one half
    assert_quiet(check(asked(delays), select=["SN502"]))
    stricter = {"SN502": {"threshold": 0.6, "error_threshold": 0.55}}
    assert_findings(
        check(asked(delays), select=["SN502"], options=stricter), codes={"SN502"}, severity="error"
    )


def test_a_like_acknowledges_but_does_not_answer(asked, check, moment):
    builder = asked([None, None, None, None])
    for i in range(4):
        builder.like(BRAND, to=f"m{i}", at=moment(days=i, hours=1))
    (rate,) = assert_findings(check(builder, select=["SN502"]), codes={"SN502"})
    assert rate.metrics["acknowledged_only"] == 4
    assert rate.metrics["answered"] == 0
    assert "4 got only a like or repost" in rate.message
    assert {m.name: m.value for m in check(builder).measurements}["acknowledged_only"] == 4


def test_replies_to_the_subjects_posts_count_as_mentions(cafe, check, moment):
    builder = cafe().post(BRAND, "We now roast our own beans", id="news", at=moment())
    for i in range(4):
        builder.reply(f"twitter:fan{i}", "Which origin?", to="news", at=moment(hours=i + 1))
    builder.post(BRAND, "Open late tonight", at=moment(days=5))
    (rate,) = assert_findings(check(builder, select=["SN502"]), codes={"SN502"})
    assert rate.metrics["mentions"] == 4


def test_an_attentive_account_in_another_language_stays_quiet(check):
    builder = TimelineBuilder(start="2026-04-06T09:00:00Z").subject(
        "kissa", "bluesky:kissa.example", handle="@kissa.example"
    )
    questions = ["@kissa.example 明日は営業していますか?", "@kissa.example 予約はできますか?"]
    questions += ["@kissa.example 駐車場はありますか?", "@kissa.example テイクアウトは可能ですか?"]
    for i, question in enumerate(questions):
        person = f"bluesky:kyaku{i}.example"
        builder.account(person, bio="コーヒーが好き", followers=90, following=100)
        builder.post(person, question, id=f"q{i}", after="1d")
        if i != 2:
            builder.reply("bluesky:kissa.example", "はい、どうぞ!", to=f"q{i}", after="2h")
    builder.post("bluesky:kissa.example", "新しいケーキができました", after="3d")
    report = check(builder, select=["SN502"])
    assert_quiet(report)
    assert {m.name: m.value for m in report.measurements}["response_rate"] == 0.75


def test_no_draft_is_nudged_for_the_rate(asked, review_last):
    builder = asked([None, None, None, None], end_days=4)
    builder.post(BRAND, "More specials", after="1h")
    reviewer, draft = review_last(builder)
    assert {n.code for n in reviewer(draft)} == {"SN501"}  # the waiting people, not the rate
