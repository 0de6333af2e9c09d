"""The ActivityStreams 2.0 reader: the W3C test documents and hand-built collections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Checker
from socialnorms.io import InputError, ReadOptions
from socialnorms.io.activitystreams import READER, read_activitystreams

W3C = Path(__file__).parent.parent / "data" / "activitystreams2"
CONTEXT = "https://www.w3.org/ns/activitystreams"
SALLY, JOHN, LISA = (
    "https://social.example/users/sally",
    "https://other.example/@john",
    "acct:lisa@example.org",
)


def write(tmp_path: Path, document, name="outbox.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def collection(*items, **more):
    return {"@context": CONTEXT, "type": "OrderedCollection", "orderedItems": list(items), **more}


@pytest.mark.parametrize("path", sorted(W3C.glob("*.json")), ids=lambda p: p.name)
def test_every_w3c_document_is_read_and_what_is_left_out_is_stated(path):
    assert READER.detect(path)
    result = read_activitystreams(path, ReadOptions(timezone="UTC"))
    if not result.actions:
        assert result.coverage, "a document read into nothing must say why"


def test_w3c_like_and_note_with_times():
    (like,) = read_activitystreams(W3C / "core-ex19-jsonld.json", ReadOptions()).actions
    assert (like.kind.value, like.target) == ("like", "http://example.com/notes/1")
    (post,) = read_activitystreams(W3C / "core-ex4-jsonld.json", ReadOptions()).actions
    assert post.kind.value == "post" and post.post.text == "This is a note"


def test_create_reply_mentions_and_visibility(tmp_path):
    path = write(
        tmp_path,
        collection(
            {
                "id": "https://social.example/s/2/activity",
                "type": "Create",
                "actor": SALLY,
                "published": "2025-03-01T10:00:00Z",
                "object": {
                    "id": "https://social.example/s/2",
                    "type": "Note",
                    "attributedTo": SALLY,
                    "inReplyTo": "https://other.example/s/1",
                    "content": '<p><span class="h-card"><a href="https://other.example/@john" class="u-url mention">'
                    '@<span>john</span></a></span> thanks! <a href="https://shop.example/x">shop</a></p>',
                    "tag": [
                        {"type": "Mention", "href": JOHN, "name": "@john@other.example"},
                        {"type": "Hashtag", "name": "#Hiking"},
                    ],
                    "to": [f"{SALLY}/followers"],
                    "cc": ["https://www.w3.org/ns/activitystreams#Public", JOHN],
                },
            }
        ),
    )
    (reply,) = read_activitystreams(path, ReadOptions()).actions
    assert reply.kind.value == "reply" and reply.target == "https://other.example/s/1"
    assert reply.post.text == "@john thanks! shop"
    assert reply.post.mentions == ("fediverse:john@other.example",)
    assert reply.post.hashtags == ("Hiking",)
    assert reply.post.links == ("https://shop.example/x",)
    assert reply.post.extra["visibility"] == "unlisted"


def test_announce_follow_undo_invite_accept(tmp_path):
    invite = {
        "id": "urn:invite:1",
        "type": "Invite",
        "actor": SALLY,
        "published": "2025-03-01T09:00:00Z",
        "object": {"type": "Event", "name": "Trail cleanup"},
        "target": [JOHN, {"type": "Person", "id": LISA}],
        "content": "<p>John, you fixed the bridge last year, come along?</p>",
    }
    follow = {
        "id": "urn:follow:1",
        "type": "Follow",
        "actor": SALLY,
        "object": JOHN,
        "published": "2025-03-02T09:00:00Z",
    }
    path = write(
        tmp_path,
        collection(
            invite,
            follow,
            {
                "type": "Accept",
                "actor": JOHN,
                "object": "urn:invite:1",
                "published": "2025-03-01T12:00:00Z",
            },
            {"type": "Undo", "actor": SALLY, "object": follow, "published": "2025-03-05T09:00:00Z"},
            {
                "type": "Announce",
                "actor": SALLY,
                "published": "2025-03-03T09:00:00Z",
                "object": {
                    "id": "https://other.example/s/9",
                    "type": "Note",
                    "attributedTo": JOHN,
                    "content": "Nice kit",
                },
            },
            {"type": "Block", "actor": SALLY, "object": LISA, "published": "2025-03-04T09:00:00Z"},
        ),
    )
    result = read_activitystreams(path, ReadOptions())
    kinds = [(a.kind.value, a.target) for a in result.actions]
    assert kinds == [
        ("invite", "fediverse:john@other.example"),
        ("invite", "fediverse:lisa@example.org"),
        ("accept", "fediverse:sally@social.example"),
        ("follow", "fediverse:john@other.example"),
        ("repost", "https://other.example/s/9"),
        ("unfollow", "fediverse:john@other.example"),
    ]
    assert result.actions[0].message == "John, you fixed the bridge last year, come along?"
    assert result.actions[4].post.author == "fediverse:john@other.example"
    assert "1 Block activities" in str(result.coverage[0])


def test_the_collection_owner_is_the_subject(tmp_path):
    path = write(
        tmp_path,
        collection(
            {"type": "Follow", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00Z"},
            attributedTo=SALLY,
        ),
    )
    accounts = {
        a.id: a.subject for a in read_activitystreams(path, ReadOptions(owner="sally")).accounts
    }
    assert accounts == {
        "fediverse:sally@social.example": "sally",
        "fediverse:john@other.example": None,
    }


def test_a_time_without_zone_needs_the_timezone_option(tmp_path):
    path = write(
        tmp_path,
        collection(
            {"type": "Follow", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00"}
        ),
    )
    with pytest.raises(InputError, match=r"published: timestamp has no zone.*--timezone"):
        read_activitystreams(path, ReadOptions())
    (follow,) = read_activitystreams(path, ReadOptions(timezone="Europe/Paris")).actions
    assert follow.at.isoformat() == "2025-03-02T08:00:00+00:00"


def test_malformed_json_is_located(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"@context": "https://www.w3.org/ns/activitystreams",\n "type": }')
    with pytest.raises(InputError, match=r"bad\.json:2: invalid JSON"):
        read_activitystreams(path, ReadOptions())


def test_a_repeated_key_keeps_the_non_empty_list(tmp_path):
    path = tmp_path / "outbox.json"
    item = {"type": "Follow", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00Z"}
    path.write_text(
        '{"@context": "%s", "type": "OrderedCollection", "orderedItems": [], "orderedItems": [%s]}'
        % (CONTEXT, json.dumps(item))
    )
    assert len(read_activitystreams(path, ReadOptions()).actions) == 1


def test_the_checker_reads_it_and_reports_coverage(tmp_path):
    path = write(
        tmp_path,
        collection(
            {"type": "Follow", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00Z"},
            {"type": "Block", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00Z"},
        ),
    )
    report = Checker().check(path)
    assert report.actions == 1
    assert any(note.startswith("coverage: all: partial:") for note in report.notes)
    assert json.loads(report.to_json())["notes"] == list(report.notes)


def test_the_configured_timezone_is_used_when_none_is_given(tmp_path):
    from socialnorms import Config

    path = write(
        tmp_path,
        collection(
            {"type": "Follow", "actor": SALLY, "object": JOHN, "published": "2025-03-02T09:00:00"}
        ),
    )
    timeline, _ = Checker(config=Config(timezone="Asia/Tokyo")).read(path)
    assert timeline.actions[0].at.isoformat() == "2025-03-02T00:00:00+00:00"
    with pytest.raises(ValueError, match="unknown time zone 'Atlantis'"):
        Config(timezone="Atlantis")


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.sampled_from(
        [
            "Create",
            "Note",
            "Follow",
            "Undo",
            "Invite",
            "Accept",
            "Announce",
            "Like",
            "2025-03-01T10:00:00Z",
            SALLY,
            JOHN,
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "actor",
                    "object",
                    "target",
                    "published",
                    "id",
                    "content",
                    "tag",
                    "inReplyTo",
                    "to",
                    "cc",
                    "attributedTo",
                    "href",
                    "name",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(_JSON, max_size=4))
def test_any_json_is_read_or_refused_with_a_located_error(tmp_path, items):
    path = write(tmp_path, collection(*items))
    for tolerant in (False, True):
        try:
            read_activitystreams(path, ReadOptions(tolerant=tolerant))
        except InputError as error:
            assert not tolerant, f"tolerant reading raised {error}"
            assert str(error).startswith(str(path))


def test_an_activity_of_an_unhandled_type_is_counted_not_misread(tmp_path):
    path = write(
        tmp_path,
        collection(
            {"type": "Object", "actor": SALLY, "published": "2025-03-02T09:00:00Z"},
            {"type": "Move", "actor": SALLY, "object": SALLY, "published": "2025-03-02T09:00:00Z"},
        ),
    )
    result = read_activitystreams(path, ReadOptions())
    assert not result.actions and not result.skipped
    assert "1 Move activities; 1 Object activities" in result.coverage[0].reason
