"""The audience profile of Mastodon, with the source of every figure."""

from __future__ import annotations

from datetime import timedelta

import attrs

from socialnorms.core.profiles import NetworkProfile, foreign_crosspost_marks

from .text import DEFAULT_MAX_LENGTH, MastodonSyntax

__all__ = ["PROFILE", "for_instance"]

PROFILE = NetworkProfile(
    id="mastodon",
    name="Mastodon",
    aliases=("fediverse",),
    audience=(
        "Communities on independent servers (technologists, scientists, artists, activists) "
        "who chose a network without an algorithmic feed and value conversation over reach."
    ),
    purpose=(
        "Conversation among people, found through hashtags and follows; brands are welcome "
        "when they talk with people rather than broadcast at them."
    ),
    welcome_topics={
        "technology": 0.9,
        "science": 0.9,
        "education": 0.7,
        "gaming": 0.6,
        "politics": 0.5,
        "personal-life": 0.5,
        "health": 0.5,
    },
    unwelcome_topics={"marketing": 0.6, "finance": 0.3, "dating": 0.4},
    max_length=DEFAULT_MAX_LENGTH,
    syntax=MastodonSyntax(),
    mention_pattern=r"(?<![/\w@])@[A-Za-z0-9_]+(?:[A-Za-z0-9_.-]+[A-Za-z0-9_]+)?(?:@[\w.-]+\w)?",
    hashtag_norm=5,
    max_hashtags=None,
    invitations=False,
    default_invitations=(),
    one_way_follows=True,
    response_time=timedelta(hours=24),
    flood_posts_per_day=10,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("mastodon"),
    sources={
        "welcome_topics": (
            "Editorial judgement from Mastodon's communities and the Fediverse's dislike of "
            "broadcast marketing (joinmastodon.org Fediquette guide; vmst.io rules on Twitter "
            "bridges); weights are the project's defaults."
        ),
        "max_length": (
            "500 on a stock server (StatusLengthValidator MAX_CHARS = 500, "
            "URL_PLACEHOLDER_CHARS = 23); each instance may set its own (fedi.tips)."
        ),
        "mention_pattern": "Account mentions are @user or @user@instance (Mastodon's Account::MENTION_RE).",
        "hashtag_norm": (
            "No published figure: hashtags are the main way to be found, and the etiquette "
            "is to write them in CamelCase for screen readers (Hachyderm docs). Default 5."
        ),
        "invitations": "There are no connection requests; locked accounts approve followers instead.",
        "one_way_follows": (
            "Following is one-way; an account may be locked so that it approves each follower."
        ),
        "response_time": (
            "No study for Mastodon; conversation there is slower-paced than on X. Default 24 hours."
        ),
        "flood_posts_per_day": (
            "No published figure; Tŵt Cymru asks high-volume posters to post unlisted. By "
            "analogy with X, more than 10 a day floods."
        ),
        "replies_show_thread": (
            "A reply links to its thread, though servers may not have fetched every earlier "
            "post of a remote thread."
        ),
        "crosspost_marks": (
            "Marks of the other networks, of schedulers and bridges (e.g. the '🐦🔗' link of "
            "Twitter bridges), and truncation (socialnorms.core.profiles.CROSSPOST_MARKS)."
        ),
    },
)


def for_instance(instance: str, max_length: int) -> NetworkProfile:
    """The Mastodon profile for a server whose posts may be ``max_length`` long.

    Register it from a plugin of your own (blocking ``mastodon``) when your
    accounts live on a server with another limit::

        PROFILE = for_instance("fosstodon.org", 500)
    """
    return attrs.evolve(
        PROFILE,
        max_length=max_length,
        sources={
            **PROFILE.sources,
            "max_length": f"{instance}: {max_length} characters, set by the server.",
        },
    )
