"""Tiny charts as inline SVG: horizontal bars and lines, no scripts, no fonts from elsewhere.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` (what a
screen reader reads) and a ``viewBox``, so it scales to the width of a phone.
Series of a line chart differ by colour, dash pattern *and* marker shape, and
every bar carries its value as text: colour is never the only signal.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from html import escape

__all__ = ["PALETTE", "bar_chart", "line_chart"]

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
_DASHES = ("", "6 3", "2 3", "8 3 2 3")
_MARKERS = ("circle", "square", "triangle", "diamond")

WIDTH = 400
_FONT = 'font-family="system-ui, sans-serif" font-size="13"'


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _open(width: float, height: float, title: str, desc: str, ident: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sn-chart" role="img" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{ident}-title {ident}-desc" {_FONT}>',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]


def _nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value``; 1 for
    a value that is not a positive normal number (a subnormal one's power of ten
    underflows to 0)."""
    if not value >= sys.float_info.min or not math.isfinite(value):
        return 1.0
    scale = 1.0
    while scale * 10 < value:
        scale *= 10
    while scale > value:
        scale /= 10
    for step in (1, 2, 2.5, 5):
        if step * scale >= value:
            return step * scale
    return 10 * scale


def bar_chart(
    bars: Sequence[tuple[str, float]],
    *,
    title: str,
    desc: str,
    ident: str,
    fmt: Callable[[float], str] = _number,
    max_value: float | None = None,
) -> str:
    """Horizontal bars, one per ``(label, value)``: the label above its bar, the value after it.

    Labels above the bars keep the chart narrow enough to read on a phone.
    """
    value_width, row, top = 76, 40, 4
    plot = WIDTH - value_width
    top_value = (
        max_value if max_value is not None else _nice_max(max((v for _, v in bars), default=0))
    )
    height = top + row * len(bars) + 4
    out = _open(WIDTH, height, title, desc, ident)
    for index, (label, value) in enumerate(bars):
        y = top + index * row
        length = plot * max(0.0, min(value, top_value)) / top_value if top_value else 0.0
        text = fmt(value)
        out.append(
            f'<g><text x="0" y="{y + 13}" fill="#222">{escape(_shorten(label, 60))}</text>'
            f'<rect x="0" y="{y + 18}" width="{_n(max(length, 1.0))}" height="16" '
            f'fill="{PALETTE[0]}" rx="2"><title>{escape(label)}: {escape(text)}</title></rect>'
            f'<text x="{_n(length + 6)}" y="{y + 31}" fill="#222">{escape(text)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y + 4)} {_n(x - 5)},{_n(y + 4)}"
    else:
        points = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y)} {_n(x)},{_n(y + 5)} {_n(x - 5)},{_n(y)}"
    return f'<polygon points="{points}" fill="{colour}"/>'


def line_chart(
    series: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    *,
    title: str,
    desc: str,
    ident: str,
    fmt: Callable[[float], str] = _number,
    max_value: float | None = None,
) -> str:
    """Lines over categorical x values (periods, in sorted order), one per ``(name, points)``.

    A legend under the plot names each series next to its marker and dash.
    """
    xs = sorted({x for _, points in series for x, _ in points})
    top_value = (
        max_value
        if max_value is not None
        else _nice_max(max((v for _, points in series for _, v in points), default=0))
    )
    left, right, top, plot_height, axis = 44, 28, 10, 180, 36
    legend_rows = len(series)
    height = top + plot_height + axis + 20 * legend_rows + 8
    plot_width = WIDTH - left - right
    step = plot_width / max(len(xs) - 1, 1)
    x_of = {
        x: left + (index * step if len(xs) > 1 else plot_width / 2) for index, x in enumerate(xs)
    }

    def y_of(value: float) -> float:
        return top + plot_height * (1 - max(0.0, min(value, top_value)) / top_value)

    out = _open(WIDTH, height, title, desc, ident)
    for tick in range(5):
        value = top_value * tick / 4
        y = y_of(value)
        out.append(
            f'<line x1="{left}" y1="{_n(y)}" x2="{WIDTH - right}" y2="{_n(y)}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{_n(y + 4)}" text-anchor="end" fill="#444">{escape(fmt(value))}</text>'
        )
    every = max(1, -(-len(xs) // 5))  # at most five x labels
    for index, x in enumerate(xs):
        if index % every == 0 or index == len(xs) - 1:
            out.append(
                f'<text x="{_n(x_of[x])}" y="{top + plot_height + 18}" text-anchor="middle" fill="#444">'
                f"{escape(x)}</text>"
            )
    out.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{WIDTH - right}" y2="{top + plot_height}" stroke="#555"/>'
    )
    for index, (name, points) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        dash = _DASHES[index % len(_DASHES)]
        shape = _MARKERS[index % len(_MARKERS)]
        ordered = sorted(points)
        path = " ".join(f"{_n(x_of[x])},{_n(y_of(v))}" for x, v in ordered)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f"<g><title>{escape(name)}</title>")
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>'
        )
        for x, v in ordered:
            out.append(
                f"<g>{_marker(shape, x_of[x], y_of(v), colour)}"
                f"<title>{escape(name)}, {escape(x)}: {escape(fmt(v))}</title></g>"
            )
        out.append("</g>")
        y = top + plot_height + axis + 20 * index + 6
        out.append(
            f'<line x1="{left}" y1="{y}" x2="{left + 28}" y2="{y}" stroke="{colour}" stroke-width="2"{dashed}/>'
            f"{_marker(shape, left + 14, y, colour)}"
            f'<text x="{left + 36}" y="{y + 4}" fill="#222">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
