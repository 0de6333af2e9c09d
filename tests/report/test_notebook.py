"""docs/notebook.ipynb runs from top to bottom, so the walkthrough never rots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]


def test_notebook_runs_and_shows_the_report(tmp_path, monkeypatch):
    # The kernel keeps its connection file and IPython profile in tmp_path, not in $HOME.
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    # A copy of the docs and examples folders, so the page the notebook writes lands in tmp_path.
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "docs").mkdir()
    notebook = nbformat.read(ROOT / "docs" / "notebook.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path / "docs")}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, when a cell fails
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out.data["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any('class="cards"' in h for h in html), "the report renders as score cards"
    assert any("Etiquette scores (0–100)" in h for h in html), "the score table renders"
    assert any("<table" in h and "dataframe" in h for h in html), "DataFrames render"
    page = tmp_path / "docs" / "acme-report.html"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
