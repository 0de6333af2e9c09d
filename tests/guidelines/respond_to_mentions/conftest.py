"""Fixtures for the respond-to-mentions tests: a café its guests ask questions, checked
and reviewed with this guideline only."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from socialnorms import Action, Checker, Config, NetworkProfile, Report, Reviewer, Timeline
from socialnorms.guidelines import respond_to_mentions
from socialnorms.testing import TimelineBuilder, isolated_plugin_manager, registered, run_checks

START = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)
BRAND = "twitter:cafe"
ASKS = [
    "@cafe are you open on the bank holiday?",
    "hello @cafe, do you have oat milk",
    "@cafe my card was charged twice this morning",
    "Is the terrace at @cafe dog friendly?",
    "@cafe can I book the back room for twelve people?",
    "@cafe any vegan cakes this week",
    "quick one @cafe: do you sell gift cards?",
    "@cafe lost my scarf there yesterday, anyone found it?",
]
GENUINE = {
    "bio": "Coffee person",
    "followers": 120,
    "following": 150,
    "created": "2019-01-01T00:00:00Z",
}


def _moment(days: float = 0, hours: float = 0) -> datetime:
    return START + timedelta(days=days, hours=hours)


def _cafe() -> TimelineBuilder:
    return TimelineBuilder(start=START).subject("cafe", BRAND, handle="@cafe")


def _asked(
    answered_after_hours: Sequence[float | None], *, end_days: float = 12
) -> TimelineBuilder:
    """One question a day by a genuine guest, ``m<i>``; ``answered_after_hours[i]`` is how
    long the café took to reply (``a<i>``), or ``None`` for never. The café posts again
    at ``end_days``, where the data ends."""
    builder = _cafe()
    for i, delay in enumerate(answered_after_hours):
        guest = f"twitter:guest{i}"
        builder.account(guest, handle=f"@guest{i}", **GENUINE)
        builder.post(guest, ASKS[i % len(ASKS)], id=f"m{i}", at=_moment(days=i))
        if delay is not None:
            builder.reply(
                BRAND, f"@guest{i} yes, see you soon", to=f"m{i}", id=f"a{i}", at=_moment(i, delay)
            )
    return builder.post(BRAND, "Specials board is up", id="end", at=_moment(days=end_days))


def _check(
    source: TimelineBuilder | Timeline,
    *,
    networks: Sequence[NetworkProfile] = (),
    **config: Any,
) -> Report:
    """Check ``source`` with respond-to-mentions only."""
    return run_checks(
        source,
        respond_to_mentions.respond_to_mentions,
        networks=networks,
        config=Config(**config),
    )


@pytest.fixture
def moment() -> Callable[..., datetime]:
    """``moment(days, hours)``: that long after the tests' start."""
    return _moment


@pytest.fixture
def cafe() -> Callable[[], TimelineBuilder]:
    """A builder with the café (subject ``cafe``, ``twitter:cafe``) and nothing else."""
    return _cafe


@pytest.fixture
def asked() -> Callable[..., TimelineBuilder]:
    """``asked(delays, end_days=12)``: a question a day, answered after ``delays`` hours."""
    return _asked


@pytest.fixture
def check() -> Callable[..., Report]:
    """``check(source, networks=(), **config)``: respond-to-mentions' report."""
    return _check


@pytest.fixture(scope="module")
def checker() -> Iterator[Checker]:
    """A Checker with respond-to-mentions only."""
    pm = isolated_plugin_manager()
    with registered(pm, respond_to_mentions):
        yield Checker(plugin_manager=pm)


@pytest.fixture
def review_last(checker: Checker) -> Callable[[TimelineBuilder], tuple[Reviewer, Action]]:
    """A Reviewer (respond-to-mentions only) of all but the builder's last action, and
    that action as the draft."""

    def review(builder: TimelineBuilder) -> tuple[Reviewer, Action]:
        *history, draft = builder.actions
        return Reviewer(Timeline(builder.accounts, history), checker=checker), draft

    return review
