"""``socialnorms new-plugin``: a check plugin distribution to start from.

The folder it writes is a complete distribution that passes its own tests as it
is: ``pyproject.toml`` with the ``socialnorms`` entry point, a package laid out
like a built-in guideline (``__init__.py`` lists the rule modules and makes the
guideline's check with :func:`~socialnorms.check_function`; the sample rule is a
module of its own, its :class:`~socialnorms.Rule`, typed options and judgement,
with its trigger and quiet example files beside it), tests written with the
author's kit, a README and a CHANGELOG. The templates are files of this package
(``socialnorms/cli/templates/plugin``); names in files ending ``.tmpl`` are filled
in with :class:`string.Template` (``$package``, ``${prefix}001``), other files are
copied as they are.
"""

from __future__ import annotations

import re
import string
from importlib import metadata
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import attrs

from ..engine.plugins import BUILTIN_PLUGINS

__all__ = ["PluginNames", "ScaffoldError", "new_plugin", "plugin_names"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z]{1,4}$")
#: Code prefixes of socialnorms itself; a plugin's codes must not collide with them.
RESERVED_PREFIXES = frozenset({"SN"})
_TEMPLATES = "templates/plugin"
_PLACEHOLDER_DIR = "__package__"


class ScaffoldError(ValueError):
    """A name, prefix or output folder that cannot be used; the message says why."""


@attrs.frozen(slots=True)
class PluginNames:
    """Every name of a new plugin, derived from its plugin name."""

    name: str
    """The plugin and guideline name (``house-style``): the entry point's name."""
    distribution: str
    """The name on PyPI and of the folder (``socialnorms-house-style``)."""
    package: str
    """The import name (``socialnorms_house_style``)."""
    prefix: str
    """The rule code prefix (``HS``: rules ``HS001``, ``HS002``, …)."""

    def substitutions(self) -> dict[str, str]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "package": self.package,
            "prefix": self.prefix,
            "description": f"Etiquette checks of the {self.name} guideline.",
            "socialnorms_version": _minor_version(),
        }


def _minor_version() -> str:
    """``0.1`` for socialnorms 0.1.x: what the new plugin requires at least."""
    try:
        version = metadata.version("socialnorms")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.1"
    return ".".join(version.split(".")[:2])


def plugin_names(name: str, prefix: str | None = None) -> PluginNames:
    """Validate ``name`` (``house-style`` or ``socialnorms-house-style``) and derive
    the other names; ``prefix`` defaults to the initials of the name's words."""
    plain = name.removeprefix("socialnorms-")
    if not _NAME.match(plain):
        raise ScaffoldError(
            f"plugin name {name!r}: expected lower-case words joined by hyphens, such as 'house-style'"
        )
    if plain in {builtin for builtin, _module in BUILTIN_PLUGINS}:
        raise ScaffoldError(
            f"plugin name {name!r} is the name of a built-in plugin; choose another"
        )
    if prefix is None:
        prefix = "".join(word[0] for word in plain.split("-") if word[0].isalpha())[:4].upper()
        if prefix in RESERVED_PREFIXES:
            raise ScaffoldError(
                f"the code prefix of {name!r} would be {prefix}, which socialnorms uses; give --prefix"
            )
    if not _PREFIX.match(prefix):
        raise ScaffoldError(
            f"code prefix {prefix!r}: expected 1 to 4 capital letters, such as 'HS'"
        )
    if prefix in RESERVED_PREFIXES:
        raise ScaffoldError(f"code prefix {prefix!r} is socialnorms' own; choose another")
    return PluginNames(
        name=plain,
        distribution=f"socialnorms-{plain}",
        package=f"socialnorms_{plain.replace('-', '_')}",
        prefix=prefix,
    )


def _walk(folder: Traversable, relative: Path = Path()) -> list[tuple[Path, Traversable]]:
    found: list[tuple[Path, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found.extend(_walk(entry, relative / entry.name))
        else:
            found.append((relative / entry.name, entry))
    return found


def render(names: PluginNames) -> dict[Path, str]:
    """The files of the new distribution, by path relative to its folder."""
    values = names.substitutions()
    rendered: dict[Path, str] = {}
    for relative, entry in _walk(files("socialnorms.cli").joinpath(_TEMPLATES)):
        text = entry.read_text(encoding="utf-8")
        path = Path(str(relative).replace(_PLACEHOLDER_DIR, names.package))
        if path.suffix == ".tmpl":
            path = path.with_suffix("")
            text = string.Template(text).substitute(values)
        rendered[path] = text
    return rendered


def new_plugin(name: str, *, prefix: str | None = None, output: str | Path = ".") -> Path:
    """Write a new plugin distribution into ``output/socialnorms-NAME`` and return
    that folder. Refuses to write into a folder that exists and is not empty."""
    names = plugin_names(name, prefix)
    folder = Path(output) / names.distribution
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder}: already exists; choose another name or --output folder")
    for relative, text in render(names).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return folder
