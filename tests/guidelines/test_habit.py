"""The habit block: one definition gives a windowed rule its check (the worst window)
and its draft review (the window that ends with the draft), and the two agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Action, Severity, option
from socialnorms.guidelines._habit import (
    HabitOptions,
    Item,
    draft_window,
    trailing_actions,
    worst_window,
)
from socialnorms.testing import TimelineBuilder

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class ShareOptions(HabitOptions):
    """A windowed habit whose minimum keeps a name of its own."""

    minimum_option = "min_shares"
    window_days: float = option(30, "Length of the window the share is measured over.")
    min_shares: int = option(5, "Fewest shares in a window before its share is judged.")
    threshold: float = option(0.5, "Share of flagged shares that raises a warning.")
    error_threshold: float = option(0.75, "Share of flagged shares that raises an error.")


class RateOptions(HabitOptions):
    """A habit over the whole history where a low share is the problem."""

    lower_is_worse = True
    threshold: float = option(0.5, "Rate below which a warning is raised.")
    error_threshold: float = option(0.25, "Rate below which the warning is an error.")
    min_items: int = option(3, "Fewest items before the rate is judged.")


def items_at(hours: list[int], flags: list[bool]) -> list[Item]:
    """Judged items at ``hours`` after the start (sorted), flagged as ``flags`` say."""
    return [
        (
            Action(
                kind="like",
                actor="twitter:brand",
                at=START + timedelta(hours=h),
                target="p",
                id=f"a{n}",
            ),
            f,
        )
        for n, (h, f) in enumerate(zip(sorted(hours), flags, strict=True))
    ]


@st.composite
def share_options(draw: st.DrawFn) -> ShareOptions:
    threshold = draw(st.sampled_from([0.25, 0.4, 0.5, 2 / 3, 0.8, 1.0]))
    error = draw(st.sampled_from([t for t in (0.5, 0.75, 0.9, 1.0) if t >= threshold] or [1.0]))
    return ShareOptions(
        window_days=draw(st.integers(1, 6)),
        min_shares=draw(st.integers(1, 6)),
        threshold=threshold,
        error_threshold=error,
    )


@st.composite
def judged_items(draw: st.DrawFn, min_size: int = 0) -> list[Item]:
    size = draw(st.integers(min_size, 25))
    hours = draw(st.lists(st.integers(0, 24 * 20), min_size=size, max_size=size))
    flags = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    return items_at(hours, flags)


def candidate_windows(items: list[Item], window: timedelta) -> list[list[Item]]:
    """Every window the check judges, the slow way: one from each item on, up to the
    first that reaches the last item."""
    windows = []
    for start, (first, _flag) in enumerate(items):
        windows.append([i for i in items[start:] if i[0].at - first.at <= window])
        if items[-1][0].at - first.at <= window:
            break
    return windows


def share(items: list[Item]) -> float:
    return sum(f for _a, f in items) / len(items)


@given(judged_items(), share_options())
def test_the_check_reports_the_window_with_the_highest_share(items, options):
    found = worst_window(items, options)
    judged = [w for w in candidate_windows(items, options.window) if len(w) >= options.minimum]
    best = max((share(w) for w in judged), default=None)
    if best is None or options.severity(best) is None:
        assert found is None
        return
    assert found is not None
    assert found.share == best and list(found.items) in judged
    assert found.severity is options.severity(best)
    assert found.flagged == tuple(a.id for a, f in found.items if f)
    assert found.last.at - found.first.at <= options.window


@given(judged_items(min_size=1), share_options(), st.lists(st.booleans(), min_size=1, max_size=3))
def test_the_review_judges_the_window_the_check_judges_last(items, options, draft_flags):
    """The draft is the newest action (with one or more items): its review names the
    window that ends with it, which the check judges too, so a nudge always has a
    finding of at least its severity behind it."""
    end = items[-1][0].at + timedelta(hours=1)
    draft_action = Action(kind="like", actor="twitter:brand", at=end, target="p", id="draft")
    draft = [(draft_action, f) for f in draft_flags]
    earlier = [i for i in items if i[0].at >= end - options.window]
    nudge = draft_window(earlier, draft, options)
    posted = [*items, *draft]
    finding = worst_window(posted, options)
    if nudge is None:
        last = candidate_windows(posted, options.window)[-1]
        assert (
            not any(draft_flags)
            or len(last) < options.minimum
            or options.severity(share(last)) is None
        )
        return
    assert any(draft_flags)
    assert list(nudge.items) == candidate_windows(posted, options.window)[-1]
    assert finding is not None
    assert finding.share >= nudge.share and finding.severity >= nudge.severity


@pytest.mark.parametrize(
    ("flagged", "total", "severity"),
    [(2, 5, None), (1, 2, Severity.WARNING), (2, 3, Severity.WARNING), (3, 4, Severity.ERROR)],
)
def test_a_share_is_a_warning_from_the_threshold_and_an_error_from_the_error_threshold(
    flagged, total, severity
):
    options = ShareOptions(min_shares=1)
    items = items_at(list(range(total)), [n < flagged for n in range(total)])
    found = worst_window(items, options)
    assert (found.severity if found else None) is severity
    assert ShareOptions().severity(flagged / total) is severity


def test_too_few_items_are_not_judged():
    items = items_at([0, 1, 2, 3], [True] * 4)
    assert worst_window(items, ShareOptions()) is None  # min_shares is 5
    assert worst_window(items, ShareOptions(min_shares=4)) is not None
    assert draft_window(items[:3], items[3:], ShareOptions()) is None


def test_items_spread_beyond_the_window_are_not_one_habit():
    flagged_far_apart = items_at([0, 24 * 10, 24 * 20, 24 * 30], [True] * 4)
    assert worst_window(flagged_far_apart, ShareOptions(window_days=5, min_shares=2)) is None
    found = worst_window(flagged_far_apart, ShareOptions(window_days=10, min_shares=2))
    assert found is not None and found.days == 11


def test_without_a_window_the_whole_history_is_one_window_and_a_low_rate_is_the_habit():
    answered = [True, False, False, True, False, False, False, False]
    items = items_at([n * 24 * 40 for n in range(8)], answered)  # months apart
    found = worst_window(items, RateOptions())
    assert found is not None and len(found.items) == 8
    assert found.share == 0.25 and found.severity is Severity.WARNING  # not below 0.25
    assert worst_window(items_at([0, 1, 2], [True, True, False]), RateOptions()) is None
    # a draft counts toward a low rate when it is not flagged (one more unanswered)
    assert draft_window(items[:-1], items[-1:], RateOptions()) is not None
    assert draft_window(items[:-1], [(items[-1][0], True)], RateOptions()) is None


def test_the_draft_must_be_one_more_of_the_habit():
    items = items_at([0, 1, 2, 3, 4], [True] * 5)
    assert draft_window(items[:4], [(items[4][0], False)], ShareOptions(min_shares=2)) is None
    nudge = draft_window(items[:4], items[4:], ShareOptions(min_shares=2))
    assert nudge is not None and nudge.severity is Severity.ERROR and nudge.last == items[4][0]


def test_trailing_actions_are_the_window_that_ends_at_the_draft():
    builder = TimelineBuilder().subject("brand", "twitter:brand")
    for n in range(6):
        builder.post("twitter:brand", f"news {n}", id=f"p{n}", after="1d")
    timeline = builder.build()
    end = builder.last.at
    kinds = [builder.last.kind]
    recent = trailing_actions(timeline, ["twitter:brand"], kinds, ShareOptions(window_days=2), end)
    assert [a.id for a in recent] == ["p3", "p4", "p5"]  # both ends included
    every = trailing_actions(timeline, ["twitter:brand"], kinds, RateOptions(), end)
    assert len(every) == 6


def test_habit_options_must_declare_threshold_error_threshold_and_minimum():
    with pytest.raises(TypeError, match="min_shares"):

        class NoMinimum(HabitOptions):
            minimum_option = "min_shares"
            threshold: float = option(0.5, "Share that raises a warning.")
            error_threshold: float = option(0.8, "Share that raises an error.")
            min_items: int = option(3, "Fewest items judged, under the wrong name.")

    with pytest.raises(TypeError, match="error_threshold"):

        class NoError(HabitOptions):
            threshold: float = option(0.5, "Share that raises a warning.")
            min_items: int = option(3, "Fewest items judged.")


def test_options_keep_the_order_they_are_declared_in():
    assert [o.name for o in ShareOptions.declared] == [
        "window_days",
        "min_shares",
        "threshold",
        "error_threshold",
    ]
    assert ShareOptions(min_shares=7).minimum == 7
    assert RateOptions().window is None and ShareOptions().window == timedelta(days=30)
