"""How Bluesky reads a post: domain handles, tags, links and grapheme length.

The post record (``app.bsky.feed.post``) allows 300 grapheme clusters and 3,000
bytes of UTF-8 text. Links count in full, as written in the text (there is no
link shortener; a link card is an embed and does not count). A handle is a
domain name (``alice.bsky.social``, ``example.com``); a tag ends at whitespace,
is at most 64 characters, and may not be only digits. Extraction follows the
facet detection of the official ``@atproto/api`` library.
"""

from __future__ import annotations

import regex

from socialnorms.core.text import GenericSyntax

__all__ = ["MAX_BYTES", "MAX_GRAPHEMES", "BlueskySyntax"]

#: ``maxGraphemes`` of ``app.bsky.feed.post.text``.
MAX_GRAPHEMES = 300
#: ``maxLength`` (bytes of UTF-8) of ``app.bsky.feed.post.text``.
MAX_BYTES = 3000
#: Longest tag, in characters.
MAX_TAG_LENGTH = 64

_HANDLE = regex.compile(
    r"(?:^|(?<=[\s(]))@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)\b"
)
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃]((?!\ufe0f)[^\s{_INVISIBLE}]*[^\d\s\p{{P}}{_INVISIBLE}]+[^\s{_INVISIBLE}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
_GRAPHEME = regex.compile(r"\X")


class BlueskySyntax(GenericSyntax):
    """Domain-handle mentions, tags, links; length in grapheme clusters."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(url_length=None)

    def __repr__(self) -> str:
        return "BlueskySyntax()"

    def mentions(self, text: str) -> tuple[str, ...]:
        """Handles mentioned, as written (``alice.bsky.social``)."""
        return tuple(m.group(1) for m in _HANDLE.finditer(text))

    def hashtags(self, text: str) -> tuple[str, ...]:
        tags = []
        for match in _TAG.finditer(text):
            tag = _TRAILING_PUNCTUATION.sub("", match.group(1))
            if tag and len(tag) <= MAX_TAG_LENGTH:
                tags.append(tag)
        return tuple(tags)

    def length(self, text: str) -> int:
        """Grapheme clusters: an emoji family or a flag counts 1."""
        if text.isascii():  # one cluster per character, but for CR LF
            return len(text) - text.count("\r\n")
        return len(_GRAPHEME.findall(text))

    def byte_length(self, text: str) -> int:
        """UTF-8 bytes, limited to :data:`MAX_BYTES` besides the grapheme limit."""
        return len(text.encode("utf-8"))

    def fits(self, text: str) -> bool:
        """Whether ``text`` is within both limits of a post."""
        return self.length(text) <= MAX_GRAPHEMES and self.byte_length(text) <= MAX_BYTES
