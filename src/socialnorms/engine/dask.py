"""Checking on a Dask cluster: partitions of subjects checked on its workers.

Needs the extra ``socialnorms[dask]`` (``dask`` and ``distributed``)::

    from distributed import Client
    import socialnorms.engine.dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    report = socialnorms.engine.dask.check("big.jsonl", client=client)

``source`` is a path, a list of paths (read by the installed readers, as
``socialnorms check`` reads them) or a Dask bag of activity-format records
(dictionaries, e.g. ``dask.bag.read_text("part-*.jsonl").map(json.loads)``),
which the workers turn into accounts and actions.

The Timeline is built once where :func:`check` is called, from which the
partitions are cut (:mod:`socialnorms.engine.partition`); they are sent, pickled, to the
workers, which load the plugins once per process and check them; the runs come
back pickled and are merged. The report is byte for byte the one of a single process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..core.config import Config
from ..core.models import Account
from ..core.timeline import Timeline
from ..io import InputError
from ..report.model import Report
from .checker import Checker
from .collector import collector_paused
from .parallel import PARTS_PER_JOB, PluginsFactory, check_pickled, dumps, loads
from .partition import Parsed, Partitioner, merge_runs, parse_records

try:
    import dask.bag
    import distributed
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "socialnorms.engine.dask needs the extra: pip install 'socialnorms[dask]'"
    ) from exc

__all__ = ["check"]


def _parse_partition(records: Iterable[Mapping[str, Any]], number: int) -> bytes:
    with collector_paused():
        return dumps(parse_records(records, f"bag partition {number}"))


def _client(client: distributed.Client | None) -> tuple[distributed.Client, bool]:
    """The client to use, and whether it was started here (and must be closed)."""
    if client is not None:
        return client, False
    try:
        return distributed.get_client(), False
    except ValueError:
        cluster = distributed.LocalCluster(processes=True, dashboard_address=None)
        return distributed.Client(cluster, set_as_default=False), True


def _read_bag(
    checker: Checker, bag: dask.bag.Bag, client: distributed.Client
) -> tuple[Timeline, Parsed]:
    parts = bag.to_delayed()
    futures = client.compute(
        [dask.delayed(_parse_partition)(part, number) for number, part in enumerate(parts)]
    )
    parsed: list[Parsed] = [loads(data) for data in client.gather(futures)]
    accounts: dict[str, Account] = {}
    for part in parsed:
        for account in part.accounts:
            known = accounts.get(account.id)
            if known is not None and known != account:
                raise InputError(
                    "bag",
                    None,
                    "account.id",
                    f"{account.id!r} is given twice with different fields",
                )
            accounts[account.id] = account
    actions = [action for part in parsed for action in part.actions]
    coverage = tuple(statement for part in parsed for statement in part.coverage)
    result = Parsed(tuple(accounts.values()), tuple(actions), coverage)
    try:
        timeline = checker.timeline(result.accounts, result.actions)
    except ValueError as exc:
        raise InputError("bag", None, None, str(exc)) from None
    return timeline, result


def check(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | dask.bag.Bag,
    *,
    client: distributed.Client | None = None,
    config: Config | None = None,
    plugins: PluginsFactory | None = None,
    strict: bool | None = None,
    tolerant: bool = False,
    format: str | None = None,
    parts: int | None = None,
) -> Report:
    """Check ``source`` on a Dask cluster; the Report is the one of a single process.

    ``client`` defaults to the current Dask client; without one, a local cluster
    of processes is started for the call. ``parts`` is the number of partitions
    (default: two per worker thread). The workers check with ``config`` and the
    installed plugins, or the plugin manager that ``plugins`` makes (it must
    pickle). ``tolerant`` and ``format`` apply to paths, as in
    :meth:`socialnorms.Checker.read`.
    """
    checker = Checker(config=config, strict=strict, plugin_manager=plugins() if plugins else None)
    client, started = _client(client)
    try:
        skipped: tuple[Any, ...] = ()
        if isinstance(source, dask.bag.Bag):
            timeline, parsed = _read_bag(checker, source, client)
            coverage = parsed.coverage
        else:
            paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
            result = checker.read_result(paths, tolerant=tolerant, format=format)
            timeline = checker.timeline_of(result, paths)
            skipped, coverage = result.skipped, result.coverage
        workers = sum(client.nthreads().values()) or 1
        with collector_paused():
            partitioner = Partitioner(timeline)
            groups = partitioner.groups(parts or workers * PARTS_PER_JOB)
        futures = []
        for group in groups:  # each partition is sent as soon as it is cut: the workers start early
            with collector_paused():
                blob = client.scatter(dumps(partitioner.partition(group)), hash=False)
            futures.append(
                client.submit(
                    check_pickled,
                    blob,
                    config=checker.config,
                    strict=checker.strict,
                    plugins=plugins,
                    pure=False,
                )
            )
        runs = [loads(data) for data in client.gather(futures)]
        return checker.report(timeline, merge_runs(runs), skipped=skipped, coverage=coverage)
    finally:
        if started:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
