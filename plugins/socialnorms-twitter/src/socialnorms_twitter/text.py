"""How X reads a post: mentions, hashtags, links, and the weighted length.

The rules follow the open-source ``twitter-text`` library (configuration v3),
which X's own apps use to count and parse posts:

- the text is NFC-normalised, then every code point has a weight: code points
  from U+0000 to U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh
  1; every other code point (CJK, Hangul, Japanese kana, …) weighs 2;
- an emoji weighs 2 however many code points it has (a family, a flag, a skin
  tone, a keycap);
- every URL weighs 23, whatever its length (links go through t.co);
- the limit is 280 weighted characters.

See https://developer.x.com/en/docs/counting-characters and
``twitter/twitter-text`` ``config/v3.json``.
"""

from __future__ import annotations

import unicodedata

import regex

from socialnorms.core.text import GenericSyntax

__all__ = ["MAX_WEIGHTED_LENGTH", "URL_LENGTH", "TwitterSyntax", "weighted_length"]

#: Limit of a post for accounts without a subscription (weighted characters).
MAX_WEIGHTED_LENGTH = 280
#: Weight of every URL: links are wrapped in t.co, whose links are 23 characters.
URL_LENGTH = 23
#: (first, last, weight) of the code-point ranges that weigh 1; the rest weigh 2.
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
DEFAULT_WEIGHT = 2

# A handle: 1 to 15 letters, digits or underscores, not part of an e-mail address
# or a longer word, and not followed by "@" (``@user@instance`` is no X mention).
_MENTION = regex.compile(
    r"(?<![A-Za-z0-9_!@#$%&*＠])[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@＠]|://)"
)
# A hashtag: letters, marks, digits and underscores with at least one letter or mark.
_HASHTAG = regex.compile(
    r"(?<![&\p{L}\p{M}\p{Nd}_#＃])[#＃]([\p{L}\p{M}\p{Nd}_]*[\p{L}\p{M}][\p{L}\p{M}\p{Nd}_]*)(?![#＃]|://)"
)
# Links X makes of a bare domain (``acme.com/launch``): common top-level domains only.
_BARE_DOMAIN = regex.compile(
    r"(?<![\w@./:#-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|io|co|ai|dev|app|edu|gov|info|biz|me|tv|ly|gl|us|uk|de|fr|es|it|nl|jp|in|br|ca|au)"
    r"(?:/[^\s<>\"']*)?(?![\w@-])",
    regex.IGNORECASE,
)
_EMOJI = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3")


def _weight(char: str) -> int:
    code = ord(char)
    for first, last in LIGHT_RANGES:
        if first <= code <= last:
            return 1
    return DEFAULT_WEIGHT


class TwitterSyntax(GenericSyntax):
    """Mentions, hashtags, links and the weighted length of X posts."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(url_length=URL_LENGTH)

    def __repr__(self) -> str:
        return "TwitterSyntax()"

    def links(self, text: str) -> tuple[str, ...]:
        """``http(s)://`` and ``www.`` links, and bare domains X turns into links."""
        urls = super().links(text)
        if "." not in text:  # no bare domain without a dot
            return urls
        found = [(text.find(url), url) for url in urls]
        masked = text
        if "://" in text or "www." in text.lower():
            masked = regex.sub(
                r"(?:https?://|www\.)\S+", lambda m: " " * len(m.group(0)), text, flags=regex.I
            )
        found.extend(
            (m.start(), m.group(0).rstrip(".,;:!?)")) for m in _BARE_DOMAIN.finditer(masked)
        )
        return tuple(url for _start, url in sorted(found))

    def mentions(self, text: str) -> tuple[str, ...]:
        if "@" not in text and "＠" not in text:
            return ()
        without_links = self._without_links(text)
        return tuple(m.group(1) for m in _MENTION.finditer(without_links))

    def hashtags(self, text: str) -> tuple[str, ...]:
        if "#" not in text and "＃" not in text:
            return ()
        without_links = self._without_links(text)
        return tuple(m.group(1) for m in _HASHTAG.finditer(without_links))

    def length(self, text: str) -> int:
        """The weighted length X counts against its 280 limit."""
        text = unicodedata.normalize("NFC", text)
        links = self.links(text)
        rest = text
        for url in links:
            rest = rest.replace(url, "", 1)
        total = URL_LENGTH * len(links)
        if rest.isascii():  # every ASCII character weighs 1, and none is an emoji on its own
            return total + len(rest)
        return total + weighted_length(rest)

    def _without_links(self, text: str) -> str:
        for url in self.links(text):
            text = text.replace(url, " " * len(url), 1)
        return text


def weighted_length(text: str) -> int:
    """The weight of ``text`` by X's rules, grapheme cluster by cluster (links not counted apart)."""
    total = 0
    for cluster in regex.findall(r"\X", text):
        if _EMOJI.search(cluster) and (len(cluster) > 1 or ord(cluster) > 0x10FF):
            total += DEFAULT_WEIGHT
        else:
            total += sum(_weight(char) for char in cluster)
    return total
