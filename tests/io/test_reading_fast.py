"""Fast reading gives exactly what checked reading gives.

Ordinary records skip re-validation field by field, and msgspec decodes lines when
installed; both are shortcuts only: the same records, the same errors, either way.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import InputError
from socialnorms.io import activity, synthetic
from socialnorms.io.activity import _plain_action, parse_action, read_activity

KINDS = [
    "post",
    "reply",
    "quote",
    "repost",
    "like",
    "follow",
    "unfollow",
    "invite",
    "accept",
    "message",
]
TIMES = [
    "2026-01-05T10:00:00Z",
    "2026-01-05T11:00:00+01:00",
    "2026-01-05T10:00:00",
    "2026-01-05",
    "2026-01-05t10:00:00z",
    "2026-01-05T25:00:00Z",
    "soon",
]
IDS = ["", "p1", "p2", "twitter:ann", "twitter:acme"]
ODD = st.one_of(
    st.none(),
    st.integers(-1, 1),
    st.booleans(),
    st.lists(st.sampled_from(IDS), max_size=2),
    st.dictionaries(st.sampled_from(["id", "x"]), st.sampled_from(IDS), max_size=1),
)
TEXT = st.one_of(st.sampled_from(IDS), ODD)

POSTS = st.fixed_dictionaries(
    {},
    optional={
        "id": TEXT,
        "author": TEXT,
        "network": TEXT,
        "text": st.one_of(st.text(max_size=12), ODD),
        "created": st.one_of(st.sampled_from(TIMES), ODD),
        "mentions": ODD,
        "links": ODD,
        "hashtags": ODD,
        "in_reply_to": TEXT,
        "quotes": TEXT,
        "crosspost_of": TEXT,
        "source": TEXT,
        "media": st.just([{"type": "image", "alt": "a tent"}]),
        "lang": TEXT,
    },
)
RECORDS = st.fixed_dictionaries(
    {"type": st.just("action")},
    optional={
        "kind": st.one_of(st.sampled_from(KINDS), st.just("boost"), ODD),
        "actor": TEXT,
        "at": st.one_of(st.sampled_from(TIMES), ODD),
        "id": TEXT,
        "target": TEXT,
        "post": st.one_of(POSTS, ODD),
        "message": TEXT,
        "via": TEXT,
        "app": TEXT,
    },
)


def same_as_checked(record: dict) -> None:
    fast = _plain_action(json.loads(json.dumps(record)), {})
    try:
        checked = parse_action(record)
    except Exception:
        assert fast is None, f"accepted a record that checked reading refuses: {record}"
        return
    if fast is not None:
        assert repr(fast) == repr(checked)
        assert fast == checked and hash(fast) == hash(checked)


@settings(max_examples=600, deadline=None)
@given(RECORDS)
def test_any_record_reads_the_same_or_takes_the_checked_path(record):
    same_as_checked(record)


def test_ordinary_records_take_the_shortcut_and_match():
    taken = 0
    for record in synthetic.records(actions=3_000, subjects=2, seed=5):
        if record["type"] == "action":
            same_as_checked(record)
            taken += _plain_action(record, {}) is not None
    assert taken == 3_000


@pytest.mark.parametrize(
    "record",
    [
        {
            "kind": "reply",
            "actor": "a:x",
            "at": TIMES[0],
            "target": "p1",
            "post": {"id": "p2", "in_reply_to": "p3"},
        },
        {
            "kind": "reply",
            "actor": "a:x",
            "at": TIMES[0],
            "post": {"id": "p2", "in_reply_to": "p3"},
        },
        {"kind": "quote", "actor": "a:x", "at": TIMES[0], "post": {"id": "p2", "quotes": "p3"}},
        {
            "kind": "post",
            "actor": "a:x",
            "at": TIMES[0],
            "post": {"id": "p2", "author": "", "created": TIMES[1]},
        },
        {"kind": "repost", "actor": "a:x", "at": TIMES[0], "post": {"id": "p2", "author": "a:y"}},
        {"kind": "like", "actor": "a:x", "at": TIMES[0], "target": "p1", "post": {"id": "p2"}},
        {"kind": "follow", "actor": "a:x", "at": TIMES[0], "target": "a:y", "message": "hi"},
        {"kind": "invite", "actor": "a:x", "at": TIMES[0], "target": "a:y", "message": ""},
        {"kind": "follow", "actor": "a:x", "at": TIMES[1], "target": "a:y"},
        {"kind": "post", "actor": "", "at": TIMES[0], "post": {"id": "p"}},
    ],
)
def test_edge_records(record):
    same_as_checked({"type": "action", **record})


LINES = [
    '{"type": "account", "id": "twitter:acme", "network": "twitter", "subject": "acme"}',
    '{"type": "action", "kind": "post", "actor": "twitter:acme", "at": "2026-01-05T10:00:00Z", '
    '"post": {"id": "t1", "text": "Hello @ann \\ud83d\\ude00", "lang": "en"}}',
    "",
    "   ",
    '{"type": "action", "kind": "like", "actor": "twitter:ann", "at": "2026-01-05T10:01:00Z", "target": "t1", "n": 1e400}',
    '{"type": "action", "kind": "like", "actor": "twitter:bob", "at": "2026-01-05T10:02:00Z", "target": "t1", "n": NaN}',
    '{"type": "action", "kind": "like", "actor": "twitter:cy", "at": "2026-01-05T10:03:00Z", "target": "t1", "s": "\\ud800"}',
    '{"type": "action", "kind": "like", "actor": "twitter:dee", "at": "2026-01-05T10:04:00Z", "target": "t1",}',
    '{"type": "action", "kind": "like", "actor": "twitter:eve", "at": "2026-01-05T10:05:00", "target": "t1"}',
    '{"type": "action", "kind": "follow", "actor": "twitter:fay", "at": "2026-01-05T10:06:00Z"} trailing',
    '["not", "an", "object"]',
    '{"type": "action", "kind": "follow", "actor": "twitter:gus", "at": "2026-01-05T10:07:00Z", "target": "x\x01"}',
    '\ufeff{"type": "account", "id": "twitter:bom", "network": "twitter"}',
    '{"type": "action", "kind": "follow", "actor": 7, "at": "2026-01-05T10:08:00Z", "target": "twitter:acme"}',
]


def standard_library_only(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(activity, "_fast_loads", None)
    patch.setattr(activity, "_typed_loads", None)


def read_both(path, monkeypatch, **options):
    pytest.importorskip("msgspec")
    fast = read_activity(path, **options)
    with monkeypatch.context() as patch:
        standard_library_only(patch)
        standard = read_activity(path, **options)
    return fast, standard


def test_both_decoders_read_the_same_and_skip_the_same(tmp_path, monkeypatch):
    path = tmp_path / "mixed.jsonl"
    raw = (
        "\n".join(LINES).encode("utf-8")
        + b"\n"
        + b'{"type": "account", "id": "x:\xff", "network": "x"}\n'
    )
    path.write_bytes(raw)
    fast, standard = read_both(path, monkeypatch, tolerant=True)
    assert repr(fast) == repr(standard)
    assert [record.line for record in fast.skipped] == [8, 9, 10, 11, 12, 13, 14, 15]


@pytest.mark.parametrize("line", [*LINES[7:], '{"type": "account", "id": "x:ÿ", "network": "x"}'])
def test_both_decoders_stop_with_the_same_error(tmp_path, monkeypatch, line):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        (LINES[0] + "\n" + line + "\n")
        .encode("utf-8", "surrogateescape")
        .replace(b"\xc3\xbf", b"\xff")
    )
    messages = []
    for fast in (True, False):
        with monkeypatch.context() as patch:
            if not fast:
                standard_library_only(patch)
            with pytest.raises(InputError) as caught:
                read_activity(path)
            messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert ":2:" in messages[0]


def test_a_large_synthetic_file_reads_the_same_with_either_decoder(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    synthetic.write(path, actions=4_000, seed=9)
    fast, standard = read_both(path, monkeypatch)
    assert fast == standard


def typed_same_as_checked(record: dict) -> None:
    line = json.dumps(record).encode("utf-8")
    typed = activity._typed_action(line, {})
    try:
        checked = parse_action(record) if record.get("type") == "action" else None
    except Exception:
        checked = None
    if checked is None:
        assert typed is None, f"accepted a record that checked reading refuses: {record}"
    elif typed is not None:
        assert repr(typed) == repr(checked)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        RECORDS,
        RECORDS.map(lambda r: {k: v for k, v in r.items() if k != "type"}),
        RECORDS.map(lambda r: {**r, "type": "account"}),
    )
)
def test_msgspec_typed_records_read_the_same_or_take_the_general_path(record):
    pytest.importorskip("msgspec")
    typed_same_as_checked(record)


def test_ordinary_lines_take_the_typed_shortcut_and_match():
    pytest.importorskip("msgspec")
    for record in synthetic.records(actions=3_000, subjects=2, seed=6):
        if record["type"] == "action":
            typed_same_as_checked(record)
            assert activity._typed_action(json.dumps(record).encode(), {}) is not None
