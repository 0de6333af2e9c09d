"""The X archive reader on hand-built archives and on real archive files."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Checker
from socialnorms.io import DataCoverage, InputError, ReadOptions
from socialnorms.io.activity import read_activity, write_activity
from socialnorms_twitter.archive import READER, read_twitter_archive

REAL = Path(__file__).parent / "data" / "twitter-to-sqlite"


def js(name: str, data) -> str:
    return f"window.YTD.{name}.part0 = {json.dumps(data, indent=2)}"


def tweet(id_, text, at="Sat Dec 06 18:20:30 +0000 2025", mentions=(), urls=(), **more):
    return {
        "tweet": {
            "id_str": id_,
            "id": id_,
            "full_text": text,
            "created_at": at,
            "lang": "en",
            "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
            "display_text_range": ["0", str(len(text))],
            "entities": {
                "hashtags": [],
                "symbols": [],
                "user_mentions": [
                    {
                        "screen_name": h,
                        "name": h.title(),
                        "id_str": "9",
                        "indices": [str(i), str(i + len(h) + 1)],
                    }
                    for h, i in mentions
                ],
                "urls": [
                    {"url": "https://t.co/x", "expanded_url": u, "indices": ["0", "1"]}
                    for u in urls
                ],
            },
            **more,
        }
    }


TWEETS = [
    tweet("100", "Trail report: the ridge is clear &amp; dry", at="Mon Mar 03 09:00:00 +0000 2025"),
    tweet(
        "101",
        "RT @priya: Best repair guide ever, thanks @acmetrail!",
        mentions=[("priya", 3), ("acmetrail", 44)],
        at="Mon Mar 03 10:00:00 +0000 2025",
    ),
    tweet(
        "102",
        "@priya glad it helped, @sam see this",
        mentions=[("priya", 0), ("sam", 24)],
        at="Mon Mar 03 11:00:00 +0000 2025",
        display_text_range=["7", "36"],
        in_reply_to_status_id_str="55",
        in_reply_to_screen_name="priya",
    ),
    tweet(
        "103",
        "Worth reading https://t.co/x",
        urls=["https://x.com/sam/status/77"],
        at="Mon Mar 03 12:00:00 +0000 2025",
    ),
]


def build(root: Path, tweets=TWEETS, *, account=True, manifest=False, filename="tweets.js") -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    (data / filename).write_text(js(filename[:-3], tweets), encoding="utf-8")
    if account:
        (data / "account.js").write_text(
            js(
                "account",
                [
                    {
                        "account": {
                            "username": "acmetrail",
                            "accountId": "1",
                            "createdAt": "2014-04-12T00:00:00.000Z",
                            "accountDisplayName": "Acme Trail Co.",
                        }
                    }
                ],
            )
        )
    (data / "follower.js").write_text(
        js("follower", [{"follower": {"accountId": str(i)}} for i in range(5)])
    )
    (data / "following.js").write_text(
        js("following", [{"following": {"accountId": str(i)}} for i in range(2)])
    )
    (data / "like.js").write_text(js("like", [{"like": {"tweetId": "1", "fullText": "hi"}}]))
    if manifest:
        (data / "manifest.js").write_text(
            js(
                "manifest",
                {
                    "userInfo": {"accountId": "1", "userName": "acmetrail", "displayName": "Acme"},
                    "dataTypes": {
                        "tweets": {
                            "files": [
                                {"fileName": f"data/{filename}", "globalName": "x", "count": "4"}
                            ]
                        }
                    },
                },
            )
        )
    return root


def zipped(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return target


def by_id(result):
    return {action.id: action for action in result.actions}


def test_tweets_become_posts_replies_quotes_and_reposts(tmp_path):
    result = read_twitter_archive(build(tmp_path / "a"), ReadOptions())
    actions = by_id(result)
    assert [actions[i].kind.value for i in ("100", "101", "102", "103")] == [
        "post",
        "repost",
        "reply",
        "quote",
    ]
    assert actions["100"].post.text == "Trail report: the ridge is clear & dry"
    assert actions["100"].post.source == "Twitter Web App"


def test_a_repost_embeds_the_shared_post_with_its_author_and_mentions(tmp_path):
    repost = by_id(read_twitter_archive(build(tmp_path / "a"), ReadOptions()))["101"]
    assert repost.actor == "twitter:acmetrail"
    assert repost.post.author == "twitter:priya"
    assert repost.post.text == "Best repair guide ever, thanks @acmetrail!"
    assert repost.post.mentions == ("twitter:acmetrail",)


def test_reply_addressing_is_not_a_mention_but_a_handle_in_the_text_is(tmp_path):
    reply = by_id(read_twitter_archive(build(tmp_path / "a"), ReadOptions()))["102"]
    assert reply.target == "55"
    assert reply.post.mentions == ("twitter:sam",)


def test_the_owner_is_the_subject_and_undated_lists_are_counts(tmp_path):
    result = read_twitter_archive(build(tmp_path / "a"), ReadOptions())
    owner = {a.id: a for a in result.accounts}["twitter:acmetrail"]
    assert (owner.subject, owner.followers, owner.following) == ("acmetrail", 5, 2)
    assert not [a for a in result.actions if a.kind.value in ("follow", "like")]
    held = {c.data: c.level for c in result.coverage if isinstance(c, DataCoverage)}
    assert held == {
        "followers": "none",
        "follows": "none",
        "invitations": "none",
        "likes": "none",
        "mentions-received": "none",
        "other-networks": "none",
        "shared-posts": "full",
    }


def test_the_notes_say_what_the_archive_cannot_show(tmp_path):
    result = read_twitter_archive(build(tmp_path / "a"), ReadOptions())
    assert Checker().coverage_notes(result.coverage) == [
        "coverage: crosspost-with-consideration: partial: only the X side of a cross-post is "
        "here; read the other networks' exports along with it",
        "coverage: no-autofollow: none: follower.js lists 5 followers by id, without dates: who "
        "followed when cannot be told; following.js lists 2 followed accounts by id, without "
        "dates: who was followed back, and how fast, cannot be told",
        "coverage: personalize-invitations: none: X has no invitations",
        "coverage: respond-to-mentions: none: an X archive holds what the account posted, not "
        "the posts that mention it",
    ]


def test_subject_option_names_the_subject(tmp_path):
    result = read_twitter_archive(build(tmp_path / "a"), ReadOptions(owner="acme"))
    assert {a.id: a.subject for a in result.accounts}["twitter:acmetrail"] == "acme"


def test_zip_and_folder_read_the_same(tmp_path):
    folder = build(tmp_path / "a", manifest=True)
    archive = zipped(folder, tmp_path / "twitter-2025.zip")
    assert READER.detect(archive) and READER.detect(folder)
    assert (
        read_twitter_archive(archive, ReadOptions()).actions
        == read_twitter_archive(folder, ReadOptions()).actions
    )


def test_older_archives_without_wrapper_and_with_tweet_js(tmp_path):
    tweets = [t["tweet"] for t in TWEETS]
    result = read_twitter_archive(build(tmp_path / "a", tweets, filename="tweet.js"), ReadOptions())
    assert len(result.actions) == 4


def test_manifest_lists_split_parts(tmp_path):
    folder = build(tmp_path / "a", TWEETS[:2], filename="tweets-part1.js")
    (folder / "data" / "tweets-part2.js").write_text(
        js("tweets", TWEETS[2:]).replace("part0", "part2")
    )
    assert len(read_twitter_archive(folder, ReadOptions()).actions) == 4


def test_without_an_account_file_the_subject_must_be_given(tmp_path):
    folder = build(tmp_path / "a", account=False)
    with pytest.raises(InputError, match="--owner NAME"):
        read_twitter_archive(folder, ReadOptions())
    result = read_twitter_archive(folder, ReadOptions(owner="acmetrail"))
    assert by_id(result)["101"].actor == "twitter:acmetrail"


def test_a_bad_date_is_located_in_the_zip_member(tmp_path):
    folder = build(tmp_path / "a", [tweet("7", "hello", at="yesterday")])
    archive = zipped(folder, tmp_path / "x.zip")
    with pytest.raises(InputError) as error:
        read_twitter_archive(archive, ReadOptions())
    assert str(error.value).startswith(f"{archive}!data/tweets.js: [id 7].created_at:")
    tolerant = read_twitter_archive(archive, ReadOptions(tolerant=True))
    assert len(tolerant.skipped) == 1 and not tolerant.actions


def test_broken_javascript_is_located_by_line(tmp_path):
    folder = build(tmp_path / "a")
    (folder / "data" / "tweets.js").write_text('window.YTD.tweets.part0 = [\n  {"tweet": {\n  ]')
    with pytest.raises(InputError, match=r"tweets\.js:3: invalid JSON"):
        read_twitter_archive(folder, ReadOptions())


def test_real_account_follower_and_following_files(tmp_path):
    data = tmp_path / "real" / "data"
    data.mkdir(parents=True)
    for name in ("account.js", "follower.js", "following.js"):
        shutil.copy(REAL / name, data / name)
    result = read_twitter_archive(tmp_path / "real", ReadOptions())
    (owner,) = result.accounts
    assert owner.id == "twitter:simonw" and owner.name == "Simon Willison"
    assert owner.followers == 2 and owner.following == 2


def test_conversion_round_trips_through_the_activity_format(tmp_path):
    result = read_twitter_archive(build(tmp_path / "a"), ReadOptions())
    out = tmp_path / "out.jsonl"
    write_activity(out, result.accounts, result.actions)
    again = read_activity(out)
    assert again.actions == result.actions and again.accounts == result.accounts


_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=10)
    | st.sampled_from(["Sat Dec 06 18:20:30 +0000 2025", "RT @a: hi", "55", ["0", "3"]]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["screen_name", "indices", "expanded_url", "user_mentions", "urls", "text"]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=15,
)
_TWEET = st.dictionaries(
    st.sampled_from(
        [
            "id_str",
            "full_text",
            "created_at",
            "entities",
            "display_text_range",
            "in_reply_to_status_id_str",
            "in_reply_to_screen_name",
            "source",
            "extended_entities",
        ]
    ),
    _VALUES,
    max_size=9,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tweets=st.lists(_TWEET, max_size=3))
def test_any_tweet_shape_is_read_or_refused_with_a_located_error(tmp_path_factory, tweets):
    folder = build(tmp_path_factory.mktemp("a"), [{"tweet": t} for t in tweets])
    try:
        read_twitter_archive(folder, ReadOptions())
    except InputError as error:
        assert str(error).startswith(str(folder / "data" / "tweets.js"))
    tolerant = read_twitter_archive(folder, ReadOptions(tolerant=True))
    assert len(tolerant.actions) + len(tolerant.skipped) == len(tweets)


def test_check_detects_the_archive_and_a_conversion_checks_the_same(tmp_path):
    from click.testing import CliRunner

    from socialnorms import Checker
    from socialnorms.cli import main

    archive = zipped(build(tmp_path / "a", manifest=True), tmp_path / "twitter-2025.zip")
    report = Checker().check(archive)
    assert report.actions == 4
    assert (
        "coverage: respond-to-mentions: none: an X archive holds what the account posted, "
        "not the posts that mention it" in report.notes
    )
    converted = tmp_path / "acme.jsonl"
    assert CliRunner().invoke(main, ["convert", str(archive), "-o", str(converted)]).exit_code == 0
    again = Checker().check(converted)
    assert (again.findings, again.notes, again.actions) == (
        report.findings,
        report.notes,
        report.actions,
    )


def test_handles_differing_in_case_are_one_account(tmp_path):
    tweets = [
        tweet("200", "RT @Priya: thanks", mentions=[("Priya", 3)]),
        tweet("201", "hello @PRIYA", mentions=[("PRIYA", 6)]),
    ]
    result = read_twitter_archive(build(tmp_path / "a", tweets), ReadOptions())
    assert [a.id for a in result.accounts] == ["twitter:acmetrail", "twitter:priya"]
    assert by_id(result)["201"].post.mentions == ("twitter:priya",)
