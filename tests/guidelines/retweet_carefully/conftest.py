"""Fixtures for the tests of retweet-carefully: the subject Northwind, shares of
friends' posts, and the guideline's check and review run alone."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from socialnorms import Checker, Config, Finding, Report, Reviewer, Timeline
from socialnorms.guidelines import retweet_carefully
from socialnorms.io.activity import read_activity
from socialnorms.testing import TimelineBuilder, isolated_plugin_manager, registered

BRAND = "twitter:northwind"
START = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)

PRAISE = [
    "Huge thanks to @northwind for fixing my order so fast",
    "@northwind you are the best, seriously",
    "Cannot recommend @northwind enough!",
    "Another great day thanks to @northwind",
    "Props to @northwind support",
    "@northwind came through again",
    "Brilliant service from @northwind today",
    "Love what @northwind is doing",
]
USEFUL = [
    "A field guide to cold-weather cycling https://ride.example/guide",
    "New data on urban bike lanes and commute times https://cityhall.example/report",
    "Photo essay: the last ferry routes of the north https://photo.example/ferries",
    "Ten lessons from running a repair cafe for a year https://repair.example/lessons",
    "Open dataset of rural bus stops, free to use https://open.example/stops",
    "How to read a tide table, explained simply https://sea.example/tides",
    "Interview with a lighthouse keeper on 30 years of storms https://mag.example/keeper",
    "Why winter tyres matter more than you think https://road.example/tyres",
]


def at(hours: float = 0.0) -> datetime:
    """``hours`` after the tests' start (2026-04-06 09:00 UTC)."""
    return START + timedelta(hours=hours)


def northwind(**fields: Any) -> TimelineBuilder:
    """The subject ``northwind`` on X, with its shop's site as its url."""
    return TimelineBuilder(start=START).account(
        BRAND,
        subject="northwind",
        handle="@northwind",
        url="https://www.northwind.example/shop",
        **fields,
    )


def shares(
    builder: TimelineBuilder,
    texts: Sequence[str],
    *,
    step_hours: float = 20,
    kind: str = "repost",
    **post_fields: Any,
) -> TimelineBuilder:
    """A friend's post per text (``o0``, ``o1``, …), one every ``step_hours``, each
    shared by Northwind an hour later (``r0``, ``r1``, …): a repost, or a quote that
    says "Worth a read"."""
    for i, text in enumerate(texts):
        builder.post(f"twitter:friend{i}", text, id=f"o{i}", at=at(i * step_hours), **post_fields)
        when = at(i * step_hours + 1)
        if kind == "repost":
            builder.repost(BRAND, to=f"o{i}", id=f"r{i}", at=when)
        else:
            builder.quote(BRAND, "Worth a read", to=f"o{i}", id=f"r{i}", at=when)
    return builder


@contextlib.contextmanager
def _checker(config: dict[str, Any]) -> Iterator[Checker]:
    pm = isolated_plugin_manager()
    with registered(pm, retweet_carefully, name=retweet_carefully.GUIDELINE):
        yield Checker(config=Config(**config), plugin_manager=pm, strict=True)


def _timeline(source: TimelineBuilder | str, checker: Checker) -> Timeline:
    if isinstance(source, TimelineBuilder):
        return source.build(syntax=checker.syntax)
    result = read_activity(io.BytesIO(source.encode("utf-8")), name="<test>")
    return checker.timeline(result.accounts, result.actions)


def run(source: TimelineBuilder | str, **config: Any) -> Report:
    """Check a builder's timeline, or activity-format text, with the guideline alone;
    ``config`` are fields of :class:`~socialnorms.Config` (``options=``, ``ignore=``)."""
    with _checker(config) as checker:
        return checker.check(_timeline(source, checker))


def review_last(source: TimelineBuilder | str, **config: Any) -> tuple[list[Finding], Report]:
    """The nudges for the last action of ``source`` reviewed against the others, and
    the report of the check of them all (as :func:`run`)."""
    with _checker(config) as checker:
        timeline = _timeline(source, checker)
        actions = list(timeline)
        history = Timeline(timeline.accounts.values(), actions[:-1], syntax=checker.syntax)
        return Reviewer(history, checker=checker)(actions[-1]), checker.check(timeline)


@pytest.fixture(scope="session")
def check():
    """:func:`run`: check a builder or activity text with the guideline."""
    return run


@pytest.fixture(scope="session")
def review():
    """:func:`review_last`: the nudges for the last action, and the check of all."""
    return review_last


@pytest.fixture(scope="session")
def subject():
    """:func:`northwind`: a builder with the subject's account."""
    return northwind


@pytest.fixture(scope="session")
def shared():
    """:func:`shares`: friends' posts, each shared by Northwind an hour later."""
    return shares


@pytest.fixture(scope="session")
def praise() -> list[str]:
    """Eight posts of friends that praise Northwind."""
    return PRAISE


@pytest.fixture(scope="session")
def useful() -> list[str]:
    """Eight posts of friends worth sharing: each has a link and says something."""
    return USEFUL
