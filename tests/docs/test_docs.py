"""The complete example of docs/testing-plugins.md runs, as written, as a pytest session."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing-plugins.md"


def test_the_plugin_example_in_the_docs_passes(tmp_path):
    if not DOC.exists():
        pytest.fail(f"{DOC.name} is missing")
    text = DOC.read_text(encoding="utf-8")
    modules = re.findall(r"```python\n# ([\w/]+\.py)\n(.*?)```", text, re.S)
    data = re.findall(r'```\w+ title="([^"]+)"\n(.*?)```', text, re.S)
    assert {name for name, _text in modules + data} == {
        "conftest.py",
        "house_style/__init__.py",
        "house_style/shouting.py",
        "house_style/shouting.trigger.jsonl",
        "house_style/shouting.quiet.jsonl",
        "test_house_style.py",
    }
    for name, content in modules + data:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 passed" in run.stdout


def test_the_python_api_tour_runs_in_order(monkeypatch):
    """Each block of docs/python-api.md runs after the previous ones, as in a notebook.
    The configuration block runs once the rules it names are installed."""
    import socialnorms
    from socialnorms.engine.registry import Registry

    root = DOC.parents[1]
    monkeypatch.chdir(root)
    blocks = re.findall(
        r"```python\n(.*?)```", (root / "docs" / "python-api.md").read_text(encoding="utf-8"), re.S
    )
    assert len(blocks) >= 6
    installed = set(Registry(socialnorms.get_plugin_manager()).rules)
    namespace: dict[str, object] = {}
    for block in blocks:
        named = set(re.findall(r"\bSN\d{3}\b", block))
        if named - installed:
            continue
        exec(compile(block, "python-api.md", "exec"), namespace)
    assert namespace["again"] == namespace["report"]
