"""The ``text`` format: findings grouped by subject, then account, then a summary line.

With ``color=True`` (the command line passes it on a terminal without ``NO_COLOR``)
severities, codes and headings are styled with ANSI escapes; otherwise the text
is plain.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from itertools import groupby
from typing import Any

import click

from ...core.checks import Finding, Severity
from ..model import Report

#: Evidence lists up to this long show every action with its time.
LISTED_EVIDENCE = 5

_SEVERITY_STYLE: dict[Severity, dict[str, Any]] = {
    Severity.ERROR: {"fg": "red", "bold": True},
    Severity.WARNING: {"fg": "yellow", "bold": True},
    Severity.INFO: {"fg": "blue"},
}


def _time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def evidence_line(finding: Finding, times: Mapping[str, datetime]) -> str:
    """The evidence of a finding with when it happened, in UTC.

    A short list names every action with its time; a long one gives the count,
    the stretch of time and the first few ids.
    """
    evidence = finding.evidence
    known = sorted(times[a] for a in evidence if a in times)
    if len(evidence) <= LISTED_EVIDENCE and len(known) == len(evidence):
        return ", ".join(f"{a} ({_time(times[a])})" for a in evidence) + " UTC"
    shown = ", ".join(evidence[:LISTED_EVIDENCE])
    more = (
        f", … (+{len(evidence) - LISTED_EVIDENCE} more)" if len(evidence) > LISTED_EVIDENCE else ""
    )
    if known:
        span = (
            _time(known[0]) if known[0] == known[-1] else f"{_time(known[0])} to {_time(known[-1])}"
        )
        return f"{_plural(len(evidence), 'action')}, {span} UTC: {shown}{more}"
    latest = f"; latest {_time(finding.at)} UTC" if finding.at else ""
    return f"{shown}{more}{latest}"


def summary_line(report: Report) -> str:
    """``3 findings (1 error, 2 warnings) in 74 actions of 1 subject``."""
    total = len(report.findings)
    parts = ", ".join(_plural(n, s) for s, n in report.counts().items() if n)
    line = (
        _plural(total, "finding")
        + (f" ({parts})" if parts else "")
        + f" in {_plural(report.actions, 'action')} of {_plural(len(report.subjects), 'subject')}"
    )
    if report.skipped:
        line += f"; {_plural(len(report.skipped), 'bad record')} skipped"
    return line


def render(report: Report, *, color: bool = False, summary: bool = True) -> str:
    """The report as text for people; ``summary=False`` leaves out notes, skipped
    records and the closing line (``socialnorms check --quiet``)."""

    def style(text: str, **how: object) -> str:
        return click.style(text, **how) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for subject, by_subject in groupby(report.findings, key=lambda f: f.subject or ""):
        lines.append(style(subject or "(no subject)", bold=True, underline=True))
        for account, by_account in groupby(by_subject, key=lambda f: f.account or ""):
            lines.append("  " + style(account or "(all accounts)", bold=True))
            for finding in by_account:
                severity = style(
                    f"{finding.severity.value:<7}", **_SEVERITY_STYLE[finding.severity]
                )
                where = (
                    ""
                    if not finding.network or account.startswith(f"{finding.network}:")
                    else f" on {finding.network}"
                )
                lines.append(
                    f"    {style(finding.code, bold=True)} {severity} {finding.rule}"
                    + style(f" [{finding.guideline}]{where}", dim=True)
                )
                lines.append(f"      {finding.message}")
                if finding.suggestion:
                    lines.append(f"      {style('suggestion:', fg='green')} {finding.suggestion}")
                if finding.evidence:
                    lines.append(
                        f"      {style('evidence:', dim=True)} {evidence_line(finding, report.evidence_times)}"
                    )
                elif finding.at:
                    lines.append(f"      {style('at:', dim=True)} {_time(finding.at)} UTC")
        lines.append("")
    if summary:
        for note in report.notes:
            lines.append(f"{style('note:', fg='cyan')} {note}")
        for record in report.skipped:
            lines.append(f"{style('skipped:', fg='magenta')} {record}")
        top = report.max_severity
        closing = summary_line(report)
        lines.append(style(closing, **_SEVERITY_STYLE[top]) if top else style(closing, fg="green"))
    return "\n".join(lines) + "\n" if lines else ""
