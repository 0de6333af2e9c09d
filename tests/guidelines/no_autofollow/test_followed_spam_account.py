"""SN302 followed-spam-account: following an account several spam signals agree on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Action
from socialnorms.core.signals import SpamThresholds, looks_like_spam, spam_signals
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet
from socialnorms.testing.strategies import timelines

BRAND = "twitter:bakery"
SPAMMER = "twitter:win_big_777"


def spammer(builder: TimelineBuilder, moment, **fields) -> TimelineBuilder:
    """``twitter:win_big_777``: seven spam signals, and four posts of the same giveaway."""
    defaults = {
        "bio": "",
        "followers": 3,
        "following": 5100,
        "default_avatar": True,
        "created": moment(days=-5),
    }
    builder.account(SPAMMER, **{**defaults, **fields})
    for i in range(4):
        builder.post(
            SPAMMER,
            f"FREE iPhone giveaway, click now http://short.example/{i}",
            at=moment(days=-4 + i),
        )
    return builder


def test_following_back_a_spam_account_names_its_signals(bakery, check, moment):
    builder = spammer(bakery(), moment)
    builder.follow(SPAMMER, BRAND, id="in", at=moment())
    builder.follow(BRAND, SPAMMER, id="back", at=moment(hours=20))
    (finding,) = assert_findings(check(builder), codes={"SN302"}, evidence={"back"})
    for signal in (
        "follow-ratio",
        "few-followers",
        "new-account",
        "default-avatar",
        "empty-bio",
        "links-everywhere",
        "repeated-posts",
    ):
        assert signal in finding.metrics["signals"]
        assert signal in finding.message
    assert finding.message.startswith("Followed back")
    assert str(finding.severity) == "error"  # seven signals: beyond doubt


def test_a_spam_tag_alone_is_enough(bakery, check, person):
    builder = bakery().account("twitter:listed", **person, tags=["spam"])
    builder.follow(BRAND, "twitter:listed", id="back")
    (finding,) = assert_findings(check(builder), codes={"SN302"}, severity="error")
    assert finding.metrics["signals"] == ["tagged-spam"]
    assert finding.message.startswith("Follows")


def test_three_signals_are_a_warning(bakery, check, person, moment):
    fresh = {**person, "bio": "", "default_avatar": True, "followers": 4, "following": 90}
    builder = bakery().account("twitter:fresh", **{**fresh, "created": moment(days=-200)})
    builder.follow(BRAND, "twitter:fresh", id="back")
    (finding,) = assert_findings(check(builder), codes={"SN302"}, severity="warning")
    assert finding.metrics["signals"] == ["few-followers", "default-avatar", "empty-bio"]


@pytest.mark.parametrize(("new_account", "severity"), [(False, "warning"), (True, "error")])
def test_two_signals_beyond_the_minimum_are_an_error(bakery, check, moment, new_account, severity):
    created = moment(days=-5 if new_account else -900)
    fields = {"bio": "", "default_avatar": True, "followers": 4, "following": 200}
    builder = bakery().account("twitter:odd", **fields, created=created)
    builder.follow(BRAND, "twitter:odd")
    (finding,) = assert_findings(check(builder), codes={"SN302"}, severity=severity)
    assert finding.metrics["signal_count"] == (5 if new_account else 4)


def test_two_signals_do_not_make_a_spammer_unless_the_option_says_so(bakery, check, person):
    builder = bakery().account("twitter:newbie", **{**person, "bio": "", "default_avatar": True})
    builder.follow(BRAND, "twitter:newbie")
    assert_quiet(check(builder))
    report = check(builder, options={"SN302": {"min_signals": 2}})
    assert_findings(report, codes={"SN302"}, severity="warning")


def test_an_unfollowed_spam_account_is_no_longer_reported(bakery, check, moment):
    builder = spammer(bakery(), moment)
    builder.follow(BRAND, SPAMMER, at=moment())
    builder.unfollow(BRAND, SPAMMER, at=moment(hours=3))
    assert_quiet(check(builder))


def test_customers_never_look_like_spam(bakery, moment):
    timeline = spammer(bakery(), moment, tags=["customer"]).build()
    assert spam_signals(timeline, SPAMMER)
    assert looks_like_spam(timeline, SPAMMER) == ()


def test_the_follow_ratio_boundary():
    at = TimelineBuilder().account("twitter:a", followers=10, following=500).build()
    below = TimelineBuilder().account("twitter:a", followers=10, following=499).build()
    assert [s.name for s in spam_signals(at, "twitter:a")] == ["follow-ratio", "few-followers"]
    assert [s.name for s in spam_signals(below, "twitter:a")] == ["few-followers"]


def test_following_genuine_people_in_other_languages_on_another_network_stays_quiet(check):
    builder = TimelineBuilder(start="2026-04-06T09:00:00Z").subject("atelier", "bluesky:atelier")
    bios = ["Céramiste à Lyon", "陶芸家、京都在住", "Keramikerin aus Wien", "Ceramista, Oaxaca"]
    for i, bio in enumerate(bios):
        other = f"bluesky:maker{i}"
        builder.account(
            other, bio=bio, followers=400 + i, following=350, created="2018-05-01T00:00:00Z"
        )
        builder.post(other, f"Nouvelle pièce n°{i} sortie du four", after="1h")
        builder.follow("bluesky:atelier", other, after="2h")
    assert_quiet(check(builder, select=["SN302"]))


@settings(max_examples=50, deadline=None)
@given(timelines(), st.integers(min_value=1, max_value=5))
def test_looks_like_spam_is_the_signals_when_enough_agree(timeline, min_signals):
    # looks_like_spam skips reading posts when they could not tip the balance;
    # its verdict must still follow the definition from spam_signals.
    thresholds = SpamThresholds(min_signals=min_signals, min_posts=1)
    for account in timeline.accounts.values():
        signals = spam_signals(timeline, account.id, thresholds=thresholds)
        tagged = any(s.name == "tagged-spam" for s in signals)
        expected = (
            ()
            if account.has_tag("customer")
            else signals
            if tagged or len(signals) >= min_signals
            else ()
        )
        assert looks_like_spam(timeline, account.id, thresholds=thresholds) == expected


# -- the review of a draft ------------------------------------------------------------------------


def test_following_back_a_spam_account_is_nudged_and_a_genuine_one_is_not(
    bakery, person, review_last
):
    builder = bakery()
    builder.account("twitter:deals", followers=1, following=5000, default_avatar=True, bio="")
    builder.account("twitter:ana", **{**person, "bio": "Trail runner and nurse"})
    builder.follow("twitter:deals", BRAND, id="in").follow("twitter:ana", BRAND, after="1h")
    builder.follow(BRAND, "twitter:deals", after="3h")
    reviewer, spam = review_last(builder)
    (nudge,) = reviewer(spam)
    assert nudge.code == "SN302" and nudge.evidence == (spam.id,)
    assert nudge.message.startswith("Following back twitter:deals")
    genuine = Action(kind="follow", actor=BRAND, at=spam.at, target="twitter:ana", id="d2")
    assert reviewer(genuine) == []


def test_refollowing_a_spam_account_cites_the_first_follow(bakery, review_last, moment):
    builder = spammer(bakery(), moment)
    builder.follow(BRAND, SPAMMER, id="first", at=moment())
    builder.unfollow(BRAND, SPAMMER, at=moment(hours=2))
    builder.follow(BRAND, SPAMMER, at=moment(hours=5))
    reviewer, again = review_last(builder)
    (nudge,) = reviewer(again)
    assert nudge.evidence == ("first", again.id) and nudge.message.startswith("Following ")
