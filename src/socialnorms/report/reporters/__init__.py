"""Output formats. Each is a :class:`Reporter` registered through ``register_reporters``;
the built-in ones are ``text``, ``json``, ``csv``, ``markdown`` and ``html``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from ...core.hookspecs import hookimpl
from ..model import Report
from . import csv, html, markdown, text

__all__ = ["Reporter"]


def _keywords(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen(slots=True)
class Reporter:
    """An output format: a name (``--format NAME``) and a function from report to text."""

    name: str
    description: str
    render: Callable[..., str]
    """``render(report)`` returns the whole output as text."""
    accepts: frozenset[str] = attrs.field(default=frozenset(), converter=_keywords)
    """Optional keywords ``render`` takes: ``color`` (style the text for a terminal)
    and ``summary`` (``False`` leaves out everything but the findings, for ``--quiet``)."""
    stream: Callable[..., Iterable[str]] | None = None
    """Optional: ``stream(report)`` yields the same text as ``render`` in pieces, so
    that a large report is written as it is made (``socialnorms check`` prefers it)."""


def _json(report: Report) -> str:
    return report.to_json() + "\n"


def _json_pieces(report: Report) -> Iterator[str]:
    yield from report.iter_json()
    yield "\n"


BUILTIN_REPORTERS = (
    Reporter(
        "text",
        "findings grouped by subject and account, for people",
        text.render,
        accepts={"color", "summary"},
    ),
    Reporter("json", "the socialnorms report format, version 1", _json, stream=_json_pieces),
    Reporter("csv", "one row per finding, for spreadsheets", csv.render),
    Reporter(
        "markdown",
        "scores and findings as Markdown, for pull requests, wikis and chat",
        markdown.render,
    ),
    Reporter("html", "one self-contained page with scores, charts and findings", html.render),
)


@hookimpl
def register_reporters(register) -> None:
    for reporter in BUILTIN_REPORTERS:
        register(reporter)
