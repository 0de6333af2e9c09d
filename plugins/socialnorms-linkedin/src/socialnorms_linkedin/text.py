"""How LinkedIn reads a post: mentions, hashtags, links and length.

LinkedIn counts a post's characters as written, links included (it shows long
links shortened but counts them in full); the limit is 3,000. A mention is
picked from a menu of names and exports show it as ``@Name``; only one-word
names (``@acme``) can be told apart from the text around them, so longer names
are left to the export's own mention list (``Post.mentions``).
"""

from __future__ import annotations

from socialnorms.core.text import GenericSyntax

__all__ = ["MAX_LENGTH", "PREVIEW_LENGTH", "LinkedInSyntax"]

#: Longest post (characters).
MAX_LENGTH = 3000
#: Characters shown in the feed before "…see more".
PREVIEW_LENGTH = 210


class LinkedInSyntax(GenericSyntax):
    """Mentions, hashtags and links as :class:`GenericSyntax` reads them; length in code points."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(url_length=None)

    def __repr__(self) -> str:
        return "LinkedInSyntax()"

    def preview(self, text: str) -> str:
        """The part of ``text`` the feed shows before "…see more"."""
        return text[:PREVIEW_LENGTH]
