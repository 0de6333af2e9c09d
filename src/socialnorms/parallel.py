"""Checking a timeline in several processes, one partition of subjects at a time.

The parent reads the input once and builds the Timeline (its indexes tell which
actions each subject's checks read), cuts it into partitions of neighbouring
subjects (:mod:`socialnorms.partition`), and sends them, pickled, to a pool of
worker processes. Each worker loads the plugins once, builds the Timeline of its
partition and runs the checks; the parent merges the runs and writes the Report
from the whole timeline, so the report is byte for byte the one of a single
process::

    from socialnorms import parallel
    report = parallel.check("big.jsonl", jobs=4)

Reading stays in the parent: the records must be read anyway to know which
partitions an action belongs to, and reading one file in several processes would
only move the same objects between them a second time.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import pickle
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from concurrent.futures import ProcessPoolExecutor

from ._collector import collector_paused
from .config import Config
from .engine import Checker, CheckRun, Progress, Source
from .io import Coverage, SkippedRecord
from .partition import Partition, Partitioner, merge_runs
from .plugins import PluginManager
from .report import Report
from .timeline import Timeline

__all__ = [
    "check", "check_partition", "check_pickled", "check_timeline", "default_jobs", "dumps", "loads", "run_partitions",
]

PluginsFactory = Callable[[], PluginManager]
"""Makes the plugin manager of a worker; it must pickle (a module-level function,
or a :func:`functools.partial` of one), since it travels to the worker."""

#: Partitions per worker process: more, smaller partitions even out the work.
PARTS_PER_JOB = 4


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
    with collector_paused():
        timeline = checker.timeline(partition.accounts, partition.actions)
        return checker.run_checks(timeline)


#: The partitioner of the timeline being checked, for worker processes forked from
#: this one: they cut their partitions themselves instead of receiving them pickled.
_inherited: Partitioner | None = None


def dumps(value: object) -> bytes:
    """Pickle with the garbage collector paused: a partition or its runs are a
    great many small objects, and every full collection would walk them all."""
    with collector_paused():
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """Unpickle what :func:`dumps` made, with the garbage collector paused."""
    with collector_paused():
        return pickle.loads(data)


def check_pickled(
    partition: bytes, config: Config | None = None, strict: bool | None = None, plugins: PluginsFactory | None = None
) -> bytes:
    """:func:`check_partition` of a pickled partition, the runs pickled: bytes travel
    between processes faster than the objects they hold."""
    return dumps(check_partition(loads(partition), config, strict, plugins))


def _check_group(
    subjects: tuple[str, ...], config: Config, strict: bool | None, plugins: PluginsFactory | None
) -> bytes:
    assert _inherited is not None, "a forked worker inherits the partitioner"
    with collector_paused():
        partition = _inherited.partition(subjects)
    return dumps(check_partition(partition, config, strict, plugins))


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where there is one (workers then inherit the timeline), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
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
    """The check runs of ``timeline``, made partition by partition in ``jobs`` processes.

    ``parts`` is the number of partitions (default: four per process). The workers
    build ``checker``'s configuration with the installed plugins, or with the plugin
    manager that ``plugins`` makes. Where processes can be forked (Linux, macOS)
    they inherit the timeline and cut their own partitions; elsewhere each
    partition is pickled and sent.
    """
    global _inherited
    jobs = jobs or default_jobs()
    started = time.perf_counter()
    with collector_paused():
        partitioner = Partitioner(timeline)
        groups = partitioner.groups(parts or jobs * PARTS_PER_JOB)
    if timings is not None:
        timings["partition"] = time.perf_counter() - started
    started = time.perf_counter()
    settings = (checker.config, checker.strict, plugins)
    if jobs == 1 or len(groups) == 1:
        results = [check_partition(partitioner.partition(group), *settings) for group in groups]
    else:
        context = _context()
        forked = context.get_start_method() == "fork"
        _inherited = partitioner if forked else None
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(groups)), mp_context=context) as pool:
                if forked:
                    futures = [pool.submit(_check_group, group, *settings) for group in groups]
                else:
                    futures = [
                        pool.submit(check_pickled, dumps(partitioner.partition(group)), *settings) for group in groups
                    ]
                results = []
                for done, future in enumerate(futures, start=1):
                    results.append(loads(future.result()))
                    if progress is not None:
                        progress(f"checked {done} of {len(groups)} partitions")
        finally:
            _inherited = None
    if timings is not None:
        timings["check"] = time.perf_counter() - started
    return merge_runs(results)


def check_timeline(
    checker: Checker,
    timeline: Timeline,
    *,
    jobs: int | None = None,
    parts: int | None = None,
    plugins: PluginsFactory | None = None,
    skipped: Iterable[SkippedRecord] = (),
    coverage: Iterable[Coverage] = (),
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Like ``checker.check(timeline, ...)``, with the checks run in ``jobs`` processes."""
    runs = run_partitions(
        checker, timeline, jobs=jobs, parts=parts, plugins=plugins, progress=progress, timings=timings
    )
    return checker.report(timeline, runs, skipped=skipped, coverage=coverage)


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
    paths: Sequence[str | os.PathLike[str]] = [source] if isinstance(source, (str, os.PathLike)) else source
    result = checker.read_result(paths, tolerant=tolerant, format=format)
    timeline = checker.timeline_of(result, paths)
    return check_timeline(
        checker, timeline, jobs=jobs, parts=parts, plugins=plugins, skipped=result.skipped, coverage=result.coverage
    )
