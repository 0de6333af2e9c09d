"""Output formats. Each is a :class:`Reporter` registered through ``register_reporters``;
the built-in ones are ``text``, ``json``, ``markdown`` and ``html``."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..hookspecs import hookimpl
from ..report import Report
from . import html, markdown, text

__all__ = ["Reporter"]


@attrs.frozen(slots=True)
class Reporter:
    """An output format: a name (``--format NAME``) and a function from report to text."""

    name: str
    description: str
    render: Callable[[Report], str]


def _json(report: Report) -> str:
    return report.to_json() + "\n"


BUILTIN_REPORTERS = (
    Reporter("text", "findings grouped by subject and account, for people", text.render),
    Reporter("json", "the socialnorms report format, version 1", _json),
    Reporter("markdown", "scores and findings as Markdown, for pull requests, wikis and chat", markdown.render),
    Reporter("html", "one self-contained page with scores, charts and findings", html.render),
)


@hookimpl
def register_reporters(register) -> None:
    for reporter in BUILTIN_REPORTERS:
        register(reporter)
