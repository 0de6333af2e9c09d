"""The Facebook and Instagram download readers on hand-built downloads of the JSON format."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Checker
from socialnorms.io import InputError, ReadOptions
from socialnorms_meta.download import (
    FACEBOOK_READER,
    INSTAGRAM_READER,
    read_facebook,
    read_instagram,
    repair,
)


def meta_json(value) -> str:
    """JSON as Meta writes it: each UTF-8 byte of a non-ASCII character escaped alone."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(
        ch if ord(ch) < 128 else "".join(f"\\u00{b:02x}" for b in ch.encode()) for ch in text
    )


def download(tmp_path: Path, files: dict, name="facebook-acme.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, value in files.items():
            archive.writestr(member, value if isinstance(value, str) else meta_json(value))
    return path


FACEBOOK = {
    "profile_information/profile_information.json": {
        "profile_v2": {"name": {"full_name": "Radosław Nowak"}}
    },
    "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": [
        {
            "timestamp": 1740823200,
            "title": "Radosław Nowak shared a link.",
            "data": [
                {"post": "Zażółć gęślą jaźń: new trail guide"},
                {"update_timestamp": 1740823300},
            ],
            "attachments": [
                {"data": [{"external_context": {"url": "https://acmetrail.example/guide"}}]}
            ],
        },
    ],
    "your_facebook_activity/comments_and_reactions/comments.json": {
        "comments_v2": [
            {
                "timestamp": 1740826800,
                "title": "Radosław Nowak commented on Priya Raman's post.",
                "data": [
                    {
                        "comment": {
                            "timestamp": 1740826800,
                            "comment": "Świetnie!",
                            "author": "Radosław Nowak",
                        }
                    }
                ],
            },
        ]
    },
    "connections/friends/your_friends.json": {
        "friends_v2": [
            {"name": "Priya Raman", "timestamp": 1600000000},
            {"name": "Sam Oduya", "timestamp": 1600000100},
        ]
    },
}

INSTAGRAM = {
    "personal_information/personal_information/personal_information.json": {
        "profile_user": [
            {
                "string_map_data": {
                    "Username": {"value": "acmetrail"},
                    "Name": {"value": "Acme Trail Ćo."},
                }
            }
        ]
    },
    "connections/followers_and_following/followers_1.json": [
        {
            "string_list_data": [
                {
                    "href": "https://www.instagram.com/priya",
                    "value": "priya",
                    "timestamp": 1740800000,
                }
            ]
        },
        {
            "string_list_data": [
                {
                    "href": "https://www.instagram.com/spam4u",
                    "value": "spam4u",
                    "timestamp": 1740800100,
                }
            ]
        },
    ],
    "connections/followers_and_following/following.json": {
        "relationships_following": [
            {
                "title": "spam4u",
                "string_list_data": [
                    {"href": "https://www.instagram.com/spam4u", "timestamp": 1740800160}
                ],
            },
        ]
    },
    "connections/followers_and_following/recently_unfollowed_profiles.json": {
        "relationships_unfollowed_users": [
            {
                "string_list_data": [
                    {
                        "href": "https://www.instagram.com/sam",
                        "value": "sam",
                        "timestamp": 1740900000,
                    }
                ]
            },
        ]
    },
    "your_instagram_activity/content/posts_1.json": [
        {
            "media": [
                {
                    "uri": "media/1.jpg",
                    "creation_timestamp": 1740810000,
                    "title": "Dawn at the ridge ⛰",
                }
            ]
        }
    ],
    "your_instagram_activity/comments/post_comments_1.json": [
        {
            "string_map_data": {
                "Comment": {"value": "Thank you!"},
                "Media Owner": {"value": "priya"},
                "Time": {"timestamp": 1740820000},
            }
        }
    ],
}


def test_mojibake_is_repaired_everywhere(tmp_path):
    result = read_facebook(download(tmp_path, FACEBOOK), ReadOptions())
    owner = {a.id: a for a in result.accounts}["facebook:Radosław Nowak"]
    assert owner.subject == "Radosław Nowak"
    post, comment = result.actions
    assert post.post.text == "Zażółć gęślą jaźń: new trail guide"
    assert comment.post.text == "Świetnie!"


@given(st.text())
def test_repair_undoes_exactly_the_double_encoding(text):
    doubled = text.encode("utf-8").decode("latin-1")
    assert repair(doubled) == text
    assert repair({"k": [doubled]}) == {"k": [text]}


def test_facebook_posts_comments_and_friends(tmp_path):
    path = download(tmp_path, FACEBOOK)
    assert FACEBOOK_READER.detect(path) and not INSTAGRAM_READER.detect(path)
    result = read_facebook(path, ReadOptions())
    post, comment = result.actions
    assert post.kind.value == "post" and post.post.links == ("https://acmetrail.example/guide",)
    assert (
        comment.kind.value == "reply"
        and comment.extra["replied_to_author"] == "facebook:Priya Raman"
    )
    assert {a.id: a for a in result.accounts}["facebook:Radosław Nowak"].followers == 2


def test_instagram_follows_unfollows_posts_and_comments_are_dated(tmp_path):
    path = download(tmp_path, INSTAGRAM, "instagram-acmetrail.zip")
    assert INSTAGRAM_READER.detect(path) and not FACEBOOK_READER.detect(path)
    result = read_instagram(path, ReadOptions())
    got = [(a.kind.value, a.actor, a.target) for a in result.actions if not a.kind.creates_post]
    assert got == [
        ("follow", "instagram:priya", "instagram:acmetrail"),
        ("follow", "instagram:spam4u", "instagram:acmetrail"),
        ("follow", "instagram:acmetrail", "instagram:spam4u"),
        ("unfollow", "instagram:acmetrail", "instagram:sam"),
    ]
    follow_back = result.actions[2]
    assert (follow_back.at - result.actions[1].at).total_seconds() == 60
    posts = [a for a in result.actions if a.kind.creates_post]
    assert [p.post.text for p in posts] == ["Dawn at the ridge ⛰", "Thank you!"]
    assert {a.id: a.name for a in result.accounts}["instagram:acmetrail"] == "Acme Trail Ćo."


MENTIONS = (
    "coverage: respond-to-mentions: none: the download holds the account's own posts and "
    "comments, not the posts that mention it"
)


def test_the_notes_say_what_a_facebook_download_cannot_show(tmp_path):
    result = read_facebook(download(tmp_path, FACEBOOK), ReadOptions())
    assert Checker().coverage_notes(result.coverage) == [
        "coverage: crosspost-with-consideration: partial: only the Facebook side of a cross-post "
        "is here; read the other networks' exports along with it",
        "coverage: no-autofollow: none: the download lists no followers; friendships are dated "
        "but have no direction: they become a friend count, not follows",
        "coverage: personalize-invitations: none: friend requests carry no note",
        MENTIONS,
        "coverage: retweet-carefully: partial: a shared post appears as the owner's post; whose "
        "post was shared is not recorded",
    ]


def test_the_notes_say_what_an_instagram_download_cannot_show(tmp_path):
    result = read_instagram(download(tmp_path, INSTAGRAM), ReadOptions())
    notes = Checker().coverage_notes(result.coverage)
    assert not [n for n in notes if "no-autofollow" in n]  # dated follows both ways
    assert notes == [
        "coverage: crosspost-with-consideration: partial: only the Instagram side of a "
        "cross-post is here; read the other networks' exports along with it",
        "coverage: personalize-invitations: none: Instagram has no invitations",
        MENTIONS,
        "coverage: retweet-carefully: none: Instagram has no reposts in the download",
    ]
    files = {k: v for k, v in INSTAGRAM.items() if not k.endswith("following.json")}
    result = read_instagram(download(tmp_path, files, "b.zip"), ReadOptions())
    assert (  # every rule of the guideline needs the follows
        "coverage: no-autofollow: none: the download lists no followed accounts"
        in Checker().coverage_notes(result.coverage)
    )


def test_an_html_download_is_refused_with_advice(tmp_path):
    path = download(
        tmp_path, {"connections/followers_and_following/followers_1.html": "<html></html>"}
    )
    assert INSTAGRAM_READER.detect(path)
    with pytest.raises(InputError, match="HTML download; request your information again in JSON"):
        read_instagram(path, ReadOptions())


def test_a_bad_timestamp_is_located(tmp_path):
    files = {
        **INSTAGRAM,
        "connections/followers_and_following/followers_1.json": [
            {"string_list_data": [{"value": "priya", "timestamp": "yesterday"}]}
        ],
    }
    with pytest.raises(
        InputError, match=r"followers_1\.json: \[0\]\.string_list_data\.timestamp: expected a Unix"
    ):
        read_instagram(download(tmp_path, files), ReadOptions())


def test_without_a_profile_file_the_subject_must_be_given(tmp_path):
    files = {k: v for k, v in INSTAGRAM.items() if "personal_information" not in k}
    with pytest.raises(InputError, match="--owner NAME"):
        read_instagram(download(tmp_path, files), ReadOptions())
    result = read_instagram(download(tmp_path, files, "b.zip"), ReadOptions(owner="acmetrail"))
    assert result.actions[0].target == "instagram:acmetrail"


@pytest.mark.parametrize(
    "files, network, actions", [(FACEBOOK, "facebook", 2), (INSTAGRAM, "instagram", 6)]
)
def test_check_detects_the_download_and_a_conversion_checks_the_same(
    tmp_path, files, network, actions
):
    from click.testing import CliRunner

    from socialnorms import Checker
    from socialnorms.cli import main
    from socialnorms.io import choose_reader

    path = download(tmp_path, files)
    assert choose_reader(path, Checker().registry.readers).name == network
    report = Checker().check(path)
    assert report.actions == actions
    converted = tmp_path / "out.jsonl"
    assert CliRunner().invoke(main, ["convert", str(path), "-o", str(converted)]).exit_code == 0
    again = Checker().check(converted)
    assert (again.findings, again.notes, again.actions) == (
        report.findings,
        report.notes,
        report.actions,
    )
