"""SN301 auto-follow-back: most new followers followed back within minutes or by an
automation; the nudge before one more such follow-back agrees with the check."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Reviewer, Timeline
from socialnorms.engine.review import agrees
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

BRAND = "twitter:bakery"


def test_following_back_everyone_within_minutes_is_an_error(followed, check):
    report = check(followed([2] * 10), select=["SN301"])
    (finding,) = assert_findings(report, codes={"SN301"}, severity="error")
    assert finding.metrics["quick_or_automated"] == 10
    assert finding.metrics["median_follow_back_minutes"] == 2.0
    assert "10 of 10" in finding.message
    assert set(finding.evidence) == {f"back{i}" for i in range(10)}


def test_considered_follow_backs_days_later_stay_quiet(followed, check):
    delays = [None, 30 * 60, None, None, 26 * 60, None, None, 50 * 60, None, None]
    assert_quiet(check(followed(delays), select=["SN301"]))


def test_an_automation_counts_even_when_slow(followed, check):
    report = check(followed([120] * 6, via="AutoFollow Pro"), select=["SN301"])
    (finding,) = assert_findings(report, codes={"SN301"})
    assert finding.metrics["automated"] == 6
    assert "6 of them through an automation" in finding.message


@pytest.mark.parametrize(
    ("quick", "expected"), [(4, []), (5, ["warning"]), (7, ["warning"]), (8, ["error"])]
)
def test_threshold_boundaries(followed, check, quick, expected):
    report = check(followed([3] * quick + [None] * (10 - quick)), select=["SN301"])
    assert [str(f.severity) for f in report] == expected


def test_the_quick_minutes_boundary(followed, check):
    assert_findings(check(followed([15] * 6), select=["SN301"]), codes={"SN301"})
    assert_quiet(check(followed([16] * 6), select=["SN301"]))
    longer = {"SN301": {"quick_minutes": 20}}
    assert_findings(check(followed([16] * 6), select=["SN301"], options=longer), codes={"SN301"})


def test_too_few_followers_are_not_judged(followed, check):
    assert_quiet(check(followed([1] * 4), select=["SN301"]))
    fewer = {"SN301": {"min_followers": 4}}
    assert_findings(check(followed([1] * 4), select=["SN301"], options=fewer), codes={"SN301"})


def test_no_minimum_and_no_new_followers_judges_nothing(bakery, check):
    builder = bakery().post(BRAND, "Fresh rye today")
    assert_quiet(check(builder, options={"SN301": {"min_followers": 0}}))


def test_following_first_is_not_a_follow_back(bakery, check, person, moment):
    builder = bakery()
    for i in range(6):
        builder.account(f"twitter:p{i}", **person)
        builder.follow(BRAND, f"twitter:p{i}", at=moment(hours=i))
        builder.follow(f"twitter:p{i}", BRAND, at=moment(hours=i, days=0.001))
    assert_quiet(check(builder, select=["SN301"]))


def test_a_person_on_another_network_who_follows_friends_back_later_stays_quiet(check):
    builder = TimelineBuilder(start="2026-04-06T09:00:00Z").subject(
        "ines", "mastodon:ines", handle="@ines"
    )
    for i in range(6):
        friend = f"mastodon:amiga{i}"
        builder.account(friend, bio="Senderista y fotógrafa", followers=210, following=190)
        builder.follow(friend, "mastodon:ines", after="3h")
        if i % 2 == 0:
            builder.follow("mastodon:ines", friend, after="20h")
    assert_quiet(check(builder, select=["SN301"]))


# -- the review of a draft ------------------------------------------------------------------------


def test_one_more_quick_follow_back_is_nudged_and_a_considered_one_is_not(followed, review_last):
    builder = followed([2, 2, 2, 2, None])
    builder.follow(BRAND, "twitter:person4", after="3m")
    reviewer, quick = review_last(builder)
    (nudge,) = reviewer(quick)
    assert nudge.code == "SN301" and nudge.evidence == (quick.id,)
    assert nudge.metrics == {"new_followers": 5, "quick_or_automated": 5, "share": 1.0}
    assert str(nudge.severity) == "error"
    considered = followed([2, 2, 2, 2, None])
    considered.follow(BRAND, "twitter:person4", after="2d")
    reviewer, later = review_last(considered)
    assert reviewer(later) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.none(), st.integers(1, 600)), min_size=1, max_size=10),
    st.integers(1, 600),
)
def test_follow_back_nudges_agree_with_the_check(checker, backs, delay):
    builder = TimelineBuilder().subject("brand", "twitter:brand", handle="@brand")
    for n, minutes in enumerate(backs):
        builder.account(f"twitter:person{n}", followers=200, following=180, bio="Hiker")
        builder.follow(f"twitter:person{n}", "twitter:brand", after="2h")
        if minutes is not None:
            builder.follow("twitter:brand", f"twitter:person{n}", after=f"{minutes}m")
    builder.account("twitter:newcomer", followers=200, following=180, bio="Hiker")
    builder.follow("twitter:newcomer", "twitter:brand", after="2h")
    builder.follow("twitter:brand", "twitter:newcomer", after=f"{delay}m")
    *history, draft = builder.actions
    reviewer = Reviewer(Timeline(builder.accounts, history), checker=checker)
    nudges = reviewer(draft)
    found = checker.check(Timeline(builder.accounts, builder.actions)).findings
    for nudge in nudges:
        assert any(agrees(nudge, finding, reviewer.habits) for finding in found), (nudge, found)
    hasty = sum(1 for m in backs if m is not None and m <= 15) + (delay <= 15)
    if delay <= 15 and len(backs) + 1 >= 5 and hasty / (len(backs) + 1) >= 0.5:
        assert [n.code for n in nudges] == ["SN301"]
    else:
        assert [n.code for n in nudges] == []
