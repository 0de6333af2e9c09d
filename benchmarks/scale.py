"""Scaling-out benchmark: one process, ``--jobs N`` and a Dask LocalCluster of N workers.

    python benchmarks/scale.py [--actions 2000000] [--subjects 200] [--jobs 2] [--folder .bench]

Writes a synthetic timeline of many subjects once (kept in the folder, which git
ignores), then checks it three ways, each in a fresh child process:

- one process: ``socialnorms check FILE --format json``;
- ``socialnorms check FILE --format json --jobs N``;
- ``socialnorms.engine.dask.check(FILE)`` on a ``LocalCluster`` of N worker processes with
  one thread each (the cluster's start is timed apart).

It prints the wall time of each, the speed-up over one process, and the peak
resident memory of the main process and of the busiest worker (sampled every
0.2 s over the process tree; forked workers share the pages they inherit, so
their peaks overlap the main process's), and checks that the three reports are
the same.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import psutil

from socialnorms.io import synthetic

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import decoder

DASK_RUN = """
import sys, time
from distributed import Client, LocalCluster
import socialnorms
import socialnorms.engine.dask

path, output, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
started = time.perf_counter()
with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                  silence_logs=40) as cluster, Client(cluster) as client:
    client.run(lambda: __import__("socialnorms.engine.plugins").engine.plugins.get_plugin_manager())
    ready = time.perf_counter()
    with socialnorms.collector_paused():  # as the command line does
        report = socialnorms.engine.dask.check(path, client=client)
    done = time.perf_counter()
    with open(output, "w", encoding="utf-8") as stream:
        stream.write(report.to_json())
print(f"socialnorms: time cluster start: {ready - started:.3f}s", file=sys.stderr)
print(f"socialnorms: time dask check: {done - ready:.3f}s", file=sys.stderr)
"""


def watch(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS (bytes) of the main process and of its busiest
    descendant, and standard error, of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    main = psutil.Process(child.pid)
    peaks: dict[int, int] = {}
    while child.poll() is None:
        try:
            for process in [main, *main.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                peaks[process.pid] = max(peaks.get(process.pid, 0), rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stderr = child.stderr.read() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    own = peaks.pop(child.pid, 0)
    return elapsed, own, max(peaks.values(), default=0), stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", default=2_000_000, type=int)
    parser.add_argument("--subjects", default=200, type=int)
    parser.add_argument("--jobs", default=2, type=int)
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--folder", default=".bench", type=Path)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; JSON decoder: {decoder()}; "
        f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    path = args.folder / f"synthetic-{args.actions}-subjects{args.subjects}-seed{args.seed}.jsonl"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        synthetic.write(partial, actions=args.actions, subjects=args.subjects, seed=args.seed)
        partial.rename(path)
        print(
            f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f}s"
        )
    env = {**os.environ, "SOCIALNORMS_PROFILE": "1"}
    cli = str(Path(sys.executable).with_name("socialnorms"))
    outputs = {name: args.folder / f"scale-{name}.json" for name in ("one", "jobs", "dask")}
    runs = {
        "one process": (
            [cli, "check", str(path), "--format", "json", "-o", str(outputs["one"])],
            "one",
        ),
        f"--jobs {args.jobs}": (
            [
                cli,
                "check",
                str(path),
                "--format",
                "json",
                "-o",
                str(outputs["jobs"]),
                "--jobs",
                str(args.jobs),
            ],
            "jobs",
        ),
        f"Dask, {args.jobs} workers": (
            [sys.executable, "-c", DASK_RUN, str(path), str(outputs["dask"]), str(args.jobs)],
            "dask",
        ),
    }
    print(
        f"\n{args.actions:,} actions, {args.subjects} subjects ({path.stat().st_size / 1e6:.0f} MB)"
    )
    print(f"{'':<22} {'wall':>8} {'speed-up':>9} {'main peak':>10} {'worker peak':>12}")
    base = None
    for name, (command, _key) in runs.items():
        elapsed, own, worker, stderr = watch(command, env)
        phases = [
            line.removeprefix("socialnorms: time ")
            for line in stderr.splitlines()
            if line.startswith("socialnorms: time")
        ]
        base = base or elapsed
        print(
            f"{name:<22} {elapsed:7.1f}s {base / elapsed:8.2f}x {own / 1e6:8.0f} MB "
            f"{(f'{worker / 1e6:.0f} MB' if worker else '-'):>12}"
        )
        print("    " + "; ".join(phases))
    reports = {key: json.loads(outputs[key].read_text(encoding="utf-8")) for key in outputs}
    same = reports["one"] == reports["jobs"] == reports["dask"]
    print(
        f"\nthe three reports are {'the same' if same else 'DIFFERENT'} "
        f"({len(reports['one']['findings']):,} findings); "
        f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
