"""Partitions by subject: checked one by one and merged, they give the whole run's report."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings

from socialnorms import Checker
from socialnorms.core.checks import Finding, Rule, Severity, check_function
from socialnorms.core.models import Account, Action, Post
from socialnorms.core.timeline import Timeline
from socialnorms.engine import CheckRun
from socialnorms.engine.parallel import check_partition
from socialnorms.engine.partition import Partition, Partitioner, merge_runs, partitions
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.io import synthetic
from socialnorms.testing import as_plugin
from socialnorms.testing.strategies import activity

SUBJECTS = ("acme", "globex", "initech", "umbrella")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def merged_report(checker: Checker, timeline: Timeline, parts: int | None = None):
    runs = [
        check_partition(part, checker.config, checker.strict)
        for part in partitions(timeline, parts)
    ]
    return checker.report(timeline, merge_runs(runs))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity(subjects=SUBJECTS, max_actions=40))
def test_partitions_merge_to_the_whole_report(checker, drawn):
    timeline = checker.timeline(*drawn)
    whole = checker.check(timeline).to_json()
    assert merged_report(checker, timeline).to_json() == whole
    assert merged_report(checker, timeline, parts=2).to_json() == whole


@pytest.mark.parametrize("parts", [None, 3])
def test_synthetic_subjects_merge_to_the_whole_report(checker, parts):
    accounts, actions = synthetic.generate(actions=6000, subjects=7, seed=11)
    timeline = checker.timeline(accounts, actions)
    whole = checker.check(timeline)
    assert len(whole.findings) > 100  # the comparison below is about something
    merged = merged_report(checker, timeline, parts)
    assert merged.to_json() == whole.to_json()
    assert merged.evidence_times == whole.evidence_times
    assert merged.to_markdown() == whole.to_markdown()


def test_a_partition_holds_what_its_subject_checks_read(checker):
    accounts, actions = synthetic.generate(actions=3000, subjects=3, seed=2)
    timeline = checker.timeline(accounts, actions)
    partitioner = Partitioner(timeline)
    for subject in timeline.subjects:
        part = partitioner.partition([subject])
        ids = {action.id for action in part.actions}
        own = {account.id for account in timeline.accounts_of(subject)}
        assert part.subjects == (subject,)
        assert len(part.accounts) == len(timeline.accounts)
        assert {a.subject for a in part.accounts} <= {subject, None}
        assert {a.id for a in timeline.actions if a.actor in own} <= ids
        assert {a.id for o in own for a in timeline.followers_of(o)} <= ids
        assert {a.id for o in own for a in timeline.mentions_of(o)} <= ids
        assert {timeline.actions[0].id, timeline.actions[-1].id} <= ids
        assert len(part) < len(timeline)  # a slice, not everything again


def test_every_copy_of_a_post_in_a_partition_comes_along():
    brand = Account(id="twitter:brand", network="twitter", subject="brand")
    fan = Account(id="twitter:fan", network="twitter")
    other = Account(id="twitter:other", network="twitter")
    made = Action(
        kind="post",
        actor="twitter:fan",
        at="2026-02-01T09:00:00Z",
        id="a1",
        post=Post(id="twitter:p1", text="hello"),
    )
    # A stranger's copy of the post carries links the creator's does not.
    copy = Action(
        kind="repost",
        actor="twitter:other",
        at="2026-02-01T10:00:00Z",
        id="a2",
        post=Post(id="twitter:p1", links=("https://example.org",)),
    )
    share = Action(
        kind="repost",
        actor="twitter:brand",
        at="2026-02-01T11:00:00Z",
        id="a3",
        target="twitter:p1",
    )
    unrelated = Action(
        kind="post",
        actor="twitter:other",
        at="2026-02-01T10:30:00Z",
        id="a4",
        post=Post(id="twitter:p2", text="elsewhere"),
    )
    timeline = Timeline([brand, fan, other], [made, copy, share, unrelated])
    [part] = partitions(timeline)
    assert {a.id for a in part.actions} == {"a1", "a2", "a3"}
    assert Timeline(part.accounts, part.actions).post("twitter:p1") == timeline.post("twitter:p1")


def test_a_timeline_without_subjects_is_one_partition():
    accounts = [Account(id="twitter:a", network="twitter")]
    actions = [
        Action(
            kind="post",
            actor="twitter:a",
            at="2026-02-01T09:00:00Z",
            post=Post(id="twitter:p", text="x"),
        )
    ]
    timeline = Timeline(accounts, actions)
    [part] = partitions(timeline, parts=4)
    assert part.subjects == () and part.actions == timeline.actions
    assert partitions(Timeline()) == [Partition((), (), ())]


def test_groups_are_neighbouring_subjects_in_order(checker):
    accounts, actions = synthetic.generate(actions=4000, subjects=9, seed=4)
    timeline = checker.timeline(accounts, actions)
    groups = Partitioner(timeline).groups(4)
    assert 1 < len(groups) <= 4
    assert [s for group in groups for s in group] == list(timeline.subjects)
    assert Partitioner(timeline).groups() == [(s,) for s in timeline.subjects]


def test_partitions_pickle_and_read_back_equal(checker):
    accounts, actions = synthetic.generate(actions=1500, subjects=2, seed=9)
    part = partitions(checker.timeline(accounts, actions))[0]
    again = pickle.loads(pickle.dumps(part))
    assert again == part
    assert [a.post for a in again.actions] == [a.post for a in part.actions]
    records = list(part.records())
    assert len(records) == len(part.accounts) + len(part.actions)
    assert records[-1]["type"] == "action"


def test_actions_with_extra_keys_and_media_pickle():
    post = Post(
        id="twitter:p",
        text="look",
        media=[{"type": "image", "alt": "a tent"}],
        extra={"lang": "en"},
    )
    action = Action(
        kind="post", actor="twitter:a", at="2026-02-01T09:00:00Z", post=post, extra={"source": "x"}
    )
    assert pickle.loads(pickle.dumps(action)) == action
    assert pickle.loads(pickle.dumps(action)).extra == {"source": "x"}


def _run(guideline: str, findings=(), notes=(), failed=False) -> CheckRun:
    return CheckRun(guideline, tuple(findings), tuple(notes), (), failed)


def _finding(subject: str | None, message: str = "m", code: str = "XY001") -> Finding:
    return Finding(
        code=code,
        rule="r",
        guideline="g",
        severity=Severity.WARNING,
        subject=subject,
        account=None,
        network=None,
        message=message,
        suggestion="s",
    )


def test_merge_keeps_note_order_and_one_copy_of_subjectless_findings():
    first = [_run("g", [_finding("a"), _finding(None)], ["x", "y"])]
    second = [_run("g", [_finding("b"), _finding(None)], ["y", "z"])]
    [run] = merge_runs([first, second])
    assert run.notes == ("x", "y", "z")
    assert [f.subject for f in run.findings] == ["a", "b", None]


def test_merge_of_a_failed_check_keeps_the_first_error_only():
    error = _finding(None, "boom", code="SN000")
    parts = [
        [_run("g", [_finding("a")], ["before"])],
        [_run("g", [error], ["at the failure"], failed=True)],
        [_run("g", [_finding("c")], ["after"])],
    ]
    [run] = merge_runs(parts)
    assert run.failed and run.findings == (error,)
    assert run.notes == ("before", "at the failure")


RAISES = Rule(code="XY001", name="raises-on-brand1", summary="s", why="w", severity="warning")


@check_function("raises-on-brand1", [RAISES])
def raises_on_brand1(ctx):
    for subject in ctx.timeline.subjects:
        ctx.measure(subject, None, "seen", 1)
        if subject == "brand1":
            raise RuntimeError("cannot judge brand1")
        yield ctx.finding(
            "XY001", subject=subject, account=None, message="judged", suggestion="none"
        )


def failing_plugins():
    manager = new_plugin_manager(builtins=False, entrypoints=False)
    manager.register(as_plugin(raises_on_brand1), "raises")
    return manager


def test_a_check_that_fails_on_one_subject_reports_as_in_one_run():
    checker = Checker(plugin_manager=failing_plugins())
    accounts, actions = synthetic.generate(actions=800, subjects=3, seed=1)
    timeline = checker.timeline(accounts, actions)
    assert timeline.subjects == ("brand0", "brand1", "brand2")
    runs = [
        check_partition(part, checker.config, checker.strict, failing_plugins)
        for part in partitions(timeline)
    ]
    merged = checker.report(timeline, merge_runs(runs))
    assert merged.to_json() == checker.check(timeline).to_json()
    assert [f.code for f in merged.findings] == ["SN000"]


def test_the_partitioning_example_of_the_docs_runs(monkeypatch):
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    blocks = re.findall(
        r"```python\n(.*?)```",
        (root / "docs" / "scaling.md").read_text(encoding="utf-8"),
        re.DOTALL,
    )
    example = next(
        block for block in blocks if "Partitioner(timeline)" in block and "spark" not in block
    )
    exec(compile(example, "scaling.md", "exec"), {})
