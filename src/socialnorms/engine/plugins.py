"""Finding and loading plugins: the built-in ones by name, then entry points, guarded.

A plugin that fails to import, or to register, is reported (a
:class:`PluginLoadWarning`, and a line in ``socialnorms plugins``) and the others
load. In strict mode, for plugin authors, the failure raises
:class:`PluginLoadError` instead.

Environment variables:

``SOCIALNORMS_DISABLE_PLUGINS``
    Comma-separated plugin names not to load (built-in guidelines included).
``SOCIALNORMS_STRICT_PLUGINS``
    ``1`` to raise on the first broken plugin instead of warning.
``SOCIALNORMS_DISABLE_PLUGIN_AUTOLOAD``
    ``1`` to load only the built-in plugins, no entry points.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import threading
import warnings
from collections.abc import Iterable

import attrs
import pluggy

from .. import guidelines
from ..core import hookspecs

__all__ = [
    "BUILTIN_PLUGINS",
    "ESSENTIAL_PLUGINS",
    "PluginInfo",
    "PluginLoadError",
    "PluginLoadWarning",
    "PluginManager",
    "get_plugin_manager",
    "new_plugin_manager",
    "reset_plugin_manager",
]

ENTRY_POINT_GROUP = hookspecs.PROJECT

#: Built-in plugins: (name, module). Registered first, in this order, under these names.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("activity-format", "socialnorms.io.activity"),
    ("activitystreams", "socialnorms.io.activitystreams"),
    ("reporters", "socialnorms.report.reporters"),
    ("topics", "socialnorms.core.topic_lexicon"),
    *guidelines.PLUGINS,
)

#: Built-in plugins that cannot be disabled: without them nothing can be read or shown.
ESSENTIAL_PLUGINS = frozenset({"activity-format", "reporters"})


class PluginLoadWarning(UserWarning):
    """A plugin could not be loaded or registered; the others were."""


class PluginLoadError(RuntimeError):
    """A plugin could not be loaded (strict mode)."""

    def __init__(self, plugin: str, error: BaseException) -> None:
        super().__init__(f"socialnorms: plugin {plugin!r} failed to load: {_describe(error)}")
        self.plugin = plugin
        self.error = error


@attrs.frozen(slots=True)
class PluginInfo:
    """One plugin as ``socialnorms plugins`` lists it."""

    name: str
    distribution: str
    version: str
    builtin: bool
    hooks: tuple[str, ...] = ()
    error: str | None = None
    """Why it failed to load, or ``None`` when it loaded."""


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, plus what socialnorms records while loading."""

    def __init__(self, *, strict: bool = False) -> None:
        super().__init__(hookspecs.PROJECT)
        self.strict = strict
        self.failed: dict[str, PluginInfo] = {}
        self._origin: dict[str, tuple[str, str, bool]] = {}
        self.add_hookspecs(hookspecs)

    def register_builtin(self, name: str, module: str) -> None:
        """Import and register a built-in plugin module under ``name``."""
        if self.is_blocked(name) or self.has_plugin(name):
            return
        self._guarded(
            name,
            "socialnorms",
            _version("socialnorms"),
            True,
            lambda: importlib.import_module(module),
        )

    def load_entrypoints(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Load every entry point of ``group``, sorted by name, each in isolation.

        When two distributions declare one plugin name, the first by distribution
        name loads and the other is reported."""
        found = []
        for ep in importlib.metadata.entry_points(group=group):
            dist = ep.dist
            dist_name = dist.metadata["Name"] if dist is not None else ep.value
            version = dist.version if dist is not None else "unknown"
            found.append((ep.name, dist_name, ep.value, version, ep))
        seen: dict[str, str] = {}
        for _name, dist_name, _value, version, ep in sorted(found, key=lambda item: item[:3]):
            if self.is_blocked(ep.name):
                continue
            if ep.name in seen or self.has_plugin(ep.name):
                self._name_taken(
                    ep.name, dist_name, version, seen.get(ep.name) or self.origin(ep.name)[0]
                )
                continue
            seen[ep.name] = dist_name
            self._guarded(ep.name, dist_name, version, False, ep.load)

    def _name_taken(self, name: str, dist: str, version: str, holder: str) -> None:
        """Two distributions declare the same plugin name: the second is not loaded, and says so."""
        problem = f"the plugin name is already taken by distribution {holder!r}"
        self.failed[f"{name} ({dist})"] = PluginInfo(name, dist, version, False, error=problem)
        if self.strict:
            raise PluginLoadError(name, ValueError(f"{dist}: {problem}"))
        warnings.warn(
            PluginLoadWarning(
                f"socialnorms: plugin {name!r} of distribution {dist!r} is not loaded: {problem}"
            ),
            stacklevel=3,
        )

    def record_failure(self, name: str, error: BaseException) -> None:
        """Mark plugin ``name`` as failed (unregistering it), warn, or raise when strict."""
        if self.has_plugin(name):
            self.unregister(name=name)
        dist, version, builtin = self._origin.get(name, (name, "unknown", False))
        self.failed[name] = PluginInfo(name, dist, version, builtin, error=_describe(error))
        if self.strict:
            raise PluginLoadError(name, error) from error
        warnings.warn(
            PluginLoadWarning(
                f"socialnorms: plugin {name!r} failed to load and is skipped: {_describe(error)}"
            ),
            stacklevel=3,
        )

    def origin(self, name: str) -> tuple[str, str, bool]:
        """(distribution, version, builtin) of a registered plugin."""
        return self._origin.get(name, (name, "unknown", False))

    def list_plugins(self) -> list[PluginInfo]:
        """Every plugin, loaded or failed, sorted by name."""
        infos = []
        for name, plugin in self.list_name_plugin():
            if plugin is None:
                continue
            dist, version, builtin = self.origin(name)
            hooks = tuple(sorted(caller.name for caller in self.get_hookcallers(plugin) or ()))
            infos.append(PluginInfo(name, dist, version, builtin, hooks))
        infos.extend(self.failed.values())
        return sorted(infos, key=lambda info: info.name)

    def _guarded(self, name: str, dist: str, version: str, builtin: bool, load) -> None:
        self._origin[name] = (dist, version, builtin)
        try:
            plugin = load()
            self.register(plugin, name=name)
        except Exception as exc:  # a broken plugin must not take the others down
            self.record_failure(name, exc)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in os.environ.get(name, "").split(",") if part.strip())


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def new_plugin_manager(
    *,
    disable: Iterable[str] = (),
    strict: bool | None = None,
    builtins: bool = True,
    entrypoints: bool | None = None,
) -> PluginManager:
    """A fresh, uncached plugin manager.

    ``disable`` names plugins not to load (added to ``SOCIALNORMS_DISABLE_PLUGINS``);
    ``strict`` raises on a broken plugin (default: ``SOCIALNORMS_STRICT_PLUGINS``);
    ``builtins=False`` leaves out the built-in guidelines (the essential reader and
    reporters stay); ``entrypoints`` loads installed plugins (default: unless
    ``SOCIALNORMS_DISABLE_PLUGIN_AUTOLOAD`` is set).
    """
    if strict is None:
        strict = _env_flag("SOCIALNORMS_STRICT_PLUGINS")
    if entrypoints is None:
        entrypoints = not _env_flag("SOCIALNORMS_DISABLE_PLUGIN_AUTOLOAD")
    pm = PluginManager(strict=strict)
    for name in (*_env_list("SOCIALNORMS_DISABLE_PLUGINS"), *disable):
        if name in ESSENTIAL_PLUGINS:
            raise ValueError(f"plugin {name!r} is essential and cannot be disabled")
        pm.set_blocked(name)
    for name, module in BUILTIN_PLUGINS:
        if builtins or name in ESSENTIAL_PLUGINS:
            pm.register_builtin(name, module)
    if entrypoints:
        pm.load_entrypoints()
    _drop_unknown_hooks(pm)
    return pm


def _drop_unknown_hooks(pm: PluginManager) -> None:
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) if exc.plugin is not None else "unknown"
        pm.record_failure(name or "unknown", exc)
        _drop_unknown_hooks(pm)


_cache: dict[tuple[frozenset[str], bool | None], PluginManager] = {}
_lock = threading.Lock()


def get_plugin_manager(*, disable: Iterable[str] = (), strict: bool | None = None) -> PluginManager:
    """The shared plugin manager with every installed plugin (cached per arguments).

    Use :func:`new_plugin_manager` for one of your own, and
    :func:`reset_plugin_manager` in tests.
    """
    key = (frozenset(disable), strict)
    with _lock:
        pm = _cache.get(key)
        if pm is None:
            pm = _cache[key] = new_plugin_manager(disable=disable, strict=strict)
        return pm


def reset_plugin_manager() -> None:
    """Forget the cached plugin managers (for tests, or after installing a plugin)."""
    with _lock:
        _cache.clear()
