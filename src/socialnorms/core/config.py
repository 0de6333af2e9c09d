"""Configuration: which rules run, their severities and options, and disabled plugins.

It lives in ``[tool.socialnorms]`` of ``pyproject.toml`` or at the top level of
``socialnorms.toml``, found upward from the current folder::

    [tool.socialnorms]
    select = ["SN1", "describe-images"]   # codes, code prefixes, rule or guideline names
    ignore = ["ALT002"]
    disable-plugins = ["bluesky"]
    fail-on = "warning"

    [tool.socialnorms.severity]
    ALT001 = "error"

    [tool.socialnorms.options.ALT001]     # a code or a rule name
    media_types = ["image"]

    [tool.socialnorms.networks.linkedin]
    ignore = ["SN2"]

    [tool.socialnorms.networks.linkedin.options.ALT001]
    media_types = ["gif", "image"]

(The rules of the ``socialnorms-alttext`` example plugin, here as any installed
rule: ``socialnorms rules`` lists the installed rules with their options.)

The same :class:`Config` is usable from Python: ``Config(select=("SN1",))``, or
``Config.load("socialnorms.toml")``. Every mistake in a file is a
:class:`ConfigError` naming the file, the key and what is allowed.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from .checks import Severity

if TYPE_CHECKING:
    from .checks import Rule
    from .profiles import NetworkProfile

__all__ = ["Config", "ConfigError", "NetworkOverrides", "find_config_file"]

CONFIG_FILES = ("socialnorms.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the file and the key."""


# -- converters (lenient, for Python callers) --------------------------------------------


def _strings(value: Any) -> tuple[str, ...]:
    """A list of names; a string may hold several, comma-separated."""
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value or ():
        out.extend(part.strip() for part in str(item).split(",") if part.strip())
    return tuple(dict.fromkeys(out))


def _severity(value: Severity | str) -> Severity:
    return Severity.parse(value)


def _severities(value: Any) -> Mapping[str, Severity]:
    return {str(key): Severity.parse(level) for key, level in dict(value or {}).items()}


def _nested(value: Any) -> Mapping[str, Mapping[str, Any]]:
    return {str(key): dict(inner) for key, inner in dict(value or {}).items()}


def _zone(_inst: Any, _attr: Any, value: Any) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(
            f"timezone: unknown time zone {value!r}; expected an IANA name such as Europe/Paris"
        ) from None


@attrs.frozen(slots=True)
class NetworkOverrides:
    """Rules ignored, severities and options that apply on one network only."""

    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Codes, code prefixes, rule or guideline names not to report on this network."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities, hash=False)
    options: Mapping[str, Mapping[str, Any]] = attrs.field(
        factory=dict, converter=_nested, hash=False
    )


def _networks(value: Any) -> Mapping[str, NetworkOverrides]:
    out = {}
    for network, inner in dict(value or {}).items():
        out[str(network)] = (
            inner if isinstance(inner, NetworkOverrides) else NetworkOverrides(**inner)
        )
    return out


# -- strict reading of a file's table ------------------------------------------------------


def _near(key: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _table(value: Any, where: str, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table of {what}, got {value!r}")
    return value


def _read_strings(value: Any, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return _strings(items)


def _read_severity(value: Any, where: str) -> Severity:
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    raise ConfigError(f"{where}: expected info, warning or error, got {value!r}")


def _read_severities(value: Any, where: str) -> dict[str, Severity]:
    table = _table(value, where, "rule = severity")
    return {key: _read_severity(level, f"{where}.{key}") for key, level in table.items()}


def _read_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    table = _table(value, where, "rules, each a table of option = value")
    return {
        key: dict(_table(inner, f"{where}.{key}", "option = value")) for key, inner in table.items()
    }


_NETWORK_KEYS = {"ignore": _read_strings, "severity": _read_severities, "options": _read_options}


def _read_networks(value: Any, where: str) -> dict[str, NetworkOverrides]:
    out = {}
    for network, inner in _table(value, where, "networks").items():
        at = f"{where}.{network}"
        fields = {}
        for key, item in _table(inner, at, "overrides").items():
            reader = _NETWORK_KEYS.get(key)
            if reader is None:
                allowed = ", ".join(sorted(_NETWORK_KEYS))
                raise ConfigError(
                    f"{at}.{key}: unknown key{_near(key, _NETWORK_KEYS)}; allowed keys: {allowed}"
                )
            fields[key] = reader(item, f"{at}.{key}")
        out[network] = NetworkOverrides(**fields)
    return out


_KEYS = {
    "select": _read_strings,
    "ignore": _read_strings,
    "severity": _read_severities,
    "options": _read_options,
    "networks": _read_networks,
    "disable-plugins": _read_strings,
    "fail-on": _read_severity,
}


@attrs.frozen(slots=True)
class Config:
    """What to check and how. Every field has a default that checks everything."""

    select: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Codes, code prefixes, rule or guideline names to run; empty means all."""
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Codes, code prefixes, rule or guideline names never to report (wins over ``select``)."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities, hash=False)
    """Severity per rule (by code or name), replacing the check's own."""
    options: Mapping[str, Mapping[str, Any]] = attrs.field(
        factory=dict, converter=_nested, hash=False
    )
    """Options per rule (by code or name): ``{"ALT001": {"media_types": ["image"]}}``."""
    networks: Mapping[str, NetworkOverrides] = attrs.field(
        factory=dict, converter=_networks, hash=False
    )
    """Ignored rules, severities and options per network id."""
    disable_plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Plugins (built-in guidelines included) not to load, by name."""
    fail_on: Severity = attrs.field(default=Severity.ERROR, converter=_severity)
    """The severity from which ``socialnorms check`` exits with status 1."""
    timezone: str | None = attrs.field(default=None, validator=attrs.validators.optional(_zone))
    """IANA zone of exports that write times without one (LinkedIn); never guessed."""
    source: str | None = attrs.field(default=None, eq=False)
    """Where the configuration was read from, for messages (a file, or ``command line``)."""

    # -- reading -----------------------------------------------------------------

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], source: str | None = None, *, prefix: str = ""
    ) -> Config:
        """Build from a ``[tool.socialnorms]`` table (keys with ``-`` or ``_``).

        Every key and value is checked; a mistake raises :class:`ConfigError`
        naming ``source``, the key (after ``prefix``) and what is allowed.
        """
        where = f"{source}: " if source else ""
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            name = key.replace("_", "-")
            reader = _KEYS.get(name)
            if reader is None:
                allowed = ", ".join(sorted(_KEYS))
                raise ConfigError(
                    f"{where}{prefix}{key}: unknown key{_near(name, _KEYS)}; allowed keys: {allowed}"
                )
            try:
                kwargs[name.replace("-", "_")] = reader(value, f"{prefix}{key}")
            except ConfigError as exc:
                raise ConfigError(f"{where}{exc}") from None
        return cls(**kwargs, source=source)

    @classmethod
    def load(cls, path: str | Path) -> Config:
        """Read a ``socialnorms.toml`` or the ``[tool.socialnorms]`` table of a ``pyproject.toml``."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 text: {exc.reason}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        prefix = ""
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("socialnorms", {})
            prefix = "tool.socialnorms."
            if not isinstance(data, Mapping):
                raise ConfigError(f"{path}: tool.socialnorms: expected a table")
        return cls.from_mapping(data, source=str(path), prefix=prefix)

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The configuration found upward from ``start``; the default when there is none."""
        found = find_config_file(start)
        return cls.load(found) if found else cls()

    # -- questions the engine and checks ask ---------------------------------------

    def selects(
        self, code: str, guideline: str, network: str | None = None, *, name: str | None = None
    ) -> bool:
        """Whether rule ``code`` (named ``name``) of ``guideline`` is to be reported
        (on ``network``, when given)."""
        if self.select and not _matches(self.select, code, guideline, name):
            return False
        if _matches(self.ignore, code, guideline, name):
            return False
        overrides = self.networks.get(network) if network is not None else None
        return overrides is None or not _matches(overrides.ignore, code, guideline, name)

    def severity_for(
        self, rule: Rule | str, default: Severity, network: str | None = None
    ) -> Severity:
        """The configured severity of ``rule`` (a Rule or a code; per network first), else ``default``."""
        keys = (rule,) if isinstance(rule, str) else (rule.code, rule.name)
        tables = []
        if network is not None and network in self.networks:
            tables.append(self.networks[network].severity)
        tables.append(self.severity)
        for table in tables:
            for key in keys:
                if key in table:
                    return table[key]
        return default

    def option(self, rule: Rule, name: str, default: Any, network: str | None = None) -> Any:
        """A rule option's value: the network's override, else the configured one, else ``default``."""
        tables: list[Mapping[str, Mapping[str, Any]]] = []
        if network is not None and network in self.networks:
            tables.append(self.networks[network].options)
        tables.append(self.options)
        for table in tables:
            for key in (rule.code, rule.name):
                if key in table and name in table[key]:
                    return table[key][name]
        return default

    # -- checking against what is installed ---------------------------------------------

    def validate(self, rules: Iterable[Rule], guidelines: Iterable[str] = ()) -> None:
        """Check every rule reference, option name and option type against ``rules``.

        Raises :class:`ConfigError` naming the file, the key and the allowed values.
        """
        where = f"{self.source}: " if self.source else ""
        if self.source and Path(self.source).name == "pyproject.toml":
            where += "tool.socialnorms."
        by_key: dict[str, Rule] = {}
        rule: Rule | None
        for rule in rules:
            by_key[rule.code] = rule
            by_key[rule.name] = rule
        codes = sorted(rule.code for rule in by_key.values())
        names = set(guidelines)
        selectors = [("select", self.select), ("ignore", self.ignore)]
        selectors += [(f"networks.{n}.ignore", o.ignore) for n, o in self.networks.items()]
        for key, entries in selectors:
            for entry in entries:
                if (
                    entry in names
                    or entry in by_key
                    or any(code.startswith(entry) for code in codes)
                ):
                    continue
                upper = entry.upper()
                if any(code.startswith(upper) for code in codes):
                    hint = f" (did you mean {upper!r}?)"
                else:
                    hint = _near(entry, [*codes, *names, *(r.name for r in by_key.values())])
                raise ConfigError(
                    f"{where}{key}: {entry!r} is no rule code, code prefix, rule or guideline name{hint}"
                )
        tables = [("", self.options, self.severity)]
        tables += [(f"networks.{n}.", o.options, o.severity) for n, o in self.networks.items()]
        for prefix, options, severities in tables:
            for key in severities:
                if key not in by_key:
                    raise ConfigError(
                        f"{where}{prefix}severity.{key}: no rule has this code or name{_near(key, by_key)}"
                    )
            for key, values in options.items():
                rule = by_key.get(key)
                if rule is None:
                    raise ConfigError(
                        f"{where}{prefix}options.{key}: no rule has this code or name{_near(key, by_key)}"
                    )
                for name, value in values.items():
                    at = f"{where}{prefix}options.{key}."
                    try:
                        option = rule.option(name)
                    except KeyError:
                        allowed = ", ".join(o.name for o in rule.options) or "none"
                        raise ConfigError(
                            f"{at}{name}: {rule.code} ({rule.name}) has no option {name!r}"
                            f"{_near(name, [o.name for o in rule.options])}; allowed: {allowed}"
                        ) from None
                    try:
                        option.validate(value)
                    except ValueError as exc:
                        raise ConfigError(f"{at}{exc}") from None

    def with_network_aliases(self, profiles: Mapping[str, NetworkProfile]) -> Config:
        """A copy whose per-network overrides also apply under every id and alias of
        their network (``networks.x`` applies to accounts on ``twitter`` too)."""
        networks = dict(self.networks)
        for key, overrides in self.networks.items():
            profile = profiles.get(key)
            for other in profile.ids if profile is not None else ():
                networks.setdefault(other, overrides)
        return attrs.evolve(self, networks=networks)

    def merge(self, **changes: Any) -> Config:
        """A copy with some fields replaced (``None`` values are ignored)."""
        return attrs.evolve(self, **{k: v for k, v in changes.items() if v is not None})


def _matches(entries: Iterable[str], code: str, guideline: str, name: str | None = None) -> bool:
    return any(entry in (guideline, name) or code.startswith(entry) for entry in entries)


def find_config_file(start: str | Path = ".") -> Path | None:
    """The nearest ``socialnorms.toml``, or ``pyproject.toml`` with a
    ``[tool.socialnorms]`` table, from ``start`` upward."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "socialnorms.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                data = tomllib.loads(project.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "socialnorms" in data.get("tool", {}):
                return project
    return None
