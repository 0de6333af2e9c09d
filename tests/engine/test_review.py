"""The Reviewer: nudges before posting, for every guideline; agreement with ``check``;
incremental adds; notes; threads."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialnorms
from socialnorms import Action, ActionKind, Checker, Post, Reviewer, Rule, Timeline, check_function
from socialnorms.engine.review import agrees, habit_codes
from socialnorms.testing import TimelineBuilder, isolated_plugin_manager, registered
from socialnorms.testing.strategies import activity, texts

CHECKER = Checker()
HABITS = habit_codes(CHECKER.registry.rules.values())
START = datetime(2026, 1, 1, tzinfo=UTC)

#: Rules whose example ends with the action that breaks them: reviewing that last
#: action against the rest must nudge, and the quiet example's last action must not.
REVIEWED_BY_EXAMPLE = [
    "SN101",
    "SN102",
    "SN103",
    "SN201",
    "SN202",
    "SN203",
    "SN204",
    "SN205",
    "SN206",
    "SN301",
    "SN302",
    "SN401",
    "SN402",
    "SN501",
]


def last_as_draft(text: str, tmp_path) -> tuple[Reviewer, Action]:
    """A Reviewer of all but the last action of an activity-format text, and that action."""
    path = tmp_path / "example.jsonl"
    path.write_text(text)
    timeline, _skipped = CHECKER.read(path)
    history = Timeline(timeline.accounts.values(), timeline.actions[:-1], syntax=CHECKER.syntax)
    return Reviewer(history, checker=CHECKER), timeline.actions[-1]


@pytest.mark.parametrize("code", REVIEWED_BY_EXAMPLE)
def test_the_last_action_of_a_rule_example_is_nudged(code, tmp_path):
    rule = CHECKER.registry.rules[code].rule
    reviewer, draft = last_as_draft(rule.example, tmp_path)
    nudges = [n for n in reviewer(draft) if n.code == code]
    assert nudges, f"{code}: no nudge for {draft}"
    found = CHECKER.check(
        CHECKER.timeline(reviewer.timeline.accounts.values(), [*reviewer.timeline, draft])
    ).findings
    for nudge in nudges:
        assert nudge.suggestion and nudge.message
        assert nudge.at is not None
        assert draft.id in nudge.evidence or code == "SN501"
        assert any(agrees(nudge, finding, HABITS) for finding in found), (nudge, found)


@pytest.mark.parametrize("code", REVIEWED_BY_EXAMPLE)
def test_the_last_action_of_a_quiet_example_is_not_nudged(code, tmp_path):
    rule = CHECKER.registry.rules[code].rule
    reviewer, draft = last_as_draft(rule.quiet_example, tmp_path)
    assert [n for n in reviewer(draft) if n.code == code] == []


# -- nudges and quiet reviews of single guidelines (more beside the rule tests) -------------


def brand() -> TimelineBuilder:
    return TimelineBuilder().subject("brand", "twitter:brand", handle="@brand")


def draft_of(builder: TimelineBuilder, method: str, *args, **options) -> tuple[Reviewer, Action]:
    """Review the builder's last action as a draft against everything before it."""
    getattr(builder, method)(*args, **options)
    actions = builder.actions
    history = Timeline(builder.accounts, actions[:-1])
    return Reviewer(history, checker=CHECKER), actions[-1]


def codes(reviewer: Reviewer, draft: Action) -> set[str]:
    return {nudge.code for nudge in reviewer(draft)}


def test_crosspost_nudges_a_reply_copied_where_its_thread_is_not():
    builder = (
        TimelineBuilder()
        .subject("acme", "twitter:acme", "linkedin:acme")
        .post("twitter:jane", "@acme can we meet next week?", id="q")
        .reply("twitter:acme", "@jane sure, Tuesday works!", to="q", after="10m")
    )
    reviewer, copied = draft_of(
        builder, "post", "linkedin:acme", "@jane sure, Tuesday works!", after="1m"
    )
    (nudge,) = [n for n in reviewer(copied) if n.code == "SN202"]
    assert "LinkedIn" in nudge.message and nudge.evidence == (copied.id,)
    own_words = Action(
        kind="post",
        actor="linkedin:acme",
        at=copied.at,
        id="d2",
        post=Post(
            id="linkedin:d2",
            text="We rebuilt our scheduling page so that meetings are easier to book.",
        ),
    )
    assert codes(reviewer, own_words) == set()


def test_personalize_invitations_nudges_the_stock_text_and_not_a_personal_note():
    builder = (
        TimelineBuilder()
        .subject("acme", "linkedin:acme")
        .account("linkedin:li-wei", name="Li Wei", bio="Supply chain analyst")
    )
    reviewer, stock = draft_of(
        builder,
        "invite",
        "linkedin:acme",
        "linkedin:li-wei",
        "I'd like to add you to my professional network on LinkedIn.",
    )
    (nudge,) = reviewer(stock)
    assert nudge.code == "SN401" and "stock text" in nudge.message
    personal = Action(
        kind="invite",
        actor="linkedin:acme",
        at=stock.at,
        target="linkedin:li-wei",
        id="d2",
        message="Hi Li, great to meet you at the Logistics Summit in Rotterdam; I'd love to hear more about your supply chain work.",
    )
    assert reviewer(personal) == []


# -- the Reviewer itself -----------------------------------------------------------------------


def test_a_check_without_review_is_skipped_with_a_note():
    rule = Rule(code="TST001", name="anything", summary="s", why="w")

    @check_function("batch-only", [rule])
    def batch_only(ctx):
        return ()

    class Plugin:
        @socialnorms.hookimpl
        def register_checks(self, register):
            register(batch_only)

    pm = isolated_plugin_manager()
    with registered(pm, Plugin(), name="batch-plugin"):
        reviewer = Reviewer(brand().build(), checker=Checker(plugin_manager=pm))
    assert any("batch-only" in note and "no review" in note for note in reviewer.notes)


def test_a_draft_by_an_account_of_no_subject_is_noted_and_a_known_id_is_refused():
    reviewer = Reviewer(brand().post("twitter:brand", "hello", id="p").build(), checker=CHECKER)
    stranger = Action(
        kind="post", actor="twitter:nobody", at="2026-03-01T00:00:00Z", post=Post(id="twitter:x")
    )
    assert reviewer(stranger) == []
    assert any("twitter:nobody" in note for note in reviewer.notes)
    with pytest.raises(ValueError, match="'p' is already in the history"):
        reviewer(reviewer.timeline.action("p"))


def test_the_reviewer_reads_files_like_checker_read(tmp_path):
    path = tmp_path / "history.jsonl"
    path.write_text(brand().post("twitter:jo", "@brand hello?", id="q").jsonl())
    reviewer = Reviewer(path, checker=CHECKER)
    assert len(reviewer.timeline) == 1
    draft = Action(
        kind="post",
        actor="twitter:brand",
        at=reviewer.timeline.end + timedelta(days=1),
        post=Post(id="twitter:n", text="news"),
    )
    assert [n.code for n in reviewer(draft)] == ["SN501"]


def test_after_add_the_next_review_sees_the_added_action():
    builder = brand()
    for i in range(6):
        builder.post(f"twitter:fan{i}", f"thanks @brand {i}", id=f"praise{i}", after="1h")
    reviewer = Reviewer(builder.build(), checker=CHECKER)
    start = reviewer.timeline.end
    seen = []
    for i in range(6):
        draft = Action(
            kind="repost",
            actor="twitter:brand",
            at=start + timedelta(minutes=i + 1),
            target=f"praise{i}",
            id=f"r{i}",
        )
        seen.append("SN101" in codes(reviewer, draft))
        reviewer.add(draft)
    assert seen == [False] * 4 + [True] * 2  # min_shares is 5: the fifth repost makes a habit


# -- agreement with check ------------------------------------------------------------------------


@st.composite
def history_and_draft(draw):
    accounts, actions = draw(activity(max_actions=20))
    history = Timeline(accounts, actions)
    own = [a for a in accounts if a.subject]
    actor = draw(st.sampled_from(own))
    net = actor.network
    others = [a.id for a in accounts if a.network == net and a.id != actor.id]
    posts = [p for p in history.posts.values() if history.post_network(p) == net]
    kind = draw(st.sampled_from(list(ActionKind)))
    if (kind.targets_post and not posts) or (
        not kind.creates_post and not kind.targets_post and not others
    ):
        kind = ActionKind.POST
    at = (history.end or START) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 10)))
    fields: dict[str, object] = {"id": "draft"}
    if kind.creates_post:
        mentionable = [o.partition(":")[2] for o in others]
        fields["post"] = Post(id=f"{net}:draft", text=draw(texts(mentionable)))
        if kind is not ActionKind.POST:
            fields["target"] = draw(st.sampled_from(posts)).id
    elif kind.targets_post:
        fields["target"] = draw(st.sampled_from(posts)).id
    else:
        fields["target"] = draw(st.sampled_from(others))
        if kind in (ActionKind.INVITE, ActionKind.MESSAGE):
            fields["message"] = draw(st.one_of(st.just(""), texts()))
    return accounts, actions, Action(kind=kind, actor=actor.id, at=at, **fields)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history_and_draft())
def test_every_nudge_is_a_finding_of_check_on_the_history_plus_the_draft(case):
    accounts, actions, draft = case
    nudges = Reviewer(Timeline(accounts, actions), checker=CHECKER)(draft)
    found = CHECKER.check(Timeline(accounts, [*actions, draft])).findings
    for nudge in nudges:
        assert any(agrees(nudge, finding, HABITS) for finding in found), (nudge, found)


# -- threads ---------------------------------------------------------------------------------------


def test_reviews_in_threads_while_another_thread_adds_see_whole_adds():
    builder = brand()
    for i in range(40):
        builder.post(f"twitter:fan{i}", f"thanks @brand {i}", id=f"praise{i}", after="1h")
    reviewer = Reviewer(builder.build(), checker=CHECKER)
    start = reviewer.timeline.end
    draft = Action(
        kind="post",
        actor="twitter:brand",
        at=start + timedelta(days=1),
        id="draft",
        post=Post(id="twitter:draft", text="Spring news"),
    )
    errors: list[BaseException] = []
    results: list[tuple[int, tuple[str, ...]]] = []

    def review() -> None:
        try:
            for _ in range(30):
                (nudge,) = reviewer(draft)
                results.append((nudge.metrics["waiting"], nudge.evidence))
        except BaseException as exc:
            errors.append(exc)

    def add() -> None:
        try:
            for i in range(20):  # answer the mentions one by one
                reviewer.add(
                    Action(
                        kind="reply",
                        actor="twitter:brand",
                        at=start + timedelta(minutes=i + 1),
                        target=f"praise{i}",
                        post=Post(id=f"twitter:a{i}", text="thank you!"),
                        id=f"a{i}",
                    )
                )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=review) for _ in range(3)] + [threading.Thread(target=add)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for waiting, evidence in results:
        assert len(evidence) == waiting
        answered = 40 - waiting
        assert evidence == tuple(f"praise{i}" for i in range(answered, 40))  # answered oldest first
    assert reviewer(draft)[0].metrics["waiting"] == 20


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity(max_actions=20), st.data())
def test_any_action_of_the_timeline_reviewed_against_the_others_gives_sorted_findings(parts, data):
    """Drafts of every kind, by anyone, dated anywhere in the history (also before its
    newest action): the review never fails, and its findings are sorted, with the draft's
    time or an earlier one."""
    accounts, actions = parts
    if not actions:
        return
    draft = data.draw(st.sampled_from(actions), label="draft")
    history = [
        a
        for a in actions
        if a is not draft and (a.post is None or draft.post is None or a.post.id != draft.post.id)
    ]
    reviewer = Reviewer(Timeline(accounts, history), checker=CHECKER)
    nudges = reviewer(draft)
    assert nudges == sorted(nudges, key=socialnorms.Finding.sort_key)
    assert all(n.code != "SN000" for n in nudges), nudges
    assert all(n.at is not None and n.at <= draft.at for n in nudges)
    assert reviewer(draft) == nudges  # deterministic, and the review changes nothing
    assert len(reviewer.timeline) == len(history)
