"""SN103 low-value-reposts: a habit of reposting posts with nothing in them for the audience."""

from __future__ import annotations

import pytest

from socialnorms.guidelines.retweet_carefully.low_value_reposts import RULE
from socialnorms.testing import assert_findings, assert_quiet

ONLY = {"select": [RULE.code]}
CHEERS = ["thanks @someone!", "yay", "so good!!", "Agreed 100%", "this 👆", "wow"]
SHORT = ["yay", "so good!!", "look at this", "wow", "sunset", "the view"]


def test_bare_thank_you_reposts_are_low_value(check, subject, shared):
    report = check(shared(subject(), CHEERS))
    (finding,) = assert_findings(report, codes={RULE.code}, severity="error")  # not SN101
    assert finding.metrics == {"low_value_reposts": 6, "reposts": 6, "share": 1.0}
    assert finding.message == (
        "6 of 6 reposts (100%) share posts with no link, no media and fewer than 8 words."
    )
    assert finding.evidence == tuple(f"r{i}" for i in range(6))
    assert finding.suggestion == RULE.instead


def test_short_posts_with_a_picture_are_not_low_value(check, subject, shared):
    picture = [{"type": "image", "alt": "sky"}]
    assert_quiet(check(shared(subject(), SHORT, media=picture), **ONLY))


def test_quotes_add_own_words_and_are_not_low_value(check, subject, shared):
    assert_quiet(check(shared(subject(), SHORT, kind="quote"), **ONLY))


def test_substantial_text_without_link_is_fine(check, subject, shared):
    texts = [
        "Spent the weekend fixing old bikes with the kids at the community hall, highly recommended",
        "If your chain squeaks after rain, dry it first and only then oil it, never the other way",
        "The river path is flooded past the second bridge, take the upper road until Thursday",
        "Our club now meets on Tuesdays at seven, newcomers welcome, bring lights and a spare tube",
        "Reminder that the night market moves to the old station square from next month onward",
        "Three things I learned commuting all winter: mudguards, wool socks and patience with traffic",
    ]
    assert_quiet(check(shared(subject(), texts), **ONLY))


@pytest.mark.parametrize(("min_words", "fires"), [(8, True), (3, False)])
def test_min_words_is_what_counts_as_substance(check, subject, shared, min_words, fires):
    texts = ["look at this view", "what a lovely morning", "so proud of the team"] * 2
    options = {RULE.code: {"min_words": min_words}}
    assert_findings(check(shared(subject(), texts), options=options, **ONLY), count=int(fires))


def test_mentions_hashtags_and_links_are_not_words(check, subject, shared):
    texts = ["@a @b @c @d #one #two #three #four yay"] * 6
    assert_findings(check(shared(subject(), texts), **ONLY), count=1)


def test_a_german_account_that_reposts_whole_sentences_stays_quiet(check, subject, shared):
    texts = [
        "Der Radweg am Fluss ist wegen Hochwasser bis Donnerstag gesperrt, bitte die Umleitung nehmen",
        "Unser Verein trifft sich jetzt dienstags um sieben, Neulinge sind herzlich willkommen",
        "Wer die Kette nach dem Regen ölt, sollte sie vorher gründlich trocknen lassen",
        "Der Nachtmarkt zieht ab nächstem Monat auf den Platz vor dem alten Bahnhof",
        "Drei Dinge habe ich im Winter gelernt: Schutzbleche, Wollsocken und viel Geduld",
        "Die Reparaturwerkstatt im Gemeindehaus hat jetzt auch samstags am Vormittag geöffnet",
    ]
    assert_quiet(check(shared(subject(), texts)))
