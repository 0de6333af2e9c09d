"""SN205 hashtag-overload: more hashtags than the network's norm."""

from __future__ import annotations

from socialnorms.guidelines.crosspost_with_consideration.hashtag_overload import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

TAGS = "Trail guide #a #b #c #d"


def test_hashtags_are_judged_on_copies_against_the_target_norm(check, subject):
    copied = (
        subject()
        .post("mastodon:acme", TAGS, id="m1")
        .post("twitter:acme", TAGS, id="t1", after="1m")
    )
    (finding,) = assert_findings(check(copied, RULE.code), evidence={"t1"}, count=1)
    assert finding.metrics == {"hashtags": 4, "hashtag_norm": 2}
    assert finding.suggestion == (
        "Keep the 2 most relevant hashtags for X (Twitter) (of #a #b #c #d)."
    )
    assert_quiet(check(subject().post("twitter:acme", TAGS), RULE.code))


def test_a_post_of_its_own_is_flagged_only_at_twice_the_norm(check, subject):
    builder = subject().post("twitter:acme", "Trail guide #a #b #c #d #e", id="t1")
    assert_findings(check(builder, RULE.code), evidence={"t1"}, count=1)


def test_a_french_copy_within_the_norm_is_quiet(check):
    text = "Nouveau guide des sentiers du Vercors #randonnée #montagne"
    builder = (
        TimelineBuilder()
        .subject("rando", "mastodon:rando", "twitter:rando")
        .post("mastodon:rando", text)
        .post("twitter:rando", text, after="1m")
    )
    assert_quiet(check(builder, RULE.code))


def test_the_draft_of_a_copy_with_too_many_hashtags_is_nudged(review, subject):
    builder = subject().post("mastodon:acme", TAGS).post("twitter:acme", TAGS, after="1m")
    nudges, report = review(builder, RULE.code)
    assert [(n.code, n.evidence) for n in nudges] == [(f.code, f.evidence) for f in report]
    assert len(nudges) == 1
