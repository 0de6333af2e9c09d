"""The audience profile of LinkedIn, with the source of every figure."""

from __future__ import annotations

from datetime import timedelta

from socialnorms.core.profiles import FOREIGN_MARKS_SOURCE, NetworkProfile, foreign_crosspost_marks

from .text import MAX_LENGTH, LinkedInSyntax

__all__ = ["DEFAULT_INVITATIONS", "PROFILE"]

#: The texts LinkedIn fills an invitation with when the sender writes no note.
DEFAULT_INVITATIONS = (
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network.",
    "I'd like to add you to my network on LinkedIn.",
    "I'd like to join your LinkedIn network.",
    "Please add me to your LinkedIn network.",
    "I'd like to connect with you on LinkedIn.",
)

PROFILE = NetworkProfile(
    id="linkedin",
    name="LinkedIn",
    aliases=(),
    audience=(
        "Colleagues, clients, recruiters and peers who connect under their real names "
        "and read in a working frame of mind."
    ),
    purpose=(
        "Professional reputation and networking: work, industry news, careers and hiring, "
        "lessons learned, and business conversation."
    ),
    welcome_topics={
        "business": 1.0,
        "careers": 1.0,
        "marketing": 0.9,
        "technology": 0.9,
        "finance": 0.8,
        "education": 0.8,
        "science": 0.7,
        "health": 0.5,
    },
    unwelcome_topics={
        "sports": 0.8,
        "dating": 1.0,
        "gaming": 0.7,
        "entertainment": 0.7,
        "religion": 0.8,
        "politics": 0.7,
        "personal-life": 0.5,
    },
    max_length=MAX_LENGTH,
    syntax=LinkedInSyntax(),
    mention_pattern=r"(?<![\w@])@[A-Za-z0-9_][\w.-]*\b(?!@)",
    hashtag_norm=3,
    max_hashtags=None,
    invitations=True,
    default_invitations=DEFAULT_INVITATIONS,
    one_way_follows=False,
    response_time=timedelta(hours=24),
    flood_posts_per_day=3,
    replies_show_thread=True,
    crosspost_marks=foreign_crosspost_marks("linkedin"),
    sources={
        "welcome_topics": (
            "Editorial judgement from LinkedIn's stated purpose (professional networking) and "
            "the etiquette literature; sports chatter is the classic example of an off-purpose "
            "post. Weights are the project's defaults; override them in a profile plugin."
        ),
        "max_length": (
            "3,000 characters a post; about 210 show before 'see more' "
            "(msa505.com social media character limits)."
        ),
        "hashtag_norm": (
            "At most 3 (lucycalnandesign.co.uk); some guides say 3-5. Default 3, the lower "
            "figure, because LinkedIn readers skim past tag blocks."
        ),
        "default_invitations": (
            "'I'd like to add you to my professional network on LinkedIn.' is the stock note "
            "(linkedstrategies.com, maribrandsforyou.com, recruitingblogs.com, nigelpdaly.com); "
            "shorter forms and 'please add me to your LinkedIn network' appear in older apps "
            "and e-mail subject lines (areteexecutive.com.au, lireo.com); the mobile app's "
            "'I'd like to join your LinkedIn network.' is widely reported. Notes are limited "
            "to 300 characters (Premium) or 200 (free): lettercounter.org."
        ),
        "one_way_follows": (
            "Connections need the other person's acceptance; following without connecting "
            "exists but the norm is the connection."
        ),
        "mention_pattern": (
            "Mentions are picked from a menu of names; only one-word @names can be read from "
            "text, longer ones come from an export's own mention list."
        ),
        "invitations": "Connecting sends an invitation with an optional note (linkedstrategies.com).",
        "response_time": (
            "No LinkedIn-specific study; the professional norm of one working day. The 4-hour "
            "figure of the Sprout Social Index 2016 is an average across networks."
        ),
        "flood_posts_per_day": (
            "Sources disagree: Buffer/SumAll recommend 1 a day (20 posts a month reach 60% of "
            "the audience); Hootsuite 2023 says 1-5 a day. Default: more than 3 a day floods."
        ),
        "replies_show_thread": "A comment appears under the post it answers.",
        "crosspost_marks": FOREIGN_MARKS_SOURCE,
    },
)
