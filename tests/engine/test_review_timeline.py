"""Timeline.append and extend: a Timeline grown action by action answers every query
as one built from scratch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Account, Action, ActionKind, Post, Timeline
from socialnorms.testing.strategies import activity


def answers(timeline: Timeline) -> dict[str, object]:
    """Everything the Timeline answers, for comparison."""
    ids = (
        set(timeline.accounts)
        | {a.actor for a in timeline}
        | {a.target for a in timeline if a.target}
    )
    found: dict[str, object] = {
        "actions": timeline.actions,
        "iter": tuple(timeline),
        "len": len(timeline),
        "start": timeline.start,
        "end": timeline.end,
        "posts": dict(timeline.posts),
        "subjects": timeline.subjects,
    }
    for account_id in sorted(ids):
        found[f"by_actor {account_id}"] = timeline.by_actor(account_id)
        found[f"mentions_of {account_id}"] = timeline.mentions_of(account_id)
        for kind in ActionKind:
            found[f"by_actor {account_id} {kind}"] = timeline.by_actor(account_id, kind)
            found[f"aimed_at {account_id} {kind}"] = timeline.aimed_at(account_id, kind)
        for other in sorted(ids):
            found[f"between {account_id} {other}"] = timeline.between(account_id, other)
            found[f"follows {account_id} {other}"] = timeline.follows(account_id, other)
    for kind in ActionKind:
        found[f"by_kind {kind}"] = timeline.by_kind(kind)
    for action in timeline:
        found[f"action {action.id}"] = timeline.action(action.id)
    for post_id, post in timeline.posts.items():
        found[f"post_action {post_id}"] = timeline.post_action(post_id)
        found[f"text {post_id}"] = timeline.text(post)
        found[f"replies_to {post_id}"] = timeline.replies_to(post_id)
    return found


@given(activity(max_actions=25), st.data())
def test_a_timeline_grown_by_appends_answers_as_one_built_at_once(parts, data):
    accounts, actions = parts
    order = data.draw(st.permutations(actions), label="order of arrival")
    cut = data.draw(st.integers(0, len(order)), label="built with")
    grown = Timeline(accounts, order[:cut])
    before = grown.actions
    asked = data.draw(st.booleans(), label="query between appends")
    for action in order[cut:]:
        grown.append(action)
        if asked:
            grown.by_actor(
                action.actor, action.kind
            )  # fills the lazy split, which append must keep right
            if action.post is not None:
                grown.text(action.post.id)
    assert answers(grown) == answers(Timeline(accounts, actions))
    assert before == tuple(
        sorted(order[:cut], key=lambda a: (a.at, a.id))
    )  # a tuple once given never changes


def _at(hour: int) -> datetime:
    return datetime(2026, 3, 1, hour, tzinfo=UTC)


def test_an_older_action_is_inserted_at_its_place():
    timeline = Timeline(
        [],
        [Action(kind="post", actor="twitter:a", at=_at(10), id="late", post=Post(id="twitter:p2"))],
    )
    timeline.append(
        Action(kind="post", actor="twitter:a", at=_at(9), id="early", post=Post(id="twitter:p1"))
    )
    assert [a.id for a in timeline.actions] == ["early", "late"]
    assert [a.id for a in timeline.by_actor("twitter:a", "post")] == ["early", "late"]
    assert timeline.start == _at(9) and timeline.end == _at(10)


def test_a_creator_arriving_after_a_repost_of_its_post_indexes_its_mentions():
    accounts = [Account(id="twitter:jo", network="twitter", handle="@jo")]
    shared = Post(id="twitter:p1", author="twitter:fan", text="")
    timeline = Timeline(
        accounts, [Action(kind="repost", actor="twitter:x", at=_at(11), id="r", post=shared)]
    )
    creator = Action(
        kind="post",
        actor="twitter:fan",
        at=_at(10),
        id="c",
        post=Post(id="twitter:p1", text="hi @jo"),
    )
    timeline.append(creator)
    assert timeline.mentions_of("twitter:jo") == (creator,)
    assert timeline.post_action("twitter:p1") == creator
    assert timeline.text("twitter:p1").mentions == ("twitter:jo",)


def test_a_refused_append_changes_nothing():
    first = Action(
        kind="post", actor="twitter:a", at=_at(9), id="a1", post=Post(id="twitter:p1", text="one")
    )
    timeline = Timeline([], [first])
    with pytest.raises(ValueError, match="a1"):
        timeline.append(
            Action(kind="follow", actor="twitter:a", at=_at(10), id="a1", target="twitter:b")
        )
    with pytest.raises(ValueError, match=r"post\.text"):
        timeline.append(
            Action(
                kind="post",
                actor="twitter:a",
                at=_at(10),
                id="a2",
                post=Post(id="twitter:p1", text="two"),
            )
        )
    assert timeline.actions == (first,)
    assert timeline.by_actor("twitter:a") == (first,)
    assert timeline.by_kind("follow") == ()


def test_extend_appends_each_action():
    timeline = Timeline()
    follows = [
        Action(kind="follow", actor="twitter:a", at=_at(h), target="twitter:b") for h in (12, 9, 10)
    ]
    timeline.extend(follows)
    assert [a.at.hour for a in timeline.between("twitter:a", "twitter:b")] == [9, 10, 12]
