"""Fixtures for the no-autofollow tests: a bakery and its new followers, checked and
reviewed with this guideline only."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from socialnorms import Action, Checker, Config, Report, Reviewer, Timeline
from socialnorms.guidelines import no_autofollow
from socialnorms.testing import TimelineBuilder, isolated_plugin_manager, registered, run_checks

START = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)
BRAND = "twitter:bakery"
PERSON = {
    "bio": "Loves bread and long walks",
    "followers": 300,
    "following": 250,
    "created": "2017-03-01T00:00:00Z",
}


def _moment(days: float = 0, hours: float = 0) -> datetime:
    return START + timedelta(days=days, hours=hours)


def _bakery() -> TimelineBuilder:
    return TimelineBuilder(start=START).subject(
        "bakery", BRAND, handle="@bakery", followers=900, following=200
    )


def _followed(back_minutes: Sequence[float | None], *, via: str | None = None) -> TimelineBuilder:
    """People follow the bakery five hours apart (``in<i>`` by ``twitter:person<i>``);
    ``back_minutes[i]`` is how soon the bakery follows back (``back<i>``), or ``None``."""
    builder = _bakery()
    for i, delay in enumerate(back_minutes):
        person = f"twitter:person{i}"
        builder.account(person, **PERSON)
        builder.follow(person, BRAND, id=f"in{i}", at=_moment(hours=i * 5))
        if delay is not None:
            extra = {"via": via} if via else {}
            at = _moment(hours=i * 5 + delay / 60)
            builder.follow(BRAND, person, id=f"back{i}", at=at, **extra)
    return builder


def _check(source: TimelineBuilder | Timeline, **config: Any) -> Report:
    return run_checks(source, no_autofollow.no_autofollow, config=Config(**config))


@pytest.fixture
def moment() -> Callable[..., datetime]:
    """``moment(days, hours)``: that long after the tests' start."""
    return _moment


@pytest.fixture
def bakery() -> Callable[[], TimelineBuilder]:
    """A builder with the bakery (subject ``bakery``, ``twitter:bakery``) and nothing else."""
    return _bakery


@pytest.fixture
def person() -> dict[str, Any]:
    """The account fields of a genuine person."""
    return dict(PERSON)


@pytest.fixture
def followed() -> Callable[..., TimelineBuilder]:
    """``followed(back_minutes, via=None)``: new followers, followed back that soon."""
    return _followed


@pytest.fixture
def check() -> Callable[..., Report]:
    """``check(source, **config)``: no-autofollow's report."""
    return _check


@pytest.fixture(scope="module")
def checker() -> Iterator[Checker]:
    """A Checker with no-autofollow only."""
    pm = isolated_plugin_manager()
    with registered(pm, no_autofollow):
        yield Checker(plugin_manager=pm)


@pytest.fixture
def review_last(checker: Checker) -> Callable[[TimelineBuilder], tuple[Reviewer, Action]]:
    """A Reviewer (no-autofollow only) of all but the builder's last action, and
    that action as the draft."""

    def review(builder: TimelineBuilder) -> tuple[Reviewer, Action]:
        *history, draft = builder.actions
        return Reviewer(Timeline(builder.accounts, history), checker=checker), draft

    return review
