"""SN402 weak-personalization: personal notes that name nobody and nothing shared."""

from __future__ import annotations

from socialnorms import Action
from socialnorms.guidelines.personalize_invitations import weak_personalization
from socialnorms.testing import assert_findings, assert_quiet

CODE = weak_personalization.RULE.code
WEAK = "Let us connect, always good to grow the network."


def test_weak_notes_are_scored_with_what_they_lack(acme, check, personal):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:jane", WEAK, id="i1")
        .invite(
            "linkedin:acme", "linkedin:omar", "Omar, looking forward to being connected!", id="i2"
        )
        .invite("linkedin:acme", "linkedin:sara_k", personal["sara_k"], id="i3")
    )
    [finding] = assert_findings(
        check(builder, [CODE]), codes={CODE}, evidence={"i1", "i2"}, severity="warning"
    )
    assert finding.message.startswith("2 of 3 personal invitation notes score below 0.5")
    assert "a shared context (an event, a place, a conversation) (2)" in finding.message
    assert finding.metrics["weak"] == 2 and finding.metrics["mean_score"] == 0.15
    assert finding.suggestion.startswith(weak_personalization.RULE.instead)


def test_generic_notes_are_no_personal_notes_to_score(acme, check):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:jane", WEAK, id="i1")
        .invite("linkedin:acme", "linkedin:omar", "I'd like to connect with you on LinkedIn.")
        .invite("linkedin:acme", "linkedin:li_wei")
    )
    [finding] = assert_findings(check(builder, [CODE]), evidence={"i1"})
    assert finding.metrics["personal"] == 1


def test_one_weak_note_among_good_ones_is_for_information(acme, check, personal):
    builder = acme().invite("linkedin:acme", "linkedin:jane", WEAK, id="i1")
    for who in ["omar", "sara_k"]:
        builder.invite("linkedin:acme", f"linkedin:{who}", personal[who])
    assert_findings(check(builder, [CODE]), evidence={"i1"}, severity="info")


def test_min_score_raises_the_bar(acme, check):
    note = "Omar, great meeting you at the Leeds running expo."  # name and context: 0.8
    builder = acme().invite("linkedin:acme", "linkedin:omar", note, id="i1")
    assert_quiet(check(builder, [CODE]))
    [finding] = assert_findings(check(builder, [CODE], options={CODE: {"min_score": 0.9}}))
    assert "score below 0.9 (average 0.8)" in finding.message


def test_good_notes_in_other_languages_are_quiet(acme, check, personal):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:tomas", personal["tomas"])
        .invite("linkedin:acme", "linkedin:yuki", personal["yuki"])
        .invite(
            "linkedin:acme",
            "linkedin:jane",
            "Bonjour Jane, ravi de notre échange au salon de Lyon sur les chaussures de trail.",
        )
        .invite(
            "linkedin:acme",
            "linkedin:omar",
            "Hallo Omar, schön dich auf der Konferenz in Berlin kennengelernt zu haben.",
        )
    )
    assert_quiet(check(builder, [CODE]))


# -- review ------------------------------------------------------------------------------------


def invite_draft(target: str, message: str | None) -> Action:
    return Action(
        kind="invite",
        actor="linkedin:acme",
        at="2026-03-03T09:00:00Z",
        target=target,
        id="draft",
        message=message,
    )


def test_review_nudges_a_weak_note_with_its_score_and_not_a_personal_one(acme, review, personal):
    [nudge], _notes = review(acme(), invite_draft("linkedin:jane", WEAK), [CODE])
    assert nudge.message == (
        "This invitation note to Jane scores 0 of 1 (below 0.5): it lacks the recipient's "
        "name, a shared context (an event, a place, a conversation), a specific topic."
    )
    assert nudge.evidence == ("draft",) and nudge.metrics["score"] == 0.0
    assert nudge.suggestion.startswith(weak_personalization.RULE.instead)
    nudges, _notes = review(acme(), invite_draft("linkedin:jane", personal["jane"]), [CODE])
    assert nudges == []


def test_review_leaves_a_generic_note_to_the_generic_rule(acme, review):
    nudges, _notes = review(acme(), invite_draft("linkedin:jane", ""), [CODE])
    assert nudges == []
