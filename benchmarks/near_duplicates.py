"""How long near-duplicate grouping takes as the number of posts grows.

    python benchmarks/near_duplicates.py [SIZES...]

Generates posts of a few subjects (a quarter of them copies, lightly edited, of an
earlier post) and times :class:`socialnorms.core.similarity.NearDuplicates` on them.
The time per post should stay about the same as the sizes grow. For the smallest
size it also compares the pairs found with those of comparing every pair (recall).
"""

from __future__ import annotations

import random
import sys
import time

from socialnorms.core.similarity import NearDuplicates, jaccard, shingles, tokens

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
    "conference",
    "community",
    "release",
    "update",
    "product",
    "feature",
    "story",
    "thanks",
    "question",
    "answer",
    "weekend",
    "morning",
    "office",
    "city",
    "river",
    "mountain",
]


def posts(count: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    made: list[tuple[str, str]] = []
    for index in range(count):
        subject = f"s{index % 20}"
        if made and rng.random() < 0.25:
            subject, original = made[rng.randrange(len(made))]
            words = original.split()[:-1]
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            text = " ".join(words)
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 40)))
        made.append((subject, f"{text} https://news{index % 9}.example/{index}"))
    return made


def recall(size: int = 2_000, threshold: float = 0.7) -> float:
    """Share of the near-duplicate pairs (by comparing every pair) that end up grouped."""
    data = posts(size)
    sets = [shingles(tokens(text)) for _subject, text in data]
    index = NearDuplicates(threshold=threshold)
    for number, (subject, text) in enumerate(data):
        index.add(number, text, scope=subject)
    group_of = {key: n for n, group in enumerate(index.groups()) for key in group}
    pairs = found = 0
    for i in range(size):
        for j in range(i + 1, size):
            if data[i][0] == data[j][0] and jaccard(sets[i], sets[j]) >= threshold:
                pairs += 1
                found += i in group_of and group_of.get(i) == group_of.get(j)
    return found / pairs if pairs else 1.0


def main(sizes: list[int]) -> None:
    print(f"recall against comparing every pair (2,000 posts): {recall():.3f}")
    for size in sizes:
        data = posts(size)
        started = time.perf_counter()
        index = NearDuplicates(threshold=0.7)
        for number, (subject, text) in enumerate(data):
            index.add(number, text, scope=subject)
        groups = index.groups()
        seconds = time.perf_counter() - started
        print(
            f"{size:>8} posts: {seconds:6.2f} s, {seconds / size * 1e6:6.1f} µs a post, "
            f"{len(groups)} groups"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 30_000, 100_000])
