from datetime import timedelta

import socialnorms
from socialnorms.engine.registry import Registry
from socialnorms_twitter import PROFILE, TwitterSyntax


def test_registered_under_its_id_and_alias():
    registry = Registry(socialnorms.new_plugin_manager())
    assert registry.networks["twitter"] is registry.networks["x"]
    assert registry.network_plugin("x") == "twitter"
    assert "network:twitter" in registry.provided_by("twitter")


def test_blocking_the_plugin_removes_the_profile():
    registry = Registry(socialnorms.new_plugin_manager(disable=["twitter"]))
    assert "twitter" not in registry.networks
    assert "x" not in registry.networks


def test_figures():
    assert PROFILE.max_length == 280
    assert isinstance(PROFILE.syntax, TwitterSyntax)
    assert PROFILE.hashtag_norm == 2
    assert PROFILE.one_way_follows and not PROFILE.invitations
    assert PROFILE.response_time == timedelta(hours=4)
    assert PROFILE.fits_length("あ" * 140) and not PROFILE.fits_length("あ" * 141)


def test_every_figure_has_a_source():
    for figure in (
        "max_length",
        "hashtag_norm",
        "response_time",
        "flood_posts_per_day",
        "crosspost_marks",
    ):
        assert PROFILE.sources.get(figure), figure


def test_marks_of_other_networks_are_crosspost_marks_but_its_own_are_not():
    assert PROFILE.crosspost_evidence("New post on our blog https://lnkd.in/dXyZ12") == (
        "https://lnkd.in/dXyZ12",
    )
    assert PROFILE.crosspost_evidence(
        "Our spring launch is here, read the whole story on our blo… https://bit.ly/3abc"
    )
    assert PROFILE.crosspost_evidence("RT @jane: thanks for the tip") == ()


def test_mention_pattern_matches_x_handles_only():
    import re

    pattern = re.compile(PROFILE.mention_pattern)
    assert pattern.search("thanks @jane_doe!")
    assert not pattern.search("thanks @alice@mastodon.social")
