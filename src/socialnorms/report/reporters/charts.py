"""The charts of the HTML report: findings per guideline, and every measurement the
rules of the report's checks declare a :class:`~socialnorms.Chart` for."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ...core.checks import Measurement, Severity
from ...core.htmlparts import escaped
from ...core.ruleparts import Chart
from .. import svg
from ..model import Report

__all__ = ["chart_grid", "charts", "declared_charts", "findings_chart", "measurement_chart"]


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


_FORMATS: dict[str, Callable[[float], str]] = {
    "minutes": _duration,
    "share": _percent,
    "number": _plain,
}
"""How the values of each :attr:`Chart.unit <socialnorms.Chart.unit>` read."""


def declared_charts(report: Report) -> list[tuple[str, Chart]]:
    """(guideline, chart) for every chart the rules of the report's checks declare, by
    guideline, each guideline's in rule-code order.

    A report that does not carry them (read from JSON, or built by hand) has none:
    :meth:`Checker.with_charts <socialnorms.Checker.with_charts>` adds those of the
    installed rules.
    """
    declared = report.charts or {}
    return [(guideline, chart) for guideline in sorted(declared) for chart in declared[guideline]]


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


def _measured(
    guideline: str, chart: Chart, measurements: Sequence[Measurement]
) -> list[Measurement]:
    """The measurements ``chart`` draws: its measurement, recorded by its guideline's check."""
    return [
        m
        for m in measurements
        if m.name == chart.measurement and m.guideline == guideline and math.isfinite(m.value)
    ]


def measurement_chart(
    guideline: str,
    chart: Chart,
    measurements: Sequence[Measurement],
    many_subjects: bool,
    prefix: str = "",
) -> str:
    """The chart of one measurement of ``guideline``, or a sentence saying it was not measured."""
    fmt = _FORMATS[chart.unit]
    found = _measured(guideline, chart, measurements)
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
            fmt=fmt,
            max_value=chart.max_value,
        )
        rows = [(name, x, fmt(v)) for name, points in series.items() for x, v in sorted(points)]
        table = _data_table(("Subject · network", "Period", "Value"), rows, chart.title)
    else:
        whole = [m for m in found if m.period is None] or found
        bars = [(_label(m, many_subjects), float(m.value)) for m in whole]
        drawing = svg.bar_chart(
            bars,
            title=chart.title,
            desc=chart.desc,
            ident=prefix + chart.ident,
            fmt=fmt,
            max_value=chart.max_value,
        )
        table = _data_table(("Where", "Value"), [(label, fmt(v)) for label, v in bars], chart.title)
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
    """The findings chart, then every declared chart (see :func:`declared_charts`); with
    ``absent=False`` only those that have data to draw.

    ``prefix`` starts every element id, so that several reports in one notebook
    do not share ids.
    """
    many = len({m.subject for m in report.measurements}) > 1
    drawn = [findings_chart(report, prefix)] if absent or report.findings else []
    drawn += [
        measurement_chart(guideline, chart, report.measurements, many, prefix)
        for guideline, chart in declared_charts(report)
        if absent or _measured(guideline, chart, report.measurements)
    ]
    return drawn


def _grid(pieces: Sequence[str]) -> str:
    """Charts side by side where the screen is wide enough, one under another on a phone."""
    return (
        '<div class="charts">' + "".join(f'<div class="chart">{p}</div>' for p in pieces) + "</div>"
    )


def chart_grid(pieces: Sequence[str]) -> str:
    """Charts side by side where the screen is wide enough, one under another on a phone."""
    return (
        '<div class="charts">' + "".join(f'<div class="chart">{p}</div>' for p in pieces) + "</div>"
    )
