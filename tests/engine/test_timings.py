"""Phase timings: asked for from Python or the command line, never changing the report."""

from __future__ import annotations

import gc

from click.testing import CliRunner

from socialnorms import Checker, Timeline
from socialnorms.cli import main
from socialnorms.io import synthetic
from socialnorms.io.activity import read_activity


def test_check_reports_the_seconds_of_every_phase_and_the_same_report(tmp_path):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=300, seed=4)
    checker = Checker()
    timings: dict[str, float] = {}
    timed = checker.check(path, timings=timings)
    assert {"read", "timeline"} <= set(timings)
    assert {"assemble"} <= set(timings)
    assert all(
        name in {"read", "timeline", "assemble"} or name.startswith("check:") for name in timings
    )
    assert all(seconds >= 0 for seconds in timings.values())
    assert timed.to_json() == checker.check(path).to_json()


def test_reading_and_checking_leave_the_garbage_collector_as_they_found_it(tmp_path):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=50, seed=4)
    assert gc.isenabled()
    Checker().check(path)
    Timeline(*synthetic.generate(actions=50))
    read_activity(path)
    assert gc.isenabled()
    gc.disable()
    try:
        Checker().check(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_profile_variable_prints_phases_to_stderr_only(tmp_path):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=200, seed=4)
    runner = CliRunner()
    quiet = runner.invoke(main, ["check", str(path), "--format", "json"])
    profiled = runner.invoke(
        main, ["check", str(path), "--format", "json"], env={"SOCIALNORMS_PROFILE": "1"}
    )
    assert profiled.stdout == quiet.stdout
    assert "socialnorms: time read:" in profiled.stderr
    assert "socialnorms: time report:" in profiled.stderr
    assert "socialnorms: time" not in quiet.stderr


def test_the_check_command_leaves_the_garbage_collector_on(tmp_path):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=50, seed=4)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1)
    assert gc.isenabled()
