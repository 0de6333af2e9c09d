"""The Mastodon archive reader on hand-built archives following the real export's shape."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from socialnorms.io import InputError, ReadOptions
from socialnorms_mastodon.archive import READER, read_mastodon_archive

ME = "https://outdoors.social/users/acmetrail"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"

ACTOR = {
    "@context": ["https://www.w3.org/ns/activitystreams"],
    "id": ME,
    "type": "Person",
    "preferredUsername": "acmetrail",
    "name": "Acme Trail Co.",
    "summary": "<p>Outdoor gear that lasts.</p>",
    "url": "https://outdoors.social/@acmetrail",
    "published": "2022-11-01T00:00:00Z",
    "outbox": "outbox.json",
    "likes": "likes.json",
}


def note(
    number,
    content,
    *,
    reply_to=None,
    tags=(),
    to=(PUBLIC,),
    cc=(f"{ME}/followers",),
    at="2025-03-01T10:00:00Z",
):
    status = f"{ME}/statuses/{number}"
    return {
        "id": f"{status}/activity",
        "type": "Create",
        "actor": ME,
        "published": at,
        "to": list(to),
        "cc": list(cc),
        "object": {
            "id": status,
            "type": "Note",
            "summary": None,
            "inReplyTo": reply_to,
            "published": at,
            "url": f"https://outdoors.social/@acmetrail/{number}",
            "attributedTo": ME,
            "to": list(to),
            "cc": list(cc),
            "sensitive": False,
            "content": content,
            "attachment": [
                {
                    "type": "Document",
                    "mediaType": "image/jpeg",
                    "url": "media_attachments/x.jpg",
                    "name": "A tent at dawn",
                }
            ]
            if number == 1
            else [],
            "tag": list(tags),
        },
    }


ITEMS = [
    note(1, "<p>Dawn at the ridge &amp; a new tent</p>"),
    note(
        2,
        '<p><span class="h-card"><a href="https://hike.example/@priya" class="u-url mention">@<span>priya'
        "</span></a></span> thanks for the kind words!</p>",
        reply_to="https://hike.example/users/priya/statuses/9",
        tags=[
            {
                "type": "Mention",
                "href": "https://hike.example/users/priya",
                "name": "@priya@hike.example",
            }
        ],
        at="2025-03-01T11:00:00Z",
    ),
    note(
        3,
        "<p>direct note</p>",
        to=("https://hike.example/users/priya",),
        cc=(),
        at="2025-03-01T12:00:00Z",
    ),
    {
        "id": f"{ME}/statuses/4/activity",
        "type": "Announce",
        "actor": ME,
        "published": "2025-03-01T13:00:00Z",
        "to": [PUBLIC],
        "cc": ["https://hike.example/users/priya", f"{ME}/followers"],
        "object": "https://hike.example/users/priya/statuses/10",
    },
]

OUTBOX_TEXT = (
    '{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection",'
    ' "totalItems": 4, "orderedItems": [], "orderedItems": %s}' % json.dumps(ITEMS)
)
FOLLOWING = (
    "Account address,Show boosts,Notify on new posts,Languages\n\nsam@trail.example,true,false,\n\n"
    'priya@hike.example,true,true,"en, fr"\n'
)
FILES = {
    "outbox.json": OUTBOX_TEXT,
    "actor.json": json.dumps(ACTOR),
    "likes.json": json.dumps(
        {"type": "OrderedCollection", "orderedItems": ["https://a.example/s/1"]}
    ),
    "following_accounts.csv": FOLLOWING,
    "blocked_accounts.csv": "spam@bad.example\n",
}


def folder(root: Path, files=FILES) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def tarball(path: Path, files=FILES) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def result(tmp_path):
    return read_mastodon_archive(tarball(tmp_path / "archive-20250301.tar.gz"), ReadOptions())


def test_posts_replies_and_boosts(result):
    kinds = [a.kind.value for a in result.actions]
    assert kinds == ["post", "reply", "post", "repost"]
    post, reply, direct, boost = result.actions
    assert post.post.text == "Dawn at the ridge & a new tent"
    assert post.post.media[0].alt == "A tent at dawn"
    assert reply.post.text == "@priya thanks for the kind words!"
    assert reply.post.mentions == ("mastodon:priya@hike.example",)
    assert reply.target == "https://hike.example/users/priya/statuses/9"
    assert [p.post.extra["visibility"] for p in (post, direct)] == ["public", "direct"]
    assert boost.target == "https://hike.example/users/priya/statuses/10"
    assert boost.post.author == "mastodon:priya@hike.example"


def test_the_owner_comes_from_actor_json(result):
    owner = {a.id: a for a in result.accounts}["mastodon:acmetrail@outdoors.social"]
    assert owner.subject == "acmetrail@outdoors.social"
    assert owner.bio == "Outdoor gear that lasts."
    assert owner.following == 2
    assert {a.actor for a in result.actions} == {owner.id}


def test_coverage_says_what_an_archive_cannot_show(result):
    coverage = {c.guideline: c.level for c in result.coverage if c.guideline != "all"}
    assert coverage["respond-to-mentions"] == "none"
    assert coverage["retweet-carefully"] == "partial"
    notes = " ".join(c.reason for c in result.coverage if c.guideline == "all")
    assert "likes.json lists 1" in notes and "blocked_accounts.csv has 1" in notes


def test_folder_and_tar_gz_read_the_same(tmp_path, result):
    extracted = folder(tmp_path / "archive")
    assert READER.detect(extracted)
    assert read_mastodon_archive(extracted, ReadOptions()).actions == result.actions


def test_a_broken_outbox_is_located(tmp_path):
    archive = tarball(tmp_path / "a.tar.gz", {**FILES, "outbox.json": '{"orderedItems": [\n{]}'})
    with pytest.raises(InputError, match=r"a\.tar\.gz!outbox\.json:2: invalid JSON"):
        read_mastodon_archive(archive, ReadOptions())


def test_a_bad_activity_is_skipped_when_tolerant(tmp_path):
    broken = dict(ITEMS[0], published="last week")
    broken["object"] = dict(broken["object"], published="last week")
    text = json.dumps({"type": "OrderedCollection", "orderedItems": [broken, *ITEMS[1:]]})
    archive = tarball(tmp_path / "a.tar.gz", {**FILES, "outbox.json": text})
    with pytest.raises(InputError, match=r"outbox\.json: published: not an xsd:dateTime"):
        read_mastodon_archive(archive, ReadOptions())
    tolerant = read_mastodon_archive(archive, ReadOptions(tolerant=True))
    assert len(tolerant.actions) == 3 and len(tolerant.skipped) == 1


def test_check_detects_the_archive_and_a_conversion_checks_the_same(tmp_path):
    from click.testing import CliRunner

    from socialnorms import Checker
    from socialnorms.cli import main

    archive = tarball(tmp_path / "archive-20250301.tar.gz")
    report = Checker().check(archive)
    assert report.actions == 4
    assert any(n.startswith("coverage: respond-to-mentions: none") for n in report.notes)
    converted = tmp_path / "acme.jsonl"
    assert CliRunner().invoke(main, ["convert", str(archive), "-o", str(converted)]).exit_code == 0
    again = Checker().check(converted)
    assert (again.findings, again.notes, again.actions) == (
        report.findings,
        report.notes,
        report.actions,
    )


def test_a_lone_outbox_is_read_as_activitystreams(tmp_path):
    from socialnorms import Checker
    from socialnorms.io import choose_reader

    lone = tmp_path / "outbox.json"
    lone.write_text(OUTBOX_TEXT)
    assert choose_reader(lone, Checker().registry.readers).name == "activitystreams"
    assert Checker().check(lone).actions == 4
