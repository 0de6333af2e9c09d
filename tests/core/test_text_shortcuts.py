"""The generic syntax skips texts without links, mentions or tags; the result is the
same as running every regular expression."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms.core.text import _HASHTAG, _LINK, _MENTION, GenericSyntax, _strip_trailing

PIECES = st.sampled_from(
    [
        "@ann",
        "@bob@social.example",
        "#tag",
        "＃タグ",
        "#2024",
        "http://x.example/a#b",
        "HTTPS://Y.example/@c",
        "WwW.shop.example/#d",
        "wWw.",
        "ww.",
        "://",
        "www",
        " ",
        ".",
        "e@mail.example",
        "(",
        ")",
        "word",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=40), st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=8).map("".join)
)


def reference(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    without = _LINK.sub(" ", text)
    links = tuple(
        u for u in (_strip_trailing(m.group(0)) for m in _LINK.finditer(text)) if len(u) > 4
    )
    mentions = tuple(m.group(1).rstrip(".-") for m in _MENTION.finditer(without))
    hashtags = tuple(t for t in (m.group(1) for m in _HASHTAG.finditer(without)) if not t.isdigit())
    return links, mentions, hashtags


@settings(max_examples=500)
@given(TEXTS)
def test_shortcuts_read_what_the_regular_expressions_read(text):
    syntax = GenericSyntax()
    assert (syntax.links(text), syntax.mentions(text), syntax.hashtags(text)) == reference(text)
