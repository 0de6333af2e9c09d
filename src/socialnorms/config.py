"""Configuration: which rules run, their severities and options, and disabled plugins.

It lives in ``[tool.socialnorms]`` of ``pyproject.toml`` or at the top level of
``socialnorms.toml``, found upward from the current folder::

    [tool.socialnorms]
    select = ["SN1", "respond-to-mentions"]   # codes, code prefixes or guideline names
    ignore = ["SN103"]
    disable-plugins = ["bluesky"]
    fail-on = "warning"
    timezone = "Europe/Paris"                 # of exports that write times without one

    [tool.socialnorms.severity]
    SN101 = "error"

    [tool.socialnorms.options.SN101]          # a code or a rule name
    min_share = 0.6

    [tool.socialnorms.networks.linkedin.options.SN501]
    response_hours = 48

The same :class:`Config` is usable from Python: ``Config(select=("SN1",))``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from .checks import Severity

if TYPE_CHECKING:
    from .checks import Rule

__all__ = ["Config", "ConfigError"]

CONFIG_FILES = ("socialnorms.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the file and the key."""


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value or ())


def _severities(value: Any) -> Mapping[str, Severity]:
    return {str(code): Severity.parse(level) for code, level in dict(value or {}).items()}


def _nested(value: Any) -> Mapping[str, Mapping[str, Any]]:
    return {str(key): dict(inner) for key, inner in dict(value or {}).items()}


def _zone(_inst: Any, _attr: Any, value: Any) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"timezone: unknown time zone {value!r}; expected an IANA name such as Europe/Paris") from None


@attrs.frozen(slots=True)
class NetworkOverrides:
    """Severities and options that apply to one network only."""

    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities, hash=False)
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_nested, hash=False)


def _networks(value: Any) -> Mapping[str, NetworkOverrides]:
    out = {}
    for network, inner in dict(value or {}).items():
        out[str(network)] = inner if isinstance(inner, NetworkOverrides) else NetworkOverrides(**inner)
    return out


@attrs.frozen(slots=True)
class Config:
    """What to check and how. Every field has a default that checks everything."""

    select: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Codes, code prefixes or guideline names to run; empty means all."""
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Codes, code prefixes or guideline names never to report."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities, hash=False)
    """Severity per rule code, replacing the check's own."""
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_nested, hash=False)
    """Options per rule (by code or name): ``{"SN101": {"min_share": 0.6}}``."""
    networks: Mapping[str, NetworkOverrides] = attrs.field(factory=dict, converter=_networks, hash=False)
    """Severity and option overrides per network id."""
    disable_plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Plugins (built-in guidelines included) not to load, by name."""
    fail_on: Severity = attrs.field(default=Severity.ERROR, converter=Severity.parse)
    """The severity from which ``socialnorms check`` exits with status 1."""
    timezone: str | None = attrs.field(default=None, validator=attrs.validators.optional(_zone))
    """IANA zone of exports that write times without one (LinkedIn); never guessed."""
    source: str | None = attrs.field(default=None, eq=False)
    """The file the configuration was read from, for messages."""

    # -- reading -----------------------------------------------------------------

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str | None = None) -> Config:
        """Build from a ``[tool.socialnorms]`` table (keys with ``-`` or ``_``)."""
        where = f"{source}: " if source else ""
        known = {field.name for field in attrs.fields(cls)} - {"source"}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in known:
                allowed = ", ".join(sorted(k.replace("_", "-") for k in known))
                raise ConfigError(f"{where}unknown key {key!r}; allowed keys: {allowed}")
            kwargs[name] = value
        try:
            return cls(**kwargs, source=source)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}{exc}") from None

    @classmethod
    def load(cls, path: str | Path) -> Config:
        """Read a ``socialnorms.toml`` or the ``[tool.socialnorms]`` table of a ``pyproject.toml``."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("socialnorms", {})
        return cls.from_mapping(data, source=str(path))

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The configuration found upward from ``start``; the default when there is none."""
        found = find_config_file(start)
        return cls.load(found) if found else cls()

    # -- questions the engine and checks ask ---------------------------------------

    def selects(self, code: str, guideline: str) -> bool:
        """Whether rule ``code`` of ``guideline`` is to be reported."""
        if self.select and not _matches(self.select, code, guideline):
            return False
        return not _matches(self.ignore, code, guideline)

    def severity_for(self, code: str, default: Severity, network: str | None = None) -> Severity:
        """The configured severity of rule ``code`` (per network first), else ``default``."""
        if network is not None and network in self.networks:
            found = self.networks[network].severity.get(code)
            if found is not None:
                return found
        return self.severity.get(code, default)

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

    def validate(self, rules: Iterable[Rule], guidelines: Iterable[str] = ()) -> None:
        """Check every rule reference, option name and option type against ``rules``.

        Raises :class:`ConfigError` naming the file, the key and the allowed values.
        """
        where = f"{self.source}: " if self.source else ""
        by_key: dict[str, Rule] = {}
        for rule in rules:
            by_key[rule.code] = rule
            by_key[rule.name] = rule
        names = set(guidelines)
        for key in (*self.select, *self.ignore):
            if key in names or any(code.startswith(key) for code in by_key if code[:1].isupper()):
                continue
            raise ConfigError(f"{where}select/ignore: {key!r} is no rule code, code prefix or guideline")
        tables: list[tuple[str, Mapping[str, Mapping[str, Any]], Mapping[str, Severity]]] = [
            ("", self.options, self.severity)
        ]
        for network, overrides in self.networks.items():
            tables.append((f"networks.{network}.", overrides.options, overrides.severity))
        for prefix, options, severities in tables:
            for code in severities:
                if code not in by_key:
                    raise ConfigError(f"{where}{prefix}severity.{code}: no rule has that code")
            for key, values in options.items():
                rule = by_key.get(key)
                if rule is None:
                    raise ConfigError(f"{where}{prefix}options.{key}: no rule has that code or name")
                for name, value in values.items():
                    try:
                        option = rule.option(name)
                    except KeyError:
                        allowed = ", ".join(o.name for o in rule.options) or "none"
                        raise ConfigError(
                            f"{where}{prefix}options.{key}.{name}: unknown option; allowed: {allowed}"
                        ) from None
                    try:
                        option.validate(value)
                    except ValueError as exc:
                        raise ConfigError(f"{where}{prefix}options.{key}.{exc}") from None

    def merge(self, **changes: Any) -> Config:
        """A copy with some fields replaced (``None`` values are ignored)."""
        return attrs.evolve(self, **{k: v for k, v in changes.items() if v is not None})


def _matches(entries: Iterable[str], code: str, guideline: str) -> bool:
    return any(entry == guideline or code.startswith(entry) for entry in entries)


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
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "socialnorms" in data.get("tool", {}):
                return project
    return None
