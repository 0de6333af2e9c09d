"""SN501 unanswered-mention: each mention never answered, or answered late; its nudges."""

from __future__ import annotations

from datetime import timedelta

from socialnorms import Action, NetworkProfile, Post
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

BRAND = "twitter:cafe"


def test_each_ignored_mention_is_reported_with_it_as_evidence(asked, check):
    report = check(asked([None, None, 2, None, None, 1]), select=["SN501"])
    found = assert_findings(report, codes={"SN501"}, count=4, severity="info")
    assert sorted(f.evidence for f in found) == [("m0",), ("m1",), ("m3",), ("m4",)]
    assert all("never answered" in f.message for f in found)


def test_a_late_answer_counts_for_the_rate_but_is_reported(asked, check):
    report = check(asked([30, 1, 1, 1]))
    (late,) = assert_findings(report, codes={"SN501"}, evidence={"m0", "a0"})
    assert "after 30 hours" in late.message
    assert late.metrics["hours_to_answer"] == 30.0
    assert {m.name: m.value for m in report.measurements}["response_rate"] == 1.0


def test_an_answer_right_at_the_expected_time_is_on_time_and_silence_that_long_is_missed(
    asked, check
):
    report = check(asked([24, None], end_days=2), select=["SN501"])  # the end is a day after m1
    assert_findings(report, codes={"SN501"}, evidence={"m1"})
    assert {m.name: m.value for m in report.measurements}["on_time_rate"] == 0.5


def test_silence_at_the_end_of_the_data_is_pending_not_missed(asked, check, moment):
    builder = asked([1, 1, 1])
    builder.account(
        "twitter:late", bio="hi", followers=50, following=60, created="2020-01-01T00:00:00Z"
    )
    builder.post("twitter:late", "@cafe still open?", id="fresh", at=moment(days=11, hours=20))
    report = check(builder)
    assert "fresh" not in {e for f in report for e in f.evidence}
    assert {m.name: m.value for m in report.measurements}["pending"] == 1


def test_the_profile_response_time_is_used_and_the_default_is_noted(asked, check):
    builder = asked([3, 3, 3, 3])
    default = check(builder)
    assert_quiet(default)
    assert any("no profile for network 'twitter'" in note for note in default.notes)
    strict = NetworkProfile(id="twitter", name="Test Twitter", response_time=timedelta(hours=1))
    report = check(builder, networks=[strict])
    assert_findings(report, codes={"SN501"}, count=4)
    assert not report.notes


def test_the_default_response_hours_option(asked, check):
    report = check(asked([3, 3, 3, 3]), options={"SN501": {"default_response_hours": 2}})
    assert_findings(report, codes={"SN501"}, count=4)


def test_a_direct_message_answers_but_a_bare_quote_only_acknowledges(asked, check, moment):
    builder = asked([None, None, 1])
    builder.message(
        BRAND, "twitter:guest0", "Hi! Yes, we are open on the holiday.", at=moment(0, 2)
    )
    builder.quote(BRAND, "Yes we do!", to="m1", id="qt", at=moment(1, 1))
    (missed,) = assert_findings(check(builder), codes={"SN501"}, evidence={"m1"})
    assert missed.metrics["acknowledged"]
    assert "acknowledges but does not answer" in missed.message
    values = {m.name: m.value for m in check(builder).measurements}
    assert values["answered"] == 2 and values["acknowledged_only"] == 1


def test_a_reply_in_another_thread_does_not_answer(asked, check, moment):
    builder = asked([None, 1, 1])
    builder.post("twitter:guest0", "Lovely weather", id="other", at=moment(hours=1))
    builder.reply(BRAND, "@guest0 indeed", to="other", id="elsewhere", at=moment(hours=2))
    assert_findings(check(builder), codes={"SN501"}, evidence={"m0"})


def test_thanks_after_an_answer_needs_no_answer_but_a_new_question_does(asked, check, moment):
    builder = asked([1, 1, 1])
    builder.reply("twitter:guest0", "@cafe great, thank you!", to="a0", id="thx", at=moment(0, 2))
    assert_quiet(check(builder))
    builder.reply(
        "twitter:guest1", "@cafe and is there parking?", to="a1", id="more", at=moment(1, 2)
    )
    assert_findings(check(builder), codes={"SN501"}, evidence={"more"})


def test_a_prompt_account_in_another_language_on_another_network_stays_quiet(check):
    builder = TimelineBuilder(start="2026-04-06T09:00:00Z").subject(
        "bäckerei", "mastodon:baeckerei", handle="@baeckerei"
    )
    for i, question in enumerate(
        ["@baeckerei habt ihr sonntags offen?", "@baeckerei gibt es Dinkelbrot?"]
    ):
        person = f"mastodon:gast{i}"
        builder.account(person, handle=f"@gast{i}", bio="Brotliebhaberin", followers=80)
        builder.post(person, question, id=f"frage{i}", after="1d")
        builder.reply("mastodon:baeckerei", f"@gast{i} ja, gerne!", to=f"frage{i}", after="40m")
    builder.post("mastodon:baeckerei", "Frische Brezeln ab 7 Uhr", after="3d")
    assert_quiet(check(builder, select=["SN501"]))


# -- the review of a draft ------------------------------------------------------------------------


def test_a_post_while_a_question_waits_is_nudged_and_not_after_the_answer(cafe, review_last):
    builder = cafe().post("twitter:jo", "@cafe is the terrace open on Sunday?", id="q")
    builder.post(BRAND, "Our spring menu starts today", after="30h")
    reviewer, post = review_last(builder)
    (nudge,) = reviewer(post)
    assert nudge.code == "SN501" and nudge.evidence == ("q",)
    assert nudge.metrics["waiting"] == 1 and "1 person has waited" in nudge.message
    reviewer.add(
        Action(
            kind="reply",
            actor=BRAND,
            at=post.at - timedelta(minutes=5),
            id="answer",
            target="q",
            post=Post(id="twitter:answer", text="@jo yes, 10 to 4!"),
        )
    )
    assert reviewer(post) == []


def test_a_late_answer_is_nudged_and_a_prompt_one_is_not(cafe, review_last):
    builder = cafe().post("twitter:jo", "@cafe is the terrace open on Sunday?", id="q")
    builder.reply(BRAND, "@jo yes, 10 to 4!", to="q", after="2d")
    reviewer, late = review_last(builder)
    (nudge,) = reviewer(late)
    assert nudge.code == "SN501" and nudge.evidence == ("q", late.id)
    assert "48 hours" in nudge.message
    prompt = Action(
        kind="reply",
        actor=BRAND,
        at=late.at - timedelta(hours=47, minutes=30),
        id="d2",
        target="q",
        post=Post(id="twitter:d2", text="@jo yes, 10 to 4!"),
    )
    assert reviewer(prompt) == []


def test_a_post_before_the_answer_is_due_is_not_nudged(cafe, review_last):
    builder = cafe().post("twitter:jo", "@cafe is the terrace open on Sunday?", id="q")
    builder.post(BRAND, "Our spring menu starts today", after="6h")
    reviewer, post = review_last(builder)
    assert reviewer(post) == []  # the default response time is a day
