"""Small helpers the built-in guidelines share."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from ..models import Action
from ..timeline import Timeline


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
    """The stretch of at most ``window`` where the share of flagged items is highest.

    ``items`` are (action, flagged) pairs in time order. Returns (start, stop, share)
    as slice bounds into ``items``, or ``None`` when no stretch holds ``min_items``.
    Two pointers: linear in the number of items.
    """
    best: tuple[int, int, float] | None = None
    start = 0
    flagged = 0
    for stop, (action, is_flagged) in enumerate(items):
        flagged += is_flagged
        while action.at - items[start][0].at > window:
            flagged -= items[start][1]
            start += 1
        count = stop - start + 1
        if count >= min_items:
            share = flagged / count
            if best is None or share > best[2] or (share == best[2] and count > best[1] - best[0]):
                best = (start, stop + 1, share)
    return best
