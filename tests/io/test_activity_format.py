"""The activity format: round trip, clear errors for bad input, tolerant reading."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms import InputError
from socialnorms.io.activity import (
    account_record,
    action_record,
    dumps_activity,
    parse_account,
    parse_action,
    read_activity,
    write_activity,
)
from socialnorms.testing import TimelineBuilder
from socialnorms.testing.strategies import accounts, actions, activity

POST = '{"type": "action", "kind": "post", "actor": "twitter:jane", "at": "2026-03-01T10:00:00Z", "post": {"id": "p1", "text": "hi"}}'


def read_text(text: str | bytes, **options):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_activity(io.BytesIO(data), name="activity.jsonl", **options)


# -- round trip --------------------------------------------------------------------------


@given(activity())
def test_write_then_read_gives_equal_objects(parts):
    accounts_, actions_ = parts
    result = read_text(dumps_activity(accounts_, actions_))
    assert list(result.accounts) == accounts_
    assert list(result.actions) == actions_
    assert result.skipped == ()


@given(
    st.lists(accounts(), unique_by=lambda a: a.id, max_size=4),
    st.lists(
        actions(), unique_by=(lambda a: a.id, lambda a: a.post.id if a.post else a.id), max_size=4
    ),
)
def test_every_field_survives_the_round_trip(accounts_, actions_):
    result = read_text(dumps_activity(accounts_, actions_, header=False))
    assert (list(result.accounts), list(result.actions)) == (accounts_, actions_)
    for account in accounts_:
        assert parse_account(account_record(account)) == account
    for action in actions_:
        assert parse_action(json.loads(json.dumps(action_record(action)))) == action


def test_written_records_follow_the_documented_shape(tmp_path):
    builder = (
        TimelineBuilder()
        .subject("acme", "twitter:acme", handle="@acme", followers=10)
        .post(
            "twitter:jane",
            "Loved it @acme",
            id="p1",
            at="2026-03-01T10:00:00+01:00",
            media=[{"type": "image", "alt": "a tent"}],
        )
        .invite("linkedin:acme", "linkedin:bob", "", extra={"x_campaign": "spring"})
    )
    path = tmp_path / "out.jsonl"
    write_activity(path, builder.accounts, builder.actions)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"type": "header", "format": "socialnorms-activity", "version": 1}
    assert lines[1] == {
        "type": "account",
        "id": "twitter:acme",
        "network": "twitter",
        "subject": "acme",
        "handle": "@acme",
        "followers": 10,
    }
    assert lines[2]["at"] == "2026-03-01T09:00:00Z"
    assert lines[2]["post"]["media"] == [{"type": "image", "alt": "a tent"}]
    assert lines[3] == {
        "type": "action",
        "id": "linkedin:a2",
        "kind": "invite",
        "actor": "linkedin:acme",
        "at": "2026-03-01T09:01:00Z",
        "target": "linkedin:bob",
        "message": "",
        "x_campaign": "spring",
    }
    again = read_activity(path)
    assert again.actions[1].extra == {"x_campaign": "spring"}


def test_unknown_keys_are_kept_as_extra_and_blank_lines_ignored():
    text = (
        '{"type": "header", "format": "socialnorms-activity", "version": 1}\n\n'
        '{"type": "account", "id": "twitter:a", "network": "twitter", "x_score": 3}\r\n'
        + POST.replace('"text": "hi"', '"text": "hi", "lang": "en"')
        + "\n   \n"
    )
    result = read_text(text)
    assert result.accounts[0].extra == {"x_score": 3}
    assert result.actions[0].post.extra == {"lang": "en"}


def test_a_byte_order_mark_at_the_start_is_accepted():
    assert len(read_text(b"\xef\xbb\xbf" + POST.encode()).actions) == 1


def test_the_same_post_in_several_actions_and_the_same_account_twice_are_fine():
    repost = '{"type": "action", "kind": "repost", "actor": "twitter:acme", "at": "2026-03-01T11:00:00Z", "post": {"id": "p1", "author": "twitter:jane"}}'
    account = '{"type": "account", "id": "twitter:a", "network": "twitter"}'
    result = read_text("\n".join([POST, repost, account, account]))
    assert len(result.actions) == 2 and len(result.accounts) == 1
    assert result.actions[1].target == "p1"


# -- bad input ----------------------------------------------------------------------------

BAD_INPUT = {
    "timestamp-without-offset": (
        POST.replace("10:00:00Z", "10:00:00"),
        "action.at",
        "timestamp has no UTC offset: '2026-03-01T10:00:00'",
    ),
    "unknown-kind": (
        POST.replace('"kind": "post"', '"kind": "poke"'),
        "action.kind",
        "unknown kind 'poke'; expected one of post, reply, quote, repost, like, follow, "
        "unfollow, invite, accept, message",
    ),
    "reply-without-target": (
        POST.replace('"kind": "post"', '"kind": "reply"'),
        "action.target",
        "a reply needs target or post.in_reply_to",
    ),
    "repost-without-target": (
        '{"type": "action", "kind": "repost", "actor": "twitter:acme", "at": "2026-03-01T10:00:00Z"}',
        "action.target",
        "a repost needs the id of the post it shares",
    ),
    "not-an-object": ('["action", "post"]', "record", "expected a JSON object, got an array"),
    "invalid-json": (
        '{"type": "action", "kind": }',
        "record",
        "invalid JSON: Expecting value at column 28",
    ),
    "invalid-utf8": (
        b'{"type": "account", "id": "twitter:\xff", "network": "twitter"}',
        "record",
        "not valid UTF-8 (byte 0xff at column 36)",
    ),
    "post-id-reused": (
        POST + "\n" + POST.replace('"text": "hi"', '"text": "bye"').replace("10:00", "11:00"),
        "action.post.text",
        "post id 'p1' is reused with different content: 'hi' and 'bye'",
    ),
    "unknown-type": (
        '{"type": "post", "id": "p1"}',
        "type",
        'expected "account" or "action", got "post"',
    ),
    "missing-type": ('{"kind": "post"}', "type", 'expected "account" or "action", got null'),
    "missing-actor": (
        '{"type": "action", "kind": "follow", "at": "2026-03-01T10:00:00Z"}',
        "action.actor",
        "required",
    ),
    "bad-post-field": (
        POST.replace('"text": "hi"', '"text": 5'),
        "action.post.text",
        "expected a string, got int: 5",
    ),
    "wrong-header": (
        '{"type": "header", "format": "socialnorms-activity", "version": 2}',
        "header.version",
        "this socialnorms reads version 1, got 2",
    ),
    "action-id-twice": (
        POST.replace('"kind"', '"id": "a1", "kind"')
        + "\n"
        + '{"type": "action", "id": "a1", "kind": "follow", "actor": "twitter:a", "at": "2026-03-01T10:00:00Z", "target": "twitter:b"}',
        "action.id",
        "'a1' is used by two actions",
    ),
}


def _as_bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def _bad_line(text: str | bytes) -> int:
    return _as_bytes(text).count(b"\n") + 1


@pytest.mark.parametrize(("text", "field", "problem"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_stops_the_read_naming_file_line_field_and_problem(text, field, problem):
    good = '{"type": "account", "id": "twitter:ok", "network": "twitter"}\n'
    with pytest.raises(InputError) as caught:
        read_text(_as_bytes(good) + _as_bytes(text))
    error = caught.value
    line = _bad_line(text) + 1
    assert (error.file, error.line, error.field, error.problem) == (
        "activity.jsonl",
        line,
        field,
        problem,
    )
    assert str(error) == f"activity.jsonl:{line}: {field}: {problem}"


@pytest.mark.parametrize(("text", "field", "problem"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_the_cli_reports_bad_input_in_one_line_with_exit_status_2(tmp_path, text, field, problem):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(_as_bytes(text) + b"\n")
    run = subprocess.run(
        [_cli(), "check", "bad.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        errors="replace",
    )
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].endswith(f"bad.jsonl:{_bad_line(text)}: {field}: {problem}")
    assert "Traceback" not in run.stderr


def _cli() -> str:
    here = Path(sys.executable).with_name("socialnorms")
    found = str(here) if here.exists() else shutil.which("socialnorms")
    assert found, "the socialnorms command is not installed"
    return found


def test_tolerant_reading_skips_counts_and_lists_every_bad_record():
    lines = [POST] + [
        _as_bytes(text).decode("utf-8", "replace") for text, _f, _p in list(BAD_INPUT.values())[:9]
    ]
    lines = [line for line in "\n".join(lines).splitlines()]
    result = read_text("\n".join(lines), tolerant=True)
    assert [a.id for a in result.actions] == [read_text(POST).actions[0].id]
    assert len(result.skipped) == 9
    assert [s.line for s in result.skipped] == sorted(s.line for s in result.skipped)
    assert {s.field for s in result.skipped} >= {
        "action.at",
        "action.kind",
        "record",
        "type",
        "action.post.text",
    }


def test_tolerant_reading_reports_the_skipped_records(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(POST + "\n" + BAD_INPUT["unknown-kind"][0] + "\n[1]\n", encoding="utf-8")
    with pytest.raises(InputError):
        socialnorms.check(path)
    report = socialnorms.check(path, tolerant=True)
    assert report.actions == 1
    data = json.loads(report.to_json())
    assert data["summary"]["skipped_records"] == 2
    assert [(s["line"], s["field"]) for s in data["skipped"]] == [(2, "action.kind"), (3, "record")]
    run = subprocess.run(
        [_cli(), "check", "--tolerant", "--format", "json", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and json.loads(run.stdout)["summary"]["skipped_records"] == 2


def test_a_missing_file_is_a_clear_error(tmp_path):
    run = subprocess.run(
        [_cli(), "check", "nothing.jsonl"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 2 and run.stderr.strip().endswith(
        "nothing.jsonl: no such file or folder"
    )


def test_derived_ids_agree_between_separate_reads_and_processes(tmp_path):
    without_id = '{"type": "action", "kind": "like", "actor": "twitter:a", "at": "2026-03-01T10:00:00+02:00", "target": "p9"}'
    path = tmp_path / "likes.jsonl"
    path.write_text(without_id + "\n", encoding="utf-8")
    child = "import sys, socialnorms.io.activity as a; print(a.read_activity(sys.argv[1]).actions[0].id)"
    ids = {
        subprocess.run(
            [sys.executable, "-c", child, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("0", "1")
    }
    assert ids == {read_activity(path).actions[0].id}


@given(activity(max_actions=15), st.randoms(use_true_random=False))
def test_record_order_does_not_change_what_is_read(parts, rnd):
    accounts_, actions_ = parts
    records = [account_record(a) for a in accounts_] + [action_record(a) for a in actions_]
    rnd.shuffle(records)
    text = "\n".join(json.dumps(r) for r in records)
    result = read_text(text)
    assert sorted(result.accounts, key=lambda a: a.id) == sorted(accounts_, key=lambda a: a.id)
    assert sorted(result.actions, key=lambda a: a.id) == sorted(actions_, key=lambda a: a.id)
