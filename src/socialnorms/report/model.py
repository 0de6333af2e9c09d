"""The Report: what a check run found, with its summary; serialised per the report format."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs

from ..core._json import iter_indented
from ..core.checks import Finding, Measurement, Severity
from ..core.ruleparts import Chart
from ..io import SkippedRecord
from .scores import ScoreTable, score_table

__all__ = ["FORMAT", "VERSION", "Report"]

FORMAT = "socialnorms-report"
VERSION = 1


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    """``value`` in the order of :meth:`Finding.sort_key`, whose last part is worked
    out only for findings that are equal in all else."""
    items = list(value)
    keys = [finding._sort_prefix() for finding in items]
    order = sorted(range(len(items)), key=keys.__getitem__)
    result: list[Finding] = []
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and keys[order[end]] == keys[order[start]]:
            end += 1
        run = [items[index] for index in order[start:end]]
        if len(run) > 1:
            run.sort(key=Finding.sort_key)
        result.extend(run)
        start = end
    return tuple(result)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _volume(value: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    # No counted actions is the same as not listed: keep one form, without zeros.
    counts = {s: {n: c for n, c in sorted(value[s].items()) if c} for s in sorted(value)}
    return {s: networks for s, networks in counts.items() if networks}


def _skipped(values: Iterable[SkippedRecord]) -> tuple[SkippedRecord, ...]:
    return tuple(values)


def _charts(
    value: Mapping[str, Iterable[Chart]] | None,
) -> dict[str, tuple[Chart, ...]] | None:
    return None if value is None else {g: tuple(value[g]) for g in sorted(value)}


@attrs.frozen(slots=True)
class Report:
    """Findings of one run, sorted by subject, account, time and code."""

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    actions: int = 0
    """How many actions were checked."""
    accounts: int = 0
    """How many accounts the timeline knows."""
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    skipped: tuple[SkippedRecord, ...] = attrs.field(default=(), converter=_skipped)
    """Bad records that tolerant reading skipped."""
    plugins: Mapping[str, str] = attrs.field(
        factory=dict, converter=lambda v: dict(sorted(dict(v).items())), hash=False
    )
    """Plugin name -> version of every plugin that took part."""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """What could not be judged, and why (a missing profile, a plugin that failed to load)."""
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=lambda v: tuple(sorted(v, key=Measurement.sort_key))
    )
    """Figures the checks measured per subject and network (response rates, shares, …)."""
    evidence_times: Mapping[str, datetime] = attrs.field(
        factory=dict, converter=lambda v: dict(sorted(dict(v).items())), eq=False, hash=False
    )
    """When each evidence action happened (action id -> time), for reports that show it.
    Not part of the JSON format: each finding's ``at`` carries the latest."""
    volume: Mapping[str, Mapping[str, int]] = attrs.field(
        factory=dict, converter=_volume, hash=False
    )
    """Subject -> network -> how many actions its accounts took there; scores divide by it."""
    guidelines: tuple[str, ...] = attrs.field(default=(), converter=lambda v: tuple(sorted(set(v))))
    """The guidelines whose checks ran: each gets a score, 100 when it found nothing."""
    charts: Mapping[str, tuple[Chart, ...]] | None = attrs.field(
        default=None, converter=_charts, eq=False, hash=False
    )
    """Guideline -> the charts its rules declare (:attr:`Rule.charts <socialnorms.Rule.charts>`),
    in rule-code order, for the guidelines whose checks ran; the engine fills it. ``None``
    when not known (a report read from JSON or built by hand): the HTML report then draws
    only the findings chart, and :meth:`Checker.with_charts <socialnorms.Checker.with_charts>`
    adds the installed rules' charts. Not part of the JSON format."""

    # -- reading it ---------------------------------------------------------------------

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        """Findings per severity, heaviest first: ``{"error": 1, "warning": 3, "info": 0}``."""
        counter = Counter(f.severity for f in self.findings)
        return {s.value: counter.get(s, 0) for s in sorted(Severity, reverse=True)}

    @property
    def max_severity(self) -> Severity | None:
        """The heaviest severity found, or ``None`` without findings."""
        return max((f.severity for f in self.findings), default=None)

    def fails(self, fail_on: Severity | str = Severity.ERROR) -> bool:
        """Whether any finding reaches ``fail_on`` (what exit status 1 means)."""
        top = self.max_severity
        return top is not None and top >= Severity.parse(fail_on)

    def filter(
        self,
        *,
        guideline: str | Iterable[str] | None = None,
        subject: str | Iterable[str] | None = None,
        network: str | Iterable[str] | None = None,
        code: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
    ) -> Report:
        """A report with only the findings that match every given criterion.

        ``code`` takes codes or code prefixes; ``severity`` keeps findings at
        least that heavy. ``subject`` and ``network`` also narrow the subjects,
        the measurements and the activity volume the report shows, and
        ``guideline`` the guidelines it scores and charts, so that scores cover
        only what is kept.
        """

        def wanted(value: str | Iterable[str] | None) -> frozenset[str] | None:
            if value is None:
                return None
            return frozenset((value,) if isinstance(value, str) else value)

        guidelines, subjects, networks, codes = map(wanted, (guideline, subject, network, code))
        floor = Severity.parse(severity) if severity is not None else None
        kept = [
            f
            for f in self.findings
            if (guidelines is None or f.guideline in guidelines)
            and (subjects is None or f.subject in subjects)
            and (networks is None or f.network in networks)
            and (codes is None or any(f.code.startswith(c) for c in codes))
            and (floor is None or f.severity >= floor)
        ]
        measurements = [
            m
            for m in self.measurements
            if (guidelines is None or m.guideline in guidelines)
            and (subjects is None or m.subject in subjects)
            and (networks is None or m.network in networks)
        ]
        shown = [s for s in self.subjects if subjects is None or s in subjects]
        volume = {
            s: {n: count for n, count in counts.items() if networks is None or n in networks}
            for s, counts in self.volume.items()
            if subjects is None or s in subjects
        }
        ran = [g for g in self.guidelines if guidelines is None or g in guidelines]
        charts = (
            None
            if self.charts is None
            else {g: c for g, c in self.charts.items() if guidelines is None or g in guidelines}
        )
        return attrs.evolve(
            self,
            findings=kept,
            measurements=measurements,
            subjects=shown,
            volume=volume,
            guidelines=ran,
            charts=charts,
        )

    # -- the report format ----------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """The ``summary`` object of the report format."""
        return {
            "actions": self.actions,
            "accounts": self.accounts,
            "subjects": list(self.subjects),
            "skipped_records": len(self.skipped),
            "findings": self.counts(),
            "plugins": dict(self.plugins),
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as the report format's JSON object."""
        return self._data([f.to_dict() for f in self.findings])

    def _data(self, findings: Iterable[dict[str, Any]]) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "summary": self.summary(),
            "findings": findings,
        }
        if self.skipped:
            data["skipped"] = [s.to_dict() for s in self.skipped]
        if self.notes:
            data["notes"] = list(self.notes)
        if self.measurements:
            data["measurements"] = [m.to_dict() for m in self.measurements]
        if self.subjects or self.volume:
            data["scores"] = {"guidelines": list(self.guidelines), **self.scores().to_dict()}
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (report format version 1); same input, same bytes."""
        if indent is None:
            return json.dumps(self.to_dict(), ensure_ascii=False)
        return "".join(self.iter_json(indent=indent))

    def iter_json(self, *, indent: int = 2) -> Iterator[str]:
        """The text of :meth:`to_json` in pieces, a finding at a time, to write a large
        report without holding all its text (or all its findings as dictionaries)."""
        return iter_indented(self._data(f.to_dict() for f in self.findings), indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read a report back from its JSON object."""
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} version {VERSION} document")
        summary = data.get("summary", {})
        scores = data.get("scores", {})
        return cls(
            findings=[Finding.from_dict(f) for f in data.get("findings", ())],
            actions=summary.get("actions", 0),
            accounts=summary.get("accounts", 0),
            subjects=summary.get("subjects", ()),
            skipped=[SkippedRecord(**s) for s in data.get("skipped", ())],
            plugins=summary.get("plugins", {}),
            notes=data.get("notes", ()),
            measurements=[Measurement(**m) for m in data.get("measurements", ())],
            volume={
                s["subject"]: {n["network"]: n["actions"] for n in s.get("networks", ())}
                for s in scores.get("subjects", ())
            },
            guidelines=scores.get("guidelines", ()),
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Read a report back from its JSON text."""
        return cls.from_dict(json.loads(text))

    # -- for people and notebooks ------------------------------------------------------

    def scores(self) -> ScoreTable:
        """Etiquette scores (0-100) per subject, network and guideline; see :mod:`socialnorms.report.scores`."""
        return score_table(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per finding (no dependencies); the rows of :meth:`to_dataframe`."""
        from .frames import finding_records

        return finding_records(self.findings)

    def to_dataframe(self):
        """One row per finding as a pandas DataFrame with typed columns.

        ``severity`` and ``guideline`` are categoricals (severity ordered info <
        warning < error), ``at`` is ``datetime64[ns, UTC]``. Needs the extra
        ``socialnorms[pandas]``.
        """
        from .frames import finding_frame

        return finding_frame(self.findings)

    def to_html(self) -> str:
        """The report as one self-contained HTML page with charts (``--format html``)."""
        from .reporters.html import render

        return render(self)

    def to_markdown(self) -> str:
        """The report as Markdown, for pull requests, wikis and chat (``--format markdown``)."""
        from .reporters.markdown import render

        return render(self)

    def _repr_html_(self) -> str:
        from .reporters.html import notebook_view

        return notebook_view(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items() if n) or "no findings"
        return f"<Report {self.actions} actions, subjects={list(self.subjects)}: {counts}>"
