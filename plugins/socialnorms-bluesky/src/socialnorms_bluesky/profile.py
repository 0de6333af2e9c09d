"""The audience profile of Bluesky, with the source of every figure."""

from __future__ import annotations

from datetime import timedelta

from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .text import MAX_GRAPHEMES, BlueskySyntax

__all__ = ["PROFILE"]

PROFILE = NetworkProfile(
    id="bluesky",
    name="Bluesky",
    aliases=("bsky",),
    audience=(
        "A public audience much like early Twitter's (journalists, researchers, "
        "developers, artists) that picks its own feeds and moderation."
    ),
    purpose="Short public conversation and news in custom feeds, without ads in the timeline.",
    welcome_topics={
        "technology": 0.8,
        "science": 0.8,
        "politics": 0.6,
        "entertainment": 0.6,
        "sports": 0.6,
        "gaming": 0.6,
        "education": 0.5,
    },
    unwelcome_topics={"marketing": 0.4, "dating": 0.4},
    max_length=MAX_GRAPHEMES,
    syntax=BlueskySyntax(),
    mention_pattern=(
        r"(?<![\w@])@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]"
    ),
    hashtag_norm=3,
    max_hashtags=None,
    invitations=False,
    default_invitations=(),
    one_way_follows=True,
    response_time=timedelta(hours=4),
    flood_posts_per_day=10,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("bluesky"),
    sources={
        "welcome_topics": (
            "Editorial judgement from Bluesky's public, news-and-conversation use; weights are "
            "the project's defaults."
        ),
        "max_length": (
            "300 graphemes and 3,000 bytes (bluesky-social/atproto "
            "lexicons/app/bsky/feed/post.json: maxGraphemes 300, maxLength 3000); links count "
            "as written, a link card does not."
        ),
        "mention_pattern": "Handles are domain names (atproto handle specification).",
        "hashtag_norm": (
            "No published figure; tags work as on X, where two or three is the advice. Default 3."
        ),
        "invitations": "There are no connection requests; anyone may follow a public account.",
        "one_way_follows": "Following needs no acceptance (atproto app.bsky.graph.follow records).",
        "response_time": "Sprout Social Index 2016: people expect an answer within 4 hours on average.",
        "flood_posts_per_day": "No published figure; by analogy with X, more than 10 a day floods.",
        "replies_show_thread": "A reply is shown with the post it answers.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)
