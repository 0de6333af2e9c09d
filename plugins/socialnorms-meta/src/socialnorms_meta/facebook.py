"""The audience profile of Facebook, with the source of every figure.

Entry point ``facebook`` (the profile and the reader of the download, ``--from facebook``):
block it alone with ``SOCIALNORMS_DISABLE_PLUGINS=facebook``.
"""

from __future__ import annotations

from datetime import timedelta

import socialnorms
from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .download import FACEBOOK_READER
from .text import MetaSyntax

__all__ = ["PROFILE", "register_networks", "register_readers"]

PROFILE = NetworkProfile(
    id="facebook",
    name="Facebook",
    aliases=("fb",),
    audience=(
        "Friends, family and local communities, and the customers who follow a business's Page."
    ),
    purpose=(
        "Keeping up with people one knows and with local businesses, groups and events; "
        "longer posts, photos and community news."
    ),
    welcome_topics={
        "personal-life": 0.9,
        "entertainment": 0.7,
        "sports": 0.6,
        "health": 0.5,
        "education": 0.5,
        "business": 0.4,
        "marketing": 0.4,
    },
    unwelcome_topics={"dating": 0.5, "careers": 0.2},
    max_length=63206,
    syntax=MetaSyntax(),
    mention_pattern=r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.]{0,49}(?![\w@])",
    hashtag_norm=1,
    max_hashtags=None,
    invitations=True,
    default_invitations=(),
    one_way_follows=False,
    response_time=timedelta(hours=4),
    flood_posts_per_day=2,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("facebook"),
    sources={
        "welcome_topics": (
            "Editorial judgement from Facebook's use among friends, family and local "
            "communities; weights are the project's defaults."
        ),
        "max_length": "63,206 characters a post; comments 8,000 (sproutsocial.com character counter).",
        "hashtag_norm": (
            "TrackMaven found 1 hashtag best on Facebook and some studies find none best "
            "(enthof.com, creativewebconceptsusa.com). Default 1."
        ),
        "invitations": (
            "Friend requests carry no text, so there are no stock notes to spot; the request "
            "itself needs acceptance."
        ),
        "one_way_follows": (
            "Profiles connect by mutual friend requests; Pages and professional mode have "
            "one-way followers. Default: two-way, as for profiles."
        ),
        "mention_pattern": (
            "Mentions are picked by name; an @username has letters, digits and periods "
            "(Facebook usernames, at most 50 characters)."
        ),
        "response_time": (
            "Sprout Social Index 2016: people expect an answer within 4 hours on average."
        ),
        "flood_posts_per_day": (
            "Buffer/SumAll and Hootsuite recommend at most 1-2 posts a day; HubSpot found Pages "
            "with under 10k followers got 50% fewer clicks per post when posting twice a day. "
            "Default: more than 2 a day floods."
        ),
        "replies_show_thread": "A comment appears under the post it answers.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)


@socialnorms.hookimpl
def register_networks(register):
    """Register the Facebook profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of Facebook's "Download your information" (JSON)."""
    register(FACEBOOK_READER)
