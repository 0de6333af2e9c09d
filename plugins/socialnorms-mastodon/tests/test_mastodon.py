import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms.engine.registry import Registry
from socialnorms_mastodon import PROFILE, MastodonSyntax, for_instance

syntax = MastodonSyntax()


def test_registered_and_blockable():
    registry = Registry(socialnorms.new_plugin_manager())
    assert registry.networks["mastodon"] is registry.networks["fediverse"] is PROFILE
    assert "mastodon" not in Registry(socialnorms.new_plugin_manager(disable=["mastodon"])).networks


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Thanks @alice@hachyderm.io and @bob!", ("alice@hachyderm.io", "bob")),
        ("CC @Gargron@mastodon.social", ("Gargron@mastodon.social",)),
        ("mail jane@acme.com", ()),
        ("see https://mastodon.social/@alice/1234567", ()),
    ],
)
def test_mentions_local_and_remote(text, mentions):
    assert syntax.mentions(text) == mentions


@pytest.mark.parametrize(
    ("text", "hashtags"),
    [
        ("#OpenSource and #FediTips", ("OpenSource", "FediTips")),
        ("Catalan #l·lusió", ("l·lusió",)),
        ("Japanese #日本語 Korean #한국어 Hindi #हिन्दी", ("日本語", "한국어", "हिन्दी")),
        ("#2024 is only digits", ()),
    ],
)
def test_hashtags(text, hashtags):
    assert syntax.hashtags(text) == hashtags


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Hello", 5),
        ("https://example.com/a/very/long/path/of/an/article", 23),
        ("@alice@a-very-long-instance-name.example hi", len("@alice hi")),
        ("👩‍👩‍👧‍👦", 1),  # one grapheme
        ("🇫🇷🇩🇪", 2),
        ("東京タワー", 5),
        ("e\u0301", 1),  # e + combining acute: one grapheme
    ],
)
def test_length_as_mastodon_counts(text, length):
    assert syntax.length(text) == length


def test_content_warning_counts_too():
    assert syntax.length("body", content_warning="CW: spoilers") == 4 + 12
    assert PROFILE.fits_length("x" * 500) and not PROFILE.fits_length("x" * 501)


def test_figures_and_sources():
    assert PROFILE.max_length == 500 and PROFILE.one_way_follows
    for figure in ("max_length", "hashtag_norm", "response_time", "flood_posts_per_day"):
        assert PROFILE.sources.get(figure), figure


def test_a_bridged_tweet_shows_its_origin():
    text = "Our report is out! 🐦🔗: https://twitter.com/acme/status/1234567890"
    assert PROFILE.crosspost_evidence(text) == (
        "🐦🔗",
        "https://twitter.com/acme/status/1234567890",
    )


def test_a_server_with_a_longer_limit():
    profile = for_instance("example.social", 5000)
    assert profile.fits_length("x" * 5000) and not profile.fits_length("x" * 5001)
    assert "example.social" in profile.sources["max_length"]
    assert profile.hashtag_norm == PROFILE.hashtag_norm and PROFILE.max_length == 500


@given(st.text(max_size=600))
def test_any_text_is_read_without_error_and_counted_at_most_as_written(text):
    assert syntax.mentions(text) is not None and syntax.hashtags(text) is not None
    if not syntax.links(text) and "@" not in text:
        assert syntax.length(text) <= len(text)  # grapheme clusters never outnumber code points


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_counts_as_many_graphemes_as_the_cluster_rules_give(text):
    import regex

    countable = syntax._countable(text)
    assert syntax.length(text) == len(regex.findall(r"\X", countable))
