"""The audience profile of X (formerly Twitter), with the source of every figure."""

from __future__ import annotations

from datetime import timedelta

from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .text import MAX_WEIGHTED_LENGTH, TwitterSyntax

__all__ = ["PROFILE"]

PROFILE = NetworkProfile(
    id="twitter",
    name="X (Twitter)",
    aliases=("x",),
    audience=(
        "A broad public audience (journalists, developers, fans, customers and brands) "
        "that follows people and topics rather than friends."
    ),
    purpose=(
        "Fast, public conversation about what is happening now: news, live commentary, "
        "quick questions to brands and short replies."
    ),
    welcome_topics={
        "technology": 0.8,
        "entertainment": 0.8,
        "sports": 0.8,
        "gaming": 0.7,
        "science": 0.7,
        "politics": 0.6,
        "business": 0.6,
        "marketing": 0.6,
        "finance": 0.6,
        "education": 0.5,
        "health": 0.5,
        "careers": 0.5,
    },
    unwelcome_topics={"dating": 0.4},
    max_length=MAX_WEIGHTED_LENGTH,
    syntax=TwitterSyntax(),
    mention_pattern=r"(?<![A-Za-z0-9_!@#$%&*])@[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@]|://)",
    hashtag_norm=2,
    max_hashtags=None,
    invitations=False,
    default_invitations=(),
    one_way_follows=True,
    response_time=timedelta(hours=4),
    flood_posts_per_day=10,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("twitter"),
    sources={
        "welcome_topics": (
            "Editorial judgement from X's use for news, live events, technology and fandoms; "
            "weights are the project's defaults."
        ),
        "max_length": (
            "280 weighted characters, every URL 23, CJK and emoji 2: "
            "https://developer.x.com/en/docs/counting-characters and twitter/twitter-text "
            "config/v3.json. Subscribers may post up to 25,000 characters (raised from "
            "10,000 on 2023-06-20); the profile keeps the limit every account has."
        ),
        "mention_pattern": "Handles are 1-15 letters, digits or underscores (twitter-text extractor).",
        "hashtag_norm": (
            "X's own advice is at most two hashtags a post; TrackMaven (65,000 posts) found "
            "one best, and posts with three or more drew about 17% less engagement "
            "(enthof.com, brandonlazovic.com, creativewebconceptsusa.com)."
        ),
        "response_time": (
            "Sources disagree: Lithium/Millward Brown 2013 (n=501) found 53% of people who "
            "mention a brand expect an answer within 1 hour (72% for a complaint); the Sprout "
            "Social Index 2016 found people expect 4 hours on average while brands take 10. "
            "Default 4 hours: the average expectation, beyond which a mention reads as ignored."
        ),
        "flood_posts_per_day": (
            "Recommended 1-5 posts a day (Hootsuite 2023) or at least 3 (Buffer/SumAll); no "
            "study gives a ceiling. Default 10, twice the upper recommendation, since live "
            "commentary is normal on X."
        ),
        "invitations": "There are no connection requests; protected accounts approve followers.",
        "one_way_follows": "Following needs no acceptance (public accounts).",
        "replies_show_thread": "A reply shows 'Replying to @…' and opens in its conversation.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)
