"""Time retweet-carefully, no-autofollow and respond-to-mentions on a generated timeline.

    python benchmarks/guidelines_a.py [ACTIONS]   (default 100000)

Prints the time to build the Timeline and the time of each check, at the given size
and at a tenth of it, so that growth faster than n log n shows.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from socialnorms import (
    Account,
    Action,
    Checker,
    Config,
    Post,
    Timeline,
    collector_paused,
    new_plugin_manager,
)

GUIDELINES = ("retweet-carefully", "no-autofollow", "respond-to-mentions")
START = datetime(2026, 1, 1, tzinfo=UTC)
TEXTS = [
    "thanks @brand{b}!",
    "read this https://news.example/{i}",
    "@brand{b} is the shop open?",
    "lunch was great",
    "new post on our blog https://brand{b}.example/{i}",
]


def generate(n: int, seed: int = 1) -> Timeline:
    rng = random.Random(seed)
    brands = [
        Account(
            id=f"tw:brand{b}",
            network="tw",
            subject=f"brand{b}",
            handle=f"@brand{b}",
            url=f"https://brand{b}.example",
        )
        for b in range(20)
    ]
    people = [
        Account(
            id=f"tw:p{i}",
            network="tw",
            handle=f"@p{i}",
            bio="hi" if i % 7 else "",
            followers=rng.randint(0, 2000),
            following=rng.randint(0, 5000),
            created=START - timedelta(days=rng.randint(0, 3000)),
            default_avatar=i % 11 == 0,
            tags=("customer",) if i % 97 == 0 else (),
        )
        for i in range(max(n // 20, 10))
    ]
    actors = [a.id for a in people] + [b.id for b in brands]
    actions: list[Action] = []
    posts: list[str] = []
    for i in range(n):
        actor = rng.choice(brands).id if rng.random() < 0.3 else rng.choice(actors)
        at = START + timedelta(minutes=i * 3 + rng.randint(0, 2))
        roll = rng.random()
        b = rng.randrange(20)
        if roll < 0.4 or not posts:
            text = rng.choice(TEXTS).format(b=b, i=i)
            actions.append(
                Action(
                    kind="post", actor=actor, at=at, id=f"a{i}", post=Post(id=f"s{i}", text=text)
                )
            )
            posts.append(f"s{i}")
        elif roll < 0.6:
            actions.append(
                Action(
                    kind="reply",
                    actor=actor,
                    at=at,
                    id=f"a{i}",
                    target=rng.choice(posts[-500:]),
                    post=Post(id=f"s{i}", text=f"@brand{b} ok"),
                )
            )
            posts.append(f"s{i}")
        elif roll < 0.75:
            actions.append(
                Action(
                    kind="repost", actor=actor, at=at, id=f"a{i}", target=rng.choice(posts[-500:])
                )
            )
        elif roll < 0.85:
            actions.append(
                Action(kind="like", actor=actor, at=at, id=f"a{i}", target=rng.choice(posts[-500:]))
            )
        else:
            target = rng.choice(actors)
            if target != actor:
                actions.append(Action(kind="follow", actor=actor, at=at, id=f"a{i}", target=target))
    return Timeline([*brands, *people], actions)


def measure(n: int) -> dict[str, float]:
    began = time.perf_counter()
    with collector_paused():  # as the command line does
        timeline = generate(n)
    times = {"generate+index": time.perf_counter() - began}
    pm = new_plugin_manager(entrypoints=False)
    for guideline in GUIDELINES:
        checker = Checker(config=Config(select=[guideline]), plugin_manager=pm)
        began = time.perf_counter()
        with collector_paused():
            report = checker.check(timeline)
        times[guideline] = time.perf_counter() - began
        times[guideline + " findings"] = len(report.findings)
    return times


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for size in (n // 10, n):
        print(f"{size} actions:")
        for name, value in measure(size).items():
            print(f"  {name:32} {value:.2f}" + ("" if "findings" in name else " s"))


if __name__ == "__main__":
    main()
