"""SN201 off-purpose-post: topics the network's audience does not come for."""

from __future__ import annotations

from socialnorms.guidelines.crosspost_with_consideration.off_purpose_post import RULE
from socialnorms.testing import assert_findings, assert_quiet

SPORTS = "What a finish! Two goals in stoppage time and the derby is ours #football"
HIRING = (
    "We are hiring a data analyst to help our marketing team measure campaign results: "
    "https://acme.example/jobs"
)


def test_copied_sports_chatter_on_a_professional_network_is_off_purpose(check, subject):
    builder = (
        subject()
        .post("twitter:acme", SPORTS, id="t1")
        .post("linkedin:acme", SPORTS, id="l1", after="40s")
    )
    (finding,) = assert_findings(
        check(builder, RULE.code), evidence={"l1"}, severity="warning", count=1
    )
    assert finding.metrics["topic"] == "sports" and finding.metrics["copied"] == 1
    assert {"derby", "goals"} & set(finding.metrics["terms"])
    assert "sports" in finding.message and "copied from X (Twitter)" in finding.message
    assert "Professional reputation and networking is what people come to LinkedIn for" in (
        finding.suggestion
    )


def test_the_same_post_where_the_audience_welcomes_it_is_quiet(check, subject):
    assert_quiet(check(subject().post("twitter:acme", SPORTS), RULE.code))


def test_one_native_off_purpose_post_is_information_two_are_a_warning(check, subject):
    one = subject().post("linkedin:acme", SPORTS, id="l1")
    assert_findings(check(one, RULE.code), evidence={"l1"}, severity="info")
    two = one.post("linkedin:acme", "Cowboys fans, that overtime touchdown!", id="l2", after="2d")
    assert_findings(check(two, RULE.code), evidence={"l1", "l2"}, severity="warning", count=1)


def test_replies_are_conversation_not_posts_on_a_topic(check, subject):
    builder = (
        subject()
        .post("linkedin:jo", "Did you watch the derby?", id="linkedin:q")
        .reply("linkedin:acme", SPORTS, to="linkedin:q")
    )
    assert_quiet(check(builder, RULE.code))


def test_business_post_on_a_professional_network_is_quiet(check, subject):
    assert_quiet(check(subject().post("linkedin:acme", HIRING), RULE.code))


def test_topics_the_audience_tolerates_in_moderation_are_not_judged(check, subject):
    builder = subject().post("twitter:acme", SPORTS).post("linkedin:acme", SPORTS, after="40s")
    tolerated = {"linkedin": {"options": {RULE.code: {"min_unwelcome": 0.9}}}}
    assert_quiet(check(builder, RULE.code, networks=tolerated))


def test_a_spanish_hiring_post_on_a_professional_network_is_quiet(check, subject):
    text = "Buscamos una persona para nuestro equipo de marketing en Madrid: hiring abierto"
    assert_quiet(check(subject().post("linkedin:acme", text), RULE.code))


def test_the_draft_of_a_copied_sports_post_is_nudged_and_a_business_one_is_not(review, subject):
    builder = subject().post("twitter:acme", SPORTS).post("linkedin:acme", SPORTS, after="1m")
    nudges, report = review(builder, RULE.code)
    assert [n.code for n in nudges] == [RULE.code]
    assert nudges[0].evidence == (builder.last.id,)
    assert [f.evidence for f in report] == [(builder.last.id,)]
    business = subject().post("twitter:acme", SPORTS).post("linkedin:acme", HIRING, after="1m")
    assert review(business, RULE.code)[0] == []
