"""Fixtures for the tests of the cross-posting and invitation guidelines.

The network profiles here are small stand-ins with the figures the tests rely on,
so that the tests do not depend on which network plugins are installed.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import attrs
import pytest

from socialnorms import Checker, Config, NetworkProfile, Report, Topic, hookimpl
from socialnorms.core.text import GenericSyntax
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.guidelines import crosspost_with_consideration, personalize_invitations
from socialnorms.io.activity import read_activity

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
    invitations=True,
    default_invitations=(
        "I'd like to add you to my professional network on LinkedIn.",
        "I'd like to connect with you on LinkedIn.",
    ),
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


class StandIns:
    """A plugin with the stand-in profiles and topics."""

    @hookimpl
    def register_networks(self, register):
        for profile in PROFILES:
            register(profile)

    @hookimpl
    def register_topics(self, register):
        for topic in TOPICS:
            register(topic)


@attrs.frozen
class Match:
    """What the topic model's ``classify`` gives: a topic, a score, the terms found."""

    topic: str
    score: float
    terms: tuple[str, ...]


class StandInTopicModel:
    """Term matching over :data:`TOPICS`: one term scores 0.6, two 0.84."""

    def __len__(self) -> int:
        return len(TOPICS)

    def classify(self, text: str) -> tuple[Match, ...]:
        folded = " ".join(re.findall(r"\w+", text.casefold()))
        found = []
        for topic in TOPICS:
            terms = tuple(t for t in topic.terms if re.search(rf"\b{re.escape(t)}\b", folded))
            if terms:
                found.append(Match(topic.name, round(1 - 0.4 ** len(terms), 3), terms))
        return tuple(sorted(found, key=lambda m: (-m.score, m.topic)))


@attrs.frozen
class WithTopics:
    """The cross-posting check, run with the stand-in topic model when the context
    brings none."""

    guideline = crosspost_with_consideration.GUIDELINE
    rules = crosspost_with_consideration.RULES

    def run(self, ctx):
        if getattr(ctx, "topics", None) is None:
            ctx.topics = StandInTopicModel()
        return crosspost_with_consideration.crosspost_with_consideration.run(ctx)


class CrosspostWithTopics:
    @hookimpl
    def register_checks(self, register):
        register(WithTopics())


def make_checker(config: Config | None = None, *, profiles: bool = True) -> Checker:
    pm = new_plugin_manager(builtins=False, entrypoints=False, strict=True)
    pm.register(CrosspostWithTopics(), name="crosspost-with-consideration")
    pm.register(personalize_invitations, name="personalize-invitations")
    if profiles:
        pm.register(StandIns(), name="stand-ins")
    return Checker(config=config, plugin_manager=pm, strict=True)


def run(text: str, config: Config | None = None, *, profiles: bool = True) -> Report:
    """Check activity-format text with the two guidelines and the stand-in profiles."""
    checker = make_checker(config, profiles=profiles)
    result = read_activity(io.BytesIO(text.encode("utf-8")), name="<test>")
    return checker.check(checker.timeline(result.accounts, result.actions))


@pytest.fixture(scope="session")
def check():
    return run
