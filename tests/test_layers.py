"""The layering contracts of pyproject.toml hold, and they catch an upward import."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_contracts_hold(tmp_path: Path) -> None:
    result = _lint(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("core/models.py", "from .. import cli"),
        ("core/timeline.py", "from ..engine import checker"),
        ("io/activity.py", "from .. import report"),
        ("report/scores.py", "from ..engine import plugins"),
        ("guidelines/no_autofollow/auto_follow_back.py", "from .. import retweet_carefully"),
        ("guidelines/retweet_carefully/self_mention_reposts.py", "from ...engine import registry"),
        ("guidelines/retweet_carefully/self_mention_reposts.py", "from ... import checks"),
        ("core/checks.py", "from ..report.reporters import html"),
        ("core/htmlparts.py", "from .. import report"),
    ],
)
def test_an_upward_import_breaks_a_contract(tmp_path: Path, module: str, upward: str) -> None:
    root = _copy(tmp_path)
    path = root / "src" / "socialnorms" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{upward}  # noqa\n", encoding="utf-8")
    result = _lint(root)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def _builtin_names() -> set[str]:
    """The codes, rule names and guideline names of the built-in guidelines."""
    import importlib

    from socialnorms.guidelines import PLUGINS

    names: set[str] = set()
    for guideline, module_name in PLUGINS:
        names.add(guideline)
        checks: list[object] = []
        importlib.import_module(module_name).register_checks(register=checks.append)
        for check in checks:
            for rule in check.rules:  # type: ignore[attr-defined]
                names.update((rule.code, rule.name))
    return names


def test_no_module_outside_the_guidelines_names_a_builtin_rule_or_guideline() -> None:
    # The engine, readers, reporters and CLI learn about rules from the rules themselves;
    # only the guidelines package knows which ones are built in. The network plugins'
    # readers state what their exports hold of each kind of data, not per guideline.
    names = _builtin_names()
    assert len(names) > 20
    package = ROOT / "src" / "socialnorms"
    plugins = sorted((ROOT / "plugins").glob("*/src/**/*.py"))
    assert len(plugins) > 10
    offending = []
    for path in [*sorted(package.rglob("*.py")), *plugins]:
        if (package / "guidelines") in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        offending.extend(
            f"{path.relative_to(ROOT)}: {name}"
            for name in sorted(names)
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        )
    assert not offending, "\n".join(offending)
