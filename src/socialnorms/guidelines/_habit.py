"""A habit: the share of flagged items among the judged ones, over a window of time.

A rule that judges a habit (``Rule.habit``) judges an account's actions one by one
into items, each flagged or not (a repost of praise is one flagged item, a post
with two links two items), and declares its options as a :class:`HabitOptions`
subclass. From those two things it gets both halves of its judgement:

- its check, :func:`worst_window`: of the windows of ``window_days``, the one where
  the flagged share is worst, once it holds enough items and crosses ``threshold``;
- its draft review, :func:`draft_window`: the window that ends with the draft
  (:func:`trailing_actions`), which is the last window the check judges once the
  draft is posted, so a nudge never names a habit the check would not report.

Without a ``window_days`` option the whole history is one window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from ..core.checks import Severity
from ..core.models import Action, ActionKind
from ..core.ruleparts import RuleOptions
from ..core.timeline import Timeline
from ._common import actions_between

#: One judged item: the action it belongs to, and whether it is flagged.
Item = tuple[Action, bool]

_EARLIEST = datetime.min.replace(tzinfo=UTC)


class HabitOptions(RuleOptions):
    """The options of a rule that judges a habit.

    A subclass declares with :func:`~socialnorms.ruleparts.option`, in the order its
    documentation lists them: ``threshold`` and ``error_threshold`` (shares), the
    fewest items a window must hold to be judged, under the name
    :attr:`minimum_option` gives (``min_items`` unless it says otherwise), and, for a
    sliding window, ``window_days``. A subclass missing one fails when it is defined.
    """

    minimum_option = "min_items"
    """The name of the option that holds the fewest items a window must hold."""
    lower_is_worse = False
    """Whether the habit is a share that is too low (a response rate): then a share
    below ``threshold`` is a warning and one below ``error_threshold`` an error."""

    if TYPE_CHECKING:
        threshold: float
        error_threshold: float

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = {o.name for o in cls.declared}
        required = ("threshold", "error_threshold", cls.minimum_option)
        missing = [name for name in required if name not in declared]
        if missing:
            raise TypeError(
                f"{cls.__qualname__}: a habit's options declare {', '.join(missing)} "
                "with option(default, reason)"
            )

    @property
    def minimum(self) -> int:
        """The fewest items a window must hold to be judged."""
        value: int = getattr(self, self.minimum_option)
        return value

    @property
    def window(self) -> timedelta | None:
        """The length of the sliding window; ``None`` when the whole history is one."""
        days = vars(self).get("window_days")
        return None if days is None else timedelta(days=days)

    def severity(self, share: float) -> Severity | None:
        """A warning from ``threshold`` on, an error from ``error_threshold``; ``None``
        before (for a share where lower is worse: below them)."""
        if self.lower_is_worse:
            if share >= self.threshold:
                return None
            return Severity.ERROR if share < self.error_threshold else Severity.WARNING
        if share < self.threshold:
            return None
        return Severity.ERROR if share >= self.error_threshold else Severity.WARNING


@attrs.frozen(slots=True)
class HabitWindow:
    """A window of judged items where a habit shows: the items in time order, their
    flagged share and the severity that share earns."""

    items: tuple[Item, ...]
    share: float
    severity: Severity

    @property
    def flagged(self) -> tuple[str, ...]:
        """The action ids of the flagged items, one per item, in time order."""
        return tuple(action.id for action, flagged in self.items if flagged)

    @property
    def first(self) -> Action:
        return self.items[0][0]

    @property
    def last(self) -> Action:
        return self.items[-1][0]

    @property
    def days(self) -> int:
        """How many days the window's items span, counting the first and the last."""
        return (self.last.at - self.first.at).days + 1


def densest_window(
    items: Sequence[Item], window: timedelta, min_items: int
) -> tuple[int, int, float] | None:
    """The full-length window of time where the share of flagged items is highest.

    ``items`` are (action, flagged) pairs in time order. When they span no more than
    ``window`` they are judged together; otherwise every window of exactly that length
    starting at an item (and the last one, ending at the last item) is judged, so
    that a short burst at either end of the data is never judged on its own.
    Returns (start, stop, share) as slice bounds into ``items``, or ``None`` when no
    window holds ``min_items``. Two pointers: linear in the number of items.
    """
    count = len(items)
    if not count:
        return None
    last = items[-1][0].at
    best: tuple[int, int, float] | None = None
    stop = 0
    flagged = 0
    for start in range(count):
        while stop < count and items[stop][0].at - items[start][0].at <= window:
            flagged += items[stop][1]
            stop += 1
        size = stop - start
        if size >= min_items:
            share = flagged / size
            if best is None or share > best[2] or (share == best[2] and size > best[1] - best[0]):
                best = (start, stop, share)
        if last - items[start][0].at <= window:
            break  # this window already reaches the end of the data
        flagged -= items[start][1]
    return best


def _judged(items: Sequence[Item], options: HabitOptions) -> HabitWindow | None:
    share = sum(flagged for _action, flagged in items) / len(items)
    severity = options.severity(share)
    return None if severity is None else HabitWindow(tuple(items), share, severity)


def worst_window(items: Sequence[Item], options: HabitOptions) -> HabitWindow | None:
    """The check: the window of ``options.window`` (items in time order) with the worst
    flagged share of those that hold ``options.minimum`` items, when that share earns
    a severity; ``None`` otherwise. See :func:`densest_window` for the windows judged."""
    window = options.window or timedelta.max
    if options.lower_is_worse:  # the worst share is the lowest: the densest unflagged
        found = densest_window([(a, not f) for a, f in items], window, options.minimum)
    else:
        found = densest_window(items, window, options.minimum)
    if found is None:
        return None
    start, stop, _share = found
    return _judged(items[start:stop], options)


def trailing_actions(
    timeline: Timeline,
    account_ids: Iterable[str],
    kinds: Iterable[ActionKind],
    options: HabitOptions,
    end: datetime,
) -> list[Action]:
    """The actions of ``kinds`` by ``account_ids`` in the window that ends at ``end``
    (both ends included), in time order: the history a draft at ``end`` is judged with."""
    window = options.window
    since = _EARLIEST if window is None else end - window
    return actions_between(timeline, account_ids, kinds, since, end)


def counts_toward(draft: Sequence[Item], options: HabitOptions) -> bool:
    """Whether a draft's items make it one more of the habit: one of them is flagged
    (is not, where lower is worse). A review asks before it reads the history."""
    return any(flagged is not options.lower_is_worse for _action, flagged in draft)


def draft_window(
    earlier: Sequence[Item], draft: Sequence[Item], options: HabitOptions
) -> HabitWindow | None:
    """The review: the window that ends with a draft, when the draft is one more of
    the habit. ``earlier`` are the judged items of :func:`trailing_actions`, ``draft``
    the draft's own; ``None`` unless the draft :func:`counts_toward` the habit and the
    window holds ``options.minimum`` items and earns a severity."""
    if not counts_toward(draft, options):
        return None
    items = [*earlier, *draft]
    if len(items) < options.minimum:
        return None
    return _judged(items, options)
