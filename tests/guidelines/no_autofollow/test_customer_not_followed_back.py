"""SN303 customer-not-followed-back: a customer who follows is followed by no account
of the subject; the nudge before an unfollow that would leave a customer so."""

from __future__ import annotations

from socialnorms import Action
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

BRAND = "twitter:bakery"
REGULAR = "twitter:regular"


def customer(bakery, person, moment, *, back_after_hours=None, ends_after_days=5):
    """A customer follows the bakery (``cust``); the bakery posts ``ends_after_days``
    later and follows back after ``back_after_hours`` (``fb``), or never."""
    builder = bakery().account(REGULAR, **person, tags=["customer"])
    builder.follow(REGULAR, BRAND, id="cust", at=moment())
    builder.post(BRAND, "Fresh rye today", at=moment(days=ends_after_days))
    if back_after_hours is not None:
        builder.follow(BRAND, REGULAR, id="fb", at=moment(hours=back_after_hours))
    return builder


def test_a_customer_not_followed_back_is_an_info_note(bakery, person, moment, check):
    report = check(customer(bakery, person, moment))
    (finding,) = assert_findings(report, codes={"SN303"}, evidence={"cust"}, severity="info")
    assert REGULAR in finding.message and finding.metrics == {"customer": REGULAR}


def test_a_customer_followed_back_is_quiet(bakery, person, moment, check):
    assert_quiet(check(customer(bakery, person, moment, back_after_hours=30)))


def test_a_customer_who_just_followed_is_not_reported_yet(bakery, person, moment, check):
    builder = customer(bakery, person, moment, ends_after_days=0.5)
    assert_quiet(check(builder))
    sooner = {"SN303": {"grace_hours": 6}}
    assert_findings(check(builder, options=sooner), codes={"SN303"})


def test_a_customer_followed_by_another_account_of_the_subject_is_quiet(
    bakery, person, moment, check
):
    builder = customer(bakery, person, moment)
    builder.account("twitter:bakery_help", subject="bakery")
    builder.follow("twitter:bakery_help", REGULAR, at=moment(hours=5))
    assert_quiet(check(builder))


def test_a_shop_on_another_network_that_follows_its_customers_back_stays_quiet(check):
    builder = TimelineBuilder(start="2026-04-06T09:00:00Z").subject("fiori", "instagram:fiori")
    for i in range(3):
        buyer = f"instagram:cliente{i}"
        builder.account(buyer, bio="Amo i fiori", followers=150, tags=["customer"])
        builder.follow(buyer, "instagram:fiori", after="1d")
        builder.follow("instagram:fiori", buyer, after="4h")
    builder.post("instagram:fiori", "Tulipani freschi oggi", after="3d")
    assert_quiet(check(builder, select=["SN303"]))


# -- the review of a draft ------------------------------------------------------------------------


def test_unfollowing_a_customer_is_nudged_and_unfollowing_a_stranger_is_not(
    bakery, person, review_last
):
    builder = bakery().account("twitter:buyer", **person, tags=["customer"])
    builder.account("twitter:someone", **person)
    builder.follow("twitter:buyer", BRAND, id="cust").follow(BRAND, "twitter:buyer", after="3h")
    builder.follow("twitter:someone", BRAND).follow(BRAND, "twitter:someone", after="3h")
    builder.unfollow(BRAND, "twitter:buyer", after="3d")
    reviewer, unfollow = review_last(builder)
    (nudge,) = reviewer(unfollow)
    assert nudge.code == "SN303" and nudge.evidence == ("cust", unfollow.id)
    assert nudge.metrics["customer"] == "twitter:buyer"
    stranger = Action(
        kind="unfollow", actor=BRAND, at=unfollow.at, target="twitter:someone", id="d2"
    )
    assert reviewer(stranger) == []


def test_an_unfollow_while_another_account_still_follows_the_customer_is_not_nudged(
    bakery, person, review_last
):
    builder = bakery().account("twitter:buyer", **person, tags=["customer"])
    builder.account("twitter:bakery_help", subject="bakery")
    builder.follow("twitter:buyer", BRAND).follow(BRAND, "twitter:buyer", after="3h")
    builder.follow("twitter:bakery_help", "twitter:buyer", after="1h")
    builder.unfollow(BRAND, "twitter:buyer", after="3d")
    reviewer, unfollow = review_last(builder)
    assert reviewer(unfollow) == []
