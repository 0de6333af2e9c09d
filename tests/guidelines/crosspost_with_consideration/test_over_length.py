"""SN203 over-length: too long for the network, or a copy cut short to fit."""

from __future__ import annotations

from socialnorms.guidelines.crosspost_with_consideration.over_length import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

LONG = (
    "We just published our Q1 benchmark report on B2B email engagement. Three findings stood out "
    "for marketing teams planning the next quarter: shorter subject lines, fewer sends and better "
    "segmentation all beat volume. Full report: https://acme.example/q1"
)


def test_length_counts_as_the_network_counts(check, subject):
    linked = "x" * 250 + " https://acme.example/" + "a" * 60  # the link counts as 23
    assert_quiet(check(subject().post("twitter:acme", linked), RULE.code))
    (finding,) = assert_findings(
        check(subject().post("twitter:acme", "y" * 281, id="t1"), RULE.code), evidence={"t1"}
    )
    assert finding.metrics == {"length": 281, "max_length": 280}
    assert finding.suggestion.startswith("Write a shorter version for X (Twitter):")


def test_copy_cut_short_with_an_ellipsis_is_flagged(check, subject):
    builder = (
        subject("2026-03-03T10:00:00Z")
        .post("linkedin:acme", LONG)
        .post(
            "twitter:acme",
            LONG[:120] + "… https://lnkd.example/x",
            id="t1",
            source="LinkedIn",
            after="10s",
        )
    )
    (finding,) = assert_findings(check(builder, RULE.code), evidence={"t1"}, count=1)
    assert "cut short" in finding.message


def test_own_ellipsis_in_a_native_post_is_quiet(check, subject):
    builder = subject().post("twitter:acme", "Guess what is coming next week…")
    assert_quiet(check(builder, RULE.code))


def test_ellipsis_in_a_short_copy_without_original_is_quiet_and_near_the_limit_is_cut(
    check, subject
):
    short = subject().post("twitter:acme", "Read more... https://acme.example/r", source="Buffer")
    assert_quiet(check(short, RULE.code))
    cut = subject().post(
        "twitter:acme", "w " * 120 + "… https://acme.example/r", id="t1", source="LinkedIn"
    )
    assert_findings(check(cut, RULE.code), evidence={"t1"}, count=1)


def test_a_japanese_post_within_the_limit_is_quiet(check):
    text = "新しい登山ガイドを公開しました。" * 20  # 320 characters, under Mastodon's 500
    builder = TimelineBuilder().subject("yama", "mastodon:yama").post("mastodon:yama", text)
    assert_quiet(check(builder, RULE.code))


def test_the_draft_of_a_post_too_long_is_nudged(review, subject):
    nudges, report = review(subject().post("twitter:acme", "y" * 281), RULE.code)
    assert [(n.code, n.message) for n in nudges] == [(f.code, f.message) for f in report]
    assert len(nudges) == 1
    assert review(subject().post("twitter:acme", "y" * 280), RULE.code)[0] == []
