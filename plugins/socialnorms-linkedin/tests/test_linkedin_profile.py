import re
from datetime import timedelta

import socialnorms
from socialnorms.engine.registry import Registry
from socialnorms_linkedin import DEFAULT_INVITATIONS, PROFILE, LinkedInSyntax


def test_registered_and_blockable_by_name():
    assert Registry(socialnorms.new_plugin_manager()).networks["linkedin"] is PROFILE
    blocked = Registry(socialnorms.new_plugin_manager(disable=["linkedin"]))
    assert "linkedin" not in blocked.networks
    assert all(profile.id != "linkedin" for profile in blocked.network_profiles())


def test_invitations_and_stock_notes():
    assert PROFILE.invitations and not PROFILE.one_way_follows
    assert (
        "I'd like to add you to my professional network on LinkedIn." in PROFILE.default_invitations
    )
    assert PROFILE.default_invitations == DEFAULT_INVITATIONS
    assert len(set(DEFAULT_INVITATIONS)) == len(DEFAULT_INVITATIONS)


def test_sports_and_dating_are_off_purpose_and_careers_welcome():
    assert PROFILE.topic_weight("sports") < 0
    assert PROFILE.topic_weight("dating") < PROFILE.topic_weight("sports")
    assert PROFILE.topic_weight("careers") == 1.0
    assert PROFILE.topic_weight("unknown-topic") == 0.0


def test_figures_and_sources():
    assert PROFILE.max_length == 3000 and PROFILE.hashtag_norm == 3
    assert PROFILE.response_time == timedelta(hours=24)
    for figure in (
        "max_length",
        "hashtag_norm",
        "default_invitations",
        "response_time",
        "flood_posts_per_day",
    ):
        assert PROFILE.sources.get(figure), figure


def test_length_preview_and_parsing():
    syntax = LinkedInSyntax()
    post = (
        "Délighted to share that our team won the Nordic Analytics Award 🏆 Thank you @acme "
        "and everyone who voted! Full story: https://acme-analytics.example/award #Analytics #Teamwork"
    )
    assert syntax.length(post) == len(post)  # links count in full
    assert syntax.mentions(post) == ("acme",)
    assert syntax.hashtags(post) == ("Analytics", "Teamwork")
    assert syntax.links(post) == ("https://acme-analytics.example/award",)
    assert syntax.preview("x" * 500) == "x" * 210
    assert PROFILE.fits_length("a" * 3000) and not PROFILE.fits_length("a" * 3001)


def test_tweets_cross_posted_to_linkedin_show_their_origin():
    text = "What a finish! Cowboys take it in OT #NFL https://t.co/AbC123 via @acme"
    assert PROFILE.crosspost_evidence(text) == ("https://t.co/AbC123", "via @acme")
    assert PROFILE.crosspost_evidence("Read our report: https://lnkd.in/eFg45") == ()


def test_mention_pattern_compiles():
    assert re.search(PROFILE.mention_pattern, "thanks @acme")
