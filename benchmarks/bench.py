"""End-to-end benchmark: ``socialnorms check FILE --format json`` on large synthetic files.

    python benchmarks/bench.py [--sizes 100000,1000000] [--folder .bench] [--seed 0]

For every size it writes a synthetic activity file (once; kept in the folder, which
git ignores), then runs, each in a fresh child process:

- decode only: read every line and ``json.loads`` it, the floor no Python reader of
  the file can beat;
- the check: ``socialnorms check FILE --format json`` with ``SOCIALNORMS_PROFILE=1``,
  which prints the seconds of every phase (read, timeline, each check, report).

It prints wall times, the ratio to decode-only, the phases, the peak memory of the
child (``ru_maxrss``) per action, and the growth from the smallest to the largest
size. Targets: check within 3x decode-only, growth at most 11.5x for 10x the actions,
at most 1.5 KB of peak memory per action.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

from socialnorms.io import synthetic

DECODE_ONLY = """
import json, sys
with open(sys.argv[1], "rb") as stream:
    for line in stream:
        if line.strip():
            json.loads(line)
"""
PHASE = re.compile(r"^socialnorms: time (\S+): ([0-9.]+)s$")


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak resident KiB and standard error of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = child.stderr.read().decode() if child.stderr else ""
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    return elapsed, usage.ru_maxrss, stderr


def measure(path: Path, actions: int) -> dict[str, object]:
    decode, decode_rss, _ = run([sys.executable, "-c", DECODE_ONLY, str(path)])
    env = {**os.environ, "SOCIALNORMS_PROFILE": "1"}
    cli = Path(sys.executable).with_name("socialnorms")
    total, rss, stderr = run([str(cli), "check", str(path), "--format", "json"], env)
    phases = {m[1]: float(m[2]) for m in map(PHASE.match, stderr.splitlines()) if m}
    return {
        "actions": actions,
        "decode": decode,
        "decode_rss": decode_rss,
        "total": total,
        "rss": rss,
        "phases": phases,
    }


def decoder() -> str:
    from socialnorms.io import activity

    return getattr(activity, "DECODER", "json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated action counts")
    parser.add_argument("--folder", default=".bench", type=Path, help="where the files go")
    parser.add_argument("--seed", default=0, type=int)
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    args.folder.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; JSON decoder: {decoder()}"
    )
    results = []
    for size in sizes:
        path = args.folder / f"synthetic-{size}-seed{args.seed}.jsonl"
        if not path.exists():
            started = time.perf_counter()
            partial = path.with_suffix(".partial")
            synthetic.write(partial, actions=size, seed=args.seed)
            partial.rename(path)
            print(
                f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f}s"
            )
        result = measure(path, size)
        results.append(result)
        report(result)
    growth = None
    if len(results) > 1:
        first, last = results[0], results[-1]
        scale = last["actions"] / first["actions"]
        growth = last["total"] / first["total"]
        print(
            f"\ngrowth {first['actions']:,} -> {last['actions']:,} actions ({scale:.0f}x): "
            f"check {growth:.2f}x, decode-only {last['decode'] / first['decode']:.2f}x"
        )
    verdicts(results[-1], growth)
    return 0


def verdicts(largest: dict[str, object], growth: float | None) -> None:
    """The three targets, measured at the largest size."""
    ratio = largest["total"] / largest["decode"]
    per_action = largest["rss"] * 1024 / largest["actions"]
    print(f"\ntargets at {largest['actions']:,} actions:")
    print(f"  within 3x decode-only:       {ratio:5.2f}x  {'met' if ratio <= 3 else 'missed'}")
    if growth is not None:
        print(
            f"  growth at most 11.5x:        {growth:5.2f}x  {'met' if growth <= 11.5 else 'missed'}"
        )
    print(
        f"  at most 1.5 KB per action:   {per_action / 1000:5.2f} KB  {'met' if per_action <= 1500 else 'missed'}"
    )


def report(result: dict[str, object]) -> None:
    actions = result["actions"]
    total, decode = result["total"], result["decode"]
    print(f"\n{actions:,} actions")
    print(
        f"  decode only (json.loads per line): {decode:7.2f}s   peak {result['decode_rss'] / 1024:6.0f} MB"
    )
    print(
        f"  socialnorms check --format json:   {total:7.2f}s   peak {result['rss'] / 1024:6.0f} MB"
        f" = {result['rss'] * 1024 / actions:.0f} bytes/action"
    )
    print(f"  ratio to decode-only: {total / decode:.2f}x")
    phases = result["phases"]
    accounted = sum(phases.values())
    for name, seconds in phases.items():
        print(f"    {name:<40} {seconds:7.2f}s")
    print(f"    {'start-up, plugins, output':<40} {total - accounted:7.2f}s")


if __name__ == "__main__":
    sys.exit(main())
