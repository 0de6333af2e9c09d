"""The guideline as a whole: its rules' examples, its figures, its page, and the
properties its check and review keep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Action, Timeline
from socialnorms.engine.review import agrees
from socialnorms.guidelines import PLUGINS, personalize_invitations
from socialnorms.testing import assert_quiet

RULES = personalize_invitations.RULES
DOCS = Path(__file__).resolve().parents[3] / "docs" / "guidelines"
START = datetime(2026, 3, 1, 9, tzinfo=UTC)
PEOPLE = ["jane", "omar", "li_wei", "sara_k", "tomas", "yuki"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(check, rule):
    assert any(f.code == rule.code for f in check(rule.example))
    assert not any(f.code == rule.code for f in check(rule.quiet_example))


def test_personal_invitations_in_several_languages_are_quiet_and_score_high(acme, check, personal):
    builder = acme()
    for who, note in personal.items():
        builder.invite("linkedin:acme", f"linkedin:{who}", note, after="1d")
    report = check(builder)
    assert_quiet(report)
    [score] = [m.value for m in report.measurements if m.name == "personalization_score"]
    assert score >= 0.8


def test_the_figures_are_measured_whichever_rules_are_selected(acme, check, personal):
    builder = (
        acme()
        .invite("linkedin:acme", "linkedin:jane", at="2026-03-02T09:00:00Z")
        .invite("linkedin:acme", "linkedin:omar", personal["omar"])
        .accept("linkedin:jane", "linkedin:acme", at="2026-03-02T12:00:00Z")
        .accept("linkedin:omar", "linkedin:acme")
        .message("linkedin:acme", "linkedin:omar", "Thanks!", after="1h")
        .message("linkedin:acme", "linkedin:sara_k", "Hi!", at="2026-03-30T12:00:00Z")
    )
    expected = {
        "invitations": 2,
        "generic_invitations": 1,
        "personalization_score": 0.5,
        "accepted_invitations": 2,
        "follow_up_rate": 0.5,
    }
    for select in [[], *([rule.code] for rule in RULES)]:
        report = check(builder, select)
        assert {m.name: m.value for m in report.measurements} == expected, select


def test_the_page_documents_every_rule_and_option_with_its_default():
    page = (DOCS / f"{personalize_invitations.GUIDELINE}.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"## {rule.code} {rule.name}" in page
        assert rule.why in page
        for option in rule.options:
            assert f"| `{option.name}` | `{option.default}` |" in page, option.name


def test_it_is_a_builtin_plugin_under_its_name():
    guideline = personalize_invitations.GUIDELINE
    assert (guideline, personalize_invitations.__name__) in PLUGINS
    assert personalize_invitations.personalize_invitations.guideline == guideline
    assert tuple(m.RULE for m in personalize_invitations.RULE_MODULES) == RULES
    for module in personalize_invitations.RULE_MODULES:
        assert callable(module.check) and module.RULE.instead
        assert module.RULE.settings is module.Options


# -- properties --------------------------------------------------------------------------------

NOTES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "",
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi there, let's connect!",
            "Hi {}, I came across your profile and would love to connect!",
            "{}, great meeting you at the Leeds running expo.",
            "🎉🎉",
            "Ciao!",
        ]
    ),
    st.text(max_size=40),
)


@st.composite
def activity(draw, actor: str = "linkedin:acme") -> list[Action]:
    """Invitations from ``actor``, acceptances of them and messages, in March."""
    actions = []
    for n in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["invite", "accept", "message"]))
        who = f"linkedin:{draw(st.sampled_from(PEOPLE))}"
        at = START + timedelta(days=draw(st.integers(0, 27)), minutes=n)
        if kind == "invite":
            note = draw(NOTES)
            message = note and note.replace("{}", who.split(":")[1].title())
            actions.append(
                Action(kind=kind, actor=actor, target=who, at=at, id=f"x{n}", message=message)
            )
        elif kind == "accept":
            actions.append(Action(kind=kind, actor=who, target=actor, at=at, id=f"x{n}"))
        else:
            actions.append(
                Action(kind=kind, actor=actor, target=who, at=at, id=f"x{n}", message="Hi")
            )
    return actions


def timeline(acme, actions, *, subject: bool = True) -> Timeline:
    return Timeline(acme(subject=subject).accounts, actions)


@settings(max_examples=40, deadline=None)
@given(activity(), st.randoms(use_true_random=False))
def test_the_order_of_the_input_changes_nothing(acme, check, actions, rng):
    shuffled = actions[:]
    rng.shuffle(shuffled)
    assert check(timeline(acme, actions)).to_dict() == check(timeline(acme, shuffled)).to_dict()


@settings(max_examples=30, deadline=None)
@given(activity())
def test_without_a_subject_nothing_is_found(acme, check, actions):
    assert_quiet(check(timeline(acme, actions, subject=False)))


@settings(max_examples=30, deadline=None)
@given(activity(actor="linkedin:jane"))
def test_what_others_do_is_not_the_subjects(acme, check, actions):
    assert_quiet(check(timeline(acme, [a for a in actions if a.target != a.actor])))


@settings(max_examples=60, deadline=None)
@given(activity(), st.sampled_from(PEOPLE), NOTES)
def test_every_nudge_is_a_finding_of_the_check_on_the_history_plus_the_draft(
    acme, check, review, actions, who, note
):
    history = acme()
    for action in actions:
        history.action(
            action.kind,
            action.actor,
            at=action.at,
            id=action.id,
            target=action.target,
            message=action.message,
        )
    draft = Action(
        kind="invite",
        actor="linkedin:acme",
        target=f"linkedin:{who}",
        at=START + timedelta(days=28),
        id="draft",
        message=note and note.replace("{}", who.title()),
    )
    nudges, _notes = review(history, draft)
    found = check(Timeline(history.accounts, [*history.actions, draft])).findings
    for nudge in nudges:
        assert draft.id in nudge.evidence
        assert any(agrees(nudge, finding, habits=()) for finding in found), (nudge, found)
