import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from socialnorms_twitter.text import MAX_WEIGHTED_LENGTH, URL_LENGTH, TwitterSyntax, weighted_length

syntax = TwitterSyntax()


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Thanks @jane_doe and @Acme_HQ for the demo!", ("jane_doe", "Acme_HQ")),
        ("RT @bob: our Q3 numbers are in", ("bob",)),
        ("Write to jane@acme.com, not @support", ("support",)),
        ("cc @alice@mastodon.social", ()),  # a Mastodon handle is no X mention
        ("@a_handle_that_is_too_long_for_x hi", ()),
        ("Merci @claire! À bientôt", ("claire",)),
        ("見てね @tokyo_dev さん", ("tokyo_dev",)),
        ("link https://example.com/@notamention", ()),
    ],
)
def test_mentions(text, mentions):
    assert syntax.mentions(text) == mentions


@pytest.mark.parametrize(
    ("text", "hashtags"),
    [
        ("Launch day! #DataViz #B2B", ("DataViz", "B2B")),
        ("Ce soir #Café et #journée", ("Café", "journée")),
        ("新製品 #東京 #テスト", ("東京", "テスト")),
        ("नमस्ते #मार्केटिंग", ("मार्केटिंग",)),
        ("#١٢٣ is a number, #عربي is not", ("عربي",)),
        ("Room #1 and #2024 are numbers", ()),
        ("AT&T#fail and https://example.com/#anchor", ()),
    ],
)
def test_hashtags_in_several_scripts(text, hashtags):
    assert syntax.hashtags(text) == hashtags


def test_links_include_bare_domains_x_links():
    text = "Recap at acme.com/recap and https://example.org/a?b=1. Mail jane@acme.com"
    assert syntax.links(text) == ("acme.com/recap", "https://example.org/a?b=1")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Hello, world", 12),
        ("Café crème", 10),  # Latin-1: weight 1
        ("東京タワー", 10),  # CJK and kana: weight 2
        ("안녕하세요", 10),  # Hangul: weight 2
        ("नमस्ते", 6),  # Devanagari is below U+1100: weight 1 per code point
        ("👍", 2),
        ("👍🏽", 2),  # skin tone: one emoji
        ("👩‍👩‍👧‍👦", 2),  # family: one emoji of 7 code points
        ("🇫🇷", 2),  # flag: one emoji
        ("1️⃣", 2),  # keycap
        ("“quoted” — dash", 15),  # quotes and dashes (U+2010-U+201F) weigh 1
        ("wait…", 6),  # but the ellipsis (U+2026) is outside the light ranges: 2
        ("https://example.com/a/very/long/path/that/goes/on", URL_LENGTH),
        ("see acme.com", 4 + URL_LENGTH),
    ],
)
def test_weighted_length(text, length):
    assert syntax.length(text) == length


def test_length_is_counted_after_nfc_normalisation():
    decomposed = unicodedata.normalize("NFD", "Café")
    assert len(decomposed) == 5
    assert syntax.length(decomposed) == 4


def test_a_full_post_in_japanese_fits_only_half_as_many_characters():
    assert syntax.length("あ" * 140) == MAX_WEIGHTED_LENGTH
    assert syntax.length("あ" * 141) > MAX_WEIGHTED_LENGTH


@given(st.text(max_size=300))
def test_without_links_every_character_weighs_one_or_two(text):
    normalised = unicodedata.normalize("NFC", text)
    if not syntax.links(normalised):
        graphemes = len(regex.findall(r"\X", normalised))
        assert graphemes <= syntax.length(text) <= 2 * len(normalised)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_weighs_what_the_cluster_rules_give(text):
    # ASCII text takes a shortcut; it must agree with the cluster-by-cluster rules.
    links = syntax.links(text)
    rest = text
    for url in links:
        rest = rest.replace(url, "", 1)
    assert syntax.length(text) == URL_LENGTH * len(links) + weighted_length(rest)
