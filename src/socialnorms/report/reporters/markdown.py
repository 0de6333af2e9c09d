"""The ``markdown`` format: scores and findings for pull requests, wikis and chat.

GitHub-flavoured Markdown: a score table per subject, then the findings grouped
by guideline, each with its evidence folded away in ``<details>`` (which GitHub
and GitLab render; elsewhere it reads as plain text).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from itertools import groupby

from ...core.checks import Finding
from ...core.htmlparts import SEVERITY_ICONS
from ..model import Report
from ..scores import FORMULA, ScoreTable


def _cell(value: object) -> str:
    """Text safe inside a table cell: no pipes or line breaks."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _text(value: object) -> str:
    """Text that Markdown shows as written: angle brackets and ampersands as entities."""
    return escape(str(value), quote=False)


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no findings"


def _scores(table: ScoreTable) -> list[str]:
    lines = ["## Scores", ""]
    if not table.subjects:
        return [*lines, "No subjects to score.", ""]
    lines += [
        "| Subject | Network | Guideline | Score | Findings |",
        "| --- | --- | --- | ---: | --- |",
    ]
    for row in table:
        if row.subject is None or (row.network is not None and row.guideline is not None):
            continue  # the overall and the network × guideline cells are in the JSON report
        lines.append(
            f"| {_cell(row.subject)} | {_cell(row.network or 'all')} | {_cell(row.guideline or 'all')} "
            f"| **{row.score:g}** ({row.level}) | {_counts(row.counts)} |"
        )
    return [*lines, "", f"<sub>{FORMULA}</sub>", ""]


def _finding(finding: Finding) -> list[str]:
    where = " · ".join(x for x in (finding.subject, finding.account or finding.network) if x)
    at = finding.at.strftime("%Y-%m-%d %H:%M UTC") if finding.at else None
    head = (
        f"- {SEVERITY_ICONS[finding.severity]} **{finding.severity.value}** `{finding.code}` {finding.rule}"
        + (f" — {_text(where)}" if where else "")
    )
    lines = [head, f"  {_text(finding.message)}"]
    if finding.suggestion:
        lines.append(f"  *Suggestion:* {_text(finding.suggestion)}")
    if finding.evidence or finding.metrics:
        count = len(finding.evidence)
        label = f"Evidence: {count} action{'s' if count != 1 else ''}" if count else "Figures"
        lines.append(
            f"  <details><summary>{label}"
            + (f", latest {at}" if at and count else "")
            + "</summary>"
        )
        lines.append("")
        if finding.evidence:
            lines.append("  " + ", ".join(f"`{e}`" for e in finding.evidence))
        if finding.metrics:
            lines.append(
                "  " + _text(", ".join(f"{k} = {v}" for k, v in sorted(finding.metrics.items())))
            )
        lines += ["", "  </details>"]
    return lines


def render(report: Report) -> str:
    """The report as Markdown."""
    total = len(report.findings)
    subjects = ", ".join(report.subjects) or "no subjects"
    lines = [
        "# Etiquette report",
        "",
        f"{report.actions} actions of {_text(subjects)} checked: "
        + (
            f"{total} finding{'s' if total != 1 else ''} ({_counts(report.counts())})."
            if total
            else "no findings."
        ),
        "",
        *_scores(report.scores()),
        "## Findings",
        "",
    ]
    if not report.findings:
        lines += ["No findings: nothing broke the checked norms.", ""]
    ordered = sorted(report.findings, key=lambda f: (f.guideline, -f.severity.weight, f.sort_key()))
    for guideline, group in groupby(ordered, key=lambda f: f.guideline):
        found = list(group)
        lines += [f"### {guideline} ({len(found)})", ""]
        for finding in found:
            lines += _finding(finding)
        lines.append("")
    notes = [*report.notes, *(f"skipped: {s}" for s in report.skipped)]
    if notes:
        lines += ["## Notes", "", *(f"- {n}" for n in notes), ""]
    return "\n".join(lines)
