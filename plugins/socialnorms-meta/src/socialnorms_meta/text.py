"""How Facebook, Instagram and Threads read a post.

The three apps share one account system (Instagram usernames are Threads
usernames) and count a post's characters as written, links included; none of
them publishes a counting method, so length is counted in Unicode code points.
A username has 1 to 30 letters, digits, periods and underscores and does not
end with a period (Instagram's help centre).
"""

from __future__ import annotations

import re

from socialnorms.core.text import GenericSyntax

__all__ = ["USERNAME_MENTION", "MetaSyntax"]

_NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
_BEFORE, _AFTER = r"(?<![\w@/.])@", r"(?![\w@])"
#: One mention of an Instagram (and Threads) username.
USERNAME_MENTION = _BEFORE + _NAME + _AFTER
_USERNAME = re.compile(f"{_BEFORE}({_NAME}){_AFTER}")


class MetaSyntax(GenericSyntax):
    """Instagram-style usernames, hashtags in any script, length in code points."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(url_length=None)

    def __repr__(self) -> str:
        return "MetaSyntax()"

    def mentions(self, text: str) -> tuple[str, ...]:
        without_links = text
        for url in self.links(text):
            without_links = without_links.replace(url, " ")
        return tuple(m.group(1) for m in _USERNAME.finditer(without_links))
