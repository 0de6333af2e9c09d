"""What the plugins registered, validated, with the plugin that gave each thing.

The :class:`Registry` calls each plugin's ``register_*`` hooks one plugin at a
time, so a plugin that raises while registering is dropped (and reported) without
losing what the others registered.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..core.checks import Check, Rule
from ..core.profiles import NetworkProfile
from ..core.ruleparts import Chart
from ..core.topics import Topic
from .plugins import PluginLoadWarning, PluginManager

__all__ = ["RegisteredRule", "Registry"]


@attrs.frozen(slots=True)
class RegisteredRule:
    """A rule with the check and plugin that provide it."""

    rule: Rule
    guideline: str
    plugin: str


class Registry:
    """Checks, rules, network profiles, readers, reporters and topics of a plugin manager."""

    def __init__(self, pm: PluginManager) -> None:
        self.plugin_manager = pm
        self._checks: list[tuple[Check, str]] = []
        self._rules: dict[str, RegisteredRule] = {}
        self._networks: dict[str, NetworkProfile] = {}
        self._network_plugin: dict[str, str] = {}
        self._readers: dict[str, Any] = {}
        self._reporters: dict[str, Any] = {}
        self._topics: list[tuple[Topic, str]] = []
        self._provided: dict[str, list[str]] = {}
        self.problems: list[str] = []
        for hook, adder in (
            ("register_networks", self._add_network),
            ("register_topics", self._add_topic),
            ("register_readers", self._add_reader),
            ("register_reporters", self._add_reporter),
            ("register_checks", self._add_check),
        ):
            self._collect(hook, adder)
        self._checks.sort(key=lambda item: (item[0].guideline, item[1]))

    # -- collecting ----------------------------------------------------------------

    def _collect(self, hook: str, adder: Callable[[Any, str], None]) -> None:
        caller = getattr(self.plugin_manager.hook, hook)
        impls = sorted(
            caller.get_hookimpls(),
            key=lambda impl: (not self._builtin(impl.plugin_name), impl.plugin_name),
        )
        for impl in impls:
            name = impl.plugin_name
            if name in self.plugin_manager.failed:
                continue

            def register(obj: Any, _plugin: str = name) -> None:
                adder(obj, _plugin)

            try:
                impl.function(**{arg: register for arg in impl.argnames})
            except Exception as exc:  # isolate: one plugin's bug does not lose the others
                self.plugin_manager.record_failure(name, exc)
                self._forget(name)

    def _builtin(self, plugin: str) -> bool:
        return self.plugin_manager.origin(plugin)[2]

    def _note(self, problem: str) -> None:
        self.problems.append(problem)
        if self.plugin_manager.strict:
            raise ValueError(problem)
        warnings.warn(PluginLoadWarning(f"socialnorms: {problem}"), stacklevel=4)

    def _provide(self, plugin: str, what: str) -> None:
        self._provided.setdefault(plugin, []).append(what)

    def _forget(self, plugin: str) -> None:
        self._checks = [(c, p) for c, p in self._checks if p != plugin]
        self._topics = [(t, p) for t, p in self._topics if p != plugin]
        for table in (self._rules,):
            for key in [k for k, v in table.items() if v.plugin == plugin]:
                del table[key]
        for key in [k for k, p in self._network_plugin.items() if p == plugin]:
            del self._networks[key]
            del self._network_plugin[key]
        for objects in (self._readers, self._reporters):
            for key in [k for k, (_obj, p) in objects.items() if p == plugin]:
                del objects[key]
        self._provided.pop(plugin, None)

    def _add_check(self, check: Any, plugin: str) -> None:
        if not isinstance(check, Check) or not isinstance(getattr(check, "guideline", None), str):
            raise TypeError(f"register_checks: {check!r} is not a Check (guideline, rules, run)")
        rules = tuple(check.rules)
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"register_checks: {check.guideline}: {rule!r} is not a Rule")
            taken = self._rules.get(rule.code)
            if taken is not None:
                self._note(
                    f"rule {rule.code} of plugin {plugin!r} is already registered by plugin "
                    f"{taken.plugin!r}; check {check.guideline!r} of {plugin!r} is not loaded"
                )
                return
        for rule in rules:
            self._rules[rule.code] = RegisteredRule(rule, check.guideline, plugin)
        self._checks.append((check, plugin))
        self._provide(plugin, f"check:{check.guideline}")

    def _add_network(self, profile: Any, plugin: str) -> None:
        if not isinstance(profile, NetworkProfile):
            raise TypeError(f"register_networks: {profile!r} is not a NetworkProfile")
        for key in profile.ids:
            holder = self._network_plugin.get(key)
            if holder is not None and holder != plugin and not self._builtin(holder):
                self._note(
                    f"network {key!r} of plugin {plugin!r} is already registered by plugin {holder!r}; ignored"
                )
                return
        for key in profile.ids:
            self._networks[key] = profile
            self._network_plugin[key] = plugin
        self._provide(plugin, f"network:{profile.id}")

    def _add_named(self, table: dict[str, Any], kind: str, obj: Any, plugin: str) -> None:
        name = getattr(obj, "name", None)
        if not isinstance(name, str) or not name:
            raise TypeError(f"register_{kind}s: {obj!r} has no name")
        if name in table and table[name][1] != plugin:
            self._note(
                f"{kind} {name!r} of plugin {plugin!r} is already registered by plugin {table[name][1]!r}; ignored"
            )
            return
        table[name] = (obj, plugin)
        self._provide(plugin, f"{kind}:{name}")

    def _add_reader(self, reader: Any, plugin: str) -> None:
        self._add_named(self._readers, "reader", reader, plugin)

    def _add_reporter(self, reporter: Any, plugin: str) -> None:
        self._add_named(self._reporters, "reporter", reporter, plugin)

    def _add_topic(self, topic: Any, plugin: str) -> None:
        if not isinstance(topic, Topic):
            raise TypeError(f"register_topics: {topic!r} is not a Topic")
        self._topics.append((topic, plugin))
        self._provide(plugin, f"topic:{topic.name}")

    # -- what the engine and the CLI ask --------------------------------------------

    @property
    def checks(self) -> tuple[tuple[Check, str], ...]:
        """(check, plugin) pairs, sorted by guideline."""
        return tuple(self._checks)

    @property
    def rules(self) -> Mapping[str, RegisteredRule]:
        """Every rule by code, sorted by code."""
        return MappingProxyType(dict(sorted(self._rules.items())))

    def rule(self, code_or_name: str) -> RegisteredRule | None:
        """A rule by code (``HS001``) or name (``long-captions``)."""
        found = self._rules.get(code_or_name.upper())
        if found is None:
            found = next((r for r in self._rules.values() if r.rule.name == code_or_name), None)
        return found

    def charts(self, guidelines: Iterable[str]) -> dict[str, tuple[Chart, ...]]:
        """Guideline -> the charts its rules declare, in rule-code order, for each of
        ``guidelines`` with a rule that declares one."""
        wanted = frozenset(guidelines)
        found: dict[str, list[Chart]] = {}
        for registered in self.rules.values():
            if registered.guideline in wanted and registered.rule.charts:
                found.setdefault(registered.guideline, []).extend(registered.rule.charts)
        return {guideline: tuple(found[guideline]) for guideline in sorted(found)}

    @property
    def guidelines(self) -> tuple[str, ...]:
        """Names of the registered guidelines, sorted."""
        return tuple(sorted({check.guideline for check, _plugin in self._checks}))

    @property
    def networks(self) -> Mapping[str, NetworkProfile]:
        """Profiles by network id and alias."""
        return MappingProxyType(self._networks)

    def network_profiles(self) -> tuple[NetworkProfile, ...]:
        """Each installed profile once (not once per alias), sorted by id."""
        unique = {profile.id: profile for profile in self._networks.values()}
        return tuple(unique[key] for key in sorted(unique))

    def network_plugin(self, network: str) -> str | None:
        """The plugin that registered a network's profile."""
        return self._network_plugin.get(network)

    @property
    def readers(self) -> Mapping[str, Any]:
        return MappingProxyType({name: obj for name, (obj, _p) in sorted(self._readers.items())})

    @property
    def reporters(self) -> Mapping[str, Any]:
        return MappingProxyType({name: obj for name, (obj, _p) in sorted(self._reporters.items())})

    @property
    def topics(self) -> Mapping[str, Topic]:
        """Topics by name; registrations of one name by several plugins are merged."""
        merged: dict[str, Topic] = {}
        for topic, _plugin in self._topics:
            known = merged.get(topic.name)
            merged[topic.name] = topic if known is None else known.extended(topic)
        return MappingProxyType(dict(sorted(merged.items())))

    def provided_by(self, plugin: str) -> tuple[str, ...]:
        """What a plugin registered: ``check:NAME``, ``network:ID``, ``reader:NAME``, …"""
        return tuple(sorted(self._provided.get(plugin, ())))
