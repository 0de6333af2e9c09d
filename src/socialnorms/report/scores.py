"""Etiquette scores: one number from 0 to 100 per subject, network and guideline.

The formula, for any group of findings (a subject on one network under one
guideline, a subject on one network, a subject under one guideline, a subject,
the whole report)::

    penalty = sum(WEIGHTS[finding.severity]) / sqrt(max(1, actions / BASELINE_ACTIONS))
    score   = 100 * 2 ** (-penalty / HALF_PENALTY)

with ``WEIGHTS = {info: 1, warning: 3, error: 9}``, ``BASELINE_ACTIONS = 100``
and ``HALF_PENALTY = 10``. ``actions`` is how many actions the subject took in
the group (on that network, or on all its networks).

What follows from it:

- No findings: 100. Each finding lowers the score; at the baseline volume one
  info costs about 7 points, one warning 19, one error 46.
- Monotone: a heavier severity, or one more finding, never raises a score; more
  activity with the same findings never lowers it.
- Normalised by volume: findings summarise patterns (one finding may cover a
  month of reposts), so they grow more slowly than activity. Dividing by the
  square root of the volume lets an account four times as active carry twice
  as many findings for the same score; below ``BASELINE_ACTIONS`` actions no
  discount applies, so a tiny account is not excused by being tiny.
- Findings without a subject (a plugin error) are not scored; findings without
  a network (a pattern across networks) count for the subject and guideline,
  not for any one network.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..core.checks import Finding, Severity

if TYPE_CHECKING:
    from .model import Report

__all__ = [
    "BASELINE_ACTIONS",
    "HALF_PENALTY",
    "WEIGHTS",
    "Score",
    "ScoreTable",
    "penalty",
    "score",
    "score_table",
]

WEIGHTS: Mapping[Severity, int] = {Severity.INFO: 1, Severity.WARNING: 3, Severity.ERROR: 9}
"""What one finding of each severity weighs in the penalty."""
BASELINE_ACTIONS = 100
"""Up to this many actions, the penalty is not divided at all."""
HALF_PENALTY = 10.0
"""The penalty that halves the score (one error and one info at the baseline volume)."""

FORMULA = (
    "score = 100 * 2 ** (-penalty / 10); penalty = sum of finding weights "
    "(info 1, warning 3, error 9) / sqrt(max(1, actions / 100))"
)


def penalty(severities: Iterable[Severity], actions: int) -> float:
    """The severity-weighted penalty of findings, divided by the volume factor."""
    return _divided(sum(WEIGHTS[Severity.parse(s)] for s in severities), actions)


def _divided(weight: int, actions: int) -> float:
    """A summed finding weight divided by the volume factor of ``actions``."""
    return weight / math.sqrt(max(1.0, actions / BASELINE_ACTIONS))


def score(severities: Iterable[Severity], actions: int) -> float:
    """The score (0-100, one decimal) of findings of these severities in ``actions`` actions."""
    return _scored(penalty(severities, actions))


def _scored(penalty_value: float) -> float:
    return round(100.0 * 2.0 ** (-penalty_value / HALF_PENALTY), 1)


def _severity_counts(value: Mapping[str, int]) -> dict[str, int]:
    return dict(value)


@attrs.frozen(slots=True)
class Score:
    """The score of one group of findings.

    ``subject``, ``network`` or ``guideline`` is ``None`` where the group spans
    all of them (``Score("acme", None, None, ...)`` is acme's overall score).
    """

    subject: str | None
    network: str | None
    guideline: str | None
    score: float
    penalty: float
    actions: int
    """The subject's actions in the group: the volume the penalty is divided by."""
    findings: int
    counts: Mapping[str, int] = attrs.field(factory=dict, converter=_severity_counts, hash=False)
    """Findings per severity, heaviest first."""

    @property
    def level(self) -> str:
        """A word for the score: ``good`` (90+), ``fair`` (60+) or ``poor``."""
        return "good" if self.score >= 90 else "fair" if self.score >= 60 else "poor"

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "penalty": round(self.penalty, 3),
            "actions": self.actions,
            "findings": dict(self.counts),
        }


def _make(
    subject: str | None,
    network: str | None,
    guideline: str | None,
    found: Sequence[Finding],
    actions: int,
) -> Score:
    tally = Counter(f.severity for f in found)
    counts = {s.value: tally.get(s, 0) for s in sorted(Severity, reverse=True)}
    weighed = _divided(sum(WEIGHTS[s] * n for s, n in tally.items()), actions)
    return Score(
        subject=subject,
        network=network,
        guideline=guideline,
        score=_scored(weighed),
        penalty=weighed,
        actions=actions,
        findings=len(found),
        counts=counts,
    )


def _scores(values: Iterable[Score]) -> tuple[Score, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class ScoreTable:
    """Every score of a report: overall, per subject, per network, per guideline.

    Iterate it for the rows (subject, then network, then guideline; ``None``,
    the total, first); :meth:`get` finds one.
    """

    scores: tuple[Score, ...] = attrs.field(converter=_scores)
    _index: dict[tuple[str | None, str | None, str | None], Score] = attrs.field(
        init=False, eq=False, repr=False
    )
    _by_subject: dict[str | None, tuple[Score, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_index", {(s.subject, s.network, s.guideline): s for s in self.scores}
        )
        grouped: dict[str | None, list[Score]] = defaultdict(list)
        for row in self.scores:
            grouped[row.subject].append(row)
        object.__setattr__(self, "_by_subject", {k: tuple(v) for k, v in grouped.items()})

    def __iter__(self) -> Iterator[Score]:
        return iter(self.scores)

    def __len__(self) -> int:
        return len(self.scores)

    def get(
        self, subject: str | None = None, network: str | None = None, guideline: str | None = None
    ) -> Score | None:
        """The score of one group (``None`` meaning all), or ``None`` if it was not scored."""
        return self._index.get((subject, network, guideline))

    @property
    def overall(self) -> Score:
        """The score of every subject's findings over every subject's actions."""
        found = self.get()
        assert found is not None
        return found

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.subject for s in self.scores if s.subject is not None))

    def of(self, subject: str) -> tuple[Score, ...]:
        """The rows of one subject."""
        return self._by_subject.get(subject, ())

    def to_dict(self) -> dict[str, Any]:
        """The ``scores`` object of the JSON report."""
        subjects = []
        for subject in self.subjects:
            rows = self.of(subject)
            whole = self.get(subject)
            assert whole is not None
            networks = [
                {
                    "network": row.network,
                    **row.to_dict(),
                    "guidelines": [
                        {"guideline": g.guideline, **g.to_dict()}
                        for g in rows
                        if g.network == row.network and g.guideline is not None
                    ],
                }
                for row in rows
                if row.network is not None and row.guideline is None
            ]
            guidelines = [
                {"guideline": row.guideline, **row.to_dict()}
                for row in rows
                if row.network is None and row.guideline is not None
            ]
            subjects.append(
                {
                    "subject": subject,
                    **whole.to_dict(),
                    "networks": networks,
                    "guidelines": guidelines,
                }
            )
        return {"formula": FORMULA, "overall": self.overall.to_dict(), "subjects": subjects}

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per row, for tables and DataFrames."""
        return [
            {
                "subject": s.subject,
                "network": s.network,
                "guideline": s.guideline,
                "score": s.score,
                "level": s.level,
                "penalty": round(s.penalty, 3),
                "actions": s.actions,
                "findings": s.findings,
                **s.counts,
            }
            for s in self.scores
        ]

    def to_dataframe(self):
        """The rows as a pandas DataFrame (needs ``socialnorms[pandas]``)."""
        from .frames import score_frame

        return score_frame(self)

    def __repr__(self) -> str:
        lines = [f"<ScoreTable overall {self.overall.score:g}"]
        for row in self.scores:
            if row.subject is None or (row.network is not None and row.guideline is not None):
                continue
            where = " ".join(x for x in (row.subject, row.network, row.guideline) if x)
            lines.append(
                f"  {where}: {row.score:g} ({row.level}, {row.findings} findings, {row.actions} actions)"
            )
        return "\n".join(lines) + ">"

    def _repr_html_(self) -> str:
        from .reporters.html import score_table

        return score_table(self)


def score_table(report: Report) -> ScoreTable:
    """Score the findings of ``report`` with the activity volume it recorded."""
    scored = [f for f in report.findings if f.subject is not None]
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for finding in scored:
        by_subject[finding.subject].append(finding)  # type: ignore[index]
    subjects = sorted(set(report.subjects) | set(by_subject) | set(report.volume))
    rows: list[Score] = []
    total = sum(n for networks in report.volume.values() for n in networks.values())
    rows.append(_make(None, None, None, scored, total))
    for subject in subjects:
        found = by_subject.get(subject, [])
        volume = dict(report.volume.get(subject, {}))
        everywhere = sum(volume.values())
        networks = sorted(set(volume) | {f.network for f in found if f.network is not None})
        guidelines = sorted(set(report.guidelines) | {f.guideline for f in found})
        per_guideline: dict[str, list[Finding]] = defaultdict(list)
        per_network: dict[str | None, list[Finding]] = defaultdict(list)
        per_both: dict[tuple[str | None, str], list[Finding]] = defaultdict(list)
        for finding in found:
            per_guideline[finding.guideline].append(finding)
            per_network[finding.network].append(finding)
            per_both[finding.network, finding.guideline].append(finding)
        rows.append(_make(subject, None, None, found, everywhere))
        for guideline in guidelines:
            rows.append(
                _make(subject, None, guideline, per_guideline.get(guideline, []), everywhere)
            )
        for network in networks:
            actions = volume.get(network, 0)
            rows.append(_make(subject, network, None, per_network.get(network, []), actions))
            for guideline in guidelines:
                rows.append(
                    _make(
                        subject, network, guideline, per_both.get((network, guideline), []), actions
                    )
                )
    return ScoreTable(rows)
