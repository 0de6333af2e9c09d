"""The etiquette score: documented formula, monotone in severity, normalised by volume."""

from __future__ import annotations

import json
import math
import random

import attrs
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Finding, Report, Severity
from socialnorms.report.scores import BASELINE_ACTIONS, WEIGHTS, penalty, score

from .conftest import GUIDELINES, finding

severities = st.lists(st.sampled_from(list(Severity)), max_size=30)
volumes = st.integers(min_value=0, max_value=1_000_000)


def test_documented_figures_at_the_baseline_volume():
    assert score([], 100) == 100.0
    assert score([Severity.INFO], 100) == 93.3
    assert score([Severity.WARNING], 100) == 81.2
    assert score([Severity.ERROR], 100) == 53.6
    assert score([Severity.ERROR, Severity.INFO], 100) == 50.0


def test_small_accounts_get_no_discount():
    assert score([Severity.WARNING], 3) == score([Severity.WARNING], BASELINE_ACTIONS)


@given(severities, volumes)
def test_score_is_between_0_and_100_and_perfect_only_without_findings(found, actions):
    value = score(found, actions)
    assert 0 <= value <= 100
    assert (penalty(found, actions) == 0) == (not found)


@given(severities, volumes, st.data())
def test_a_heavier_severity_never_raises_the_score(found, actions, data):
    if not found:
        return
    index = data.draw(st.integers(0, len(found) - 1))
    heavier = data.draw(st.sampled_from([s for s in Severity if s >= found[index]]))
    changed = [*found[:index], heavier, *found[index + 1 :]]
    assert penalty(changed, actions) >= penalty(found, actions)
    assert score(changed, actions) <= score(found, actions)


@given(severities, volumes, st.sampled_from(list(Severity)))
def test_one_more_finding_never_raises_the_score(found, actions, extra):
    assert penalty([*found, extra], actions) > penalty(found, actions)
    assert score([*found, extra], actions) <= score(found, actions)


@given(severities, volumes, st.integers(min_value=0, max_value=1_000_000))
def test_more_activity_with_the_same_findings_never_lowers_the_score(found, actions, more):
    assert penalty(found, actions + more) <= penalty(found, actions)
    assert score(found, actions + more) >= score(found, actions)


@given(severities, st.integers(BASELINE_ACTIONS, 100_000), st.integers(1, 6))
def test_being_big_is_not_punished(found, actions, factor):
    """factor times the findings over factor² times the activity: the same penalty."""
    assert math.isclose(penalty(found * factor, actions * factor * factor), penalty(found, actions))


@given(severities, volumes)
def test_order_of_findings_does_not_matter(found, actions):
    shuffled = list(found)
    random.Random(0).shuffle(shuffled)
    assert score(shuffled, actions) == score(found, actions)


def test_weights_grow_with_severity():
    assert WEIGHTS[Severity.INFO] < WEIGHTS[Severity.WARNING] < WEIGHTS[Severity.ERROR]


# -- the score table of a report -------------------------------------------------------------


def test_table_has_overall_subject_network_and_guideline_scores(scenario_report):
    table = scenario_report.scores()
    acme = table.get("acme")
    assert acme is not None and acme.actions == 840 and acme.findings == 5
    # the finding without a network counts for the subject and its guideline only
    assert table.get("acme", None, "crosspost-with-consideration").findings == 1
    assert table.get("acme", "twitter", "crosspost-with-consideration").findings == 0
    assert table.get("acme", "twitter").findings == 3
    assert table.get("acme", "linkedin", "personalize-invitations").score < 100
    # a guideline that ran and found nothing scores 100
    assert table.get("globex", "twitter", "retweet-carefully").score == 100
    # the plugin error (no subject) is not scored
    assert table.overall.findings == 6
    assert table.overall.actions == 940
    assert table.subjects == ("acme", "globex")


def test_clean_account_scores_100_everywhere(clean_report):
    table = clean_report.scores()
    assert {row.score for row in table} == {100.0}
    assert {row.level for row in table} == {"good"}
    assert len(table.of("calm")) == 1 + len(GUIDELINES) * 2 + 1


@given(st.data())
def test_table_is_monotone_in_each_finding_severity(data):
    found = data.draw(
        st.lists(
            st.builds(
                finding,
                code=st.sampled_from(["SN101", "SN201", "SN301"]),
                guideline=st.sampled_from(GUIDELINES),
                severity=st.sampled_from(list(Severity)),
                subject=st.sampled_from(["acme", "globex"]),
                network=st.sampled_from(["twitter", "linkedin", None]),
            ),
            min_size=1,
            max_size=12,
        )
    )
    volume = {"acme": {"twitter": data.draw(volumes), "linkedin": data.draw(volumes)}}
    before = Report(findings=found, subjects=("acme", "globex"), volume=volume)
    index = data.draw(st.integers(0, len(found) - 1))
    heavier = attrs.evolve(found[index], severity=Severity.ERROR)
    after = Report(
        findings=[*found[:index], heavier, *found[index + 1 :]],
        subjects=("acme", "globex"),
        volume=volume,
    )
    reordered = Report(findings=list(reversed(found)), subjects=("acme", "globex"), volume=volume)
    assert reordered.scores() == before.scores()
    old = {(r.subject, r.network, r.guideline): r.score for r in before.scores()}
    for row in after.scores():
        assert row.score <= old[row.subject, row.network, row.guideline]


# -- in the JSON report ----------------------------------------------------------------------


def test_scores_are_an_addition_to_report_format_version_1(scenario_report):
    data = json.loads(scenario_report.to_json())
    assert data["format"] == "socialnorms-report" and data["version"] == 1
    assert list(data) == [
        "format",
        "version",
        "summary",
        "findings",
        "notes",
        "measurements",
        "scores",
    ]
    without = Report(
        **{
            **attrs.asdict(scenario_report, recurse=False),
            "volume": {},
            "guidelines": (),
            "subjects": (),
        }
    )
    unchanged = json.loads(without.to_json())
    for key in ("findings", "notes", "measurements"):
        assert data[key] == unchanged[key]
    scores = data["scores"]
    assert scores["overall"]["score"] == scenario_report.scores().overall.score
    acme = scores["subjects"][0]
    assert acme["subject"] == "acme" and acme["actions"] == 840
    assert [n["network"] for n in acme["networks"]] == ["linkedin", "twitter"]
    assert acme["networks"][1]["findings"] == {"error": 1, "warning": 1, "info": 1}
    assert {g["guideline"] for g in acme["guidelines"]} == set(GUIDELINES)
    assert "sqrt" in scores["formula"]


def test_report_with_scores_reads_back_equal(scenario_report, checked_report):
    for report in (scenario_report, checked_report):
        again = Report.from_json(report.to_json())
        assert again == report
        assert again.to_json() == report.to_json()


def test_report_without_subjects_has_no_scores():
    assert "scores" not in Report().to_dict()


def test_engine_records_volume_per_subject_and_network(checked_report):
    assert checked_report.volume == {"acme": {"linkedin": 1, "twitter": 5}}
    assert checked_report.guidelines == ("test-vanity",)
    assert checked_report.scores().get("acme", "linkedin").score == 100
    assert checked_report.scores().get("acme", "twitter").score == score([Severity.WARNING], 5)


def test_finding_repr_is_one_readable_line(checked_report):
    text = repr(checked_report.findings[0])
    assert (
        text
        == "<Finding TST001 warning vain-reposts acme tw:acme at 2026-01-05T13:05:00Z: 5 reposts of praise>"
    )
    assert isinstance(checked_report.findings[0], Finding)
