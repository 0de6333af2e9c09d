"""no-autofollow: auto-follow-back (SN301), followed spam (SN302), customers (SN303)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms.core.signals import SpamThresholds, looks_like_spam, spam_signals
from socialnorms.testing.strategies import timelines

G = "no-autofollow"
BRAND = "twitter:bakery"


def _brand(build):
    return build.account(BRAND, subject="bakery", handle="@bakery", followers=900, following=200)


def _person(build, name, **fields):
    defaults = {
        "bio": "Loves bread and long walks",
        "followers": 300,
        "following": 250,
        "created": "2017-03-01T00:00:00Z",
    }
    return build.account(f"twitter:{name}", **{**defaults, **fields})


def _followers(build, n, back_minutes=None, via=None, start=0):
    """``n`` people follow the brand a few hours apart; the brand follows back the ones
    ``back_minutes`` says (a number for all, or a list with None for not followed back)."""
    records = []
    for i in range(start, start + n):
        name = f"person{i}"
        records.append(_person(build, name))
        records.append(
            build.action(
                f"in{i}", "follow", f"twitter:{name}", build.stamp(hours=i * 5), target=BRAND
            )
        )
        delay = back_minutes[i - start] if isinstance(back_minutes, list) else back_minutes
        if delay is not None:
            extra = {"via": via} if via else {}
            records.append(
                build.action(
                    f"back{i}",
                    "follow",
                    BRAND,
                    build.stamp(hours=i * 5 + delay / 60),
                    target=f"twitter:{name}",
                    **extra,
                )
            )
    return records


def test_following_back_everyone_within_minutes_is_flagged(build):
    report = build.run(G, [_brand(build), *_followers(build, 10, back_minutes=2)])
    [finding] = [f for f in report.findings if f.code == "SN301"]
    assert str(finding.severity) == "error"
    assert finding.metrics["quick_or_automated"] == 10
    assert finding.metrics["median_follow_back_minutes"] == 2.0
    assert "10 of 10" in finding.message
    assert set(finding.evidence) == {f"back{i}" for i in range(10)}


def test_considered_follow_backs_days_later_stay_quiet(build):
    delays = [None, 30 * 60, None, None, 26 * 60, None, None, 50 * 60, None, None]
    report = build.run(G, [_brand(build), *_followers(build, 10, back_minutes=delays)])
    assert build.codes(report) == []
    values = {m.name: m.value for m in report.measurements}
    assert values["follow_back_share"] == 0.3
    assert values["median_follow_back_minutes"] == 30 * 60


def test_automation_via_counts_even_when_slow(build):
    report = build.run(
        G, [_brand(build), *_followers(build, 6, back_minutes=120, via="AutoFollow Pro")]
    )
    [finding] = [f for f in report.findings if f.code == "SN301"]
    assert finding.metrics["automated"] == 6


@pytest.mark.parametrize(
    ("quick", "expected"), [(4, []), (5, ["warning"]), (7, ["warning"]), (8, ["error"])]
)
def test_threshold_boundaries(build, quick, expected):
    delays = [3] * quick + [None] * (10 - quick)
    report = build.run(G, [_brand(build), *_followers(build, 10, back_minutes=delays)])
    assert [str(f.severity) for f in report.findings if f.code == "SN301"] == expected


def test_quick_minutes_boundary(build):
    at_limit = build.run(G, [_brand(build), *_followers(build, 6, back_minutes=15)])
    past_limit = build.run(G, [_brand(build), *_followers(build, 6, back_minutes=16)])
    assert "SN301" in build.codes(at_limit)
    assert "SN301" not in build.codes(past_limit)


def test_too_few_followers_are_not_judged(build):
    assert build.codes(build.run(G, [_brand(build), *_followers(build, 4, back_minutes=1)])) == []


def test_following_first_is_not_a_follow_back(build):
    records = [_brand(build)]
    for i in range(6):
        records.append(_person(build, f"p{i}"))
        records.append(
            build.action(f"out{i}", "follow", BRAND, build.stamp(hours=i), target=f"twitter:p{i}")
        )
        records.append(
            build.action(
                f"in{i}", "follow", f"twitter:p{i}", build.stamp(hours=i, days=0.001), target=BRAND
            )
        )
    assert "SN301" not in build.codes(build.run(G, records))


# -- SN302 -----------------------------------------------------------------------------


def _spammer(build, name="win_big_777", **fields):
    defaults = {
        "bio": "",
        "followers": 3,
        "following": 5100,
        "default_avatar": True,
        "created": build.stamp(days=-5),
    }
    records = [build.account(f"twitter:{name}", **{**defaults, **fields})]
    for i in range(4):
        records.append(
            build.post(
                f"{name}{i}",
                f"twitter:{name}",
                build.stamp(days=-4 + i),
                f"FREE iPhone giveaway, click now http://short.example/{i}",
            )
        )
    return records


def test_following_back_a_spam_account_names_its_signals(build):
    records = [
        _brand(build),
        *_spammer(build),
        build.action("in", "follow", "twitter:win_big_777", build.stamp(), target=BRAND),
        build.action("back", "follow", BRAND, build.stamp(hours=20), target="twitter:win_big_777"),
    ]
    [finding] = build.run(G, records).findings
    assert finding.code == "SN302"
    assert finding.evidence == ("back",)
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
    assert "Followed back" in finding.message
    assert str(finding.severity) == "error"  # seven signals: beyond doubt


def test_tag_spam_alone_is_enough(build):
    records = [
        _brand(build),
        _person(build, "listed", tags=["spam"]),
        build.action("back", "follow", BRAND, build.stamp(), target="twitter:listed"),
    ]
    [finding] = build.run(G, records).findings
    assert finding.metrics["signals"] == ["tagged-spam"]
    assert str(finding.severity) == "error"


def test_three_signals_are_a_warning(build):
    records = [
        _brand(build),
        _person(
            build,
            "fresh",
            bio="",
            default_avatar=True,
            followers=4,
            following=90,
            created=build.stamp(days=-200),
        ),
        build.action("back", "follow", BRAND, build.stamp(), target="twitter:fresh"),
    ]
    [finding] = build.run(G, records).findings
    assert finding.metrics["signals"] == ["few-followers", "default-avatar", "empty-bio"]
    assert str(finding.severity) == "warning"


def test_two_signals_do_not_make_a_spammer(build):
    records = [
        _brand(build),
        _person(build, "newbie", bio="", default_avatar=True),
        build.action("back", "follow", BRAND, build.stamp(), target="twitter:newbie"),
    ]
    assert build.codes(build.run(G, records)) == []


def test_unfollowed_spam_is_no_longer_reported(build):
    records = [
        _brand(build),
        *_spammer(build),
        build.action("back", "follow", BRAND, build.stamp(), target="twitter:win_big_777"),
        build.action("undo", "unfollow", BRAND, build.stamp(hours=3), target="twitter:win_big_777"),
    ]
    assert build.codes(build.run(G, records)) == []


def test_customers_never_look_like_spam(build):
    tl = build.timeline_of(_spammer(build, tags=["customer"]))
    assert spam_signals(tl, "twitter:win_big_777")
    assert looks_like_spam(tl, "twitter:win_big_777") == ()


def test_follow_ratio_boundary(build):
    at = build.timeline_of([build.account("twitter:a", followers=10, following=500)])
    below = build.timeline_of([build.account("twitter:a", followers=10, following=499)])
    assert [s.name for s in spam_signals(at, "twitter:a")] == ["follow-ratio", "few-followers"]
    assert [s.name for s in spam_signals(below, "twitter:a")] == ["few-followers"]


# -- SN303 -----------------------------------------------------------------------------


def _customer(build, follow_back_hours=None, ends_after_days=5):
    records = [
        _brand(build),
        _person(build, "regular", tags=["customer"]),
        build.action("cust", "follow", "twitter:regular", build.stamp(), target=BRAND),
        build.post("later", BRAND, build.stamp(days=ends_after_days), "Fresh rye today"),
    ]
    if follow_back_hours is not None:
        records.append(
            build.action(
                "fb",
                "follow",
                BRAND,
                build.stamp(hours=follow_back_hours),
                target="twitter:regular",
            )
        )
    return records


def test_customer_not_followed_back_is_an_info_note(build):
    [finding] = build.run(G, _customer(build)).findings
    assert finding.code == "SN303"
    assert str(finding.severity) == "info"
    assert finding.evidence == ("cust",)
    assert "twitter:regular" in finding.message


def test_customer_followed_back_is_quiet(build):
    assert build.codes(build.run(G, _customer(build, follow_back_hours=30))) == []


def test_customer_who_just_followed_is_not_reported_yet(build):
    assert build.codes(build.run(G, _customer(build, ends_after_days=0.5))) == []


def test_customer_followed_by_another_account_of_the_subject_is_quiet(build):
    records = _customer(build)
    records.append(build.account("twitter:bakery_help", subject="bakery"))
    records.append(
        build.action(
            "fb2", "follow", "twitter:bakery_help", build.stamp(hours=5), target="twitter:regular"
        )
    )
    assert build.codes(build.run(G, records)) == []


@settings(max_examples=50, deadline=None)
@given(timelines(), st.integers(min_value=1, max_value=5))
def test_looks_like_spam_is_the_signals_when_enough_agree(tl, min_signals):
    # looks_like_spam skips reading posts when they could not tip the balance;
    # its verdict must still follow the definition from spam_signals.
    thresholds = SpamThresholds(min_signals=min_signals, min_posts=1)
    for account in tl.accounts.values():
        signals = spam_signals(tl, account.id, thresholds=thresholds)
        tagged = any(s.name == "tagged-spam" for s in signals)
        expected = (
            ()
            if account.has_tag("customer")
            else signals
            if tagged or len(signals) >= min_signals
            else ()
        )
        assert looks_like_spam(tl, account.id, thresholds=thresholds) == expected
