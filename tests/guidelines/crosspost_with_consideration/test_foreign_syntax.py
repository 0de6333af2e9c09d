"""SN204 foreign-syntax: mentions in a form the network does not link."""

from __future__ import annotations

from socialnorms.guidelines.crosspost_with_consideration.foreign_syntax import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet


def test_foreign_mention_syntax_is_flagged_and_native_is_not(check, subject):
    builder = subject().post(
        "twitter:acme", "Thanks @jane@fosstodon.org and @jane for the photos", id="t1"
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"t1"}, count=1)
    assert finding.metrics["mentions"] == ["@jane@fosstodon.org"]
    assert "(Mastodon)" in finding.message
    assert finding.suggestion == (
        "Mention people by their X (Twitter) account, or by name when they are not on X (Twitter)."
    )
    native = subject().post("mastodon:acme", "Thanks @jane@fosstodon.org!")
    assert_quiet(check(native, RULE.code))


def test_the_syntax_of_a_network_the_subject_is_not_on_is_not_known(check):
    builder = (
        TimelineBuilder()
        .subject("solo", "twitter:solo")
        .post("twitter:solo", "Thanks @jane@fosstodon.org for the photos")
    )
    assert_quiet(check(builder, RULE.code))


def test_a_german_post_with_native_mentions_is_quiet(check):
    builder = (
        TimelineBuilder()
        .subject("laden", "mastodon:laden", "twitter:laden")
        .post("mastodon:laden", "Danke @kim@fosstodon.org und @ana für die schönen Fotos!")
    )
    assert_quiet(check(builder, RULE.code))


def test_the_draft_with_a_foreign_mention_is_nudged(review, subject):
    builder = subject().post("twitter:acme", "Thanks @jane@fosstodon.org for the photos")
    nudges, report = review(builder, RULE.code)
    assert [(n.code, n.evidence) for n in nudges] == [(f.code, f.evidence) for f in report]
    assert len(nudges) == 1
    assert review(subject().post("twitter:acme", "Thanks @jane for the photos"), RULE.code)[0] == []
