import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms.engine.registry import Registry
from socialnorms_meta import PROFILES, MetaSyntax


def test_three_networks_three_plugins():
    registry = Registry(socialnorms.new_plugin_manager())
    for network, alias in (("facebook", "fb"), ("instagram", "ig"), ("threads", None)):
        assert registry.networks[network] is PROFILES[network]
        assert registry.network_plugin(network) == network
        if alias:
            assert registry.networks[alias] is PROFILES[network]


def test_one_network_of_the_family_can_be_blocked_alone():
    registry = Registry(socialnorms.new_plugin_manager(disable=["instagram"]))
    assert "instagram" not in registry.networks and "ig" not in registry.networks
    assert "facebook" in registry.networks and "threads" in registry.networks


@pytest.mark.parametrize(
    ("network", "length", "hashtag_norm", "max_hashtags"),
    [("facebook", 63206, 1, None), ("instagram", 2200, 5, 5), ("threads", 500, 1, 1)],
)
def test_figures(network, length, hashtag_norm, max_hashtags):
    profile = PROFILES[network]
    assert profile.max_length == length
    assert profile.hashtag_norm == hashtag_norm
    assert profile.max_hashtags == max_hashtags
    for figure in ("max_length", "hashtag_norm", "response_time", "flood_posts_per_day"):
        assert profile.sources.get(figure), (network, figure)


def test_facebook_friends_need_acceptance_instagram_follows_do_not():
    assert not PROFILES["facebook"].one_way_follows and PROFILES["facebook"].invitations
    assert PROFILES["instagram"].one_way_follows and PROFILES["threads"].one_way_follows


syntax = MetaSyntax()


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Shot on location with @jane.doe_studio and @acme.", ("jane.doe_studio", "acme")),
        ("¡Gracias @maría!", ()),  # usernames are ASCII
        ("Booking: hello@acme.example", ()),
        ("@a" + "b" * 30 + " is too long", ()),
    ],
)
def test_usernames(text, mentions):
    assert syntax.mentions(text) == mentions


def test_caption_in_several_scripts_with_emoji():
    caption = "Sunset in 京都 🌅🇯🇵 with @kyoto.walks #旅行 #Travel #साहसिक ✨ 👨‍👩‍👧"
    assert syntax.hashtags(caption) == ("旅行", "Travel", "साहसिक")
    assert syntax.mentions(caption) == ("kyoto.walks",)
    assert syntax.length(caption) == len(caption)
    assert PROFILES["instagram"].fits_length(caption)
    assert not PROFILES["threads"].fits_length("word " * 101)


def test_crosspost_marks_point_elsewhere():
    assert PROFILES["instagram"].crosspost_evidence("RT @acme: big news https://t.co/x1") == (
        "RT @acme:",
        "https://t.co/x1",
    )
    assert PROFILES["facebook"].crosspost_evidence("More on our page https://fb.me/abc") == ()


@given(st.text(max_size=400))
def test_any_caption_is_read_without_error(text):
    for mention in syntax.mentions(text):
        assert 1 <= len(mention) <= 30 and not mention.endswith(".")
    assert syntax.length(text) == len(text)
