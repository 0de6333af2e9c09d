"""How long the crosspost-with-consideration check takes on a large history.

    python benchmarks/crosspost_check.py [POSTS...]

One subject on three networks; a third of the posts are copied to another network
a few minutes later. Times building the Timeline and running the check separately.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from socialnorms import Account, Action, Checker, Config, collector_paused
from socialnorms.engine.plugins import new_plugin_manager

NETWORKS = ("twitter", "linkedin", "mastodon")
WORDS = [
    "report",
    "launch",
    "webinar",
    "trail",
    "boots",
    "repair",
    "guide",
    "team",
    "customers",
    "data",
    "marketing",
    "design",
    "quarter",
    "results",
    "pricing",
    "growth",
    "spring",
    "winter",
    "tent",
    "pack",
    "jacket",
    "email",
    "benchmark",
    "analytics",
    "event",
    "meetup",
]


def history(count: int, seed: int = 3) -> tuple[list[Account], list[Action]]:
    rng = random.Random(seed)
    accounts = [Account(id=f"{n}:acme", network=n, subject="acme") for n in NETWORKS]
    actions = []
    start = datetime(2020, 1, 1, tzinfo=UTC)
    index = 0
    while len(actions) < count:
        at = start + timedelta(minutes=37 * index)
        network = rng.choice(NETWORKS)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        text += f" https://acme.example/{index}"
        actions.append(
            Action(
                kind="post",
                actor=f"{network}:acme",
                at=at,
                id=f"a{index}",
                post=_post(network, index, text),
            )
        )
        if rng.random() < 0.33:
            other = rng.choice([n for n in NETWORKS if n != network])
            actions.append(
                Action(
                    kind="post",
                    actor=f"{other}:acme",
                    at=at + timedelta(minutes=3),
                    id=f"c{index}",
                    post=_post(other, f"c{index}", text),
                )
            )
        index += 1
    return accounts, actions[:count]


def _post(network, index, text):
    from socialnorms import Post

    return Post(id=f"{network}:p{index}", text=text)


def main(sizes: list[int]) -> None:
    pm = new_plugin_manager(builtins=True, entrypoints=True)
    checker = Checker(config=Config(select=["crosspost-with-consideration"]), plugin_manager=pm)
    for size in sizes:
        accounts, actions = history(size)
        started = time.perf_counter()
        with collector_paused():  # as the command line does
            timeline = checker.timeline(accounts, actions)
            built = time.perf_counter()
            report = checker.check(timeline)
        done = time.perf_counter()
        print(
            f"{size:>8} posts: timeline {built - started:5.2f} s, check {done - built:5.2f} s, "
            f"{len(report.findings)} findings"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000])
