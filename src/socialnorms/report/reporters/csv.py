"""The ``csv`` format: one row per finding, for spreadsheets and data tools.

Columns follow the report format's finding fields. ``evidence`` holds the action
ids separated by spaces, ``metrics`` a JSON object with sorted keys, ``at`` an
RFC 3339 time in UTC. Rows come in report order, so the same input gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import Report

COLUMNS = (
    "subject",
    "account",
    "network",
    "at",
    "code",
    "rule",
    "guideline",
    "severity",
    "message",
    "suggestion",
    "evidence",
    "metrics",
)


def render(report: Report) -> str:
    """The findings as CSV text with a header row (lines end with ``\\n``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for finding in report.findings:
        data = finding.to_dict()
        data["evidence"] = " ".join(data["evidence"])
        data["metrics"] = json.dumps(data["metrics"], ensure_ascii=False, sort_keys=True)
        writer.writerow("" if data[column] is None else data[column] for column in COLUMNS)
    return buffer.getvalue()
