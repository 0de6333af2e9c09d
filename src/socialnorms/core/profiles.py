"""Network audience profiles: what a network's audience expects.

Profiles come from network plugins through the ``register_networks`` hook. Checks
ask the :class:`~socialnorms.core.checks.CheckContext` for the profile of a network and
must cope with ``None``: a network no installed plugin serves still loads, and the
checks that need its profile say so in the report instead of failing.

:data:`CROSSPOST_MARKS` lists the marks each network, scheduler and bridge
leaves on text copied out of it; a profile usually takes those of every other
origin (:func:`foreign_crosspost_marks`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import Any

import attrs

from .text import GenericSyntax, TextSyntax

__all__ = ["CROSSPOST_MARKS", "FOREIGN_MARKS_SOURCE", "NetworkProfile", "foreign_crosspost_marks"]

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def _weights(field: str) -> Callable[[Any], Mapping[str, float]]:
    def convert(value: Any) -> Mapping[str, float]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise TypeError(f"{field}: expected a mapping of topic to weight, got {value!r}")
        out = {}
        for topic, weight in value.items():
            if (
                not isinstance(topic, str)
                or not isinstance(weight, (int, float))
                or not 0 <= weight <= 1
            ):
                raise ValueError(
                    f"{field}: {topic!r}: weight must be a number from 0 to 1, got {weight!r}"
                )
            out[topic] = float(weight)
        return out

    return convert


# Named converters: mypy's attrs plugin reads only named functions.
def _welcome_topics(value: Any) -> Mapping[str, float]:
    return _weights("welcome_topics")(value)


def _unwelcome_topics(value: Any) -> Mapping[str, float]:
    return _weights("unwelcome_topics")(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sources(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


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
        raise ValueError(
            f"NetworkProfile.{attribute.name}: expected a whole number >= 0 or None, got {value!r}"
        )


def _duration(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise ValueError(
            f"NetworkProfile.{attribute.name}: expected a positive timedelta, got {value!r}"
        )


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
        factory=dict, converter=_welcome_topics, hash=False
    )
    #: Topics the audience does not welcome, with weights from 0 to 1 (1 = clearly off-purpose).
    unwelcome_topics: Mapping[str, float] = attrs.field(
        factory=dict, converter=_unwelcome_topics, hash=False
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
    default_invitations: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: Whether following is one-way (no acceptance needed).
    one_way_follows: bool = True
    #: How soon the audience expects an answer to a mention or reply.
    response_time: timedelta = attrs.field(default=timedelta(hours=24), validator=_duration)
    #: Posts per day above which followers feel flooded.
    flood_posts_per_day: int | None = attrs.field(default=None, validator=_positive)
    #: Whether followers see the thread a reply belongs to.
    replies_show_thread: bool = True
    #: Regular expressions for the marks that a post was copied from elsewhere.
    crosspost_marks: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_pattern
    )
    #: Where each figure comes from: figure name -> citation.
    sources: Mapping[str, str] = attrs.field(factory=dict, converter=_sources, hash=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """The id followed by the aliases."""
        return (self.id, *self.aliases)

    def fits_length(self, text: str) -> bool:
        """Whether ``text`` fits the network's limit (always true without one)."""
        return self.max_length is None or self.syntax.length(text) <= self.max_length

    def crosspost_evidence(self, text: str) -> tuple[str, ...]:
        """The pieces of ``text`` that match one of :attr:`crosspost_marks`, in order."""
        found: list[tuple[int, str]] = []
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
    """The longest run of plain characters in the top-level sequence of ``pattern``.

    ``None`` when there is none, when the pattern does not compile, or when it
    ignores case or is verbose. Groups ``(?:...)`` that neither repeat nor set flags
    count as part of the sequence, and alternatives give the run they all begin
    with, as the regular expression compiler itself sees them.
    """
    try:
        compiled = re.compile(pattern)
    except (re.error, TypeError, ValueError, OverflowError, RecursionError):
        return None
    if compiled.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        tokens = _PatternScan(pattern).sequence()
    except (IndexError, KeyError, ValueError):  # not a pattern this scan knows: search every text
        return None
    best, run = "", ""
    for token in tokens:
        if token[0] == "literal":
            run += token[1]
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len) or None


#: A piece of a pattern's top-level sequence: ``("literal", character)`` or
#: ``("other", source)`` for anything else (a class, an assertion, a repeat, ...).
_Token = tuple[str, str]

_REPEAT = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_CATEGORIES = frozenset("AZbBdDsSwW")
_CONTROL = {
    "a": "\a",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}  # ``\b`` is a boundary


class _PatternScan:
    """A scan of the source of a pattern (that compiles) into its top-level sequence."""

    def __init__(self, pattern: str) -> None:
        self.source = pattern
        self.at = 0

    def sequence(self) -> list[_Token]:
        tokens = self._alternatives()
        if self.at != len(self.source):
            raise ValueError("unbalanced parenthesis")
        return tokens

    def _alternatives(self) -> list[_Token]:
        """Alternatives up to a closing parenthesis: their common beginning, then the
        rest as one piece (the compiler moves the beginning out of the branch)."""
        items = [self._items()]
        while self.source.startswith("|", self.at):
            self.at += 1
            items.append(self._items())
        if len(items) == 1:
            return items[0]
        prefix: list[_Token] = []
        while all(items) and all(item[0] == items[0][0] for item in items):
            prefix.append(items[0][0])
            items = [item[1:] for item in items]
        return [*prefix, ("other", "|")]

    def _items(self) -> list[_Token]:
        tokens: list[_Token] = []
        source = self.source
        while self.at < len(source) and source[self.at] not in "|)":
            start = self.at
            char = source[start]
            if tokens and char in "*+?{":  # a repeat after a comment or flags: of the piece before
                repeat = _REPEAT.match(source, start)
                if repeat and repeat.group() != "{}":
                    self.at = repeat.end()
                    if self.at < len(source) and source[self.at] in "?+":
                        self.at += 1
                    tokens[-1] = ("other", tokens[-1][1] + source[start : self.at])
                    continue
            flags = _GLOBAL_FLAGS.match(source, start)
            if flags:
                self.at = flags.end()
                continue
            if source.startswith("(?#", start):
                self.at = source.index(")", start) + 1
                continue
            if char == "(":
                inner = self._group()
            elif char == "[":
                inner = [self._class()]
            elif char == "\\":
                inner = [self._escape()]
            elif char in ".^$":
                self.at += 1
                inner = [("other", char)]
            else:
                self.at += 1
                inner = [("literal", char)]
            repeat = _REPEAT.match(source, self.at)
            if repeat and repeat.group() != "{}":
                self.at = repeat.end()
                if self.at < len(source) and source[self.at] in "?+":
                    self.at += 1
                inner = [("other", source[start : self.at])]
            tokens.extend(inner)
        return tokens

    def _group(self) -> list[_Token]:
        """A group: its own sequence when it is a plain ``(?:...)``, else one piece."""
        source, start = self.source, self.at
        plain = source.startswith("(?:", start)
        if plain:
            self.at += 3
        elif source.startswith("(?P<", start) or (
            source.startswith("(?<", start) and source[start + 3] not in "=!"
        ):
            self.at = source.index(">", start) + 1
        elif source.startswith("(?P=", start):
            self.at = source.index(")", start) + 1
            return [("other", source[start : self.at])]
        elif source.startswith("(?(", start):
            self.at = source.index(")", start) + 1
        elif source.startswith("(?", start):
            self.at = start + 2
            while source[self.at] not in ":=!<>":  # scoped flags, or a lookaround
                self.at += 1
            self.at += 2 if source.startswith(("<=", "<!"), self.at) else 1
        else:
            self.at += 1
        inner = self._alternatives()
        if not source.startswith(")", self.at):
            raise ValueError("unbalanced parenthesis")
        self.at += 1
        return inner if plain else [("other", source[start : self.at])]

    def _escape(self, in_class: bool = False) -> _Token:
        source, start = self.source, self.at
        char = source[start + 1]
        self.at = start + 2
        if in_class and char == "b":
            return ("literal", "\b")  # a backspace, in a class
        if in_class and char in "01234567":
            self.at = start + 1
            while self.at < len(source) and self.at - start < 4 and source[self.at] in "01234567":
                self.at += 1
            return ("literal", chr(int(source[start + 1 : self.at], 8)))
        if char in _CATEGORIES:
            return ("other", source[start : self.at])
        if char in _CONTROL:
            return ("literal", _CONTROL[char])
        if char in "xuU":
            return self._code(start, {"x": 2, "u": 4, "U": 8}[char], 16)
        if char == "N":
            import unicodedata

            end = source.index("}", self.at)
            name, self.at = source[self.at + 1 : end], end + 1
            return ("literal", unicodedata.lookup(name))
        if char == "0":
            return self._code(start, 2, 8, up_to=True)
        if char in "123456789":
            octal = source[start + 1 : start + 4]
            if len(octal) == 3 and all(c in "01234567" for c in octal):
                self.at = start + 4
                return ("literal", chr(int(source[start + 1 : self.at], 8)))
            if source[self.at : self.at + 1] in tuple("0123456789"):
                self.at += 1
            return ("other", source[start : self.at])  # a reference to a group
        return ("literal", char)

    def _code(self, start: int, digits: int, base: int, up_to: bool = False) -> _Token:
        source, end = self.source, self.at
        allowed = "01234567" if base == 8 else "0123456789abcdefABCDEF"
        while end < len(source) and end - self.at < digits and source[end] in allowed:
            end += 1
        if not up_to and end - self.at != digits:
            raise ValueError("incomplete escape")
        self.at = end
        return ("literal", chr(int(source[start + 2 : end] or "0", base)))

    def _class(self) -> _Token:
        """A class of characters: a plain character when it holds only one."""
        source, start = self.source, self.at
        self.at += 1
        negated = source.startswith("^", self.at)
        if negated:
            self.at += 1
        members: set[str] = set()
        only_characters = True
        first = True
        while first or source[self.at] != "]":
            first = False
            if source[self.at] == "\\":
                token = self._escape(in_class=True)
            else:
                token = ("literal", source[self.at])
                self.at += 1
            if source[self.at] == "-" and source[self.at + 1] != "]":
                self.at += 1
                if source[self.at] == "\\":
                    self._escape(in_class=True)
                else:
                    self.at += 1
                only_characters = False
            elif token[0] == "literal":
                members.add(token[1])
            else:
                only_characters = False
        self.at += 1
        if only_characters and len(members) == 1 and not negated:
            return ("literal", members.pop())
        return ("other", source[start : self.at])


#: Marks a network leaves on text copied out of it, by origin. ``scheduler`` and
#: ``truncation`` are marks of posting tools: link shorteners of schedulers and
#: bridges, and a text cut short with an ellipsis before a trailing link.
#: Network plugins build their :attr:`NetworkProfile.crosspost_marks` from the
#: marks of the other origins (see :func:`foreign_crosspost_marks`).
CROSSPOST_MARKS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "twitter": (
            r"(?<![\w@])RT @\w{1,15}:?",
            r"\bvia @\w{1,15}\b(?!@|\.\w)",
            r"\bhttps?://t\.co/\w+",
            r"\bpic\.twitter\.com/\w+",
            r"\bhttps?://(?:www\.)?(?:twitter|x)\.com/\w{1,15}/status/\d+",
        ),
        "linkedin": (
            r"\bhttps?://lnkd\.in/[\w-]+",
            r"\bhttps?://(?:www\.)?linkedin\.com/(?:posts|feed/update)/\S+",
        ),
        "facebook": (
            r"\bhttps?://fb\.me/[\w-]+",
            r"\bhttps?://(?:www\.|m\.)?facebook\.com/\S+/posts/\S+",
        ),
        "instagram": (
            r"\bhttps?://instagr\.am/\S+",
            r"\bhttps?://(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+",
        ),
        "threads": (r"\bhttps?://(?:www\.)?threads\.(?:net|com)/@[\w.]+/post/[\w-]+",),
        "mastodon": (r"\bhttps?://[\w.-]+/@\w+/\d{6,}",),
        "bluesky": (r"\bhttps?://bsky\.app/profile/[\w.:-]+/post/\w+",),
        "scheduler": (
            r"\bhttps?://(?:bit\.ly|buff\.ly|ow\.ly|dlvr\.it|ift\.tt|hubs\.ly|trib\.al|sprout\.link)/[\w-]+",
            r"🐦🔗",
        ),
        "truncation": (r"(?:…|\.\.\.)\s*\(?https?://\S+\)?\s*$",),
    }
)


#: The source to give for :attr:`NetworkProfile.crosspost_marks` built with
#: :func:`foreign_crosspost_marks`.
FOREIGN_MARKS_SOURCE = (
    "Marks of the other networks, of schedulers and bridges, and truncation "
    "(socialnorms.core.profiles.CROSSPOST_MARKS)."
)


def foreign_crosspost_marks(network: str) -> tuple[str, ...]:
    """The marks of every origin in :data:`CROSSPOST_MARKS` except ``network``."""
    return tuple(
        pattern
        for origin, patterns in CROSSPOST_MARKS.items()
        if origin != network
        for pattern in patterns
    )
