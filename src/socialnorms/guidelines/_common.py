"""Small helpers the built-in guidelines share."""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable
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
