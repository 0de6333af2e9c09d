"""no-autofollow as a whole: the measurements every subject and network with new
followers gets, whichever rules are selected, and which drafts are reviewed at all."""

from __future__ import annotations

import pytest

from socialnorms import Action

BRAND = "twitter:bakery"
CONSIDERED = [None, 30 * 60, None, None, 26 * 60, None, None, 50 * 60, None, None]


def measured(report) -> dict[str, float | int]:
    return {m.name: m.value for m in report.measurements}


def test_new_followers_and_follow_backs_are_measured(followed, check):
    values = measured(check(followed(CONSIDERED)))
    assert values == {
        "new_followers": 10,
        "follow_back_share": 0.3,
        "median_follow_back_minutes": 30 * 60,
    }


@pytest.mark.parametrize("ignored", [["SN301"], ["SN302", "SN303"]])
def test_measurements_do_not_depend_on_the_rules_selected(followed, check, ignored):
    builder = followed([2, 2, None, 2, 2, 2])
    assert measured(check(builder, ignore=ignored)) == measured(check(builder))


def test_follows_that_change_nothing_are_not_reviewed(bakery, person, review_last):
    builder = bakery().account("twitter:listed", **person, tags=["spam"])
    builder.account("twitter:buyer", **person, tags=["customer"])
    builder.follow("twitter:buyer", BRAND, after="1h")
    builder.follow(BRAND, "twitter:listed", after="1h")
    builder.follow(BRAND, "twitter:listed", after="2d")  # still following: nothing changes
    reviewer, again = review_last(builder)
    assert reviewer(again) == []
    not_followed = Action(
        kind="unfollow", actor=BRAND, at=again.at, target="twitter:buyer", id="d2"
    )
    assert reviewer(not_followed) == []


def test_follows_among_the_subjects_own_accounts_are_not_reviewed(bakery, review_last):
    builder = bakery().account("twitter:bakery_help", subject="bakery")
    builder.follow("twitter:bakery_help", BRAND)
    builder.follow(BRAND, "twitter:bakery_help", after="1m")
    reviewer, draft = review_last(builder)
    assert reviewer(draft) == []
