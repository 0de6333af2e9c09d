"""Small helpers the built-in guidelines share."""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from ..core.models import Action, ActionKind
from ..core.timeline import Timeline


def subject_networks(timeline: Timeline, subject: str) -> dict[str, tuple[str, ...]]:
    """A subject's account ids grouped by network, both sorted."""
    grouped: dict[str, list[str]] = {}
    for account in timeline.accounts_of(subject):
        grouped.setdefault(account.network, []).append(account.id)
    return {network: tuple(sorted(ids)) for network, ids in sorted(grouped.items())}


def month(moment: datetime) -> str:
    """The ``YYYY-MM`` period of a moment."""
    return f"{moment.year:04d}-{moment.month:02d}"


def median_minutes(delays: Iterable[timedelta]) -> float | None:
    """The median of ``delays`` in minutes, rounded to one decimal, or ``None``."""
    values = [d.total_seconds() / 60 for d in delays]
    return round(statistics.median(values), 1) if values else None


def percent(share: float) -> str:
    return f"{share:.0%}"


def densest_window(
    items: Sequence[tuple[Action, bool]], window: timedelta, min_items: int
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


def _time(action: Action) -> datetime:
    return action.at


def actions_between(
    timeline: Timeline,
    account_ids: Iterable[str],
    kinds: Iterable[ActionKind],
    since: datetime,
    until: datetime | None = None,
) -> list[Action]:
    """Actions of ``kinds`` by ``account_ids`` from ``since`` to ``until`` (both
    included; no end when ``None``), in time order: a bisect into each actor's
    index, no scan."""
    kinds = tuple(kinds)
    found: list[Action] = []
    for account_id in account_ids:
        for kind in kinds:
            actions = timeline.by_actor(account_id, kind)
            start = bisect.bisect_left(actions, since, key=_time)
            stop = (
                len(actions)
                if until is None
                else bisect.bisect_right(actions, until, lo=start, key=_time)
            )
            found.extend(actions[start:stop])
    found.sort(key=lambda a: (a.at, a.id))
    return found


def trailing_share(items: Sequence[tuple[Action, bool]], min_items: int) -> float | None:
    """The share of flagged items in a window that ends with a draft (``items`` hold
    it), or ``None`` when the window holds fewer than ``min_items``: the window
    :func:`densest_window` judges last once the draft is the newest action."""
    if len(items) < min_items:
        return None
    return sum(flagged for _action, flagged in items) / len(items)
