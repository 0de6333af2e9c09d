"""Checking a timeline in several processes, a group of subjects in each at a time.

The parent reads the input once and builds the Timeline, and splits the subjects
into groups of neighbours. Where processes fork, the workers inherit the checker
and the timeline and check their group on it (:meth:`Timeline.for_subjects`);
elsewhere the parent cuts the partition of each group
(:mod:`socialnorms.engine.partition`) and sends it pickled, and the workers load the
plugins once each. The parent merges the runs and writes the Report from the
whole timeline, so the report is byte for byte the one of a single process::

    from socialnorms import parallel
    report = parallel.check("big.jsonl", jobs=4)

Reading stays in the parent: which subjects an action concerns is known only once
every record is read, and reading one file in several processes would only move
the same objects between them a second time.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..core.config import Config
from ..core.timeline import Timeline
from ..io import CoverageStatement, SkippedRecord
from ..report.model import Report
from .checker import Checker, CheckRun, Progress, Source
from .collector import collector_paused
from .partition import Partition, Partitioner, merge_runs, subject_groups
from .plugins import PluginManager

__all__ = [
    "check",
    "check_partition",
    "check_pickled",
    "check_timeline",
    "default_jobs",
    "dumps",
    "loads",
    "run_partitions",
]

PluginsFactory = Callable[[], PluginManager]
"""Makes the plugin manager of a worker; it must pickle (a module-level function,
or a :func:`functools.partial` of one), since it travels to the worker."""

#: Groups of subjects per forked worker process: they share one timeline, so small
#: groups cost nothing and even out the work.
FORKED_PARTS_PER_JOB = 4
#: Partitions per worker process when partitions are sent. More, smaller partitions
#: even out the work, but they overlap more (an account that talks to many subjects is in the partition of
#: each): on synthetic timelines of 200 subjects, 2 partitions hold 1.3 times the
#: actions of the timeline, 8 partitions 2.4 times.
PARTS_PER_JOB = 2


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_checkers: dict[bytes, Checker] = {}


def _worker_checker(config: Config, strict: bool | None, plugins: PluginsFactory | None) -> Checker:
    """The Checker of this process for these settings, made when first asked."""
    key = pickle.dumps((config, strict, plugins))
    checker = _checkers.get(key)
    if checker is None:
        manager = plugins() if plugins is not None else None
        checker = _checkers[key] = Checker(config=config, strict=strict, plugin_manager=manager)
    return checker


def check_partition(
    partition: Partition,
    config: Config | None = None,
    strict: bool | None = None,
    plugins: PluginsFactory | None = None,
) -> list[CheckRun]:
    """Run the checks on one partition (in whichever process this is called).

    The plugins are loaded the first time a process checks a partition with given
    settings, and kept for the next partitions.
    """
    checker = _worker_checker(config or Config(), strict, plugins)
    timeline = checker.timeline(partition.accounts, partition.actions)
    return checker.run_checks(timeline)


def dumps(value: object) -> bytes:
    """Pickle a partition or its runs with the highest protocol. A great many small
    objects: wrap the call in :func:`socialnorms.collector_paused` to spare the
    garbage collector walking them all."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """Unpickle what :func:`dumps` made."""
    return pickle.loads(data)


def check_pickled(
    partition: bytes,
    config: Config | None = None,
    strict: bool | None = None,
    plugins: PluginsFactory | None = None,
) -> bytes:
    """:func:`check_partition` of a pickled partition, the runs pickled: bytes travel
    between processes faster than the objects they hold.

    This is the task a worker runs: the garbage collector is paused for it (and
    restored after it) in the worker, which makes and drops a great many objects
    without cycles.
    """
    with collector_paused():
        return dumps(check_partition(loads(partition), config, strict, plugins))


class _Inherited:
    """The checker and timeline a forked worker checks its subjects on.

    The pool's initializer (:func:`_inherit`) sets :attr:`value` inside each worker
    process, never in the parent. Under ``fork`` the initializer's arguments reach
    the child with the rest of the forked memory, unpickled: the timeline is
    inherited, and nothing copies it.
    """

    value: tuple[Checker, Timeline] | None = None


def _inherit(checker: Checker, timeline: Timeline) -> None:
    """Initializer of a forked worker: keep the inherited checker and timeline."""
    assert multiprocessing.parent_process() is not None, "only a worker process inherits"
    _Inherited.value = (checker, timeline)


def _check_subjects(subjects: tuple[str, ...]) -> bytes:
    inherited = _Inherited.value
    assert inherited is not None, "a forked worker inherits the checker and the timeline"
    checker, timeline = inherited
    with collector_paused():
        return dumps(checker.run_checks(timeline.for_subjects(subjects)))


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is safe (workers then inherit the timeline), else the
    default. macOS has ``fork``, but its system libraries may not survive it."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_partitions(
    checker: Checker,
    timeline: Timeline,
    *,
    jobs: int | None = None,
    parts: int | None = None,
    plugins: PluginsFactory | None = None,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> list[CheckRun]:
    """The check runs of ``timeline``, made a group of subjects at a time in ``jobs``
    processes, merged into the runs of the whole timeline.

    Where processes fork (Linux, not macOS) the workers inherit ``checker`` and the
    timeline, and check their subjects on it (:meth:`Timeline.for_subjects`);
    ``parts`` groups of subjects (default: four per process) even out the work.
    Elsewhere each group's partition (:mod:`socialnorms.engine.partition`) is pickled and
    sent, and the workers build ``checker``'s configuration with the installed
    plugins, or with the plugin manager that ``plugins`` makes; there ``parts``
    defaults to two per process, since partitions overlap.
    """
    jobs = jobs or default_jobs()
    context = _context()
    forked = context.get_start_method() == "fork" and plugins is None
    started = time.perf_counter()
    groups = subject_groups(
        timeline, parts or jobs * (FORKED_PARTS_PER_JOB if forked else PARTS_PER_JOB)
    )
    if timings is not None:
        timings["partition"] = time.perf_counter() - started
    started = time.perf_counter()
    if jobs == 1 or len(groups) == 1:
        results = [checker.run_checks(timeline.for_subjects(group)) for group in groups]
    elif forked:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(groups)),
            mp_context=context,
            initializer=_inherit,  # sets the inherited checker and timeline in each worker
            initargs=(checker, timeline),  # not pickled under fork: the workers inherit them
        ) as pool:
            results = _collect([pool.submit(_check_subjects, group) for group in groups], progress)
    else:
        settings = (checker.config, checker.strict, plugins)
        partitioner = Partitioner(timeline)
        with ProcessPoolExecutor(max_workers=min(jobs, len(groups)), mp_context=context) as pool:
            futures = [
                pool.submit(check_pickled, dumps(partitioner.partition(group)), *settings)
                for group in groups
            ]
            results = _collect(futures, progress)
    if timings is not None:
        timings["check"] = time.perf_counter() - started
    return merge_runs(results)


def _collect(futures: Sequence[Future[bytes]], progress: Progress | None) -> list[list[CheckRun]]:
    results = []
    for done, future in enumerate(futures, start=1):
        results.append(loads(future.result()))
        if progress is not None:
            progress(f"checked {done} of {len(futures)} groups of subjects")
    return results


def check_timeline(
    checker: Checker,
    timeline: Timeline,
    *,
    jobs: int | None = None,
    parts: int | None = None,
    plugins: PluginsFactory | None = None,
    skipped: Iterable[SkippedRecord] = (),
    coverage: Iterable[CoverageStatement] = (),
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Like ``checker.check(timeline, ...)``, with the checks run in ``jobs`` processes."""
    runs = run_partitions(
        checker,
        timeline,
        jobs=jobs,
        parts=parts,
        plugins=plugins,
        progress=progress,
        timings=timings,
    )
    return checker.report(timeline, runs, skipped=skipped, coverage=coverage, timings=timings)


def check(
    source: Source,
    *,
    jobs: int | None = None,
    config: Config | None = None,
    plugins: PluginsFactory | None = None,
    strict: bool | None = None,
    tolerant: bool = False,
    format: str | None = None,
    parts: int | None = None,
) -> Report:
    """Check a Timeline, a path or a list of paths in ``jobs`` processes (default:
    one per CPU); the Report is the one :func:`socialnorms.check` gives::

        report = parallel.check(["jan.jsonl", "feb.jsonl"], jobs=4)
    """
    checker = Checker(config=config, strict=strict, plugin_manager=plugins() if plugins else None)
    if isinstance(source, Timeline):
        return check_timeline(checker, source, jobs=jobs, parts=parts, plugins=plugins)
    paths: Sequence[str | os.PathLike[str]] = (
        [source] if isinstance(source, (str, os.PathLike)) else source
    )
    result = checker.read_result(paths, tolerant=tolerant, format=format)
    timeline = checker.timeline_of(result, paths)
    return check_timeline(
        checker,
        timeline,
        jobs=jobs,
        parts=parts,
        plugins=plugins,
        skipped=result.skipped,
        coverage=result.coverage,
    )
