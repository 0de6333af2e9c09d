"""The synthetic timeline generator: deterministic, valid, the size asked for, realistic mix."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from socialnorms import Timeline
from socialnorms.io import synthetic
from socialnorms.io.activity import read_activity


def test_same_seed_same_records_and_another_seed_differs():
    first = list(synthetic.records(actions=500, subjects=2, seed=7))
    assert first == list(synthetic.records(actions=500, subjects=2, seed=7))
    assert first != list(synthetic.records(actions=500, subjects=2, seed=8))


@pytest.mark.parametrize(("actions", "subjects"), [(0, 1), (1, 1), (300, 1), (2_000, 4)])
def test_sizes_as_asked(actions, subjects):
    accounts, made = synthetic.generate(actions=actions, subjects=subjects, seed=1)
    assert len(made) == actions
    timeline = Timeline(accounts, made)
    assert len(timeline) == actions
    assert len(timeline.subjects) == subjects
    assert all(len(timeline.accounts_of(s)) == 3 for s in timeline.subjects)


def test_a_busy_mix_of_kinds_actors_and_networks():
    accounts, made = synthetic.generate(actions=5_000, subjects=3, seed=0)
    timeline = Timeline(accounts, made)
    kinds = Counter(action.kind.value for action in made)
    assert set(kinds) == {
        "post",
        "reply",
        "quote",
        "repost",
        "like",
        "follow",
        "unfollow",
        "invite",
        "accept",
        "message",
    }
    subject_ids = {a.id for s in timeline.subjects for a in timeline.accounts_of(s)}
    by_subjects = [a for a in made if a.actor in subject_ids]
    assert 0.3 < len(by_subjects) / len(made) < 0.7
    assert len({a.network for a in accounts}) >= 3
    assert any(a.has_tag("spam") for a in accounts) and any(a.has_tag("customer") for a in accounts)
    assert any(timeline.mentions_of(account) for account in subject_ids)
    assert any(p.crosspost_of for p in timeline.posts.values())
    # Follow-backs: a subject follows an account that followed it first.
    assert any(
        timeline.follows(f.target, f.actor, at=f.at)
        for f in timeline.by_kind("follow")
        if f.actor in subject_ids
    )


def test_times_increase_and_ids_are_unique():
    _, made = synthetic.generate(actions=3_000, seed=2)
    times = [a.at for a in made]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert len({a.id for a in made}) == len(made)
    assert any(a.id.startswith("h:") for a in made), "some records come without an id"


def test_written_file_reads_back_strictly_as_the_same_timeline(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = synthetic.write(path, actions=1_500, subjects=2, seed=3)
    assert lines == len(path.read_text(encoding="utf-8").splitlines())
    result = read_activity(path)
    assert not result.skipped
    accounts, made = synthetic.generate(actions=1_500, subjects=2, seed=3)
    assert list(result.accounts) == accounts
    assert list(result.actions) == made


def test_writes_to_a_stream():
    stream = io.StringIO()
    synthetic.write(stream, actions=10, seed=0)
    assert stream.getvalue().startswith('{"type": "header"')


def test_refuses_impossible_sizes():
    with pytest.raises(ValueError):
        list(synthetic.records(actions=-1))
    with pytest.raises(ValueError):
        list(synthetic.records(subjects=0))
