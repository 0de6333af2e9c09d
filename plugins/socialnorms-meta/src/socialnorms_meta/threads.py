"""The audience profile of Threads, with the source of every figure.

Entry point ``threads``: block it alone with ``SOCIALNORMS_DISABLE_PLUGINS=threads``.
"""

from __future__ import annotations

from datetime import timedelta

import socialnorms
from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .text import USERNAME_MENTION, MetaSyntax

__all__ = ["PROFILE", "register_networks"]

PROFILE = NetworkProfile(
    id="threads",
    name="Threads",
    aliases=(),
    audience=(
        "Instagram's audience in text form: creators, brands and their followers, many "
        "of them arriving from Instagram."
    ),
    purpose="Casual public conversation in short text posts, with one topic tag to be found.",
    welcome_topics={
        "entertainment": 0.8,
        "technology": 0.7,
        "sports": 0.7,
        "personal-life": 0.7,
        "marketing": 0.5,
        "business": 0.5,
        "gaming": 0.6,
    },
    unwelcome_topics={"dating": 0.3},
    max_length=500,
    syntax=MetaSyntax(),
    mention_pattern=USERNAME_MENTION,
    hashtag_norm=1,
    max_hashtags=1,
    invitations=False,
    default_invitations=(),
    one_way_follows=True,
    response_time=timedelta(hours=4),
    flood_posts_per_day=10,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("threads"),
    sources={
        "welcome_topics": (
            "Editorial judgement from Threads' casual, conversational use; weights are the "
            "project's defaults."
        ),
        "max_length": (
            "500 characters, links included (sportskeeda.com; techjuice.pk); longer text goes "
            "in a text attachment (up to 10,000, 2025)."
        ),
        "max_hashtags": "One topic tag a post (techbuzz.ai, 2025-12).",
        "hashtag_norm": "One topic tag a post is all Threads allows.",
        "mention_pattern": "Threads usernames are Instagram usernames: 1-30 letters, digits, periods, underscores.",
        "invitations": "There are no connection requests.",
        "one_way_follows": "Following a public profile needs no acceptance.",
        "response_time": "Sprout Social Index 2016: people expect an answer within 4 hours on average.",
        "flood_posts_per_day": (
            "No published figure for Threads; by analogy with X (same short-post "
            "conversation), more than 10 a day floods."
        ),
        "replies_show_thread": "A reply is shown under the post it answers.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)


@socialnorms.hookimpl
def register_networks(register):
    """Register the Threads profile."""
    register(PROFILE)
