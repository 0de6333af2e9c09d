"""The plugin author's kit: fixtures, builders, assertions and hypothesis strategies.

Use it as a pytest plugin, in a ``conftest.py``::

    pytest_plugins = ["socialnorms.testing"]

and then::

    from socialnorms.testing import TimelineBuilder, assert_findings, registered

    def test_unanswered_question(plugin_manager):
        timeline = (
            TimelineBuilder()
            .subject("acme", "twitter:acme")
            .post("twitter:jane", "@acme where is my order?", id="q1")
            .build()
        )
        with registered(plugin_manager, my_plugin):
            report = socialnorms.check(timeline, plugin_manager=plugin_manager)
        assert_findings(report, codes={"HS501"}, evidence={"q1"})

The strategies live in :mod:`socialnorms.testing.strategies` (importing it needs
hypothesis, as this pytest plugin does).
"""

from __future__ import annotations

import contextlib
import io
import os
import traceback
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from ..core.checks import Check, Finding, Severity
from ..core.config import Config
from ..core.hookspecs import hookimpl
from ..core.profiles import NetworkProfile
from ..core.timeline import Timeline
from ..core.topics import Topic
from ..engine.checker import Checker
from ..engine.plugins import PluginManager, new_plugin_manager, reset_plugin_manager
from ..engine.registry import Registry
from ..io.activity import read_activity
from ..report.model import Report
from .builders import TimelineBuilder, duration

__all__ = [
    "TimelineBuilder",
    "as_plugin",
    "assert_findings",
    "assert_quiet",
    "check_rule_examples",
    "duration",
    "isolated_plugin_manager",
    "registered",
    "rule_example_problems",
    "run_checks",
]

# Registers the strategies for st.from_type when hypothesis is there; it is optional
# for the plain helpers.
with contextlib.suppress(ImportError):
    from . import strategies as _strategies  # noqa: F401


# -- plugin managers -----------------------------------------------------------------------


def isolated_plugin_manager(*, strict: bool = True) -> PluginManager:
    """A plugin manager with only the activity reader and the reporters: no built-in
    guidelines, no installed plugins. Register the plugins under test on it.

    ``strict`` (the default here) makes a broken plugin or a raising check fail
    the test instead of becoming a warning or a ``plugin-error`` finding.
    """
    return new_plugin_manager(builtins=False, entrypoints=False, strict=strict)


@contextlib.contextmanager
def registered(pm: PluginManager, plugin: object, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` (a module or an object with hook functions) on ``pm`` for
    the ``with`` block; yields the name it is registered under.

    Hook functions whose names are no hook of socialnorms fail at once.
    """
    registered_name = pm.register(plugin, name=name)
    if registered_name is None:
        raise ValueError(f"plugin {name or plugin!r} is blocked or already registered")
    try:
        pm.check_pending()
        yield registered_name
    finally:
        pm.unregister(name=registered_name)
        pm.failed.pop(registered_name, None)  # a failure is forgotten with the plugin


class _Plugin:
    """Hook implementations that register given objects (see :func:`as_plugin`)."""

    def __init__(
        self, checks: Iterable[Check], networks: Iterable[NetworkProfile], topics: Iterable[Topic]
    ) -> None:
        self.checks = tuple(checks)
        self.networks = tuple(networks)
        self.topics = tuple(topics)

    @hookimpl
    def register_checks(self, register: Any) -> None:
        for check in self.checks:
            register(check)

    @hookimpl
    def register_networks(self, register: Any) -> None:
        for profile in self.networks:
            register(profile)

    @hookimpl
    def register_topics(self, register: Any) -> None:
        for topic in self.topics:
            register(topic)


def as_plugin(
    *checks: Check, networks: Iterable[NetworkProfile] = (), topics: Iterable[Topic] = ()
) -> object:
    """A plugin that registers ``checks``, ``networks`` and ``topics``: give it to
    :func:`registered` or to a plugin manager's ``register`` instead of writing a
    class of hook functions for a test."""
    return _Plugin(checks, networks, topics)


def run_checks(
    source: Timeline | TimelineBuilder | str | os.PathLike[str],
    *checks: Check,
    networks: Iterable[NetworkProfile] = (),
    config: Config | None = None,
    strict: bool = True,
) -> Report:
    """Run ``checks`` (and nothing else) over ``source`` and return the Report.

    ``source`` is a Timeline, a :class:`TimelineBuilder`, activity-format text,
    or a :class:`~pathlib.Path` of a file any installed reader reads.
    ``networks`` are the profiles the checks may ask for. ``strict`` lets an
    exception in a check propagate, with its traceback, instead of becoming a
    ``plugin-error`` finding.
    """
    pm = isolated_plugin_manager(strict=strict)
    with registered(pm, as_plugin(*checks, networks=networks), name="under-test"):
        checker = Checker(config=config, plugin_manager=pm, strict=strict)
        return checker.check(_timeline(source, checker))


def _timeline(source: Any, checker: Checker) -> Timeline:
    if isinstance(source, Timeline):
        return source
    if isinstance(source, TimelineBuilder):
        return source.build(syntax=checker.syntax)
    if isinstance(source, os.PathLike):
        timeline, _skipped = checker.read(source)
        return timeline
    if isinstance(source, str):
        if source.strip() and not source.lstrip().startswith("{"):
            raise ValueError(
                "a str is activity-format text (JSON Lines); pass a pathlib.Path to read a file"
            )
        result = read_activity(io.BytesIO(source.encode("utf-8")), name="<activity>")
        return checker.timeline(result.accounts, result.actions)
    raise TypeError(
        f"expected a Timeline, a TimelineBuilder, activity text or a Path, got {type(source).__name__}"
    )


# -- assertions ------------------------------------------------------------------------------


def _describe(finding: Finding) -> str:
    evidence = ", ".join(finding.evidence) or "-"
    return (
        f"{finding.code} {finding.severity.value} {finding.account or finding.subject or '-'}: "
        f"{finding.message} [evidence: {evidence}]"
    )


def _listing(findings: Iterable[Finding]) -> str:
    lines = [f"  {_describe(f)}" for f in findings]
    return "\n".join(lines) if lines else "  (none)"


def assert_findings(
    report: Report | Iterable[Finding],
    *,
    codes: Iterable[str] | None = None,
    evidence: Iterable[str] | None = None,
    count: int | None = None,
    severity: Severity | str | None = None,
    subject: str | None = None,
    account: str | None = None,
    network: str | None = None,
) -> tuple[Finding, ...]:
    """Assert what a report found, and return the findings that matched.

    ``subject``, ``account`` and ``network`` first narrow the findings looked at.
    Then: ``codes`` is exactly the set of codes reported; ``evidence`` is exactly
    the set of action ids the findings cite (all together); ``count`` is the
    number of findings; ``severity`` is the severity of each. With no
    expectation, at least one finding must match. A failure lists every
    finding of the report, so you see what was found instead.
    """
    every = tuple(report)
    chosen = tuple(
        f
        for f in every
        if (subject is None or f.subject == subject)
        and (account is None or f.account == account)
        and (network is None or f.network == network)
    )
    scope = ", ".join(
        f"{key}={value!r}"
        for key, value in (("subject", subject), ("account", account), ("network", network))
        if value is not None
    )
    problems: list[str] = []
    if codes is not None:
        wanted, found = set(codes), {f.code for f in chosen}
        if wanted != found:
            problems.append(
                f"codes: expected {sorted(wanted)}, found {sorted(found)}"
                + _difference(wanted, found)
            )
    if evidence is not None:
        wanted = set(evidence)
        found = {action_id for f in chosen for action_id in f.evidence}
        if wanted != found:
            problems.append(
                f"evidence: expected {sorted(wanted)}, found {sorted(found)}"
                + _difference(wanted, found)
            )
    if count is not None and len(chosen) != count:
        problems.append(f"count: expected {count} findings, found {len(chosen)}")
    if severity is not None:
        level = Severity.parse(severity)
        off = [f for f in chosen if f.severity is not level]
        if off:
            problems.append(
                f"severity: expected {level.value}, found "
                + ", ".join(f"{f.code} {f.severity.value}" for f in off)
            )
    if codes is None and evidence is None and count is None and not chosen:
        problems.append("expected at least one finding")
    if problems:
        header = f"findings{f' ({scope})' if scope else ''} do not match:"
        raise AssertionError(
            "\n".join([header, *(f"- {p}" for p in problems), "the report found:", _listing(every)])
        )
    return chosen


def _difference(wanted: set[str], found: set[str]) -> str:
    parts = []
    if wanted - found:
        parts.append(f"missing {sorted(wanted - found)}")
    if found - wanted:
        parts.append(f"unexpected {sorted(found - wanted)}")
    return f" ({'; '.join(parts)})" if parts else ""


def assert_quiet(report: Report | Iterable[Finding], *, codes: Iterable[str] | None = None) -> None:
    """Assert the report has no findings (of ``codes``, codes or code prefixes, if given)."""
    every = tuple(report)
    prefixes = tuple(codes) if codes is not None else None
    noisy = [f for f in every if prefixes is None or f.code.startswith(prefixes)]
    if noisy:
        what = f" of {', '.join(prefixes)}" if prefixes else ""
        raise AssertionError(f"expected no findings{what}, found {len(noisy)}:\n{_listing(noisy)}")


# -- documented examples ----------------------------------------------------------------------


def rule_example_problems(
    pm: PluginManager, codes: Iterable[str] | None = None, *, require: bool = True
) -> list[str]:
    """Run every rule's documented examples with the plugins of ``pm``.

    For each rule (or each of ``codes``), ``Rule.example`` must make the rule
    report at least one finding and ``Rule.quiet_example`` must make it report
    none. Returns one line per problem; ``require=False`` accepts rules that
    have no examples.
    """
    registry = Registry(pm)
    wanted = None if codes is None else set(codes)
    problems: list[str] = []
    for code, registered_rule in registry.rules.items():
        if wanted is not None and code not in wanted:
            continue
        rule = registered_rule.rule
        where = f"{code} ({rule.name}, plugin {registered_rule.plugin!r})"
        checker = Checker(config=Config(select=[code]), plugin_manager=pm, strict=True)
        for attribute, should_fire in (("example", True), ("quiet_example", False)):
            text = getattr(rule, attribute)
            if not text.strip():
                if require:
                    problems.append(f"{where}: Rule.{attribute} is empty")
                continue
            try:
                report = checker.check(_timeline(text, checker))
            except Exception as exc:  # report every rule, not only the first broken one
                trace = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                problems.append(f"{where}: Rule.{attribute} fails: {trace}")
                continue
            fired = [f for f in report if f.code == code]
            if should_fire and not fired:
                problems.append(f"{where}: Rule.example does not trigger the rule")
            elif not should_fire and fired:
                problems.append(
                    f"{where}: Rule.quiet_example triggers the rule:\n{_listing(fired)}"
                )
    if wanted is not None and wanted - set(registry.rules):
        problems.append(
            f"no registered rule has the code(s) {sorted(wanted - set(registry.rules))}"
        )
    return problems


def check_rule_examples(
    pm: PluginManager, codes: Iterable[str] | None = None, *, require: bool = True
) -> None:
    """Assert that every rule's documented examples behave as documented
    (see :func:`rule_example_problems`)."""
    problems = rule_example_problems(pm, codes, require=require)
    if problems:
        raise AssertionError(
            "documented rule examples do not hold:\n" + "\n".join(f"- {p}" for p in problems)
        )


# -- pytest fixtures ---------------------------------------------------------------------------


@pytest.fixture
def plugin_manager() -> PluginManager:
    """A fresh, strict plugin manager without built-in guidelines or installed
    plugins; register the plugins under test with :func:`registered`."""
    return isolated_plugin_manager()


@pytest.fixture
def fresh_plugins() -> Iterator[None]:
    """Forget the cached shared plugin manager before and after the test (for tests
    that install plugins, or change ``SOCIALNORMS_*`` variables)."""
    reset_plugin_manager()
    yield
    reset_plugin_manager()


@pytest.fixture
def timeline_builder() -> TimelineBuilder:
    """A :class:`TimelineBuilder` starting at 2026-03-01 09:00 UTC."""
    return TimelineBuilder()
