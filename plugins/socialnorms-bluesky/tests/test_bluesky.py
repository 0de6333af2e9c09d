import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms.engine.registry import Registry
from socialnorms_bluesky import PROFILE, BlueskySyntax
from socialnorms_bluesky.text import MAX_BYTES, MAX_GRAPHEMES

syntax = BlueskySyntax()


def test_registered_and_blockable():
    registry = Registry(socialnorms.new_plugin_manager())
    assert registry.networks["bluesky"] is registry.networks["bsky"] is PROFILE
    assert "bsky" not in Registry(socialnorms.new_plugin_manager(disable=["bluesky"])).networks


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Thanks @alice.bsky.social and @acme.com!", ("alice.bsky.social", "acme.com")),
        ("(@why.bsky.team) said so", ("why.bsky.team",)),
        ("@jane_doe is an X handle", ()),
        ("mail jane@acme.com", ()),
    ],
)
def test_domain_handles(text, mentions):
    assert syntax.mentions(text) == mentions


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("New post! #DataViz, #OpenScience.", ("DataViz", "OpenScience")),
        ("日本語 #東京 العربية #عربي", ("東京", "عربي")),
        ("#1 only digits and #2024", ()),
        ("tag#notatag", ()),
    ],
)
def test_tags(text, tags):
    assert syntax.hashtags(text) == tags


@pytest.mark.parametrize(
    ("text", "graphemes"),
    [
        ("hello", 5),
        ("👩‍👩‍👧‍👦", 1),
        ("👍🏽🇯🇵", 2),
        ("नमस्ते", 3),
        ("한국어", 3),
        (
            "https://example.com/long/path",
            len("https://example.com/long/path"),
        ),  # links count in full
    ],
)
def test_grapheme_length(text, graphemes):
    assert syntax.length(text) == graphemes


def test_both_limits():
    assert PROFILE.max_length == MAX_GRAPHEMES == 300
    assert syntax.fits("👩‍👩‍👧‍👦" * 120)  # 120 graphemes, 3,000 bytes
    assert not syntax.fits("👩‍👩‍👧‍👦" * 121)  # 121 graphemes but over 3,000 bytes
    assert syntax.byte_length("👩‍👩‍👧‍👦" * 121) > MAX_BYTES
    assert PROFILE.fits_length("x" * 300) and not PROFILE.fits_length("x" * 301)


@given(st.text(max_size=400))
def test_graphemes_never_exceed_code_points(text):
    assert syntax.length(text) <= len(text)
    assert syntax.fits(text) == (syntax.length(text) <= 300 and len(text.encode()) <= 3000)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_counts_as_many_graphemes_as_the_cluster_rules_give(text):
    import regex

    assert syntax.length(text) == len(regex.findall(r"\X", text))
