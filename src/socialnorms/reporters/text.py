"""The ``text`` format: findings grouped by subject, then account, then a summary line."""

from __future__ import annotations

from itertools import groupby

from ..checks import Finding
from ..report import Report


def _time(finding: Finding) -> str:
    return finding.at.strftime("%Y-%m-%d %H:%M UTC") if finding.at else "-"


def render(report: Report) -> str:
    """The report as plain text, for people."""
    lines: list[str] = []
    for subject, by_subject in groupby(report.findings, key=lambda f: f.subject or ""):
        lines.append(f"{subject or '(no subject)'}")
        for account, by_account in groupby(by_subject, key=lambda f: f.account or ""):
            lines.append(f"  {account or '(all accounts)'}")
            for finding in by_account:
                lines.append(
                    f"    {finding.code} {finding.severity.value:<7} {finding.rule} [{finding.guideline}]"
                )
                lines.append(f"      {finding.message}")
                if finding.suggestion:
                    lines.append(f"      suggestion: {finding.suggestion}")
                if finding.evidence:
                    shown = ", ".join(finding.evidence[:8])
                    more = f" (+{len(finding.evidence) - 8} more)" if len(finding.evidence) > 8 else ""
                    lines.append(f"      evidence: {shown}{more}; latest {_time(finding)}")
        lines.append("")
    for note in report.notes:
        lines.append(f"note: {note}")
    for record in report.skipped:
        lines.append(f"skipped: {record}")
    counts = report.counts()
    total = len(report.findings)
    parts = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    lines.append(
        f"{total} finding{'s' if total != 1 else ''}"
        + (f" ({parts})" if parts else "")
        + f" in {report.actions} actions of {len(report.subjects)} subject"
        + ("s" if len(report.subjects) != 1 else "")
        + (f"; {len(report.skipped)} bad records skipped" if report.skipped else "")
    )
    return "\n".join(lines) + "\n"
