"""Describing what is installed: rules, network profiles and plugins, as text or plain data.

``socialnorms rules | networks | plugins`` print these; the same functions serve
documentation and notebooks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

import attrs

from ..core.profiles import NetworkProfile
from .registry import RegisteredRule, Registry

__all__ = [
    "INSTEAD_HEADING",
    "explain_network",
    "explain_rule",
    "network_data",
    "plugin_data",
    "rule_data",
    "table",
    "unique_networks",
]


INSTEAD_HEADING = "What to do instead"
"""The heading under which a rule's explanation and its docs page say what to do instead."""


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows aligned in columns under an upper-case header."""
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    lines = [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip()
        for row in (header, *rows)
    ]
    return "\n".join(lines) + "\n"


# -- rules -------------------------------------------------------------------------


def rule_data(registered: RegisteredRule) -> dict[str, Any]:
    """A rule as plain data (``socialnorms rules --json``)."""
    rule = registered.rule
    return {
        "code": rule.code,
        "name": rule.name,
        "guideline": registered.guideline,
        "plugin": registered.plugin,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "why": rule.why,
        "instead": rule.instead,
        "example": rule.example,
        "quiet_example": rule.quiet_example,
        "options": [{"name": o.name, "default": o.default, "doc": o.doc} for o in rule.options],
    }


def explain_rule(registered: RegisteredRule) -> str:
    """A rule's full explanation in Markdown, like ``ruff rule``."""
    rule = registered.rule
    parts = [
        f"# {rule.code} {rule.name}",
        f"Guideline: {registered.guideline} (plugin {registered.plugin})\n"
        f"Default severity: {rule.severity.value}",
        rule.summary,
        f"## Why\n\n{rule.why}",
    ]
    if rule.instead:
        parts.append(f"## {INSTEAD_HEADING}\n\n{rule.instead}")
    if rule.example:
        parts.append(f"## Example that triggers it\n\n```jsonl\n{rule.example.strip()}\n```")
    if rule.quiet_example:
        parts.append(f"## Example that does not\n\n```jsonl\n{rule.quiet_example.strip()}\n```")
    if rule.options:
        lines = [f"- `{o.name}` (default `{o.default!r}`): {o.doc}" for o in rule.options]
        lines.append(f"\nSet them in `[tool.socialnorms.options.{rule.code}]`.")
        parts.append("## Options\n\n" + "\n".join(lines))
    else:
        parts.append("## Options\n\nThis rule has no options.")
    return "\n\n".join(parts) + "\n"


# -- networks ----------------------------------------------------------------------


def unique_networks(registry: Registry) -> list[NetworkProfile]:
    """Each installed profile once (the registry also holds it under its aliases), by id."""
    return sorted({p.id: p for p in registry.networks.values()}.values(), key=lambda p: p.id)


def _value(value: Any) -> Any:
    """A profile field as JSON-ready data."""
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Mapping):
        return {k: _value(v) for k, v in sorted(value.items())}
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return type(value).__name__


def _shown(value: Any) -> str:
    if isinstance(value, timedelta):
        hours = value.total_seconds() / 3600
        return f"{hours:g} hours"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "none"
    if isinstance(value, Mapping):
        return (
            ", ".join(
                f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}" for k, v in value.items()
            )
            or "none"
        )
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or "none"
    if isinstance(value, (str, int, float)):
        return str(value) or "-"
    return type(value).__name__


def _fields(profile: NetworkProfile) -> list[str]:
    return [f.name for f in attrs.fields(type(profile)) if f.name != "sources"]


def network_data(profile: NetworkProfile, plugin: str | None) -> dict[str, Any]:
    """A profile as plain data: every field, the plugin, and the sources."""
    data = {name: _value(getattr(profile, name)) for name in _fields(profile)}
    data["plugin"] = plugin
    data["sources"] = dict(sorted(profile.sources.items()))
    return data


def explain_network(profile: NetworkProfile, plugin: str | None) -> str:
    """Every field of a profile with its value and, where given, its source."""
    lines = [f"{profile.name} ({profile.id}), from plugin {plugin or 'unknown'}", ""]
    for name in _fields(profile):
        lines.append(f"{name}: {_shown(getattr(profile, name))}")
        source = profile.sources.get(name)
        if source:
            lines.append(f"  source: {source}")
    return "\n".join(lines) + "\n"


# -- plugins -----------------------------------------------------------------------


def plugin_data(registry: Registry) -> list[dict[str, Any]]:
    """Every plugin, loaded or failed, with what it registered or why it failed."""
    return [
        {
            "name": info.name,
            "distribution": info.distribution,
            "version": info.version,
            "builtin": info.builtin,
            "provides": list(registry.provided_by(info.name)),
            "error": info.error,
        }
        for info in registry.plugin_manager.list_plugins()
    ]
