"""The generic text syntax: mentions, hashtags, links and length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms.core.text import GenericSyntax, TextSyntax, normalize_handle
from socialnorms.testing.strategies import handles

SYNTAX = GenericSyntax()
WORDS = st.lists(
    st.sampled_from(["thanks", "great", "trail", "café", "日本", "!", ",", "—"]), max_size=6
)


@pytest.mark.parametrize(
    ("text", "mentions", "hashtags", "links"),
    [
        ("Thanks @acme!", ("acme",), (), ()),
        (
            "cc @acme@outdoors.social and @bob.bsky.social.",
            ("acme@outdoors.social", "bob.bsky.social"),
            (),
            (),
        ),
        ("mail jane@example.com", (), (), ()),
        (
            "see https://example.com/a#top and www.example.org/x?y=1).",
            (),
            (),
            ("https://example.com/a#top", "www.example.org/x?y=1"),
        ),
        (
            "(https://en.wikipedia.org/wiki/Foo_(bar))",
            (),
            (),
            ("https://en.wikipedia.org/wiki/Foo_(bar)",),
        ),
        ("#Hiking #日本 #2024 ＃full &#38; #_x", (), ("Hiking", "日本", "full", "_x"), ()),
        ("https://example.com/@acme/#tag", (), (), ("https://example.com/@acme/#tag",)),
    ],
)
def test_examples(text, mentions, hashtags, links):
    assert (SYNTAX.mentions(text), SYNTAX.hashtags(text), SYNTAX.links(text)) == (
        mentions,
        hashtags,
        links,
    )


@given(WORDS, handles(), WORDS)
def test_a_mention_between_any_words_is_found(before, handle, after):
    text = " ".join([*before, f"@{handle}", *after])
    assert SYNTAX.mentions(text) == (handle,)
    assert SYNTAX.hashtags(text) == () and SYNTAX.links(text) == ()


@given(st.text(max_size=80))
def test_any_text_is_read_without_error_and_found_parts_are_in_it(text):
    for mention in SYNTAX.mentions(text):
        assert f"@{mention}" in text
    for tag in SYNTAX.hashtags(text):
        assert f"#{tag}" in text or f"＃{tag}" in text
    for link in SYNTAX.links(text):
        assert link in text
    assert SYNTAX.length(text) == len(text)


def test_links_can_count_as_a_fixed_length():
    text = "read https://example.com/a/very/long/path now"
    assert (
        GenericSyntax(url_length=23).length(text)
        == len(text) - len("https://example.com/a/very/long/path") + 23
    )
    assert isinstance(SYNTAX, TextSyntax) and "url_length=None" in repr(SYNTAX)


def test_handles_are_normalised_for_matching():
    assert normalize_handle(" @AcmeTrail ") == "acmetrail"
