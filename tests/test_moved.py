"""Module paths of the flat layout keep working for one release, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

MOVED = {
    "socialnorms.checks": "socialnorms.core.checks",
    "socialnorms.models": "socialnorms.core.models",
    "socialnorms.timeline": "socialnorms.core.timeline",
    "socialnorms.hookspecs": "socialnorms.core.hookspecs",
    "socialnorms.registry": "socialnorms.engine.registry",
    "socialnorms.review": "socialnorms.engine.review",
    "socialnorms.dask": "socialnorms.engine.dask",
    "socialnorms.synthetic": "socialnorms.io.synthetic",
    "socialnorms.scores": "socialnorms.report.scores",
    "socialnorms.reporters.html": "socialnorms.report.reporters.html",
}


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_is_the_new_module_and_warns(old: str, new: str) -> None:
    code = (
        "import importlib, warnings\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        f"    old = importlib.import_module({old!r})\n"
        f"new = importlib.import_module({new!r})\n"
        "assert old is new, (old, new)\n"
        "assert any(issubclass(w.category, DeprecationWarning) and 'moved to' in str(w.message)"
        " for w in caught), [str(w.message) for w in caught]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_old_reporters_package_gives_the_same_reporter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "socialnorms.reporters", raising=False)
    with pytest.warns(DeprecationWarning, match="moved to"):
        old = importlib.import_module("socialnorms.reporters")
    assert old.Reporter is importlib.import_module("socialnorms.report.reporters").Reporter


def test_the_flat_api_needs_no_old_path() -> None:
    code = (
        "import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
        "import socialnorms, socialnorms.testing, socialnorms.cli\n"
        "from socialnorms import *\n"
        "socialnorms.get_plugin_manager().hook\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
