"""The Report: the report format exactly, round trip, filtering, summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Finding, Measurement, Report, Severity, SkippedRecord
from socialnorms.testing.strategies import findings

SPEC_FINDING = {
    "code": "SN101",
    "rule": "self-mention-reposts",
    "guideline": "retweet-carefully",
    "severity": "warning",
    "subject": "acme",
    "account": "twitter:acme",
    "network": "twitter",
    "message": "8 of 10 reposts since 2026-01-01 share posts that mention @acme",
    "suggestion": "Share posts that are useful to your followers, not only praise of yourself.",
    "evidence": ["twitter:a17", "twitter:a18"],
    "at": "2026-01-05T10:05:00Z",
    "metrics": {"self_mention_reposts": 8, "reposts": 10},
}


def finding(**changes) -> Finding:
    data = {**SPEC_FINDING, **changes}
    return Finding.from_dict(data)


def test_to_json_is_the_report_format_key_for_key():
    report = Report(
        findings=[finding(metrics={"self_mention_reposts": 8, "reposts": 10})],
        actions=5210,
        accounts=843,
        subjects=["acme"],
        plugins={"twitter": "1.0.0", "retweet-carefully": "1.0.0"},
    )
    data = json.loads(report.to_json())
    assert list(data)[:4] == [
        "format",
        "version",
        "summary",
        "findings",
    ]  # later keys only extend it
    assert (data["format"], data["version"]) == ("socialnorms-report", 1)
    assert data["summary"] == {
        "actions": 5210,
        "accounts": 843,
        "subjects": ["acme"],
        "skipped_records": 0,
        "findings": {"error": 0, "warning": 1, "info": 0},
        "plugins": {"retweet-carefully": "1.0.0", "twitter": "1.0.0"},
    }
    assert list(data["summary"]) == [
        "actions",
        "accounts",
        "subjects",
        "skipped_records",
        "findings",
        "plugins",
    ]
    assert list(data["summary"]["findings"]) == ["error", "warning", "info"]
    assert list(data["summary"]["plugins"]) == ["retweet-carefully", "twitter"]
    assert data["findings"] == [
        {**SPEC_FINDING, "metrics": {"reposts": 10, "self_mention_reposts": 8}}
    ]
    assert list(data["findings"][0]) == list(SPEC_FINDING)
    assert report.to_json().startswith('{\n  "format": "socialnorms-report",\n  "version": 1,')
    assert "\n" not in report.to_json(indent=None)


def test_optional_sections_appear_only_when_there_is_something_to_say():
    report = Report(
        skipped=[SkippedRecord("a.jsonl", 3, "action.at", "timestamp has no UTC offset")],
        notes=["respond-to-mentions: no profile for network 'myspace'"],
        measurements=[
            Measurement("respond-to-mentions", "acme", "twitter", "response_rate", 0.5, "2026-03")
        ],
    )
    data = json.loads(report.to_json())
    assert [key for key in data if key in {"skipped", "notes", "measurements"}] == [
        "skipped",
        "notes",
        "measurements",
    ]
    assert list(data).index("skipped") > list(data).index("findings")
    assert data["summary"]["skipped_records"] == 1
    assert data["skipped"] == [
        {
            "file": "a.jsonl",
            "line": 3,
            "field": "action.at",
            "problem": "timestamp has no UTC offset",
        }
    ]
    assert data["measurements"] == [
        {
            "guideline": "respond-to-mentions",
            "subject": "acme",
            "network": "twitter",
            "name": "response_rate",
            "value": 0.5,
            "period": "2026-03",
        }
    ]
    assert Report.from_json(report.to_json()) == report


def test_times_are_written_in_utc_with_a_z():
    paris = timezone(timedelta(hours=1))
    moment = attrs.evolve(finding(), at=datetime(2026, 1, 5, 11, 5, tzinfo=paris))
    assert moment.at == datetime(2026, 1, 5, 10, 5, tzinfo=UTC)
    assert moment.to_dict()["at"] == "2026-01-05T10:05:00Z"
    assert (
        finding(at="2026-01-05T10:05:00.500+00:00").to_dict()["at"] == "2026-01-05T10:05:00.500000Z"
    )
    assert finding(at=None).to_dict()["at"] is None


@given(...)
def test_from_json_reads_back_what_to_json_wrote(report: Report):
    text = report.to_json()
    again = Report.from_json(text)
    assert again == report
    assert again.to_json() == text


@given(...)
def test_findings_are_sorted_by_subject_account_time_and_code(report: Report):
    keys = [
        (f.subject or "", f.account or "", f.at.isoformat() if f.at else "", f.code) for f in report
    ]
    assert keys == sorted(keys)
    assert Report(findings=reversed(report.findings)).findings == report.findings


def test_from_json_refuses_other_documents():
    with pytest.raises(ValueError, match="not a socialnorms-report version 1 document"):
        Report.from_json('{"format": "socialnorms-report", "version": 2}')


FINDINGS = [
    finding(
        code="SN101",
        guideline="retweet-carefully",
        severity="info",
        subject="acme",
        network="twitter",
    ),
    finding(
        code="SN102",
        guideline="retweet-carefully",
        severity="warning",
        subject="acme",
        network="twitter",
    ),
    finding(
        code="SN301",
        guideline="no-autofollow",
        severity="error",
        subject="acme",
        network="linkedin",
        account="linkedin:acme",
    ),
    finding(
        code="SN501",
        guideline="respond-to-mentions",
        severity="warning",
        subject="globex",
        network="mastodon",
        account="mastodon:globex",
    ),
    finding(
        code="XY001",
        guideline="house-style",
        severity="info",
        subject=None,
        network=None,
        account=None,
    ),
]


@pytest.mark.parametrize(
    ("criteria", "codes"),
    [
        ({"guideline": "retweet-carefully"}, {"SN101", "SN102"}),
        ({"guideline": ["no-autofollow", "house-style"]}, {"SN301", "XY001"}),
        ({"subject": "globex"}, {"SN501"}),
        ({"subject": ["acme", "globex"]}, {"SN101", "SN102", "SN301", "SN501"}),
        ({"severity": "warning"}, {"SN102", "SN301", "SN501"}),
        ({"severity": Severity.ERROR}, {"SN301"}),
        ({"network": "twitter"}, {"SN101", "SN102"}),
        ({"code": "SN1"}, {"SN101", "SN102"}),
        ({"code": ["SN301", "XY"]}, {"SN301", "XY001"}),
        ({"code": "SN", "severity": "warning", "network": "twitter"}, {"SN102"}),
        ({"subject": "nobody"}, set()),
    ],
)
def test_filter_keeps_findings_that_match_every_criterion(criteria, codes):
    report = Report(findings=FINDINGS, actions=9, subjects=["acme", "globex"], notes=["n"])
    kept = report.filter(**criteria)
    assert {f.code for f in kept} == codes
    assert (kept.actions, kept.notes) == (9, ("n",))


def test_a_filtered_report_scores_only_what_it_keeps():
    report = Report(
        findings=FINDINGS,
        subjects=["acme", "globex"],
        volume={"acme": {"twitter": 40, "linkedin": 10}, "globex": {"mastodon": 30}},
        guidelines=["retweet-carefully", "no-autofollow", "respond-to-mentions"],
    )
    acme = report.filter(subject="acme")
    assert acme.volume == {"acme": {"twitter": 40, "linkedin": 10}}
    assert {row.subject for row in acme.scores()} == {None, "acme"}
    assert acme.scores().overall.actions == 50
    on_twitter = report.filter(network="twitter")
    assert on_twitter.volume == {"acme": {"twitter": 40}}
    retweets = report.filter(guideline="retweet-carefully")
    assert retweets.guidelines == ("retweet-carefully",)
    assert {row.guideline for row in retweets.scores()} == {None, "retweet-carefully"}


def test_counts_max_severity_and_fail_on():
    report = Report(findings=FINDINGS)
    assert report.counts() == {"error": 1, "warning": 2, "info": 2}
    assert report.max_severity is Severity.ERROR and report.fails() and report.fails("info")
    quiet = report.filter(severity="info").filter(code="XY")
    assert quiet.max_severity is Severity.INFO and not quiet.fails() and quiet.fails("info")
    assert Report().max_severity is None and not Report().fails("info")
    assert len(report) == 5 and "1 error, 2 warning, 2 info" in repr(report)


def test_severity_order_and_parsing():
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.parse("WARNING") is Severity.WARNING and str(Severity.ERROR) == "error"
    with pytest.raises(ValueError, match="severity: expected info, warning or error, got 'fatal'"):
        Severity.parse("fatal")


@settings(max_examples=50, deadline=None)
@given(st.lists(findings(), max_size=12), st.randoms())
def test_findings_are_in_sort_key_order_whatever_order_they_come_in(found, random):
    # findings equal in all but their metrics must still follow sort_key
    found = found + [attrs.evolve(f, metrics={"n": i}) for i, f in enumerate(found[:3])]
    random.shuffle(found)
    assert list(Report(findings=found).findings) == sorted(found, key=Finding.sort_key)
