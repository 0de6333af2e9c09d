"""Checking in several processes gives the bytes of one process, in every format."""

from __future__ import annotations

import functools
import json
import multiprocessing

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Checker
from socialnorms.cli import main
from socialnorms.core.config import Config
from socialnorms.engine import parallel
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.io import synthetic
from socialnorms.testing.strategies import activity


@pytest.fixture(scope="module")
def activity_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("parallel") / "activity.jsonl"
    synthetic.write(path, actions=5000, subjects=6, seed=7)
    return path


@pytest.fixture(scope="module")
def one_process(activity_file):
    return Checker().check(activity_file)


def test_two_processes_give_the_report_of_one(activity_file, one_process):
    report = parallel.check(activity_file, jobs=2)
    assert len(one_process.findings) > 100
    assert report.to_json() == one_process.to_json()
    assert report.to_html() == one_process.to_html()
    assert report.to_markdown() == one_process.to_markdown()
    assert report.evidence_times == one_process.evidence_times


def test_configuration_reaches_the_workers(activity_file):
    config = Config(select=["SN5"], severity={"SN501": "error"})
    one = Checker(config=config).check(activity_file)
    assert {f.code for f in one.findings} <= {"SN501", "SN502"} and one.fails()
    assert parallel.check(activity_file, jobs=2, config=config, parts=5).to_json() == one.to_json()


def test_partitions_are_pickled_where_processes_cannot_fork(
    activity_file, one_process, monkeypatch
):
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    assert parallel.check(activity_file, jobs=2, parts=2).to_json() == one_process.to_json()


@pytest.mark.parametrize("output_format", ["json", "text", "markdown", "html"])
def test_cli_jobs_gives_the_same_bytes(activity_file, output_format):
    runner = CliRunner()
    args = ["check", str(activity_file), "--format", output_format]
    one = runner.invoke(main, args)
    two = runner.invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout


def test_cli_jobs_zero_uses_every_cpu_and_statistics_agree(activity_file):
    runner = CliRunner()
    args = ["check", str(activity_file), "--statistics", "--format", "json"]
    one = runner.invoke(main, args)
    every = runner.invoke(main, [*args, "-j", "0"])
    assert json.loads(every.stdout) == json.loads(one.stdout)


def test_cli_refuses_negative_jobs(activity_file):
    result = CliRunner().invoke(main, ["check", str(activity_file), "--jobs", "-1"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_one_job_runs_in_this_process(activity_file, one_process, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # would fail if used
    assert parallel.check(activity_file, jobs=1, parts=3).to_json() == one_process.to_json()


def test_a_view_of_some_subjects_judges_them_as_the_whole_timeline_does():
    checker = Checker()
    timeline = checker.timeline(*synthetic.generate(actions=3000, subjects=4, seed=8))
    view = timeline.for_subjects(["brand1", "brand3", "nobody"])
    assert view.subjects == ("brand1", "brand3")
    assert len(view) == len(timeline) and view.accounts == timeline.accounts
    assert timeline.subjects == (
        "brand0",
        "brand1",
        "brand2",
        "brand3",
    )  # the original is untouched
    whole = checker.check(timeline)
    assert checker.check(view).findings == whole.filter(subject=["brand1", "brand3"]).findings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity(subjects=("acme", "globex", "initech"), max_actions=40), st.integers(1, 3))
def test_groups_of_subjects_merge_to_the_whole_report(drawn, parts):
    checker = Checker()
    timeline = checker.timeline(*drawn)
    merged = checker.report(
        timeline, parallel.run_partitions(checker, timeline, jobs=1, parts=parts)
    )
    assert merged.to_json() == checker.check(timeline).to_json()


def test_a_plugin_manager_factory_reaches_the_workers(activity_file, one_process):
    plugins = functools.partial(new_plugin_manager, strict=False)
    assert parallel.check(activity_file, jobs=2, plugins=plugins).to_json() == one_process.to_json()
    quiet = functools.partial(new_plugin_manager, builtins=False, entrypoints=False)
    assert parallel.check(activity_file, jobs=2, plugins=quiet, parts=3).findings == ()
