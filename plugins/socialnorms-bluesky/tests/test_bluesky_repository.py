"""The Bluesky repository reader on CAR files built like real exports."""

from __future__ import annotations

import hashlib

import cbor2
import pytest

from socialnorms import Checker
from socialnorms.io import DataCoverage, InputError, ReadOptions
from socialnorms_bluesky.repository import READER, read_bluesky_repository

# -- writing CAR v1 repository exports, as a PDS writes them --------------------------------
DAG_CBOR, SHA256 = 0x71, 0x12


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def cid_of(block: bytes) -> bytes:
    return bytes([1, DAG_CBOR, SHA256, 32]) + hashlib.sha256(block).digest()


def link(cid: bytes) -> cbor2.CBORTag:
    return cbor2.CBORTag(42, b"\0" + cid)


def car(did: str, records: dict[str, dict]) -> bytes:
    """A CAR file holding ``records`` (path -> record) under one tree node and a commit."""
    blocks: list[tuple[bytes, bytes]] = []

    def add(value) -> bytes:
        block = cbor2.dumps(value, canonical=True)
        cid = cid_of(block)
        blocks.append((cid, block))
        return cid

    entries, previous = [], b""
    for path in sorted(records):
        key = path.encode()
        shared = next(
            (i for i, (a, b) in enumerate(zip(previous, key, strict=False)) if a != b),
            min(len(previous), len(key)),
        )
        entries.append({"p": shared, "k": key[shared:], "v": link(add(records[path])), "t": None})
        previous = key
    root = add({"l": None, "e": entries})
    commit = add(
        {"did": did, "version": 3, "data": link(root), "rev": "3l", "prev": None, "sig": b"sig"}
    )
    header = cbor2.dumps({"roots": [link(commit)], "version": 1}, canonical=True)
    out = varint(len(header)) + header
    for cid, block in reversed(blocks):
        out += varint(len(cid) + len(block)) + cid + block
    return out


ME, PRIYA, SAM = "did:plc:acmetrail", "did:plc:priya", "did:plc:sam"
POST = "app.bsky.feed.post"


def mention(text: str, shown: str, did: str) -> dict:
    start = text.encode().index(shown.encode())
    return {
        "index": {"byteStart": start, "byteEnd": start + len(shown.encode())},
        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}],
    }


TEXT = "Café talk with @priya.bsky.social about #hiking"
RECORDS = {
    "app.bsky.actor.profile/self": {
        "$type": "app.bsky.actor.profile",
        "displayName": "Acme Trail Co.",
    },
    f"{POST}/3k1": {
        "$type": POST,
        "text": TEXT,
        "createdAt": "2025-03-01T10:00:00.123456789Z",
        "langs": ["en"],
        "facets": [
            mention(TEXT, "@priya.bsky.social", PRIYA),
            {
                "index": {"byteStart": len(TEXT.encode()) - 7, "byteEnd": len(TEXT.encode())},
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "hiking"}],
            },
        ],
    },
    f"{POST}/3k2": {
        "$type": POST,
        "text": "thanks!",
        "createdAt": "2025-03-01T11:00:00Z",
        "reply": {
            "root": {"uri": f"at://{PRIYA}/{POST}/9", "cid": "bafy"},
            "parent": {"uri": f"at://{PRIYA}/{POST}/9", "cid": "bafy"},
        },
    },
    f"{POST}/3k3": {
        "$type": POST,
        "text": "worth a read",
        "createdAt": "2025-03-01T12:00:00Z",
        "embed": {
            "$type": "app.bsky.embed.record",
            "record": {"uri": f"at://{SAM}/{POST}/4", "cid": "bafy"},
        },
    },
    "app.bsky.feed.repost/3r1": {
        "$type": "app.bsky.feed.repost",
        "createdAt": "2025-03-01T13:00:00Z",
        "subject": {"uri": f"at://{PRIYA}/{POST}/10", "cid": "bafy"},
    },
    "app.bsky.feed.like/3l1": {
        "$type": "app.bsky.feed.like",
        "createdAt": "2025-03-01T14:00:00Z",
        "subject": {"uri": f"at://{SAM}/{POST}/5", "cid": "bafy"},
    },
    "app.bsky.graph.follow/3f1": {
        "$type": "app.bsky.graph.follow",
        "createdAt": "2025-03-01T15:00:00Z",
        "subject": SAM,
    },
    "app.bsky.graph.block/3b1": {
        "$type": "app.bsky.graph.block",
        "createdAt": "2025-03-01T15:00:00Z",
        "subject": "did:plc:spam",
    },
}


@pytest.fixture
def repo(tmp_path):
    path = tmp_path / "repo.car"
    path.write_bytes(car(ME, RECORDS))
    return path


def test_records_become_actions_with_their_own_times(repo):
    assert READER.detect(repo)
    result = read_bluesky_repository(repo, ReadOptions())
    assert [(a.kind.value, a.at.hour) for a in result.actions] == [
        ("post", 10),
        ("reply", 11),
        ("quote", 12),
        ("repost", 13),
        ("like", 14),
        ("follow", 15),
    ]
    post, reply, quote, repost, _like, follow = result.actions
    assert post.id == f"at://{ME}/{POST}/3k1"
    assert reply.target == f"at://{PRIYA}/{POST}/9"
    assert quote.post.quotes == f"at://{SAM}/{POST}/4"
    assert repost.post.author == f"bluesky:{PRIYA}"
    assert follow.target == f"bluesky:{SAM}"


def test_mention_facets_are_utf8_byte_ranges(repo):
    post = read_bluesky_repository(repo, ReadOptions()).actions[0].post
    assert post.mentions == (f"bluesky:{PRIYA}",)
    assert post.hashtags == ("hiking",)
    accounts = {a.id: a for a in read_bluesky_repository(repo, ReadOptions()).accounts}
    assert accounts[f"bluesky:{PRIYA}"].handle == "priya.bsky.social"


def test_the_owner_is_the_subject(repo):
    owner = {a.id: a for a in read_bluesky_repository(repo, ReadOptions(owner="acme")).accounts}[
        f"bluesky:{ME}"
    ]
    assert (owner.subject, owner.name) == ("acme", "Acme Trail Co.")


def test_coverage_and_left_out_records(repo):
    result = read_bluesky_repository(repo, ReadOptions())
    held = {c.data: (c.level, c.reason) for c in result.coverage if isinstance(c, DataCoverage)}
    assert held["mentions-received"][0] == "none"
    assert held["blocks"] == ("none", "records not read: 1 app.bsky.graph.block")
    assert "follows" not in held  # dated follows are all there


def test_the_notes_say_what_the_repository_cannot_show(repo):
    result = read_bluesky_repository(repo, ReadOptions())
    assert Checker().coverage_notes(result.coverage) == [
        "coverage: crosspost-with-consideration: partial: only the Bluesky side of a cross-post "
        "is here; read the other networks' exports along with it",
        "coverage: no-autofollow: partial: followers are records in their own repositories: "
        "follow-backs cannot be told from first follows",
        "coverage: personalize-invitations: none: Bluesky has no invitations",
        "coverage: respond-to-mentions: none: a repository holds the account's own records, not "
        "the posts that mention it",
        "coverage: retweet-carefully: partial: reposts name the shared post by link; its text is "
        "in its author's repository, not here",
    ]


def test_a_facet_outside_the_text_is_located(tmp_path):
    bad = {
        f"{POST}/3k9": {
            "$type": POST,
            "text": "hi",
            "createdAt": "2025-03-01T10:00:00Z",
            "facets": [{"index": {"byteStart": 0, "byteEnd": 40}, "features": []}],
        }
    }
    path = tmp_path / "repo.car"
    path.write_bytes(car(ME, bad))
    with pytest.raises(
        InputError, match=r"repo\.car!app\.bsky\.feed\.post/3k9: facets\[0\]\.index: byte range"
    ):
        read_bluesky_repository(path, ReadOptions())
    assert len(read_bluesky_repository(path, ReadOptions(tolerant=True)).skipped) == 1


def test_a_truncated_file_is_a_clear_error(tmp_path, repo):
    cut = tmp_path / "cut.car"
    cut.write_bytes(repo.read_bytes()[:-20])
    with pytest.raises(
        InputError, match=r"cut\.car: not a readable repository export: file ends inside a block"
    ):
        read_bluesky_repository(cut, ReadOptions())


def test_check_detects_the_repository_and_a_conversion_checks_the_same(tmp_path, repo):
    from click.testing import CliRunner

    from socialnorms import Checker
    from socialnorms.cli import main

    report = Checker().check(repo)
    assert report.actions == 6
    converted = tmp_path / "acme.jsonl"
    assert CliRunner().invoke(main, ["convert", str(repo), "-o", str(converted)]).exit_code == 0
    again = Checker().check(converted)
    assert (again.findings, again.notes, again.actions) == (
        report.findings,
        report.notes,
        report.actions,
    )
