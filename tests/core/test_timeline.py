"""The Timeline's indexes agree with a brute-force scan, whatever the input order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Account, Action, ActionKind, Post, Timeline
from socialnorms.core.text import GenericSyntax, normalize_handle
from socialnorms.testing import TimelineBuilder
from socialnorms.testing.strategies import activity

ACCOUNT_KINDS = {
    ActionKind.FOLLOW,
    ActionKind.UNFOLLOW,
    ActionKind.INVITE,
    ActionKind.ACCEPT,
    ActionKind.MESSAGE,
}


def brute_mentions(timeline: Timeline, post: Post, network: str) -> tuple[str, ...]:
    """Mentions resolved by looking at every account (the strategy writes ``@handle``)."""
    found = []
    for handle in GenericSyntax().mentions(post.text):
        key = normalize_handle(handle)
        match = [
            a.id
            for a in timeline.accounts.values()
            if a.network == network
            and key in {normalize_handle(a.handle or ""), a.id.partition(":")[2]}
        ]
        found.append(match[0] if match else f"{network}:{key}")
    return tuple(dict.fromkeys(found))


@given(activity(max_actions=30), st.randoms(use_true_random=False))
def test_every_query_agrees_with_a_scan(parts, rnd):
    accounts, actions = parts
    shuffled_accounts, shuffled_actions = list(accounts), list(actions)
    rnd.shuffle(shuffled_accounts)
    rnd.shuffle(shuffled_actions)
    timeline = Timeline(shuffled_accounts, shuffled_actions)
    ordered = sorted(actions, key=lambda a: (a.at, a.id))

    assert timeline.actions == tuple(ordered) == tuple(timeline)
    assert len(timeline) == len(actions)
    assert timeline.start == (ordered[0].at if ordered else None)
    assert timeline.end == (ordered[-1].at if ordered else None)
    assert dict(timeline.accounts) == {a.id: a for a in accounts}
    assert timeline.subjects == tuple(sorted({a.subject for a in accounts if a.subject}))

    ids = {a.id for a in accounts} | {a.actor for a in actions} | {"nowhere:nobody"}
    for account_id in ids:
        record = next((a for a in accounts if a.id == account_id), None)
        assert timeline.account(account_id) == record
        assert timeline.network_of(account_id) == (
            record.network if record else account_id.partition(":")[0]
        )
        assert timeline.subject_of(account_id) == (record.subject if record else None)
        assert timeline.by_actor(account_id) == tuple(a for a in ordered if a.actor == account_id)
        for kind in ActionKind:
            assert timeline.by_actor(account_id, kind) == tuple(
                a for a in ordered if a.actor == account_id and a.kind is kind
            )
        for kind in ACCOUNT_KINDS:
            assert timeline.aimed_at(account_id, kind) == tuple(
                a for a in ordered if a.kind is kind and a.target == account_id
            )
        assert timeline.followers_of(account_id) == tuple(
            a for a in ordered if a.kind is ActionKind.FOLLOW and a.target == account_id
        )
        mentioning = tuple(
            a
            for a in ordered
            if a.kind.creates_post and account_id in timeline.text(a.post).mentions
        )
        assert timeline.mentions_of(account_id) == mentioning
        for other in ids:
            assert timeline.between(account_id, other) == tuple(
                a
                for a in ordered
                if a.actor == account_id and a.target == other and a.kind in ACCOUNT_KINDS
            )
            states = [
                a.kind is ActionKind.FOLLOW
                for a in ordered
                if a.actor == account_id
                and a.target == other
                and a.kind in (ActionKind.FOLLOW, ActionKind.UNFOLLOW)
            ]
            assert timeline.follows(account_id, other) == (states[-1] if states else False)

    for action in ordered:  # post ids as targets too
        if action.target is not None:
            assert timeline.between(action.actor, action.target) == tuple(
                a
                for a in ordered
                if a.actor == action.actor and a.target == action.target and a.kind in ACCOUNT_KINDS
            )

    for subject in (*timeline.subjects, "nobody"):
        assert timeline.accounts_of(subject) == tuple(
            sorted((a for a in accounts if a.subject == subject), key=lambda a: a.id)
        )

    for kind in ActionKind:
        assert timeline.by_kind(kind) == tuple(a for a in ordered if a.kind is kind)
        assert timeline.by_kind(kind.value) == timeline.by_kind(kind)

    for action in ordered:
        assert timeline.action(action.id) == action
    assert timeline.action("nowhere:a0") is None
    assert timeline.post("nowhere:p0") is None

    embedded = {a.post.id for a in actions if a.post is not None}
    assert set(timeline.posts) == embedded
    for post_id in embedded | {"nowhere:p0"}:
        creators = [a for a in ordered if a.kind.creates_post and a.post.id == post_id]
        assert timeline.post_action(post_id) == (creators[0] if creators else None)
        assert timeline.replies_to(post_id) == tuple(
            a for a in ordered if a.kind is ActionKind.REPLY and a.target == post_id
        )
        for kind in ActionKind:
            assert timeline.aimed_at(post_id, kind) == tuple(
                a for a in ordered if a.kind is kind and a.target == post_id
            )
    for post_id, post in timeline.posts.items():
        copies = [a.post for a in ordered if a.post is not None and a.post.id == post_id]
        merged = copies[0]
        for copy in copies[1:]:
            merged = merged.merge(copy)
        assert timeline.post(post_id) == post == merged
        network = timeline.post_network(post)
        assert network == (post.network or timeline.network_of(post.author))
        assert timeline.text(post).mentions == brute_mentions(timeline, post, network)
        assert timeline.text(post_id) == timeline.text(post)


@given(activity(max_actions=20), st.randoms(use_true_random=False))
def test_follows_at_a_moment_agrees_with_a_scan(parts, rnd):
    accounts, actions = parts
    timeline = Timeline(accounts, actions)
    pairs = {
        (a.actor, a.target) for a in actions if a.kind in (ActionKind.FOLLOW, ActionKind.UNFOLLOW)
    }
    for actor, target in pairs:
        for action in timeline.actions:
            moment = action.at + timedelta(seconds=rnd.choice((-1, 0, 1)))
            states = [
                a.kind is ActionKind.FOLLOW
                for a in timeline.actions
                if a.actor == actor
                and a.target == target
                and a.at <= moment
                and a.kind in (ActionKind.FOLLOW, ActionKind.UNFOLLOW)
            ]
            assert timeline.follows(actor, target, at=moment) == (states[-1] if states else False)


def test_ties_in_time_are_broken_by_id():
    at = "2026-03-01T10:00:00Z"
    actions = [
        Action(kind="follow", actor="twitter:a", at=at, target=f"twitter:{n}", id=f"x{n}")
        for n in (3, 1, 2)
    ]
    assert [a.id for a in Timeline((), actions).actions] == ["x1", "x2", "x3"]


def test_a_post_embedded_in_several_actions_is_one_post():
    timeline = (
        TimelineBuilder()
        .post("twitter:jane", "Trail report", id="p1", links=["https://example.com/r"])
        .repost("twitter:acme", "p1", author="twitter:jane")
        .like("twitter:bob", "p1", text="Trail report")
        .build()
    )
    assert list(timeline.posts) == ["p1"]
    post = timeline.post("p1")
    assert post.author == "twitter:jane" and post.links == ("https://example.com/r",)
    assert timeline.post_action("p1").kind is ActionKind.POST
    assert [a.kind for a in timeline.aimed_at("p1", "repost")] == [ActionKind.REPOST]


def test_mentions_resolve_handles_to_account_ids_per_network():
    timeline = (
        TimelineBuilder()
        .account("twitter:acme", handle="@AcmeTrail")
        .account("mastodon:acme", handle="acme@outdoors.social")
        .post("twitter:jane", "Thanks @acmetrail and @stranger!", id="t1")
        .post("mastodon:jane", "Thanks @acme@outdoors.social", id="m1")
        .post("twitter:bob", "explicit", id="t2", mentions=["twitter:acme"])
        .build()
    )
    assert timeline.text("t1").mentions == ("twitter:acme", "twitter:stranger")
    assert timeline.text("m1").mentions == ("mastodon:acme",)
    assert [a.id for a in timeline.mentions_of("twitter:acme")] == ["t1", "t2"]
    assert timeline.text("t1").hashtags == () and timeline.text("t2").links == ()


def test_explicit_mentions_may_be_account_ids_without_a_record():
    timeline = (
        TimelineBuilder()
        .post("twitter:jane", "hi", id="p", mentions=["twitter:bob", "@Carol"])
        .build()
    )
    assert timeline.text("p").mentions == ("twitter:bob", "twitter:carol")
    assert [a.id for a in timeline.mentions_of("twitter:bob")] == ["p"]


def test_syntax_per_network_is_used_for_parsing():
    class NoMentions(GenericSyntax):
        def mentions(self, text):
            return ()

    builder = TimelineBuilder().account("twitter:acme").post("twitter:jane", "hi @acme", id="p")
    assert builder.build().text("p").mentions == ("twitter:acme",)
    assert builder.build(syntax={"twitter": NoMentions()}).text("p").mentions == ()
    assert builder.build(syntax=lambda network: None).text("p").mentions == ("twitter:acme",)


def test_conflicting_input_is_refused_with_the_field_named():
    account = Account(id="twitter:a", network="twitter")
    with pytest.raises(ValueError, match=r"account\.id: 'twitter:a' is given twice"):
        Timeline([account, Account(id="twitter:a", network="twitter", subject="acme")])
    assert len(Timeline([account, account]).accounts) == 1
    same_id = [
        Action(kind="follow", actor="twitter:a", at="2026-03-01T10:00Z", target=t, id="x")
        for t in "bc"
    ]
    with pytest.raises(ValueError, match=r"action\.id: 'x' is used by two actions"):
        Timeline((), same_id)
    reused = [
        Action(
            kind="post", actor="twitter:a", at="2026-03-01T10:00Z", post=Post(id="p", text="one")
        ),
        Action(
            kind="post", actor="twitter:a", at="2026-03-01T11:00Z", post=Post(id="p", text="two")
        ),
    ]
    with pytest.raises(ValueError, match=r"post\.text: post id 'p' is reused"):
        Timeline((), reused)


def test_the_post_action_is_the_first_that_created_the_post():
    post = Post(id="p", text="same words", created="2026-03-01T09:00Z")  # e.g. exported twice
    timeline = Timeline(
        (),
        [
            Action(kind="post", actor="twitter:a", at="2026-03-01T11:00Z", post=post, id="second"),
            Action(kind="post", actor="twitter:a", at="2026-03-01T10:00Z", post=post, id="first"),
        ],
    )
    assert timeline.post_action("p").id == "first"


def test_start_and_end_of_one_action():
    timeline = TimelineBuilder().follow("twitter:a", "twitter:b", at="2026-03-01T10:00Z").build()
    assert timeline.start == timeline.end == timeline.actions[0].at


def test_unknown_queries_return_empty_values():
    timeline = Timeline()
    assert (timeline.start, timeline.end, timeline.subjects, len(timeline)) == (None, None, (), 0)
    assert timeline.by_actor("x") == timeline.by_kind("post") == timeline.mentions_of("x") == ()
    assert timeline.follows("a", "b") is False
    assert "0 actions" in repr(timeline)
