"""The audience profile of Instagram, with the source of every figure.

Entry point ``instagram`` (the profile and the reader of the download, ``--from instagram``):
block it alone with ``SOCIALNORMS_DISABLE_PLUGINS=instagram``.
"""

from __future__ import annotations

from datetime import timedelta

import socialnorms
from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .download import INSTAGRAM_READER
from .text import USERNAME_MENTION, MetaSyntax

__all__ = ["PROFILE", "register_networks", "register_readers"]

PROFILE = NetworkProfile(
    id="instagram",
    name="Instagram",
    aliases=("ig",),
    audience=(
        "A visual, mostly mobile audience that follows friends, creators and brands "
        "for photos, reels and stories."
    ),
    purpose=(
        "Sharing pictures and short videos with a caption; links in captions are not "
        "clickable, so text-and-link posts from other networks fall flat."
    ),
    welcome_topics={
        "personal-life": 0.9,
        "entertainment": 0.9,
        "sports": 0.7,
        "health": 0.6,
        "marketing": 0.5,
        "gaming": 0.5,
    },
    unwelcome_topics={"finance": 0.3, "careers": 0.3, "politics": 0.3},
    max_length=2200,
    syntax=MetaSyntax(),
    mention_pattern=USERNAME_MENTION,
    hashtag_norm=5,
    max_hashtags=5,
    invitations=False,
    default_invitations=(),
    one_way_follows=True,
    response_time=timedelta(hours=4),
    flood_posts_per_day=3,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("instagram"),
    sources={
        "welcome_topics": (
            "Editorial judgement from Instagram's visual, personal use; weights are the "
            "project's defaults."
        ),
        "max_length": (
            "Caption 2,200 characters, cut after about 125 in the feed (Sprout Social "
            "character guide; yanceyred.com)."
        ),
        "max_hashtags": (
            "Sources disagree by date: 30 hashtags a post until December 2025, then 5 "
            "(techbuzz.ai, shiftdelete.net, 2025-12-19). Default 5, the cap in force."
        ),
        "hashtag_norm": (
            "Older studies found 9 (TrackMaven) or 11 and more best; Instagram now says a few "
            "specific tags perform better and caps them at 5. Default 5."
        ),
        "one_way_follows": "Following a public account needs no acceptance; private ones approve followers.",
        "mention_pattern": (
            "Usernames have 1-30 letters, digits, periods and underscores and do not end "
            "with a period (Instagram help centre)."
        ),
        "invitations": "There are no connection requests; private accounts approve followers.",
        "response_time": "Sprout Social Index 2016: people expect an answer within 4 hours on average.",
        "flood_posts_per_day": (
            "Hootsuite 2023: 3-7 feed posts a week; Mosseri (2021): 2 feed posts a week and "
            "2 stories a day. Default: more than 3 feed posts a day floods."
        ),
        "replies_show_thread": "A comment appears under the post it answers.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)


@socialnorms.hookimpl
def register_networks(register):
    """Register the Instagram profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of Instagram's "Download your information" (JSON)."""
    register(INSTAGRAM_READER)
