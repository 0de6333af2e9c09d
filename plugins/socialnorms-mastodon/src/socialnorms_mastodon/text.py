"""How Mastodon reads a post: ``@user@instance`` mentions, hashtags, links, length.

Length follows Mastodon's ``StatusLengthValidator``: the text (and the content
warning, when there is one) is counted in grapheme clusters, after every
``http(s)://`` link is replaced by 23 characters and every remote mention
``@user@instance`` by ``@user``. The limit is 500 unless the instance sets
another (read it from the instance's ``/api/v2/instance``).
"""

from __future__ import annotations

import regex

from socialnorms.core.text import GenericSyntax

__all__ = ["DEFAULT_MAX_LENGTH", "URL_LENGTH", "MastodonSyntax"]

#: The limit of a stock Mastodon server.
DEFAULT_MAX_LENGTH = 500
#: What every link counts for (``URL_PLACEHOLDER_CHARS``).
URL_LENGTH = 23

# Mastodon's account mention: a username, optionally @ a domain.
_MENTION = regex.compile(
    r"(?<![/\w@])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@([\w.-]+\w+))?",
    regex.IGNORECASE,
)
# Mastodon's hashtag: word characters, middle dots and underscores, with a letter in it.
_HASHTAG = regex.compile(r"(?<![/)\w])[#＃]([\w\p{M}·_]*[\p{L}\p{M}_][\w\p{M}·_]*)(?<!·)")
_URL = regex.compile(r"https?://[^\s<>\"'`]+", regex.IGNORECASE)


class MastodonSyntax(GenericSyntax):
    """Mentions as ``user`` or ``user@instance``; length as Mastodon counts it."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(url_length=URL_LENGTH)

    def __repr__(self) -> str:
        return "MastodonSyntax()"

    def mentions(self, text: str) -> tuple[str, ...]:
        """``user`` for a local mention, ``user@instance`` for a remote one."""
        rest = self._without_links(text)
        return tuple(
            m.group(1) if m.group(2) is None else f"{m.group(1)}@{m.group(2)}"
            for m in _MENTION.finditer(rest)
        )

    def hashtags(self, text: str) -> tuple[str, ...]:
        return tuple(m.group(1) for m in _HASHTAG.finditer(self._without_links(text)))

    def length(self, text: str, content_warning: str = "") -> int:
        """Grapheme clusters, links as 23, remote mentions as their local part."""
        countable = self._countable(text) + self._countable(content_warning)
        if countable.isascii():  # one cluster per character, but for CR LF
            return len(countable) - countable.count("\r\n")
        return len(regex.findall(r"\X", countable))

    def _countable(self, text: str) -> str:
        urls = set(self.links(text))
        text = _URL.sub(
            lambda m: "x" * URL_LENGTH if _clean(m.group(0)) in urls else m.group(0), text
        )
        return _MENTION.sub(lambda m: "@" + m.group(1), text)

    def _without_links(self, text: str) -> str:
        return _URL.sub(" ", text)


def _clean(url: str) -> str:
    return url.rstrip(".,;:!?)]}>'\"…")
