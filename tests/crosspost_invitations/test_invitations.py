"""personalize-invitations: generic notes, weak notes, and acceptances left without a word."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Config, Severity
from socialnorms.guidelines.personalize_invitations import RULES, personalization, recipient_names

PEOPLE = {
    "jane": ("Jane Doe", "Head of growth at a running-shoe brand"),
    "omar": ("Omar Haddad", "Analytics lead, cohort dashboards"),
    "li_wei": ("Li Wei", None),
    "sara_k": ("Sara K", "Podcast producer"),
    "tomas": ("Tomás Ruiz", None),
    "yuki": ("田中 由紀", None),
}
ACCOUNTS = [
    {
        "type": "account",
        "id": "linkedin:acme",
        "network": "linkedin",
        "subject": "acme",
        "name": "Acme",
    }
] + [
    {
        "type": "account",
        "id": f"linkedin:{handle}",
        "network": "linkedin",
        "handle": f"@{handle}",
        "name": name,
        **({"bio": bio} if bio else {}),
    }
    for handle, (name, bio) in PEOPLE.items()
]


def invite(id, to, at, message=None):
    record = {
        "type": "action",
        "id": id,
        "kind": "invite",
        "actor": "linkedin:acme",
        "at": at,
        "target": f"linkedin:{to}",
    }
    if message is not None:
        record["message"] = message
    return record


def accept(id, who, at):
    return {
        "type": "action",
        "id": id,
        "kind": "accept",
        "actor": f"linkedin:{who}",
        "at": at,
        "target": "linkedin:acme",
    }


def message(id, to, at, text="Thanks for connecting!"):
    return {
        "type": "action",
        "id": id,
        "kind": "message",
        "actor": "linkedin:acme",
        "at": at,
        "target": f"linkedin:{to}",
        "message": text,
    }


def lines(*records, accounts=ACCOUNTS):
    return "".join(json.dumps(record) + "\n" for record in (*accounts, *records))


def found(report, code, severity=Severity.WARNING):
    return [f for f in report if f.code == code and f.severity >= severity]


PERSONAL = {
    "jane": "Jane, great talking with you after the panel at MarTech Boston about attribution windows.",
    "omar": "Omar, thanks for the tip on cohort dashboards at Tuesday's analytics meetup.",
    "li_wei": "Hi Li! We sat together at the Content Marketing World lunch; let's stay in touch.",
    "sara_k": "Hello Sara, your talk on podcast ads in Chicago changed how we budget for audio.",
    "tomas": "Hola Tomás, fue un placer conocerte en el taller de Madrid sobre email marketing 🎉",
    "yuki": "田中さん、先日の勉強会でお会いできて嬉しかったです。またお話ししましょう！",
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(check, rule):
    assert found(check(rule.example), rule.code, Severity.INFO), rule.code
    assert found(check(rule.quiet_example), rule.code, Severity.INFO) == []


def test_personal_invitations_in_several_languages_are_quiet(check):
    records = [
        invite(f"i{n}", who, f"2026-03-0{n + 1}T09:00:00Z", text)
        for n, (who, text) in enumerate(PERSONAL.items())
    ]
    report = check(lines(*records))
    assert [f for f in report if f.severity >= Severity.INFO] == []
    score = next(m.value for m in report.measurements if m.name == "personalization_score")
    assert score >= 0.8


def test_empty_and_stock_notes_are_generic_with_small_edits_tolerated(check):
    report = check(
        lines(
            invite("i1", "jane", "2026-03-02T09:00:00Z"),
            invite("i2", "omar", "2026-03-02T10:00:00Z", ""),
            invite(
                "i3",
                "li_wei",
                "2026-03-02T11:00:00Z",
                "Hi Li, I'd like to add you to my professional network on LinkedIn",
            ),
            invite("i4", "sara_k", "2026-03-02T12:00:00Z", PERSONAL["sara_k"]),
        )
    )
    [finding] = found(report, "SN401")
    assert finding.evidence == ("i1", "i2", "i3")
    assert finding.metrics["empty"] == 2 and finding.metrics["default_text"] == 1
    assert "3 of 4" in finding.message


def test_a_note_that_contains_the_stock_text_and_more_is_not_generic(check):
    text = "I'd like to add you to my professional network. Jane, we met at the Leeds expo and talked pricing."
    report = check(lines(invite("i1", "jane", "2026-03-02T09:00:00Z", text)))
    assert found(report, "SN401", Severity.INFO) == []


def test_template_with_names_and_numbers_changed_is_found_across_invitations(check):
    template = "Hi {}, saw your profile and would love to connect with {} like-minded people!"
    records = [
        invite(
            f"i{n}",
            who,
            f"2026-03-0{n + 1}T09:00:00Z",
            template.format(PEOPLE[who][0].split()[0], 10 + n),
        )
        for n, who in enumerate(["jane", "omar", "li_wei"])
    ]
    [finding] = found(check(lines(*records)), "SN401")
    assert finding.metrics["template"] == 3 and set(finding.evidence) == {"i0", "i1", "i2"}


def test_two_similar_notes_are_not_yet_a_template(check):
    template = "Hi {}, saw your profile and would love to connect!"
    records = [
        invite(f"i{n}", who, "2026-03-02T09:00:00Z", template.format(who))
        for n, who in enumerate(["jane", "omar"])
    ]
    assert found(check(lines(*records)), "SN401", Severity.INFO) == []


def test_single_generic_invitation_is_information_only(check):
    records = [invite("i0", "jane", "2026-03-01T09:00:00Z")] + [
        invite(f"i{n}", who, f"2026-03-0{n + 1}T09:00:00Z", PERSONAL[who])
        for n, who in enumerate(["omar", "sara_k"], 1)
    ]
    report = check(lines(*records))
    assert found(report, "SN401") == []
    assert [f.evidence for f in found(report, "SN401", Severity.INFO)] == [("i0",)]


def test_generic_suggestion_is_built_from_the_recipient(check):
    report = check(
        lines(
            invite("i1", "jane", "2026-03-02T09:00:00Z"),
            invite("i2", "omar", "2026-03-02T10:00:00Z"),
        )
    )
    [finding] = found(report, "SN401")
    assert "Jane" in finding.suggestion and "running-shoe" in finding.suggestion


def test_weak_notes_are_scored_with_what_is_missing(check):
    report = check(
        lines(
            invite(
                "i1",
                "jane",
                "2026-03-02T09:00:00Z",
                "Let us connect, always good to grow the network.",
            ),
            invite(
                "i2", "omar", "2026-03-03T09:00:00Z", "Omar, looking forward to being connected!"
            ),
            invite("i3", "sara_k", "2026-03-04T09:00:00Z", PERSONAL["sara_k"]),
        )
    )
    [finding] = found(report, "SN402")
    assert finding.evidence == ("i1", "i2")
    assert "shared context" in finding.message and finding.metrics["weak"] == 2


def test_score_features():
    names = recipient_names(None, "linkedin:jane_doe")
    assert names == ("jane", "doe")
    assert personalization("Jane, let's connect", names).score == 0.3
    assert personalization("Great chat at the Leeds meetup about pricing", names).score == 0.7
    assert personalization("👋🎉", names).score == 0.0
    assert personalization("Jane", names).missing == (
        "a shared context (an event, a place, a conversation)",
        "a specific topic",
    )


def test_no_follow_up_is_flagged_and_a_message_within_the_window_is_quiet(check):
    report = check(
        lines(
            invite("i1", "jane", "2026-03-02T09:00:00Z", PERSONAL["jane"]),
            accept("a1", "jane", "2026-03-02T12:00:00Z"),
            invite("i2", "omar", "2026-03-02T09:00:00Z", PERSONAL["omar"]),
            accept("a2", "omar", "2026-03-02T12:00:00Z"),
            message("m2", "omar", "2026-03-03T12:00:00Z"),
            message("m9", "sara_k", "2026-03-30T12:00:00Z"),
        )
    )
    [finding] = found(report, "SN403")
    assert finding.evidence == ("a1",) and "Jane" in finding.message
    assert finding.metrics["without_follow_up"] == 1 and finding.metrics["accepted"] == 2


def test_late_message_does_not_count_and_recent_acceptances_are_not_judged(check):
    late = check(
        lines(
            accept("a1", "jane", "2026-03-02T12:00:00Z"),
            message("m1", "jane", "2026-03-20T12:00:00Z"),
        )
    )
    assert [f.evidence for f in found(late, "SN403")] == [("a1",)]
    recent = check(
        lines(
            accept("a1", "jane", "2026-03-02T12:00:00Z"),
            message("m9", "omar", "2026-03-04T12:00:00Z"),
        )
    )
    assert found(recent, "SN403", Severity.INFO) == []
    longer = check(
        lines(
            accept("a1", "jane", "2026-03-02T12:00:00Z"),
            message("m1", "jane", "2026-03-20T12:00:00Z"),
        ),
        Config(options={"SN403": {"follow_up_days": 30}}),
    )
    assert found(longer, "SN403", Severity.INFO) == []


def test_network_without_profile_still_finds_empty_notes_and_says_what_it_skipped(check):
    report = check(
        lines(
            invite("i1", "jane", "2026-03-02T09:00:00Z"),
            invite("i2", "omar", "2026-03-02T10:00:00Z"),
        ),
        profiles=False,
    )
    assert found(report, "SN401")
    assert any("stock texts" in note for note in report.notes)


# -- properties -------------------------------------------------------------------------------

NOTES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            *list(PERSONAL.values()),
            "",
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi there, let's connect!",
            "🎉🎉",
            "Ciao!",
        ]
    ),
    st.text(max_size=40),
)
WHO = st.sampled_from(list(PEOPLE))


@st.composite
def timelines(draw):
    records = []
    for n in range(draw(st.integers(0, 10))):
        day = draw(st.integers(1, 28))
        kind = draw(st.sampled_from(["invite", "accept", "message"]))
        who = draw(WHO)
        at = f"2026-03-{day:02d}T09:00:00Z"
        records.append(
            invite(f"x{n}", who, at, draw(NOTES))
            if kind == "invite"
            else accept(f"x{n}", who, at)
            if kind == "accept"
            else message(f"x{n}", who, at)
        )
    return records


@settings(max_examples=40, deadline=None)
@given(timelines(), st.randoms(use_true_random=False))
def test_shuffling_input_changes_nothing(check, records, rng):
    shuffled = records[:]
    rng.shuffle(shuffled)
    assert [f.to_dict() for f in check(lines(*records))] == [
        f.to_dict() for f in check(lines(*shuffled))
    ]


@settings(max_examples=30, deadline=None)
@given(timelines())
def test_no_subjects_no_findings(check, records):
    accounts = [{k: v for k, v in a.items() if k != "subject"} for a in ACCOUNTS]
    assert list(check(lines(*records, accounts=accounts))) == []


@settings(max_examples=30, deadline=None)
@given(timelines())
def test_activity_of_others_creates_no_findings(check, records):
    others = [
        {
            **r,
            "actor": "linkedin:jane" if r["actor"] == "linkedin:acme" else r["actor"],
            "target": "linkedin:omar" if r["target"] == "linkedin:acme" else r["target"],
        }
        for r in records
    ]
    others = [r for r in others if r["actor"] != r["target"]]
    assert list(check(lines(*others))) == []


def test_network_and_sender_names_are_no_shared_context():
    names = recipient_names(None, "linkedin:lucia")
    note = "Me gustaría añadirte a mi red profesional en LinkedIn. Saludos de Acme"
    assert personalization(note, names, sender=("acme",)).shared_context == ()
    spanish = personalization(
        "Hola Lucía, fue genial conocerte en la conferencia de Madrid.", ("lucía",)
    )
    assert spanish.names_recipient and spanish.shared_context == ("conferencia", "Madrid")
    assert spanish.score == 0.8


@pytest.mark.parametrize("follow_up", ["reply", "mention"])
def test_a_reply_or_a_mention_counts_as_follow_up(check, follow_up):
    jane_post = {
        "type": "action",
        "id": "p1",
        "kind": "post",
        "actor": "linkedin:jane",
        "at": "2026-03-02T13:00:00Z",
        "post": {"id": "linkedin:p1", "text": "Our trail-shoe test results are in"},
    }
    if follow_up == "reply":
        answer = {
            "type": "action",
            "id": "r1",
            "kind": "reply",
            "actor": "linkedin:acme",
            "at": "2026-03-03T09:00:00Z",
            "target": "linkedin:p1",
            "post": {"id": "linkedin:r1", "text": "Great results, congratulations!"},
        }
    else:
        answer = {
            "type": "action",
            "id": "r1",
            "kind": "post",
            "actor": "linkedin:acme",
            "at": "2026-03-03T09:00:00Z",
            "post": {"id": "linkedin:r1", "text": "Welcome to our network, @jane!"},
        }
    report = check(
        lines(
            accept("a1", "jane", "2026-03-02T12:00:00Z"),
            jane_post,
            answer,
            message("m9", "omar", "2026-03-30T12:00:00Z"),
        )
    )
    assert found(report, "SN403", Severity.INFO) == []
