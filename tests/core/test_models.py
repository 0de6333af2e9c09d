"""Models: validation with messages naming the field, defaults, stable derived ids."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import attrs
import pytest
from hypothesis import given

from socialnorms import Account, Action, ActionKind, Media, Post
from socialnorms.core.models import parse_timestamp

AT = "2026-03-01T10:00:00Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01T10:00:00Z", datetime(2026, 3, 1, 10, tzinfo=UTC)),
        ("2026-03-01T11:30:00+01:30", datetime(2026, 3, 1, 10, tzinfo=UTC)),
        ("2026-03-01t10:00:00z", datetime(2026, 3, 1, 10, tzinfo=UTC)),
        ("2026-03-01T10:00:00.250Z", datetime(2026, 3, 1, 10, 0, 0, 250000, tzinfo=UTC)),
    ],
)
def test_timestamps_with_an_offset_become_utc(text, expected):
    parsed = parse_timestamp(text)
    assert parsed == expected and parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026-03-01T10:00:00", "has no UTC offset"),
        ("2026-03-01", "no time of day"),
        ("yesterday", "not an RFC 3339 timestamp"),
        (datetime(2026, 3, 1, 10), "has no UTC offset"),
        (1772359200, "expected a timestamp string"),
    ],
)
def test_bad_timestamps_name_the_field(value, problem):
    with pytest.raises((ValueError, TypeError), match=f"^action.at: .*{problem}"):
        Action(kind="follow", actor="twitter:a", at=value, target="twitter:b")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "poke"}, r"action\.kind: unknown kind 'poke'; expected one of post, reply"),
        (
            {"kind": "reply", "post": Post(id="p")},
            r"action\.target: a reply needs target or post\.in_reply_to",
        ),
        (
            {"kind": "quote", "post": Post(id="p")},
            r"action\.target: a quote needs target or post\.quotes",
        ),
        ({"kind": "post"}, r"action\.post: required for a post"),
        ({"kind": "repost"}, r"action\.target: a repost needs the id of the post"),
        (
            {"kind": "like", "target": "p", "post": Post(id="q")},
            r"action\.post\.id: 'q' differs from target 'p'",
        ),
        ({"kind": "follow"}, r"action\.target: a follow needs the id of the account"),
        (
            {"kind": "follow", "target": "twitter:b", "post": Post(id="p")},
            r"action\.post: a follow carries no post",
        ),
        (
            {"kind": "follow", "target": "twitter:b", "message": "hi"},
            r"action\.message: only an invite or a message",
        ),
        (
            {"kind": "reply", "target": "p", "post": Post(id="r", in_reply_to="q")},
            r"action\.post\.in_reply_to: 'q' differs from target 'p'",
        ),
        (
            {"kind": "quote", "target": "p", "post": Post(id="r", quotes="q")},
            r"action\.post\.quotes: 'q' differs from target 'p'",
        ),
        (
            {"kind": "follow", "target": "twitter:b", "actor": ""},
            r"action\.actor: must not be empty",
        ),
        ({"kind": "follow", "target": 7}, r"action\.target: expected a string, got int"),
    ],
)
def test_inconsistent_actions_are_refused_with_the_field_named(fields, message):
    with pytest.raises((ValueError, TypeError), match=message):
        Action(**{"actor": "twitter:a", "at": AT, **fields})


def test_reply_and_quote_fill_in_their_links_and_created_posts_their_author():
    reply = Action(kind="reply", actor="twitter:a", at=AT, target="p", post=Post(id="r"))
    assert reply.post.in_reply_to == "p"
    assert (reply.post.author, reply.post.created) == ("twitter:a", reply.at)
    from_post = Action(kind="reply", actor="twitter:a", at=AT, post=Post(id="r", in_reply_to="p"))
    assert from_post.target == "p"
    quote = Action(kind="quote", actor="twitter:a", at=AT, post=Post(id="r", quotes="p"))
    assert quote.target == "p"
    like = Action(kind="like", actor="twitter:a", at=AT, post=Post(id="p", author="twitter:b"))
    assert like.target == "p" and like.post.author == "twitter:b" and like.post.created is None
    assert (
        Action(kind="follow", actor="mastodon:a", at=AT, target="mastodon:b").network == "mastodon"
    )


def test_account_and_post_validation_names_the_field():
    with pytest.raises(ValueError, match=r"account\.followers: must be 0 or more"):
        Account(id="twitter:a", network="twitter", followers=-1)
    with pytest.raises(TypeError, match=r"account\.verified: expected true or false"):
        Account(id="twitter:a", network="twitter", verified="yes")
    with pytest.raises(TypeError, match=r"account\.tags: expected a list of strings"):
        Account(id="twitter:a", network="twitter", tags="customer")
    with pytest.raises(TypeError, match=r"post\.mentions: expected a list of strings"):
        Post(id="p", mentions=[1])
    with pytest.raises(ValueError, match=r"media\.type: required"):
        Post(id="p", media=[{"alt": "a dog"}])
    assert Post(id="p", media=[{"type": "image", "alt": "a dog", "width": 3}]).media == (
        Media(type="image", alt="a dog", extra={"width": 3}),
    )
    assert Account(id="twitter:a", network="twitter", tags=["Customer"]).has_tag("customer")


def test_merge_fills_gaps_and_refuses_conflicts():
    short = Post(id="p", author="twitter:a")
    full = Post(id="p", text="hello", links=["https://example.com"])
    assert short.merge(full) == Post(
        id="p", author="twitter:a", text="hello", links=["https://example.com"]
    )
    assert full.merge(full) is full
    with pytest.raises(
        ValueError, match=r"post\.text: post id 'p' is reused with different content"
    ):
        full.merge(Post(id="p", text="bye"))
    with pytest.raises(ValueError, match=r"post\.id: cannot merge"):
        full.merge(Post(id="q"))


def test_values_are_frozen_and_hashable():
    action = Action(kind="follow", actor="twitter:a", at=AT, target="twitter:b", extra={"x": [1]})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        action.actor = "twitter:c"
    assert hash(action) == hash(attrs.evolve(action))
    assert (
        ActionKind.POST.creates_post
        and ActionKind.LIKE.targets_post
        and str(ActionKind.LIKE) == "like"
    )


def test_an_action_without_id_gets_one_derived_from_its_content():
    first = Action(kind="post", actor="twitter:a", at=AT, post=Post(id="p", text="hi"))
    again = Action(kind="post", actor="twitter:a", at=AT, post=Post(id="p", text="hi"))
    assert first.id == again.id and first.id.startswith("h:")
    assert (
        Action(kind="post", actor="twitter:a", at=AT, post=Post(id="p", text="ho")).id != first.id
    )
    later = Action(
        kind="post",
        actor="twitter:a",
        at=parse_timestamp(AT) + timedelta(seconds=1),
        post=Post(id="p"),
    )
    assert later.id != first.id
    assert Action(kind="post", actor="twitter:a", at=AT, id="mine", post=Post(id="p")).id == "mine"


CHILD = """
from socialnorms import Action, Post
print(Action(kind="reply", actor="twitter:a", at="2026-03-01T11:00:00+01:00", target="p",
             post=Post(id="r", text="d\\u00e9j\\u00e0 vu"), via="web").id)
"""


def test_derived_ids_are_the_same_in_every_process():
    runs = {
        subprocess.run(
            [sys.executable, "-c", CHILD],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout.strip()
        for seed in ("1", "2", "random")
    }
    here = Action(
        kind="reply",
        actor="twitter:a",
        at="2026-03-01T10:00:00Z",
        target="p",
        post=Post(id="r", text="déjà vu"),
        via="web",
    ).id
    assert runs == {here}


@given(...)
def test_any_action_survives_evolve_unchanged(action: Action):
    assert attrs.evolve(action) == action
    assert Action(**{f.name: getattr(action, f.name) for f in attrs.fields(Action)}) == action
