"""How well the built-in topic lexicons classify posts people write.

The labelled posts are in ``tests/data``: ``topic_posts_dev.tsv`` (the lexicons
were tuned on it) and three held-out sets written apart from it, at different
times (``topic_posts_holdout*.tsv``; docs/topics.md tells their history). The
figures in ``docs/topics.md`` come from here; regenerate them after changing a
lexicon with::

    .venv/bin/python tests/core/test_topic_quality.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import attrs
import pytest

from socialnorms.core.topic_lexicon import TOPICS
from socialnorms.core.topics import TopicModel

HERE = Path(__file__).parent.parent
DATA = HERE / "data"
DOCS = HERE.parent / "docs" / "topics.md"
SETS = {
    "development": DATA / "topic_posts_dev.tsv",
    "held-out A": DATA / "topic_posts_holdout.tsv",
    "held-out B": DATA / "topic_posts_holdout2.tsv",
    "held-out C": DATA / "topic_posts_holdout3.tsv",
}
#: Macro precision and recall of each held-out set when it was first measured,
#: before anything was changed in its light (see docs/topics.md).
FIRST_MEASURED = {
    "held-out A": (0.92, 0.92),
    "held-out B": (0.77, 0.39),
    "held-out C": (0.85, 0.73),
}
BEGIN, END = "<!-- measured: begin -->", "<!-- measured: end -->"

# Floors kept below what is measured (see docs/topics.md), so that a lexicon
# change that makes the model clearly worse fails, and honest noise does not.
# (precision, recall) per set; per-topic floors only where a topic has 9+ posts.
MACRO_FLOORS = {
    "development": (0.9, 0.85),
    "held-out A": (0.85, 0.8),
    "held-out B": (0.85, 0.85),
    "held-out C": (0.8, 0.65),
}
TOPIC_FLOOR = 0.6
TOPIC_FLOOR_SETS = ("development", "held-out A")
SPORTS_PRECISION_FLOOR = 0.9


@attrs.frozen
class Post:
    line: int
    topics: frozenset[str]
    text: str


def load(path: Path) -> list[Post]:
    posts = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected 'topics<TAB>text', got {line!r}")
        topics = frozenset() if labels == "-" else frozenset(labels.split(","))
        posts.append(Post(number, topics, text))
    return posts


@attrs.frozen
class Scores:
    precision: dict[str, float]
    recall: dict[str, float]
    support: dict[str, int]
    posts: int

    @property
    def macro_precision(self) -> float:
        return sum(self.precision.values()) / len(self.precision)

    @property
    def macro_recall(self) -> float:
        return sum(self.recall.values()) / len(self.recall)


def evaluate(model: TopicModel, posts: list[Post]) -> Scores:
    hits, false, missed = Counter(), Counter(), Counter()
    for post in posts:
        found = {match.topic for match in model.classify(post.text)}
        hits.update(found & post.topics)
        false.update(found - post.topics)
        missed.update(post.topics - found)
    names = sorted(model.topics)
    return Scores(
        precision={t: hits[t] / (hits[t] + false[t]) if hits[t] + false[t] else 1.0 for t in names},
        recall={t: hits[t] / (hits[t] + missed[t]) if hits[t] + missed[t] else 1.0 for t in names},
        support={t: hits[t] + missed[t] for t in names},
        posts=len(posts),
    )


def builtin_model() -> TopicModel:
    return TopicModel({topic.name: topic for topic in TOPICS})


def measured_section() -> str:
    model = builtin_model()
    scores = {name: evaluate(model, load(path)) for name, path in SETS.items()}
    lines = [
        BEGIN,
        "",
        "| Set | Posts | Precision | Recall | Sports precision | Sports recall | First measured (P / R) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, score in scores.items():
        first = FIRST_MEASURED.get(name)
        lines.append(
            f"| {name} | {score.posts} | **{score.macro_precision:.2f}** | **{score.macro_recall:.2f}** "
            f"| {score.precision['sports']:.2f} | {score.recall['sports']:.2f} "
            f"| {f'{first[0]:.2f} / {first[1]:.2f}' if first else 'tuned on'} |"
        )
    held = evaluate(
        model, [post for name, path in SETS.items() if name != "development" for post in load(path)]
    )
    dev = scores["development"]
    lines += [
        "",
        "Per topic, on the development set and on the three held-out sets together:",
        "",
        "| Topic | Posts (dev / held-out) | Precision dev | Recall dev | Precision held-out | Recall held-out |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for topic in sorted(model.topics):
        lines.append(
            f"| {topic} | {dev.support[topic]} / {held.support[topic]} | {dev.precision[topic]:.2f} | "
            f"{dev.recall[topic]:.2f} | {held.precision[topic]:.2f} | {held.recall[topic]:.2f} |"
        )
    lines.append(
        f"| **macro average** | {dev.posts} / {held.posts} posts | **{dev.macro_precision:.2f}** | "
        f"**{dev.macro_recall:.2f}** | **{held.macro_precision:.2f}** | **{held.macro_recall:.2f}** |"
    )
    lines += [
        "",
        f"Threshold {model.threshold}; regenerate with `.venv/bin/python tests/core/test_topic_quality.py`.",
        "",
        END,
    ]
    return "\n".join(lines)


def write_docs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    DOCS.write_text(text[:start] + measured_section() + text[end:], encoding="utf-8")


# -- tests ------------------------------------------------------------------------------------


def test_the_labelled_sets_are_large_enough():
    posts = [post for path in SETS.values() for post in load(path)]
    counts = Counter(topic for post in posts for topic in post.topics)
    assert len(posts) >= 300
    assert set(counts) == set(builtin_model().topics)
    assert min(counts.values()) >= 20
    assert sum(1 for post in posts if not post.topics) >= 20  # posts about nothing in particular


@pytest.mark.parametrize("name", SETS)
def test_quality_floors(name):
    model = builtin_model()
    scores = evaluate(model, load(SETS[name]))
    precision_floor, recall_floor = MACRO_FLOORS[name]
    assert scores.macro_precision >= precision_floor
    assert scores.macro_recall >= recall_floor
    if name in TOPIC_FLOOR_SETS:
        for topic in model.topics:
            assert scores.precision[topic] >= TOPIC_FLOOR, topic
            assert scores.recall[topic] >= TOPIC_FLOOR, topic
        assert scores.precision["sports"] >= SPORTS_PRECISION_FLOOR


def test_docs_show_the_current_figures():
    assert measured_section() in DOCS.read_text(encoding="utf-8"), (
        "docs/topics.md is out of date: run .venv/bin/python tests/core/test_topic_quality.py"
    )


if __name__ == "__main__":
    write_docs()
    sys.stdout.write(measured_section() + "\n")
