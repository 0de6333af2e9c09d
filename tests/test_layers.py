"""The layering contracts of pyproject.toml hold, and they catch an upward import."""

from __future__ import annotations

import os
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
        ("models.py", "from . import cli"),
        ("timeline.py", "from . import engine"),
        ("io/activity.py", "from .. import report"),
        ("guidelines/no_autofollow.py", "from . import retweet_carefully"),
        ("guidelines/retweet_carefully.py", "from .. import registry"),
    ],
)
def test_an_upward_import_breaks_a_contract(tmp_path: Path, module: str, upward: str) -> None:
    root = _copy(tmp_path)
    path = root / "src" / "socialnorms" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{upward}  # noqa\n", encoding="utf-8")
    result = _lint(root)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
