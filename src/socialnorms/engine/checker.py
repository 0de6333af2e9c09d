"""Running the checks: load input, build the Timeline once, run every enabled check.

The engine knows nothing of any particular guideline. A check that raises becomes
a ``plugin-error`` finding naming its plugin, and the other checks still run
(strict mode raises instead, for plugin authors).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

import attrs

from ..core.checks import Check, CheckContext, Finding, Measurement, ReviewingCheck, Rule, Severity
from ..core.config import Config, ConfigError
from ..core.models import Account, Action
from ..core.timeline import Timeline
from ..core.topics import TopicModel
from ..io import (
    CoverageStatement,
    InputError,
    ReadOptions,
    ReadResult,
    SkippedRecord,
    choose_reader,
)
from ..report.model import Report
from .coverage import coverage_notes
from .plugins import PluginManager, get_plugin_manager
from .registry import Registry

__all__ = ["CheckRun", "Checker", "check", "load"]

Source = Timeline | str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
Progress = Callable[[str], None]
"""Told what the checker is doing now (``reading acme.jsonl``), e.g. to show it on a terminal."""

PLUGIN_ERROR_CODE = "SN000"


@attrs.frozen(slots=True)
class CheckRun:
    """What one check found in one timeline: its findings, notes and measurements.

    ``failed`` is true when the check raised; ``findings`` then holds only its
    ``plugin-error`` finding (measurements and notes made before it raised stay).
    """

    guideline: str
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]
    measurements: tuple[Measurement, ...]
    failed: bool = False


class Checker:
    """Checks timelines with one set of plugins and one configuration.

    Build it once and reuse it for many timelines: plugins are loaded and
    registered when it is made, not per check::

        checker = Checker(config=Config(select=["SN1"]))
        for path in paths:
            report = checker.check(path)

    ``plugin_manager`` defaults to the shared one with every installed plugin,
    less those the configuration disables. ``strict`` raises the first exception
    of a check instead of turning it into a ``plugin-error`` finding.
    """

    def __init__(
        self,
        *,
        config: Config | None = None,
        plugin_manager: PluginManager | None = None,
        strict: bool | None = None,
    ) -> None:
        config = config or Config()
        if plugin_manager is None:
            try:
                plugin_manager = get_plugin_manager(disable=config.disable_plugins, strict=strict)
            except ValueError as exc:
                where = f"{config.source}: " if config.source else ""
                raise ConfigError(f"{where}disable-plugins: {exc}") from None
        else:
            for name in config.disable_plugins:
                if plugin_manager.has_plugin(name):
                    raise ValueError(
                        f"plugin {name!r} is disabled by the configuration but registered"
                    )
        self.plugin_manager = plugin_manager
        self.strict = plugin_manager.strict if strict is None else strict
        self.registry = Registry(plugin_manager)
        #: The topic model of the installed topics, built once and shared by every check.
        self.topics = TopicModel(self.registry.topics)
        config.validate((r.rule for r in self.registry.rules.values()), self.registry.guidelines)
        self.config = config.with_network_aliases(self.registry.networks)

    # -- input ---------------------------------------------------------------------------

    def syntax(self, network: str):
        """The text syntax of ``network`` from its profile, or ``None``."""
        profile = self.registry.networks.get(network)
        return profile.syntax if profile is not None else None

    def network_id(self, network: str) -> str:
        """The id of the network that ``network`` names (``x`` -> ``twitter``), else itself."""
        profile = self.registry.networks.get(network)
        return profile.id if profile is not None else network

    def timeline(self, accounts: Iterable[Account], actions: Iterable[Action]) -> Timeline:
        """A Timeline that reads post text with the installed networks' syntax.

        A network named by a profile's alias (``x``) is renamed to the profile's id
        (``twitter``), so that accounts on one network are indexed together.
        """
        accounts = [
            account
            if self.network_id(account.network) == account.network
            else attrs.evolve(account, network=self.network_id(account.network))
            for account in accounts
        ]
        return Timeline(accounts, map(self._canonical_post_network, actions), syntax=self.syntax)

    def _canonical_post_network(self, action: Action) -> Action:
        post = action.post
        if post is None or post.network is None or self.network_id(post.network) == post.network:
            return action
        return attrs.evolve(action, post=attrs.evolve(post, network=self.network_id(post.network)))

    def read(
        self,
        paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        tolerant: bool = False,
        format: str | None = None,
        options: ReadOptions | None = None,
        progress: Progress | None = None,
    ) -> tuple[Timeline, tuple[SkippedRecord, ...]]:
        """Read one or more files (they form one timeline) with the installed readers.

        Raises :class:`~socialnorms.io.InputError` for unreadable input.
        """
        result = self.read_result(
            paths, tolerant=tolerant, format=format, options=options, progress=progress
        )
        return self.timeline_of(result, paths), result.skipped

    def read_result(
        self,
        paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        tolerant: bool = False,
        format: str | None = None,
        options: ReadOptions | None = None,
        progress: Progress | None = None,
        timings: dict[str, float] | None = None,
    ) -> ReadResult:
        """What the installed readers make of one or more files, merged: accounts,
        actions, skipped records and coverage (``socialnorms convert`` writes it).

        ``timings``, when given, receives the seconds spent reading as ``read``.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        started = time.perf_counter()
        result = self._read_all(paths, options or ReadOptions(tolerant=tolerant), format, progress)
        if timings is not None:
            timings["read"] = time.perf_counter() - started
        return result

    def _read_all(
        self,
        paths: Sequence[str | os.PathLike[str]],
        options: ReadOptions,
        format: str | None,
        progress: Progress | None,
    ) -> ReadResult:
        if options.timezone is None and self.config.timezone is not None:
            options = attrs.evolve(options, timezone=self.config.timezone)
        accounts: dict[str, Account] = {}
        actions: list[Action] = []
        skipped: list[SkippedRecord] = []
        coverage: list[CoverageStatement] = []
        for raw in paths:
            path = Path(raw)
            if str(raw) != "-" and not path.exists():
                raise InputError(str(raw), None, None, "no such file or folder")
            reader = choose_reader(path, self.registry.readers, format)
            if progress is not None:
                progress(f"reading {'standard input' if str(raw) == '-' else raw}")
            result = reader.read(path, options)
            for account in result.accounts:
                known = accounts.get(account.id)
                if known is not None and known != account:
                    raise InputError(
                        str(raw), None, "account.id", f"{account.id!r} differs from an earlier file"
                    )
                accounts[account.id] = account
            actions.extend(result.actions)
            skipped.extend(result.skipped)
            coverage.extend(result.coverage)
        return ReadResult(accounts.values(), actions, skipped, coverage)

    def timeline_of(
        self,
        result: ReadResult,
        paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        timings: dict[str, float] | None = None,
    ) -> Timeline:
        """The Timeline of what :meth:`read_result` read from ``paths`` (named in errors).

        ``timings``, when given, receives the seconds spent indexing as ``timeline``.
        """
        started = time.perf_counter()
        try:
            timeline = self.timeline(result.accounts, result.actions)
        except ValueError as exc:
            names = [paths] if isinstance(paths, (str, os.PathLike)) else paths
            raise InputError(", ".join(map(str, names)), None, None, str(exc)) from None
        if timings is not None:
            timings["timeline"] = time.perf_counter() - started
        return timeline

    # -- checking -------------------------------------------------------------------------

    def check(
        self,
        source: Source,
        *,
        tolerant: bool = False,
        format: str | None = None,
        skipped: Iterable[SkippedRecord] = (),
        progress: Progress | None = None,
        options: ReadOptions | None = None,
        coverage: Iterable[CoverageStatement] = (),
        timings: dict[str, float] | None = None,
    ) -> Report:
        """Check a Timeline, a path or a list of paths; return the Report.

        ``skipped`` lists bad records an earlier tolerant :meth:`read` of the
        Timeline skipped, so that the report counts them, and ``coverage`` its
        readers' coverage statements. What the input could not show opens the
        report's notes (see :meth:`report`), so a quiet report is not read as
        good behaviour.

        ``timings``, when given, receives the seconds each phase took: ``read`` and
        ``timeline`` (building the indexes) when reading, ``check:GUIDELINE``
        for every check run, and ``assemble`` (ordering the findings into the report).
        """
        return self._check(source, tolerant, format, skipped, progress, options, coverage, timings)

    def _check(
        self,
        source: Source,
        tolerant: bool,
        format: str | None,
        skipped: Iterable[SkippedRecord],
        progress: Progress | None,
        options: ReadOptions | None,
        coverage: Iterable[CoverageStatement],
        timings: dict[str, float] | None,
    ) -> Report:
        skipped = tuple(skipped)
        coverage = tuple(coverage)
        if isinstance(source, Timeline):
            timeline = source
        else:
            result = self.read_result(
                source,
                tolerant=tolerant,
                format=format,
                options=options,
                progress=progress,
                timings=timings,
            )
            timeline = self.timeline_of(result, source, timings=timings)
            skipped, coverage = result.skipped, result.coverage
        runs = self.run_checks(timeline, progress=progress, timings=timings)
        return self.report(timeline, runs, skipped=skipped, coverage=coverage, timings=timings)

    def run_checks(
        self,
        timeline: Timeline,
        *,
        progress: Progress | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[CheckRun]:
        """Run every selected check on ``timeline``, in registry order.

        The parts of :meth:`check` that look at the timeline; :meth:`report` turns
        the runs into a Report. Runs over parts of a timeline can be merged with
        :func:`socialnorms.engine.partition.merge_runs` (see :mod:`socialnorms.engine.parallel`).
        """
        runs: list[CheckRun] = []
        for check, plugin in self.registry.checks:
            if not self.selected_rules(check):
                continue
            if progress is not None:
                progress(f"checking {check.guideline}")
            ctx = CheckContext(
                timeline,
                check=check,
                networks=self.registry.networks,
                config=self.config,
                topics=self.topics,
            )
            started = time.perf_counter()
            findings, failed = self._run_check(check, plugin, ctx)
            if timings is not None:
                key = f"check:{check.guideline}"
                timings[key] = timings.get(key, 0.0) + time.perf_counter() - started
            runs.append(
                CheckRun(check.guideline, tuple(findings), ctx.notes, ctx.measurements, failed)
            )
        return runs

    def report(
        self,
        timeline: Timeline,
        runs: Sequence[CheckRun],
        *,
        skipped: Iterable[SkippedRecord] = (),
        coverage: Iterable[CoverageStatement] = (),
        timings: dict[str, float] | None = None,
    ) -> Report:
        """The Report of ``runs`` (from :meth:`run_checks`) over ``timeline``.

        The notes open with what the input could not show (:meth:`coverage_notes`).
        ``timings``, when given, receives the seconds spent as ``assemble``.
        """
        findings = [finding for run in runs for finding in run.findings]
        notes = self.coverage_notes(coverage)
        notes.extend(f"{run.guideline}: {text}" for run in runs for text in run.notes)
        notes.extend(
            f"plugin {info.name!r} failed to load: {info.error}"
            for info in self.plugin_manager.failed.values()
        )
        started = time.perf_counter()
        report = Report(
            findings=findings,
            actions=len(timeline),
            accounts=len(timeline.accounts),
            subjects=timeline.subjects,
            skipped=tuple(skipped),
            plugins=self.plugin_versions(),
            notes=notes,
            measurements=[m for run in runs for m in run.measurements],
            evidence_times=evidence_times(timeline, findings),
            volume=activity_volume(timeline),
            guidelines=[run.guideline for run in runs],
            charts=self.registry.charts(run.guideline for run in runs),
        )
        if timings is not None:
            timings["assemble"] = time.perf_counter() - started
        return report

    def selected_rules(self, check: Check) -> list[Rule]:
        """The rules of ``check`` that the configuration selects (none: it does not run)."""
        return [
            rule
            for rule in check.rules
            if self.config.selects(rule.code, check.guideline, name=rule.name)
        ]

    def coverage_notes(self, coverage: Iterable[CoverageStatement]) -> list[str]:
        """The notes of readers' ``coverage`` statements in this checker's reports: a
        statement over a kind of data is noted for each guideline whose selected rules
        need it (see :func:`socialnorms.engine.coverage.coverage_notes`)."""
        return coverage_notes(coverage, self.rule_needs())

    def rule_needs(self) -> dict[str, list[frozenset[str]]]:
        """Guideline -> the kinds of data each of its selected rules needs."""
        needs: dict[str, list[frozenset[str]]] = {}
        for check, _plugin in self.registry.checks:
            for rule in self.selected_rules(check):
                needs.setdefault(check.guideline, []).append(rule.needs)
        return needs

    def with_charts(self, report: Report) -> Report:
        """``report`` with the charts the installed rules declare for its guidelines and
        for those it has measurements of: for a report read from JSON (which does not
        carry them) or built by hand. A report that has its charts is returned as it is."""
        if report.charts is not None:
            return report
        guidelines = {*report.guidelines, *(m.guideline for m in report.measurements)}
        return attrs.evolve(report, charts=self.registry.charts(guidelines))

    def _run(self, check: Check, plugin: str, ctx: CheckContext) -> list[Finding]:
        """The check's selected findings; one ``plugin-error`` finding if it fails.
        With ``ctx.draft`` set, its incremental form (``review``) runs instead."""
        return self._run_check(check, plugin, ctx)[0]

    def _run_check(
        self, check: Check, plugin: str, ctx: CheckContext
    ) -> tuple[list[Finding], bool]:
        """:meth:`_run`, and whether the check failed (its findings are then its error)."""
        codes = {rule.code for rule in check.rules}
        try:
            found = []
            produced = (
                check.run(ctx)
                if ctx.draft is None
                else cast("ReviewingCheck", check).review(ctx, ctx.draft)
            )
            for finding in produced:
                if not isinstance(finding, Finding) or finding.code not in codes:
                    raise TypeError(
                        f"check {check.guideline!r} yielded {finding!r}, not a Finding of its rules"
                    )
                if self.config.selects(
                    finding.code, check.guideline, finding.network, name=finding.rule
                ):
                    found.append(finding)
            return found, False
        except Exception as exc:
            if self.strict:
                raise
            return [self._plugin_error(check, plugin, exc)], True

    def _plugin_error(self, check: Check, plugin: str, exc: Exception) -> Finding:
        return Finding(
            code=PLUGIN_ERROR_CODE,
            rule="plugin-error",
            guideline="socialnorms",
            severity=Severity.ERROR,
            subject=None,
            account=None,
            network=None,
            message=f"plugin {plugin!r} failed in check {check.guideline!r}: {type(exc).__name__}: {exc}",
            suggestion=(
                f"Report this to the authors of {plugin!r}, or disable it with "
                f"SOCIALNORMS_DISABLE_PLUGINS={plugin}; the other checks ran."
            ),
            metrics={"plugin": plugin, "check": check.guideline},
        )

    def plugin_versions(self) -> dict[str, str]:
        """Name -> version of every plugin that is loaded."""
        return {
            info.name: info.version
            for info in self.plugin_manager.list_plugins()
            if info.error is None
        }


def evidence_times(timeline: Timeline, findings: Iterable[Finding]) -> dict[str, datetime]:
    """When each action given as evidence happened, for reports that show it."""
    times = {}
    for finding in findings:
        for action_id in finding.evidence:
            action = timeline.action(action_id)
            if action is not None:
                times[action_id] = action.at
    return times


def activity_volume(timeline: Timeline) -> dict[str, dict[str, int]]:
    """Subject -> network -> how many actions the subject's accounts took there."""
    volume: dict[str, dict[str, int]] = {}
    for subject in timeline.subjects:
        counts = volume.setdefault(subject, {})
        for account in timeline.accounts_of(subject):
            counts[account.network] = counts.get(account.network, 0) + len(
                timeline.by_actor(account.id)
            )
    return volume


def load(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    tolerant: bool = False,
    format: str | None = None,
    checker: Checker | None = None,
) -> Timeline:
    """Read files into a Timeline with the installed readers and network syntaxes."""
    timeline, _skipped = (checker or Checker()).read(paths, tolerant=tolerant, format=format)
    return timeline


def check(
    source: Source,
    *,
    config: Config | None = None,
    tolerant: bool = False,
    format: str | None = None,
    plugin_manager: PluginManager | None = None,
    strict: bool | None = None,
) -> Report:
    """Check a Timeline, a path or a list of paths with the installed plugins::

    report = socialnorms.check("acme.jsonl")
    """
    checker = Checker(config=config, plugin_manager=plugin_manager, strict=strict)
    return checker.check(source, tolerant=tolerant, format=format)
