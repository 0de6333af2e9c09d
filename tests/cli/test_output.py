"""The text reporter's layout and colour, and the terminal progress line."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from socialnorms import Finding, Report
from socialnorms.cli.progress import Progress
from socialnorms.report.reporters.text import evidence_line, render

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def finding(evidence, at=None, severity="warning"):
    return Finding(
        code="HS101",
        rule="shouting-posts",
        guideline="house-style",
        severity=severity,
        subject="acme",
        account="chirper:acme",
        network="chirper",
        message="shouting",
        suggestion="Calm down.",
        evidence=evidence,
        at=at,
    )


def test_short_evidence_lists_each_time_long_evidence_a_span():
    times = {f"a{i}": T0 + timedelta(hours=i) for i in range(8)}
    assert (
        evidence_line(finding(["a0", "a1"]), times)
        == "a0 (2026-01-05 10:00), a1 (2026-01-05 11:00) UTC"
    )
    long = evidence_line(finding([f"a{i}" for i in range(8)]), times)
    assert (
        long
        == "8 actions, 2026-01-05 10:00 to 2026-01-05 17:00 UTC: a0, a1, a2, a3, a4, … (+3 more)"
    )
    assert evidence_line(finding(["x"], at=T0), {}) == "x; latest 2026-01-05 10:00 UTC"


def test_colour_is_only_added_when_asked():
    report = Report(
        findings=[finding(["a0"], at=T0, severity="error")], actions=1, subjects=["acme"]
    )
    plain, styled = render(report), render(report, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31m" in styled  # errors in red
    assert plain.splitlines()[-1] == "1 finding (1 error) in 1 action of 1 subject"


def test_progress_shows_only_after_the_delay():
    progress = Progress(io.StringIO(), enabled=True, delay=1.0)
    start = progress._start
    progress("reading big.jsonl")
    assert progress.line(start + 0.5) is None
    assert progress.line(start + 2.25) == "reading big.jsonl 2.2s"


def test_disabled_progress_writes_nothing():
    stream = io.StringIO()
    with Progress(stream, enabled=False, delay=0) as progress:
        progress("checking")
    assert stream.getvalue() == ""
