"""SN202 reply-out-of-context: replies, addressed texts and thread parts away from
their conversation."""

from __future__ import annotations

from socialnorms.guidelines.crosspost_with_consideration.reply_out_of_context import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet


def conversation(subject) -> TimelineBuilder:
    """Jane asks acme on X, and acme answers in her thread."""
    return (
        subject("2026-03-07T08:00:00Z")
        .post("twitter:jane", "@acme shall we continue the chat next week?", id="twitter:q1")
        .reply("twitter:acme", "@jane thanks! Tuesday at 3?", to="twitter:q1", id="r1", after="20m")
    )


def test_copied_reply_is_out_of_context_with_evidence(check, subject):
    builder = conversation(subject).post(
        "linkedin:acme", "@jane thanks! Tuesday at 3?", id="l1", after="30s"
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"l1"}, count=1)
    assert finding.account == "linkedin:acme" and finding.metrics["copy_of"] == "r1"
    assert "@jane" in finding.message and "LinkedIn" in finding.suggestion


def test_reply_in_its_own_thread_is_quiet(check, subject):
    assert_quiet(check(conversation(subject), RULE.code))


def test_reply_to_a_post_of_another_network_is_out_of_context(check, subject):
    builder = conversation(subject).reply(
        "linkedin:acme", "Tuesday at 3 it is", to="twitter:q1", id="l1", after="1m"
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"l1"})
    assert "replies to a post on X (Twitter)" in finding.message


def test_addressed_text_marked_as_copy_is_out_of_context(check, subject):
    builder = subject().post("linkedin:acme", "@bob see you there!", id="l1", source="Buffer")
    assert_findings(check(builder, RULE.code), evidence={"l1"}, count=1)


def test_a_copied_repost_marked_rt_is_out_of_context(check, subject):
    builder = subject().post(
        "linkedin:acme", "RT @jane great trail guide", id="l1", source="Twitter"
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"l1"})
    assert "repost marked RT" in finding.message


def test_thread_part_copied_alone_is_out_of_context_but_whole_thread_is_not(check, subject):
    part = "{}/3 How we cut our packaging waste by half this year, step by step"
    alone = (
        subject("2026-03-07T08:00:00Z")
        .post("twitter:acme", part.format(1))
        .post("twitter:acme", part.format(2) + " part two")
        .post("linkedin:acme", part.format(1), id="l1", after="4m")
    )
    assert_findings(check(alone, RULE.code), evidence={"l1"}, count=1)
    whole = subject("2026-03-07T08:00:00Z")
    for i in (1, 2, 3):
        whole.post("linkedin:acme", part.format(i) + f" section {i}", source="Twitter")
    assert_quiet(check(whole, RULE.code))


def test_a_german_reply_in_its_own_mastodon_thread_is_quiet(check):
    builder = (
        TimelineBuilder()
        .subject("laden", "mastodon:laden", "twitter:laden", handle="laden")
        .account("mastodon:kim", handle="kim@fosstodon.org")
        .post("mastodon:kim", "@laden habt ihr am Samstag geöffnet?", id="mastodon:q")
        .reply("mastodon:laden", "@kim@fosstodon.org ja, von 9 bis 14 Uhr!", to="mastodon:q")
    )
    assert_quiet(check(builder, RULE.code))


def test_the_draft_of_a_copied_reply_is_nudged_and_agrees_with_the_check(review, subject):
    builder = conversation(subject).post(
        "linkedin:acme", "@jane thanks! Tuesday at 3?", id="l1", after="30s"
    )
    nudges, report = review(builder, RULE.code)
    assert [(n.code, n.evidence, n.message) for n in nudges] == [
        (f.code, f.evidence, f.message) for f in report
    ]
    assert review(conversation(subject), RULE.code)[0] == []


def test_the_draft_of_a_thread_part_is_nudged_only_when_its_siblings_are_not_there(review, subject):
    part = "{}/3 How we cut our packaging waste by half this year, step by step"
    whole = subject("2026-03-07T08:00:00Z")
    for i in (1, 2, 3):
        whole.post("linkedin:acme", part.format(i) + f" section {i}", source="Twitter")
    assert review(whole, RULE.code)[0] == []
    alone = subject("2026-03-07T08:00:00Z").post(
        "linkedin:acme", part.format(3) + " section 3", source="Twitter"
    )
    (nudge,) = review(alone, RULE.code)[0]
    assert "part 3 of a 3-part thread" in nudge.message
