"""SN401 generic-invitation: no note, the network's stock text, or one template."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Action
from socialnorms.guidelines.personalize_invitations import generic_invitation
from socialnorms.testing import assert_findings, assert_quiet

CODE = generic_invitation.RULE.code
TEMPLATE = "Hi {}, saw your profile and would love to connect with {} like-minded people!"
FIRST_NAMES = {"jane": "Jane", "omar": "Omar", "li_wei": "Li"}


def invite_draft(target: str, message: str | None = None, id: str = "draft") -> Action:
    """A draft invitation from acme, the day after the builders' start."""
    return Action(
        kind="invite",
        actor=target.split(":")[0] + ":acme",
        at="2026-03-03T09:00:00Z",
        target=target,
        id=id,
        message=message,
    )


def test_empty_and_stock_notes_are_generic_with_small_edits_tolerated(acme, check, personal):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:jane", id="i1")
        .invite("linkedin:acme", "linkedin:omar", "", id="i2")
        .invite(
            "linkedin:acme",
            "linkedin:li_wei",
            "Hi Li, I'd like to add you to my professional network on LinkedIn",
            id="i3",
        )
        .invite("linkedin:acme", "linkedin:sara_k", personal["sara_k"], id="i4")
    )
    [finding] = assert_findings(
        check(builder, [CODE]), codes={CODE}, evidence={"i1", "i2", "i3"}, severity="warning"
    )
    assert finding.metrics["empty"] == 2 and finding.metrics["default_text"] == 1
    assert "3 of 4" in finding.message and "LinkedIn's stock text" in finding.message


def test_a_note_that_contains_the_stock_text_and_more_is_not_generic(acme, check):
    text = (
        "I'd like to add you to my professional network. "
        "Jane, we met at the Leeds expo and talked pricing."
    )
    builder = acme().invite("linkedin:acme", "linkedin:jane", text)
    assert_quiet(check(builder, [CODE]))


def test_template_with_names_and_numbers_changed_is_found_across_invitations(acme, check):
    builder = acme()
    for n, (who, first) in enumerate(FIRST_NAMES.items()):
        builder.invite(
            "linkedin:acme", f"linkedin:{who}", TEMPLATE.format(first, 10 + n), id=f"i{n}"
        )
    [finding] = assert_findings(check(builder, [CODE]), evidence={"i0", "i1", "i2"})
    assert finding.metrics["template"] == 3


def test_two_similar_notes_are_a_template_only_from_min_template_recipients(acme, check):
    builder = acme()
    for who in ["jane", "omar"]:
        builder.invite("linkedin:acme", f"linkedin:{who}", f"Hi {who}, saw your profile!")
    assert_quiet(check(builder, [CODE]))
    options = {CODE: {"min_template_recipients": 2}}
    [finding] = assert_findings(check(builder, [CODE], options=options), severity="warning")
    assert finding.metrics["template"] == 2


def test_a_single_generic_invitation_is_for_information(acme, check, personal):
    builder = acme().invite("linkedin:acme", "linkedin:jane", id="i0")
    for who in ["omar", "sara_k"]:
        builder.invite("linkedin:acme", f"linkedin:{who}", personal[who])
    assert_findings(check(builder, [CODE]), evidence={"i0"}, severity="info")


def test_the_suggestion_says_what_to_do_and_what_the_data_knows_of_each_recipient(acme, check):
    builder = (
        acme().invite("linkedin:acme", "linkedin:jane").invite("linkedin:acme", "linkedin:omar")
    )
    [finding] = assert_findings(check(builder, [CODE]))
    assert finding.suggestion.startswith(generic_invitation.RULE.instead)
    assert "Jane: what they do (“Head of growth at a running-shoe brand”)" in finding.suggestion
    assert "Omar: what they do" in finding.suggestion


def test_without_a_profile_empty_notes_are_found_and_the_report_says_what_was_skipped(acme, check):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:jane", id="i1")
        .invite("linkedin:acme", "linkedin:omar", "I'd like to connect with you on LinkedIn.")
    )
    report = check(builder, [CODE], profiles=False)
    assert_findings(report, evidence={"i1"})
    assert any("not compared with its stock texts" in note for note in report.notes)


def test_personal_notes_of_one_shape_in_other_languages_are_no_template(acme, check, personal):
    """A good account writing in Spanish and Japanese, with the same friendly opening
    each time, sends no template: the details differ."""
    builder = acme()
    builder.invite("linkedin:acme", "linkedin:tomas", personal["tomas"])
    builder.invite("linkedin:acme", "linkedin:yuki", personal["yuki"])
    builder.invite(
        "linkedin:acme",
        "linkedin:jane",
        "Hola Jane, fue un placer conocerte en la feria de zapatillas; hablamos de tallas.",
    )
    builder.invite(
        "linkedin:acme",
        "linkedin:omar",
        "Hola Omar, fue un placer conocerte en la charla sobre paneles de cohortes.",
    )
    assert_quiet(check(builder, [CODE]))


# -- review ------------------------------------------------------------------------------------


def test_review_nudges_an_empty_note_and_the_stock_text(acme, review):
    [nudge], _notes = review(acme(), invite_draft("linkedin:jane", id="d1"), [CODE])
    assert nudge.message == "This invitation to Jane has no note."
    assert nudge.evidence == ("d1",) and nudge.metrics == {"kind": "empty"}
    assert nudge.suggestion.startswith("Write it for Jane: say where you met")
    stock = invite_draft("linkedin:omar", "Hi Omar, I'd like to connect with you on LinkedIn.")
    [nudge], _notes = review(acme(), stock, [CODE])
    assert nudge.message == "This invitation to Omar uses LinkedIn's stock text."


def test_review_nudges_the_template_sent_to_enough_people_and_leaves_a_near_one_to_the_check(
    acme, review
):
    history = acme()
    for who in ["jane", "omar"]:
        history.invite("linkedin:acme", f"linkedin:{who}", TEMPLATE.format(FIRST_NAMES[who], 10))
    copy = invite_draft("linkedin:li_wei", TEMPLATE.format("Li", 10))
    [nudge], _notes = review(history, copy)
    assert nudge.code == CODE and nudge.metrics == {"kind": "template"}
    near = invite_draft(
        "linkedin:li_wei", TEMPLATE.format("Li", 10).replace("people", "people in growth")
    )
    nudges, _notes = review(history, near)
    assert nudges == []


def test_review_without_a_profile_says_the_stock_texts_were_not_compared(acme, review):
    history = acme().account("xing:acme", subject="acme")
    stock = invite_draft("xing:jane", "Hi Jane, I'd like to connect with you on LinkedIn.")
    nudges, notes = review(history, stock, [CODE])
    assert nudges == []
    assert any("'xing'" in note and "stock texts" in note for note in notes)


@given(st.text(alphabet="abc <>'", max_size=30), st.text(alphabet="abc <>'", max_size=30))
def test_the_quick_similarity_test_decides_as_the_full_ratio(text, other):
    full = SequenceMatcher(None, text, other).ratio()
    for ratio in (0.5, 0.85, full):
        assert generic_invitation._similar(text, other, ratio) == (full >= ratio)
