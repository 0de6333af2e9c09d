"""The ``html`` format: one self-contained page with score cards, charts and findings.

The page loads nothing from elsewhere (no scripts, fonts or images: charts are
inline SVG from :mod:`socialnorms.report.svg`), so it works offline and can be mailed
around. The same pieces render a :class:`~socialnorms.Report` and a
:class:`~socialnorms.report.scores.ScoreTable` in Jupyter (``_repr_html_``); a
:class:`~socialnorms.Finding` draws itself with :mod:`socialnorms.core.htmlparts`.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby

import attrs

from ...core.checks import Finding, Measurement, Severity
from ...core.htmlparts import CSS, escaped, evidence, severity_badge
from .. import svg
from ..model import Report
from ..scores import FORMULA, Score, ScoreTable

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


# -- charts ---------------------------------------------------------------------------------


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _duration(minutes: float) -> str:
    if minutes < 1:
        return f"{minutes * 60:.0f} s"
    if minutes < 90:
        return f"{minutes:.0f} min"
    hours = minutes / 60
    if hours < 48:
        return f"{_one_decimal(hours)} h"
    return f"{_one_decimal(hours / 24)} days"


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _plain(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@attrs.frozen
class Chart:
    """A chart of one measurement: what it shows, and what to say when nothing was measured."""

    ident: str
    title: str
    measurement: str
    kind: str  # "bar" or "line"
    desc: str
    absent: str
    fmt: Callable[[float], str]
    max_value: float | None = None


CHARTS = (
    Chart(
        ident="response-time",
        title="Median response time to mentions",
        measurement="median_response_minutes",
        kind="bar",
        desc="Median time between a mention and the subject's reply, per network.",
        absent="No response times were measured (no mentions to answer, or the check did not run).",
        fmt=_duration,
    ),
    Chart(
        ident="response-rate",
        title="Share of mentions answered",
        measurement="response_rate",
        kind="bar",
        desc="Share of mentions of the subject that received a reply, per network.",
        absent="No response rates were measured.",
        fmt=_percent,
        max_value=1.0,
    ),
    Chart(
        ident="self-mention",
        title="Share of reposts that mention the subject, per month",
        measurement="self_mention_share",
        kind="line",
        desc="Monthly share of the subject's reposts that share posts mentioning the subject.",
        absent="No self-mention shares were measured (no reposts, or the check did not run).",
        fmt=_percent,
        max_value=1.0,
    ),
    Chart(
        ident="follow-back-latency",
        title="Median follow-back latency",
        measurement="median_follow_back_minutes",
        kind="bar",
        desc="Median time between being followed and following back, per network.",
        absent="No follow-back latencies were measured (no follow-backs, or the check did not run).",
        fmt=_duration,
    ),
    Chart(
        ident="follow-back-share",
        title="Share of followers followed back",
        measurement="follow_back_share",
        kind="bar",
        desc="Share of new followers the subject followed back, per network.",
        absent="No follow-back shares were measured.",
        fmt=_percent,
        max_value=1.0,
    ),
    Chart(
        ident="personalization",
        title="Invitation personalisation score",
        measurement="personalization_score",
        kind="bar",
        desc="How personal the subject's invitations were, per network, from 0 (a stock or "
        "template note) to 1 (names the person and a shared context).",
        absent="No invitation personalisation was measured (no invitations, or the check did not run).",
        fmt=_plain,
        max_value=1.0,
    ),
)


def _label(m: Measurement, many_subjects: bool) -> str:
    network = m.network or "all networks"
    label = f"{m.subject} · {network}" if many_subjects else network
    return f"{label} ({m.period})" if m.period else label


def _data_table(headers: Sequence[str], rows: Iterable[Sequence[str]], caption: str) -> str:
    head = "".join(f'<th scope="col">{escaped(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escaped(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f'<details><summary>Data table</summary><div class="wrap"><table><caption class="muted">'
        f"{escaped(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )


def _figure(chart_id: str, caption: str, drawing: str, table: str) -> str:
    return f'<figure id="chart-{chart_id}"><figcaption>{escaped(caption)}</figcaption>{drawing}{table}</figure>'


def _measured(chart: Chart, measurements: Sequence[Measurement]) -> list[Measurement]:
    return [m for m in measurements if m.name == chart.measurement and math.isfinite(m.value)]


def measurement_chart(
    chart: Chart, measurements: Sequence[Measurement], many_subjects: bool, prefix: str = ""
) -> str:
    """The chart of one measurement, or a sentence saying it was not measured."""
    found = _measured(chart, measurements)
    if not found:
        return f'<h3>{escaped(chart.title)}</h3><p class="muted">{escaped(chart.absent)}</p>'
    if chart.kind == "line":
        series: dict[str, list[tuple[str, float]]] = {}
        for m in found:
            name = f"{m.subject} · {m.network or 'all networks'}"
            series.setdefault(name, []).append((m.period or "all", float(m.value)))
        drawing = svg.line_chart(
            list(series.items()),
            title=chart.title,
            desc=chart.desc,
            ident=prefix + chart.ident,
            fmt=chart.fmt,
            max_value=chart.max_value,
        )
        rows = [
            (name, x, chart.fmt(v)) for name, points in series.items() for x, v in sorted(points)
        ]
        table = _data_table(("Subject · network", "Period", "Value"), rows, chart.title)
    else:
        whole = [m for m in found if m.period is None] or found
        bars = [(_label(m, many_subjects), float(m.value)) for m in whole]
        drawing = svg.bar_chart(
            bars,
            title=chart.title,
            desc=chart.desc,
            ident=prefix + chart.ident,
            fmt=chart.fmt,
            max_value=chart.max_value,
        )
        table = _data_table(
            ("Where", "Value"), [(label, chart.fmt(v)) for label, v in bars], chart.title
        )
    return f"<h3>{escaped(chart.title)}</h3>" + _figure(
        prefix + chart.ident, chart.desc, drawing, table
    )


def findings_chart(report: Report, prefix: str = "") -> str:
    """Findings per guideline: bar length is the count; the label spells out severities."""
    if not report.findings:
        return '<h3>Findings per guideline</h3><p class="muted">No findings to chart.</p>'
    per: dict[str, Counter[Severity]] = {}
    for finding in report.findings:
        per.setdefault(finding.guideline, Counter())[finding.severity] += 1
    bars = [(g, float(sum(c.values()))) for g, c in sorted(per.items())]
    detail = {
        g: ", ".join(f"{c[s]} {s.value}" for s in sorted(Severity, reverse=True) if c[s])
        for g, c in per.items()
    }
    drawing = svg.bar_chart(
        bars,
        title="Findings per guideline",
        desc="Number of findings under each guideline: "
        + "; ".join(f"{g}: {detail[g]}" for g, _ in bars)
        + ".",
        ident=prefix + "findings",
        fmt=lambda v: f"{v:.0f}",
    )
    table = _data_table(
        ("Guideline", "Findings", "By severity"),
        [(g, f"{v:.0f}", detail[g]) for g, v in bars],
        "Findings per guideline",
    )
    caption = "Number of findings under each guideline (the data table splits them by severity)."
    return "<h3>Findings per guideline</h3>" + _figure(prefix + "findings", caption, drawing, table)


def charts(report: Report, *, absent: bool = True, prefix: str = "") -> list[str]:
    """Every chart; with ``absent=False`` only those that have data to draw.

    ``prefix`` starts every element id, so that several reports in one notebook
    do not share ids.
    """
    many = len({m.subject for m in report.measurements}) > 1
    drawn = [findings_chart(report, prefix)] if absent or report.findings else []
    drawn += [
        measurement_chart(chart, report.measurements, many, prefix)
        for chart in CHARTS
        if absent or _measured(chart, report.measurements)
    ]
    return drawn


def _grid(pieces: Sequence[str]) -> str:
    """Charts side by side where the screen is wide enough, one under another on a phone."""
    return (
        '<div class="charts">' + "".join(f'<div class="chart">{p}</div>' for p in pieces) + "</div>"
    )


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
        f"measurements</summary>{_grid(drawn)}</details>"
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
        f'<section aria-labelledby="h-charts"><h2 id="h-charts">Charts</h2>{_grid(charts(report))}</section>'
        f'<section aria-labelledby="h-findings"><h2 id="h-findings">Findings</h2>'
        f"{findings_tables(report.findings)}</section>{_notes(report)}"
        f'<footer><p class="muted">Plugins: '
        + escaped(", ".join(f"{n} {v}" for n, v in report.plugins.items()) or "none")
        + "</p></footer></main></body></html>\n"
    )
