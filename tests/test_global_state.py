"""The library keeps no hidden process-wide state: it leaves the garbage collector
alone unless asked, uses no private modules, and keeps no mutable module globals
for its worker processes."""

from __future__ import annotations

import gc
import inspect
import os
import pickle

import pytest

import socialnorms
from socialnorms import Checker, Timeline
from socialnorms.core import profiles
from socialnorms.engine import parallel
from socialnorms.io import synthetic
from socialnorms.io.activity import read_activity


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_paused_is_public_and_documented():
    assert "collector_paused" in socialnorms.__all__
    doc = inspect.getdoc(socialnorms.collector_paused) or ""
    assert "garbage collector" in doc
    assert "re-entrant" in doc


def test_collector_paused_restores_the_collector_when_nested(collector_on):
    with socialnorms.collector_paused():
        assert not gc.isenabled()
        with socialnorms.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves the outer one's pause
    assert gc.isenabled()


def test_collector_paused_leaves_a_disabled_collector_disabled(collector_on):
    gc.disable()
    with socialnorms.collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()


def test_collector_paused_restores_the_collector_on_errors(collector_on):
    with pytest.raises(RuntimeError), socialnorms.collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_the_library_does_not_pause_the_collector_by_itself(tmp_path, monkeypatch, collector_on):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=200, seed=4)
    paused = []
    monkeypatch.setattr(gc, "disable", lambda: paused.append(True))
    timeline = Timeline(*synthetic.generate(actions=200))
    timeline.extend([])
    read_activity(path)
    checker = Checker()
    checker.check(path)
    checker.timeline_of(checker.read_result(path), path)
    parallel.check(path, jobs=1)
    assert paused == []


def test_the_report_is_the_same_with_the_collector_paused(tmp_path, collector_on):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=300, seed=5)
    free = Checker().check(path).to_json()
    with socialnorms.collector_paused():
        paused = Checker().check(path).to_json()
    assert paused == free
    assert gc.isenabled()


def test_profiles_use_no_private_module_of_re():
    source = inspect.getsource(profiles)
    assert "_parser" not in source
    assert "sre_parse" not in source


def test_parallel_keeps_no_mutable_module_global_for_workers():
    assert not hasattr(parallel, "_inherited")
    assert "global " not in inspect.getsource(parallel)


@pytest.mark.skipif(
    parallel._context().get_start_method() != "fork", reason="workers inherit only by fork"
)
def test_forked_workers_inherit_the_timeline_unpickled(tmp_path, monkeypatch):
    path = tmp_path / "t.jsonl"
    synthetic.write(path, actions=2000, subjects=4, seed=3)
    one = Checker().check(path).to_json()

    parent, reduce = os.getpid(), Timeline.__reduce_ex__

    def refuse(self, protocol):
        if os.getpid() == parent:  # the workers may copy their views (Timeline.for_subjects)
            raise AssertionError("the timeline was pickled")
        return reduce(self, protocol)

    monkeypatch.setattr(Timeline, "__reduce_ex__", refuse, raising=False)
    with pytest.raises(AssertionError):
        pickle.dumps(Timeline())
    assert parallel.check(path, jobs=2, parts=4).to_json() == one
    assert parallel._Inherited.value is None  # set in the workers only, never here
