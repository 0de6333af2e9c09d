"""Findings and scores as rows: plain dicts always, pandas DataFrames with the extra.

pandas is optional (``pip install 'socialnorms[pandas]'``); everything else in
socialnorms works without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..core.checks import Finding, Severity

if TYPE_CHECKING:
    from .scores import ScoreTable

__all__ = ["FINDING_COLUMNS", "finding_frame", "finding_records", "score_frame"]

FINDING_COLUMNS = (
    "code",
    "rule",
    "guideline",
    "severity",
    "subject",
    "account",
    "network",
    "message",
    "suggestion",
    "evidence",
    "at",
    "metrics",
)
_TEXT = ("code", "rule", "subject", "account", "network", "message", "suggestion")
_SEVERITIES = [s.value for s in sorted(Severity)]


def finding_records(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """One dict per finding: ``at`` an aware datetime, ``evidence`` a list, ``metrics`` a dict."""
    return [
        {
            "code": f.code,
            "rule": f.rule,
            "guideline": f.guideline,
            "severity": f.severity.value,
            "subject": f.subject,
            "account": f.account,
            "network": f.network,
            "message": f.message,
            "suggestion": f.suggestion,
            "evidence": list(f.evidence),
            "at": f.at,
            "metrics": dict(f.metrics),
        }
        for f in findings
    ]


def _pandas():
    try:
        import pandas
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "DataFrames need pandas, which socialnorms installs as an extra: "
            "pip install 'socialnorms[pandas]' (or use to_records(), which needs nothing)",
            name="pandas",
        ) from None
    return pandas


def finding_frame(findings: Iterable[Finding]):
    """Findings as a DataFrame: categorical severity (ordered) and guideline, UTC ``at``."""
    pd = _pandas()
    records = finding_records(findings)
    frame = pd.DataFrame.from_records(records, columns=list(FINDING_COLUMNS))
    for column in _TEXT:
        frame[column] = frame[column].astype("string")
    frame["severity"] = pd.Categorical(frame["severity"], categories=_SEVERITIES, ordered=True)
    frame["guideline"] = pd.Categorical(
        frame["guideline"], categories=sorted({r["guideline"] for r in records})
    )
    frame["at"] = pd.to_datetime(frame["at"], utc=True).astype("datetime64[ns, UTC]")
    return frame


def score_frame(table: ScoreTable):
    """Scores as a DataFrame, one row per subject × network × guideline (``<NA>`` = all)."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(
        table.to_records(),
        columns=[
            "subject",
            "network",
            "guideline",
            "score",
            "level",
            "penalty",
            "actions",
            "findings",
            *reversed(_SEVERITIES),
        ],
    )
    for column in ("subject", "network", "guideline"):
        frame[column] = frame[column].astype("string")
    frame["level"] = pd.Categorical(
        frame["level"], categories=["poor", "fair", "good"], ordered=True
    )
    frame["score"] = frame["score"].astype("float64")
    frame["penalty"] = frame["penalty"].astype("float64")
    for column in ("actions", "findings", *_SEVERITIES):
        frame[column] = frame[column].astype("int64")
    return frame
