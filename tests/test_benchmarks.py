"""The benchmark scripts behind make bench, bench-review and bench-scale run end to
end (at toy sizes: the figures themselves are measured by hand, never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def run(script: str, *args: str, folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args, "--folder", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bench_prints_the_phases_the_growth_and_the_three_targets(tmp_path):
    out = run("bench.py", "--sizes", "300,600", folder=tmp_path)
    for expected in (
        "ratio to decode-only",
        "read",
        "timeline",
        "check:crosspost-with-consideration",
        "assemble",
        "report",
        "growth 300 -> 600",
        "within 3x decode-only",
        "growth at most 11.5x",
        "at most 1.5 KB per action",
    ):
        assert expected in out


def test_review_benchmark_prints_latencies_memory_and_adds(tmp_path):
    out = run("review.py", "--actions", "500", "--drafts", "50", "--adds", "10", folder=tmp_path)
    assert "memory over 50 reviews" in out
    assert "add over 10 actions" in out


@pytest.mark.filterwarnings("ignore")
def test_scale_benchmark_gives_the_same_report_three_ways(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    out = run("scale.py", "--actions", "600", "--subjects", "4", folder=tmp_path)
    assert "the three reports are the same" in out
