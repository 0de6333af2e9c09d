"""Fixtures for the tests of crosspost-with-consideration.

The network profiles and topics here are small stand-ins with the figures the tests
rely on, so that the tests do not depend on which network plugins are installed.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import timedelta

import pytest

from socialnorms import (
    Checker,
    Config,
    Finding,
    NetworkProfile,
    Report,
    Reviewer,
    Timeline,
    Topic,
)
from socialnorms.core.text import GenericSyntax
from socialnorms.guidelines import crosspost_with_consideration
from socialnorms.io.activity import read_activity
from socialnorms.testing import TimelineBuilder, as_plugin, isolated_plugin_manager, registered

TWITTER = NetworkProfile(
    id="twitter",
    name="X (Twitter)",
    aliases=("x",),
    purpose="Fast public conversation.",
    welcome_topics={"sports": 0.8, "business": 0.6},
    unwelcome_topics={"dating": 0.4},
    max_length=280,
    syntax=GenericSyntax(url_length=23),
    mention_pattern=r"(?<![A-Za-z0-9_!@#$%&*])@[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@]|://)",
    hashtag_norm=2,
    flood_posts_per_day=10,
    response_time=timedelta(hours=4),
)
LINKEDIN = NetworkProfile(
    id="linkedin",
    name="LinkedIn",
    purpose="Professional reputation and networking.",
    welcome_topics={"business": 1.0},
    unwelcome_topics={"sports": 0.8},
    max_length=3000,
    mention_pattern=r"(?<![\w@])@[A-Za-z0-9_][\w.-]*\b(?!@)",
    hashtag_norm=3,
    one_way_follows=False,
    flood_posts_per_day=3,
)
MASTODON = NetworkProfile(
    id="mastodon",
    name="Mastodon",
    max_length=500,
    syntax=GenericSyntax(url_length=23),
    mention_pattern=r"(?<![\w@/])@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?",
    hashtag_norm=5,
    flood_posts_per_day=12,
)
PROFILES = (TWITTER, LINKEDIN, MASTODON)

TOPICS = (
    Topic(
        "sports",
        [
            "match",
            "goal",
            "goals",
            "derby",
            "overtime",
            "football",
            "touchdown",
            "cowboys",
            "nfl",
            "fans",
            "finish",
            "stoppage time",
        ],
    ),
    Topic("business", ["report", "benchmark", "marketing", "quarter", "hiring", "customers"]),
)


def acme(start: str = "2026-03-02T09:00:00Z") -> TimelineBuilder:
    """The subject ``acme`` on X, LinkedIn and Mastodon, and Jane on X."""
    return (
        TimelineBuilder(start=start)
        .account("twitter:acme", subject="acme", handle="@acme")
        .account("linkedin:acme", subject="acme", handle="acme")
        .account("mastodon:acme", subject="acme", handle="acme@mastodon.social")
        .account("twitter:jane", handle="@jane")
    )


@contextlib.contextmanager
def _checker(select: tuple[str, ...], profiles: bool, config: dict) -> Iterator[Checker]:
    pm = isolated_plugin_manager()
    plugin = as_plugin(
        crosspost_with_consideration.crosspost_with_consideration,
        networks=PROFILES if profiles else (),
        topics=TOPICS if profiles else (),
    )
    with registered(pm, plugin, name="under-test"):
        yield Checker(config=Config(select=select, **config), plugin_manager=pm, strict=True)


def _timeline(source: TimelineBuilder | str, checker: Checker) -> Timeline:
    if isinstance(source, TimelineBuilder):
        return source.build(syntax=checker.syntax)
    result = read_activity(io.BytesIO(source.encode("utf-8")), name="<test>")
    return checker.timeline(result.accounts, result.actions)


def run(
    source: TimelineBuilder | str, *select: str, profiles: bool = True, **config: object
) -> Report:
    """Check a builder's timeline, or activity-format text, with the guideline alone
    (and the stand-in profiles and topics): the rules ``select`` names (all when none),
    with the other ``config`` fields given."""
    with _checker(select, profiles, config) as checker:
        return checker.check(_timeline(source, checker))


def review_last(
    source: TimelineBuilder | str, *select: str, profiles: bool = True, **config: object
) -> tuple[list[Finding], Report]:
    """The nudges for the last action of ``source`` reviewed against the others, and
    the report of the check of them all (as :func:`run`)."""
    with _checker(select, profiles, config) as checker:
        timeline = _timeline(source, checker)
        actions = list(timeline)
        history = Timeline(timeline.accounts.values(), actions[:-1], syntax=checker.syntax)
        nudges = Reviewer(history, checker=checker)(actions[-1])
        return nudges, checker.check(timeline)


@pytest.fixture(scope="session")
def check():
    """:func:`run`: check a builder or activity text with the guideline."""
    return run


@pytest.fixture(scope="session")
def subject():
    """:func:`acme`: a builder with the subject's accounts."""
    return acme


@pytest.fixture(scope="session")
def review():
    """:func:`review_last`: the nudges for the last action, and the check of all."""
    return review_last
