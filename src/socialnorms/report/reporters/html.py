"""The ``html`` format: one self-contained page with score cards, charts and findings.

The page loads nothing from elsewhere (no scripts, fonts or images: charts are
inline SVG from :mod:`socialnorms.report.svg`), so it works offline and can be mailed
around. The same pieces render a :class:`~socialnorms.Report` and a
:class:`~socialnorms.report.scores.ScoreTable` in Jupyter (``_repr_html_``); a
:class:`~socialnorms.Finding` draws itself with :mod:`socialnorms.core.htmlparts`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from itertools import groupby

from ...core.checks import Finding
from ...core.htmlparts import CSS, escaped, evidence, severity_badge
from ..model import Report
from ..scores import FORMULA, Score, ScoreTable
from .charts import chart_grid, charts

__all__ = ["notebook_view", "render", "score_table"]


# -- small pieces ---------------------------------------------------------------------------


def _score_row(label: str, row: Score) -> str:
    return (
        f'<li><span class="row"><span>{escaped(label)}</span>'
        f'<span><strong>{row.score:g}</strong> <span class="{row.level}">{row.level}</span></span></span>'
        f'<span class="bar" aria-hidden="true"><span style="width:{row.score:g}%"></span></span></li>'
    )


def _counts(counts: Mapping[str, int]) -> str:
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no findings"


def subject_card(table: ScoreTable, subject: str) -> str:
    """One subject's overall score, with its scores per network and per guideline."""
    whole = table.get(subject)
    assert whole is not None
    rows = table.of(subject)
    networks = [r for r in rows if r.network is not None and r.guideline is None]
    guidelines = [r for r in rows if r.network is None and r.guideline is not None]
    parts = [
        f'<article class="card" aria-label="{escaped(subject)}: score {whole.score:g} of 100">',
        f"<h3>{escaped(subject)}</h3>",
        f'<p><span class="big">{whole.score:g}</span><span class="muted">/100</span>'
        f'<span class="level {whole.level}">{whole.level}</span></p>',
        f'<p class="muted">{whole.actions} actions · {_counts(whole.counts)}</p>',
    ]
    if networks:
        parts.append('<p><strong>By network</strong></p><ul class="scores">')
        parts.extend(_score_row(r.network or "", r) for r in networks)
        parts.append("</ul>")
    if guidelines:
        parts.append('<p><strong>By guideline</strong></p><ul class="scores">')
        parts.extend(_score_row(r.guideline or "", r) for r in guidelines)
        parts.append("</ul>")
    parts.append("</article>")
    return "".join(parts)


def score_cards(table: ScoreTable) -> str:
    cards = "".join(subject_card(table, subject) for subject in table.subjects)
    return (
        f'<div class="cards">{cards}</div>'
        if cards
        else '<p class="muted">No subjects to score.</p>'
    )


def _finding_row(finding: Finding) -> str:
    where = " · ".join(
        escaped(x) for x in (finding.subject, finding.account or finding.network) if x
    )
    suggestion = (
        f'<br><span class="suggestion">Suggestion: {escaped(finding.suggestion)}</span>'
        if finding.suggestion
        else ""
    )
    return (
        f"<tr><td>{severity_badge(finding.severity)}</td>"
        f"<td><code>{escaped(finding.code)}</code><br>{escaped(finding.rule)}</td>"
        f"<td>{where or '–'}</td>"
        f"<td>{escaped(finding.message)}{suggestion}</td>"
        f"<td>{evidence(finding)}</td></tr>"
    )


def findings_tables(findings: Sequence[Finding], heading: str = "h3") -> str:
    """The findings grouped by guideline, heaviest first inside each group."""
    if not findings:
        return "<p>No findings: nothing broke the checked norms.</p>"
    out = []
    ordered = sorted(findings, key=lambda f: (f.guideline, -f.severity.weight, f.sort_key()))
    for guideline, group in groupby(ordered, key=lambda f: f.guideline):
        rows = list(group)
        out.append(
            f'<{heading}>{escaped(guideline)} <span class="muted">({len(rows)} finding'
            f"{'s' if len(rows) != 1 else ''})</span></{heading}>"
            '<div class="wrap"><table><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th>'
            '<th scope="col">Where</th><th scope="col">What and what to do</th>'
            '<th scope="col">Evidence</th></tr></thead><tbody>'
            + "".join(map(_finding_row, rows))
            + "</tbody></table></div>"
        )
    return "".join(out)


def _summary(report: Report) -> str:
    total = len(report.findings)
    subjects = ", ".join(report.subjects) or "no subjects"
    found = (
        f"{total} finding{'s' if total != 1 else ''} ({_counts(report.counts())})"
        if total
        else "no findings"
    )
    return f"<p>{report.actions} actions of {escaped(subjects)} checked: {escaped(found)}.</p>"


# -- whole views ----------------------------------------------------------------------------


def _notes(report: Report) -> str:
    items = [f"<li>{escaped(n)}</li>" for n in report.notes]
    items += [f"<li>Skipped: {escaped(s)}</li>" for s in report.skipped]
    return f"<h2>Notes</h2><ul>{''.join(items)}</ul>" if items else ""


def score_table(table: ScoreTable) -> str:
    """Every score as one table (the notebook view of a ScoreTable)."""
    rows = "".join(
        f"<tr><td>{escaped(s.subject or 'all subjects')}</td><td>{escaped(s.network or 'all')}</td>"
        f'<td>{escaped(s.guideline or "all")}</td><td class="num"><strong>{s.score:g}</strong></td>'
        f'<td class="{s.level}">{s.level}</td><td class="num">{s.actions}</td>'
        f"<td>{escaped(_counts(s.counts))}</td></tr>"
        for s in table
    )
    return (
        f'<style>{CSS}</style><div class="sn"><div class="wrap"><table><caption class="muted">'
        f"Etiquette scores (0–100): {escaped(FORMULA)}</caption><thead><tr>"
        + "".join(
            f'<th scope="col"{cls}>{h}</th>'
            for h, cls in (
                ("Subject", ""),
                ("Network", ""),
                ("Guideline", ""),
                ("Score", ' class="num"'),
                ("Level", ""),
                ("Actions", ' class="num"'),
                ("Findings", ""),
            )
        )
        + f"</tr></thead><tbody>{rows}</tbody></table></div></div>"
    )


def notebook_view(report: Report) -> str:
    """Score cards, the charts folded away, and the findings grouped by guideline, for Jupyter."""
    prefix = "sn" + hashlib.sha1(report.to_json().encode()).hexdigest()[:8] + "-"
    drawn = charts(report, absent=False, prefix=prefix)
    folded = (
        f"<details><summary>{len(drawn)} chart{'s' if len(drawn) != 1 else ''} of findings and "
        f"measurements</summary>{chart_grid(drawn)}</details>"
        if drawn
        else ""
    )
    return (
        f'<style>{CSS}</style><div class="sn">{_summary(report)}{score_cards(report.scores())}'
        f"{folded}{findings_tables(report.findings, 'h4')}{_notes(report)}</div>"
    )


def render(report: Report) -> str:
    """The report as a self-contained HTML document."""
    subjects = ", ".join(report.subjects)
    title = f"socialnorms report{': ' + subjects if subjects else ''}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escaped(title)}</title><style>{CSS}body{{margin:0;background:#fff}}</style></head>"
        f'<body><main class="sn"><h1>Etiquette report</h1>{_summary(report)}'
        f'<section aria-labelledby="h-scores"><h2 id="h-scores">Scores</h2>{score_cards(report.scores())}'
        "<details><summary>How scores are made</summary><p>100 when nothing was found; each "
        "finding lowers the score by its severity, less for busier accounts:</p>"
        f"<p><code>{escaped(FORMULA)}</code></p></details></section>"
        f'<section aria-labelledby="h-charts"><h2 id="h-charts">Charts</h2>{chart_grid(charts(report))}</section>'
        f'<section aria-labelledby="h-findings"><h2 id="h-findings">Findings</h2>'
        f"{findings_tables(report.findings)}</section>{_notes(report)}"
        f'<footer><p class="muted">Plugins: '
        + escaped(", ".join(f"{n} {v}" for n, v in report.plugins.items()) or "none")
        + "</p></footer></main></body></html>\n"
    )
