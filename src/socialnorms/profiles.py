"""Network audience profiles: what a network's audience expects.

Profiles come from network plugins through the ``register_networks`` hook. Checks
ask the :class:`~socialnorms.checks.CheckContext` for the profile of a network and
must cope with ``None``: a network no installed plugin serves still loads, and the
checks that need its profile say so in the report instead of failing.

:data:`CROSSPOST_MARKS` lists the marks each network, scheduler and bridge
leaves on text copied out of it; a profile usually takes those of every other
origin (:func:`foreign_crosspost_marks`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import Any

import attrs

from .text import GenericSyntax, TextSyntax

__all__ = ["CROSSPOST_MARKS", "FOREIGN_MARKS_SOURCE", "NetworkProfile", "foreign_crosspost_marks"]

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def _weights(field: str):
    def convert(value: Any) -> Mapping[str, float]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise TypeError(f"{field}: expected a mapping of topic to weight, got {value!r}")
        out = {}
        for topic, weight in value.items():
            if not isinstance(topic, str) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
                raise ValueError(f"{field}: {topic!r}: weight must be a number from 0 to 1, got {weight!r}")
            out[topic] = float(weight)
        return out

    return convert


def _id(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(
            f"NetworkProfile.{attribute.name}: expected a lowercase id like 'twitter', got {value!r}"
        )


def _aliases(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _pattern(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    patterns = value if isinstance(value, tuple) else (value,)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise ValueError(
                f"NetworkProfile.{attribute.name}: {pattern!r} is not a regular expression: {exc}"
            ) from None


def _positive(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError(f"NetworkProfile.{attribute.name}: expected a whole number >= 0 or None, got {value!r}")


def _duration(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise ValueError(f"NetworkProfile.{attribute.name}: expected a positive timedelta, got {value!r}")


def _syntax(_inst: Any, _attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, TextSyntax):
        raise TypeError(f"NetworkProfile.syntax: expected a TextSyntax, got {value!r}")


@attrs.frozen(slots=True)
class NetworkProfile:
    """The norms of one network's audience, with the source of every figure.

    Only ``id`` and ``name`` are required; every other figure has a neutral
    default, and ``None`` means "this network has no such norm".
    """

    #: Network id as used in account records (``twitter``, ``linkedin``, …).
    id: str = attrs.field(validator=_id)
    #: Display name (``X (Twitter)``).
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: Other ids that mean this network (``x`` for ``twitter``).
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    #: Who reads the network, in a sentence.
    audience: str = ""
    #: What the audience comes for, in a sentence.
    purpose: str = ""
    #: Topics the audience welcomes, with weights from 0 to 1.
    welcome_topics: Mapping[str, float] = attrs.field(
        factory=dict, converter=_weights("welcome_topics"), hash=False
    )
    #: Topics the audience does not welcome, with weights from 0 to 1 (1 = clearly off-purpose).
    unwelcome_topics: Mapping[str, float] = attrs.field(
        factory=dict, converter=_weights("unwelcome_topics"), hash=False
    )
    #: Longest post the network accepts, as its :attr:`syntax` counts length.
    max_length: int | None = attrs.field(default=None, validator=_positive)
    #: Extraction of mentions, hashtags and links, and length counting.
    syntax: TextSyntax = attrs.field(factory=GenericSyntax, validator=_syntax, hash=False, eq=False)
    #: A regular expression that matches one mention in this network's own syntax.
    mention_pattern: str = attrs.field(
        default=r"(?<![\w@])@[A-Za-z0-9_]{1,30}\b(?!@|\.\w)", validator=_pattern
    )
    #: How many hashtags a post usually carries at most before it reads as stuffing.
    hashtag_norm: int | None = attrs.field(default=None, validator=_positive)
    #: How many hashtags the network accepts at all (a hard cap), or ``None``.
    max_hashtags: int | None = attrs.field(default=None, validator=_positive)
    #: Whether the network has connection or friend invitations.
    invitations: bool = False
    #: The stock texts the network fills an invitation with.
    default_invitations: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: Whether following is one-way (no acceptance needed).
    one_way_follows: bool = True
    #: How soon the audience expects an answer to a mention or reply.
    response_time: timedelta = attrs.field(default=timedelta(hours=24), validator=_duration)
    #: Posts per day above which followers feel flooded.
    flood_posts_per_day: int | None = attrs.field(default=None, validator=_positive)
    #: Whether followers see the thread a reply belongs to.
    replies_show_thread: bool = True
    #: Regular expressions for the marks that a post was copied from elsewhere.
    crosspost_marks: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_pattern)
    #: Where each figure comes from: figure name -> citation.
    sources: Mapping[str, str] = attrs.field(factory=dict, converter=dict, hash=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """The id followed by the aliases."""
        return (self.id, *self.aliases)

    def fits_length(self, text: str) -> bool:
        """Whether ``text`` fits the network's limit (always true without one)."""
        return self.max_length is None or self.syntax.length(text) <= self.max_length

    def crosspost_evidence(self, text: str) -> tuple[str, ...]:
        """The pieces of ``text`` that match one of :attr:`crosspost_marks`, in order."""
        found = []
        for pattern in _compiled(self.crosspost_marks):
            found.extend((m.start(), m.group(0)) for m in pattern.finditer(text))
        return tuple(piece for _start, piece in sorted(found))

    def has_crosspost_mark(self, text: str) -> bool:
        """Whether ``text`` carries one of :attr:`crosspost_marks`."""
        return any(
            (literal is None or literal in text) and pattern.search(text) is not None
            for literal, pattern in _screened(self.crosspost_marks)
        )

    def mention_matches(self, text: str) -> list[re.Match[str]]:
        """The matches of :attr:`mention_pattern` in ``text``, in order."""
        ((literal, pattern),) = _screened((self.mention_pattern,))
        if literal is not None and literal not in text:
            return []
        return list(pattern.finditer(text))

    def topic_weight(self, topic: str) -> float:
        """How well ``topic`` fits the audience: the welcome weight, minus the unwelcome one."""
        return self.welcome_topics.get(topic, 0.0) - self.unwelcome_topics.get(topic, 0.0)


@functools.lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in patterns)


@functools.lru_cache(maxsize=256)
def _screened(patterns: tuple[str, ...]) -> tuple[tuple[str | None, re.Pattern[str]], ...]:
    """Each pattern with a piece of text that all its matches contain (``None`` when
    none is known): most texts lack it, and a substring test is far cheaper than a search."""
    return tuple(zip(map(_required_literal, patterns), _compiled(patterns), strict=True))


def _required_literal(pattern: str) -> str | None:
    """The longest run of plain characters in the top-level sequence of ``pattern``."""
    try:
        from re import _parser  # the standard library's own parser of patterns

        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        best, run = "", ""
        for op, value in parsed:
            if op is _parser.LITERAL:
                run += chr(value)
            else:
                best, run = max(best, run, key=len), ""
        return max(best, run, key=len) or None
    except Exception:  # noqa: BLE001 - a parser of another Python: search every text
        return None


#: Marks a network leaves on text copied out of it, by origin. ``scheduler`` and
#: ``truncation`` are marks of posting tools: link shorteners of schedulers and
#: bridges, and a text cut short with an ellipsis before a trailing link.
#: Network plugins build their :attr:`NetworkProfile.crosspost_marks` from the
#: marks of the other origins (see :func:`foreign_crosspost_marks`).
CROSSPOST_MARKS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "twitter": (
        r"(?<![\w@])RT @\w{1,15}:?",
        r"\bvia @\w{1,15}\b(?!@|\.\w)",
        r"\bhttps?://t\.co/\w+",
        r"\bpic\.twitter\.com/\w+",
        r"\bhttps?://(?:www\.)?(?:twitter|x)\.com/\w{1,15}/status/\d+",
    ),
    "linkedin": (r"\bhttps?://lnkd\.in/[\w-]+", r"\bhttps?://(?:www\.)?linkedin\.com/(?:posts|feed/update)/\S+"),
    "facebook": (r"\bhttps?://fb\.me/[\w-]+", r"\bhttps?://(?:www\.|m\.)?facebook\.com/\S+/posts/\S+"),
    "instagram": (r"\bhttps?://instagr\.am/\S+", r"\bhttps?://(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+"),
    "threads": (r"\bhttps?://(?:www\.)?threads\.(?:net|com)/@[\w.]+/post/[\w-]+",),
    "mastodon": (r"\bhttps?://[\w.-]+/@\w+/\d{6,}",),
    "bluesky": (r"\bhttps?://bsky\.app/profile/[\w.:-]+/post/\w+",),
    "scheduler": (
        r"\bhttps?://(?:bit\.ly|buff\.ly|ow\.ly|dlvr\.it|ift\.tt|hubs\.ly|trib\.al|sprout\.link)/[\w-]+",
        r"🐦🔗",
    ),
    "truncation": (r"(?:…|\.\.\.)\s*\(?https?://\S+\)?\s*$",),
})


#: The source to give for :attr:`NetworkProfile.crosspost_marks` built with
#: :func:`foreign_crosspost_marks`.
FOREIGN_MARKS_SOURCE = (
    "Marks of the other networks, of schedulers and bridges, and truncation "
    "(socialnorms.profiles.CROSSPOST_MARKS)."
)


def foreign_crosspost_marks(network: str) -> tuple[str, ...]:
    """The marks of every origin in :data:`CROSSPOST_MARKS` except ``network``."""
    return tuple(
        pattern for origin, patterns in CROSSPOST_MARKS.items() if origin != network for pattern in patterns
    )
