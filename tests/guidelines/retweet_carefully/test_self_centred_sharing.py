"""SN102 self-centred-sharing: a habit of sharing only the account's own posts and sites."""

from __future__ import annotations

import pytest

from socialnorms.guidelines.retweet_carefully.self_centred_sharing import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

BRAND = "twitter:northwind"
ONLY = {"select": [RULE.code]}


def own_links(builder: TimelineBuilder, own: int, other: int) -> TimelineBuilder:
    """``own`` posts linking the subject's blog, then ``other`` linking a press site."""
    for i in range(own + other):
        url = f"https://blog.northwind.example/{i}" if i < own else f"https://press.example/{i}"
        builder.post(BRAND, f"Read this: {url}", id=f"p{i}", after="5h")
    return builder


def test_sharing_only_own_site_is_flagged(check, subject):
    (finding,) = assert_findings(check(own_links(subject(), 7, 0), **ONLY), severity="error")
    assert finding.metrics == {
        "own": 7,
        "items": 7,
        "share": 1.0,
        "own_domains": ["northwind.example"],
    }
    assert finding.message == (
        "7 of 7 shared posts and links (100%) point at the account's own posts or websites."
    )
    assert finding.evidence == tuple(f"p{i}" for i in range(7))
    assert finding.suggestion == RULE.instead


@pytest.mark.parametrize(("own", "other", "fires"), [(8, 2, True), (7, 3, False)])
def test_self_centred_boundary(check, subject, own, other, fires):
    assert_findings(check(own_links(subject(), own, other), **ONLY), count=int(fires))


def test_reposting_own_posts_counts_as_own_content(check, subject):
    builder = subject()
    for i in range(6):
        builder.post(BRAND, f"Our news number {i}", id=f"p{i}", after="2h")
        builder.repost(BRAND, to=f"p{i}", id=f"rt{i}", after="1h")
    assert_findings(check(builder, **ONLY), evidence={f"rt{i}" for i in range(6)})


def test_profile_url_on_a_network_is_not_an_own_domain(check):
    builder = TimelineBuilder().account(BRAND, subject="northwind", url="https://linktr.ee/nw")
    for i in range(7):
        builder.post(BRAND, f"See https://linktr.ee/other{i}", after="1h")
    assert_quiet(check(builder, **ONLY))


def test_support_replies_linking_own_help_pages_are_not_self_centred(check, subject):
    builder = subject()
    for i in range(8):
        builder.post(f"twitter:c{i}", "@northwind how do I reset?", id=f"ask{i}", after="3h")
        builder.reply(BRAND, "See https://help.northwind.example/reset", to=f"ask{i}", after="1h")
    assert_quiet(check(builder))


def test_reposting_others_posts_about_own_site_counts_as_own(check, subject, shared):
    texts = [f"Check out the sale at https://northwind.example/sale/{i}" for i in range(6)]
    assert_findings(check(shared(subject(), texts)), codes={RULE.code})


def test_a_quote_counts_its_shared_post_and_each_link_of_its_own(check, subject, shared, useful):
    builder = subject()
    for i, text in enumerate(useful[:3]):
        builder.post(f"twitter:friend{i}", text, id=f"o{i}", after="3h")
        builder.quote(BRAND, f"Also ours: https://northwind.example/{i}", to=f"o{i}", id=f"q{i}")
    assert_quiet(check(builder, **ONLY))  # half of the six items are the shop's own
    half = {RULE.code: {"threshold": 0.5}}
    (finding,) = assert_findings(check(builder, options=half, **ONLY), count=1)
    assert (finding.metrics["own"], finding.metrics["items"]) == (3, 6)
    assert finding.evidence == ("q0", "q1", "q2")


def test_a_french_shop_that_shares_its_neighbours_work_stays_quiet(check):
    builder = TimelineBuilder().account(
        "mastodon:boulangerie", subject="boulangerie", url="https://boulangerie.example"
    )
    links = [
        "Notre pain du jour https://boulangerie.example/pain",
        "Le marché de la place Carnot ce samedi https://marche.example/carnot",
        "Très beau portrait de notre meunier https://journal.example/meunier",
        "Les pommes du verger voisin sont arrivées https://verger.example/pommes",
        "Une fromagerie ouvre rue Pasteur https://fromages.example/ouverture",
        "Recette de la brioche par une amie https://cuisine.example/brioche",
        "Concert gratuit au kiosque dimanche https://ville.example/kiosque",
    ]
    for text in links:
        builder.post("mastodon:boulangerie", text, after="6h")
    assert_quiet(check(builder))
