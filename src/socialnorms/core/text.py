"""Reading mentions, hashtags and links out of post text, and counting its length.

Each network has its own syntax; a network profile plugin supplies a
:class:`TextSyntax` for its network. :class:`GenericSyntax` is the default used for
networks without a profile: it knows ``@user``, ``@user@instance`` and
``@name.domain`` mentions, ``#tags`` in any script, and ``http(s)://`` and ``www.``
links.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol, runtime_checkable

__all__ = ["WORD", "GenericSyntax", "TextSyntax", "normalize_handle"]


def _mark_ranges() -> str:
    """A character-class body of the combining marks (Mn, Mc, Me) in the BMP.

    ``re``'s ``\\w`` leaves them out, so a Hindi or Thai hashtag would stop at its
    first vowel sign without them.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


#: A regular-expression character class of word characters in any script: ``\\w``
#: plus combining marks. Use it inside ``[...]`` in hashtag and handle patterns.
WORD = r"\w" + _mark_ranges()

_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}>'\"…"
_MENTION = re.compile(
    r"(?<![\w@/.])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?"
    r"(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)"
)
_HASHTAG = re.compile(rf"(?<![{WORD}#&/])[#＃]([^\W_][{WORD}]*|_[{WORD}]+)")


@runtime_checkable
class TextSyntax(Protocol):
    """What a network's text handling offers to the Timeline and to checks."""

    def mentions(self, text: str) -> tuple[str, ...]:
        """Handles mentioned in ``text``, as written, without the leading ``@``."""

    def hashtags(self, text: str) -> tuple[str, ...]:
        """Hashtags in ``text``, without the ``#``."""

    def links(self, text: str) -> tuple[str, ...]:
        """URLs in ``text``."""

    def length(self, text: str) -> int:
        """The length of ``text`` as the network counts it against its limit."""


def _without_links(text: str) -> str:
    """``text`` with every link blanked out, so that its parts are not read as tags or
    mentions. Most texts have no link: they are returned as they are, cheaply."""
    if "://" not in text and "www." not in text.lower():
        return text
    return _LINK.sub(" ", text)


def _strip_trailing(url: str) -> str:
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


class GenericSyntax:
    """A network-neutral reading of post text.

    ``url_length``, when set, counts every link as that many characters (as X and
    Mastodon do); otherwise a link counts as its own characters.
    """

    __slots__ = ("url_length",)

    def __init__(self, url_length: int | None = None) -> None:
        self.url_length = url_length

    def __repr__(self) -> str:
        return f"GenericSyntax(url_length={self.url_length!r})"

    def links(self, text: str) -> tuple[str, ...]:
        if "://" not in text and "www." not in text.lower():
            return ()
        found = (_strip_trailing(m.group(0)) for m in _LINK.finditer(text))
        return tuple(url for url in found if len(url) > 4)

    def mentions(self, text: str) -> tuple[str, ...]:
        if "@" not in text:
            return ()
        without_links = _without_links(text)
        return tuple(m.group(1).rstrip(".-") for m in _MENTION.finditer(without_links))

    def hashtags(self, text: str) -> tuple[str, ...]:
        if "#" not in text and "＃" not in text:
            return ()
        without_links = _without_links(text)
        return tuple(
            tag
            for tag in (m.group(1) for m in _HASHTAG.finditer(without_links))
            if not tag.isdigit()
        )

    def length(self, text: str) -> int:
        if self.url_length is None:
            return len(text)
        total = len(text)
        for url in self.links(text):
            total += self.url_length - len(url)
        return total


def normalize_handle(handle: str) -> str:
    """A handle in the form used for matching: no leading ``@``, case-folded."""
    return handle.strip().lstrip("@").casefold()
