"""Benchmark of the Reviewer: nudges before posting against a large history.

    python benchmarks/review.py [--actions 100000] [--drafts 10000] [--adds 1000] [--seed 0]

It generates a synthetic timeline, writes its first ``--actions`` actions as the
history file (once; kept in ``.bench/``) and takes the drafts from what follows: the
actions the subjects take after the history ends (posts, replies, reposts, quotes,
follows, invitations, messages, in the generator's proportions). Then it measures:

- building: ``Reviewer(path)`` (read and index the file) against one
  ``Checker().check(path)`` of the same file;
- review latency: every draft reviewed against the unchanged history, the first
  pass filling the caches and a second pass timed (median, p90, p99, max), in wall
  time and in the thread's CPU time (which leaves out the moments a busy machine
  gives the CPU to other processes);
- memory: traced memory (tracemalloc) after a warm-up pass over the drafts and
  after ``--drafts`` more reviews: flat means no growth per review;
- adds: ``--adds`` drafts added one by one, each add timed, and the first review
  after each add (which refills the caches the add dropped).

Targets: median review at most 1 ms and p99 at most 5 ms; building no slower than
one check; memory flat over the reviews.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from socialnorms import Action, Checker, Reviewer, collector_paused
from socialnorms.io import synthetic
from socialnorms.io.activity import write_activity


def history_and_drafts(path: Path, actions: int, count: int, seed: int) -> list[Action]:
    """Write the first ``actions`` of a generated timeline to ``path`` (once) and return
    the subjects' actions that follow them: the drafts."""
    with collector_paused():  # as the command line does
        accounts, every = synthetic.generate(actions=actions + 3 * count, seed=seed)
    every.sort(key=lambda action: (action.at, action.id))
    if not path.exists():
        write_activity(path, accounts, every[:actions])
    subjects = {account.id for account in accounts if account.subject}
    return [action for action in every[actions:] if action.actor in subjects][:count]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folder", type=Path, default=Path(".bench"))
    args = parser.parse_args()

    args.folder.mkdir(exist_ok=True)
    path = args.folder / f"review-{args.actions}-{args.drafts}-{args.seed}.jsonl"
    drafts = history_and_drafts(path, args.actions, args.drafts, args.seed)
    print(
        f"python {platform.python_version()} on {platform.machine()}; {path} ({args.actions} actions); "
        f"{len(drafts)} drafts"
    )

    checker = Checker()
    started = time.perf_counter()
    with collector_paused():
        checker.check(path)
    check_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with collector_paused():
        reviewer = Reviewer(path, checker=checker)
    build_seconds = time.perf_counter() - started
    if len(reviewer.timeline) != args.actions:
        raise SystemExit(
            f"the history has {len(reviewer.timeline)} actions, expected {args.actions}"
        )
    print(
        f"build Reviewer(path): {build_seconds:.2f} s; one check of the same file: {check_seconds:.2f} s "
        f"({build_seconds / check_seconds:.2f}x)"
    )

    nudged = sum(1 for draft in drafts if reviewer(draft))  # first pass: fills the caches
    times, cpu = [], []
    for draft in drafts:
        started, started_cpu = time.perf_counter(), time.thread_time()
        reviewer(draft)
        cpu.append(time.thread_time() - started_cpu)
        times.append(time.perf_counter() - started)
    print(
        f"review latency over {len(times)} drafts ({nudged} nudged): median {ms(statistics.median(times))}, "
        f"p90 {ms(percentile(times, 0.9))}, p99 {ms(percentile(times, 0.99))}, max {ms(max(times))}"
    )
    print(
        f"  CPU time of the thread (without the time other processes had the CPU): "
        f"median {ms(statistics.median(cpu))}, p99 {ms(percentile(cpu, 0.99))}, max {ms(max(cpu))}"
    )
    by_kind: dict[str, list[float]] = {}
    for draft, seconds in zip(drafts, times, strict=True):
        by_kind.setdefault(draft.kind.value, []).append(seconds)
    print(
        "  by kind: "
        + ", ".join(
            f"{kind} {ms(statistics.median(values))} (p99 {ms(percentile(values, 0.99))}, n={len(values)})"
            for kind, values in sorted(by_kind.items())
        )
    )

    gc.collect()
    tracemalloc.start()
    for (
        draft
    ) in drafts:  # warm-up: the lazily read post texts and the regular expressions' caches fill
        reviewer(draft)
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for _round in range(max(1, args.drafts // len(drafts))):
        for draft in drafts:
            reviewer(draft)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"memory over {max(1, args.drafts // len(drafts)) * len(drafts)} reviews: "
        f"{before / 1e6:.2f} MB -> {after / 1e6:.2f} MB traced ({(after - before) / 1e3:+.1f} kB)"
    )

    adds, after_add = [], []
    for draft in drafts[: args.adds]:
        started = time.perf_counter()
        reviewer.add(draft)
        adds.append(time.perf_counter() - started)
        following = drafts[min(len(drafts) - 1, args.adds + len(adds))]
        started = time.perf_counter()
        reviewer(following)
        after_add.append(time.perf_counter() - started)
    print(
        f"add over {len(adds)} actions: median {ms(statistics.median(adds))}, p99 {ms(percentile(adds, 0.99))}; "
        f"first review after an add: median {ms(statistics.median(after_add))}, "
        f"p99 {ms(percentile(after_add, 0.99))}"
    )


if __name__ == "__main__":
    sys.exit(main())
