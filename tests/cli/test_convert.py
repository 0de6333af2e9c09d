"""``socialnorms convert``: any supported export to the activity format, checking the same."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from socialnorms import Checker
from socialnorms.cli import main
from socialnorms.io import ReadOptions

CONTEXT = "https://www.w3.org/ns/activitystreams"
SALLY, JOHN = "https://social.example/users/sally", "https://other.example/users/john"


def outbox(tmp_path):
    items = [
        {
            "id": "urn:1",
            "type": "Invite",
            "actor": SALLY,
            "published": "2025-03-01T09:00:00Z",
            "object": {"type": "Event", "name": "Cleanup"},
            "target": JOHN,
        },
        {
            "id": "urn:2",
            "type": "Create",
            "actor": SALLY,
            "published": "2025-03-01T10:00:00Z",
            "object": {
                "id": "https://social.example/s/1",
                "type": "Note",
                "content": "<p>Hello</p>",
                "tag": [{"type": "Mention", "href": JOHN}],
            },
        },
        {
            "id": "urn:3",
            "type": "Block",
            "actor": SALLY,
            "object": JOHN,
            "published": "2025-03-01T11:00:00Z",
        },
    ]
    path = tmp_path / "outbox.json"
    path.write_text(
        json.dumps(
            {
                "@context": CONTEXT,
                "type": "OrderedCollection",
                "attributedTo": SALLY,
                "orderedItems": items,
            }
        )
    )
    return path


@pytest.mark.parametrize("flag", ["--owner", "--subject"])
def test_a_converted_export_checks_the_same_as_the_original(tmp_path, flag):
    source, converted = outbox(tmp_path), tmp_path / "sally.jsonl"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(converted), flag, "sally"])
    assert result.exit_code == 0, result.output
    assert "wrote 2 accounts and 2 actions" in result.output
    original = Checker().check(source, options=ReadOptions(owner="sally"))
    again = Checker().check(converted)
    assert again.findings == original.findings
    assert again.notes == original.notes
    assert any("1 Block activities" in note for note in again.notes)


def test_convert_to_standard_output_with_a_forced_format(tmp_path):
    result = CliRunner().invoke(
        main, ["convert", str(outbox(tmp_path)), "-o", "-", "--from", "activitystreams"]
    )
    assert result.exit_code == 0
    header, *records = [json.loads(line) for line in result.stdout.splitlines()]
    assert header["type"] == "header" and header["coverage"]
    assert [r["kind"] for r in records if r["type"] == "action"] == ["invite", "post"]


def test_convert_reports_bad_input_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"@context": "%s",\n "type": }' % CONTEXT)
    result = CliRunner().invoke(main, ["convert", str(bad), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "bad.json:2: invalid JSON" in result.output
    assert "Traceback" not in result.output


def test_unknown_forced_format_is_named(tmp_path):
    result = CliRunner().invoke(
        main, ["convert", str(outbox(tmp_path)), "-o", "-", "--from", "myspace"]
    )
    assert result.exit_code == 2 and "unknown input format 'myspace'" in result.output


def test_check_names_the_owner_of_an_export_as_convert_does(tmp_path):
    source = outbox(tmp_path)
    converted = tmp_path / "sally.jsonl"
    CliRunner().invoke(main, ["convert", str(source), "-o", str(converted), "--owner", "brand"])
    checked = CliRunner().invoke(
        main, ["check", str(source), "--owner", "brand", "--format", "json"]
    )
    assert checked.exit_code in (0, 1), checked.output
    assert json.loads(checked.stdout)["summary"]["subjects"] == ["brand"]
    records = [json.loads(line) for line in converted.read_text().splitlines()]
    assert [r["subject"] for r in records if r.get("subject")] == ["brand"]


def test_read_options_subject_still_names_the_owner_with_a_warning():
    with pytest.warns(DeprecationWarning, match="owner"):
        options = ReadOptions(subject="sally")
    assert options.owner == "sally"
    assert ReadOptions(owner="sally").subject is None
