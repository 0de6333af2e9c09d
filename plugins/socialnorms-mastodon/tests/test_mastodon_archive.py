"""The Mastodon archive reader on hand-built archives following the real export's shape."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

import socialnorms_mastodon
from socialnorms import DATA_FOLLOWERS, Checker, Rule, check_function, hookimpl
from socialnorms.io import DataCoverage, InputError, ReadOptions
from socialnorms.testing import isolated_plugin_manager, registered
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


def test_coverage_says_what_an_archive_holds(result):
    held = {c.data: (c.level, c.reason) for c in result.coverage if isinstance(c, DataCoverage)}
    assert held["mentions-received"][0] == "none"
    assert held["shared-posts"][0] == "partial"
    assert held["follows"] == (
        "none",
        "following_accounts.csv lists 2 followed accounts without dates",
    )
    assert held["likes"] == ("none", "likes.json lists 1 liked posts by link, without dates")
    assert held["blocks"] == ("none", "blocked_accounts.csv has 1 rows without dates; not read")


def test_the_notes_say_what_the_archive_cannot_show(result):
    assert Checker().coverage_notes(result.coverage) == [
        "coverage: crosspost-with-consideration: partial: only the Mastodon side of a cross-post "
        "is here; read the other networks' exports along with it",
        "coverage: no-autofollow: none: Mastodon exports no followers list; "
        "following_accounts.csv lists 2 followed accounts without dates",
        "coverage: personalize-invitations: none: Mastodon has no invitations",
        "coverage: respond-to-mentions: none: a Mastodon archive holds the account's own posts, "
        "not the posts that mention it",
        "coverage: retweet-carefully: partial: boosts name the boosted post by link only; its "
        "text is not in the archive, so what was shared cannot be judged, only how often",
    ]


def test_without_an_outbox_the_posts_are_noted_missing(tmp_path):
    files = {k: v for k, v in FILES.items() if k != "outbox.json"}
    result = read_mastodon_archive(tarball(tmp_path / "a.tar.gz", files), ReadOptions())
    notes = Checker().coverage_notes(result.coverage)
    assert "coverage: retweet-carefully: none: the archive has no outbox.json" in notes
    assert (
        "coverage: crosspost-with-consideration: none: only the Mastodon side of a cross-post is "
        "here; read the other networks' exports along with it; the archive has no outbox.json"
    ) in notes


THANKS = Rule(
    code="TOY001",
    name="unthanked-follower",
    summary="A new follower is not thanked.",
    why="A plugin's rule, for the test.",
    needs={DATA_FOLLOWERS},
)


@check_function("thank-followers", [THANKS])
def thank_followers(ctx):
    return ()


class ThankFollowers:
    @hookimpl
    def register_checks(self, register):
        register(thank_followers)


def test_a_plugin_rule_that_needs_followers_hears_that_the_archive_has_none(tmp_path):
    pm = isolated_plugin_manager()
    with registered(pm, socialnorms_mastodon, "mastodon"), registered(pm, ThankFollowers()):
        report = Checker(plugin_manager=pm).check(tarball(tmp_path / "archive.tar.gz"))
    assert [n for n in report.notes if n.startswith("coverage:")] == [
        "coverage: thank-followers: none: Mastodon exports no followers list"
    ]


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
