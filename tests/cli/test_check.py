"""`socialnorms check`, driven in-process with click's CliRunner."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Report
from socialnorms.cli import main
from socialnorms.engine import Checker


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="socialnorms")


def findings(result):
    return [(f["code"], f["account"]) for f in json.loads(result.stdout)["findings"]]


def test_text_groups_by_subject_then_account_with_evidence_times(activity):
    result = run("check", activity)
    assert result.exit_code == 1  # HS102 is an error
    out = result.stdout
    assert (
        out.index("acme") < out.index("chirper:acme") < out.index("HS101") < out.index("other:acme")
    )
    assert "suggestion: Write in sentence case." in out
    assert "a1 (2026-01-05 10:00) UTC" in out
    assert out.rstrip().endswith("2 findings (1 error, 1 warning) in 3 actions of 2 subjects")
    assert "\x1b[" not in out  # not a terminal: no colour


def test_json_is_the_report_format_and_byte_identical(activity):
    first, second = (
        run("check", activity, "--format", "json"),
        run("check", activity, "--format", "json"),
    )
    assert first.stdout_bytes == second.stdout_bytes
    data = json.loads(first.stdout)
    assert data["format"] == "socialnorms-report" and data["version"] == 1
    assert data["summary"]["findings"] == {"error": 1, "warning": 1, "info": 0}
    assert (
        data["findings"][0]["evidence"] == ["a1"]
        and data["findings"][0]["at"] == "2026-01-05T10:00:00Z"
    )
    assert Report.from_json(first.stdout).findings == Checker().check(str(activity)).findings


@pytest.mark.parametrize("name", sorted(Checker().registry.reporters))
def test_every_registered_format_renders(activity, name):
    result = run("check", activity, "--format", name)
    assert result.exit_code == 1, result.stderr
    assert result.stdout.strip()


def test_csv_has_one_row_per_finding(activity):
    rows = list(csv.DictReader(io.StringIO(run("check", activity, "--format", "csv").stdout)))
    assert [(r["code"], r["evidence"], r["severity"]) for r in rows] == [
        ("HS101", "a1", "warning"),
        ("HS102", "a2", "error"),
    ]
    assert json.loads(rows[1]["metrics"]) == {}


def test_several_files_form_one_timeline_and_stdin(split_activity, activity):
    accounts, actions = split_activity
    assert findings(run("check", accounts, actions, "--format", "json")) == findings(
        run("check", activity, "--format", "json")
    )
    piped = run("check", "-", "--format", "json", input=activity.read_bytes())
    assert findings(piped) == [("HS101", "chirper:acme"), ("HS102", "other:acme")]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--select", "HS101"], ["HS101"]),
        (["--select", "HS1"], ["HS101", "HS102"]),
        (["--select", "house-style"], ["HS101", "HS102"]),
        (["--select", "pushy-wording"], ["HS102"]),
        (["--ignore", "HS101,HS102"], []),
        (["--ignore", "HS101", "--ignore", "HS102"], []),
        (["--select", "HS1", "--ignore", "shouting-posts"], ["HS102"]),
    ],
)
def test_select_and_ignore(activity, options, expected):
    result = run("check", activity, "--format", "json", *options)
    assert [code for code, _ in findings(result)] == expected


def test_fail_on_counts_only_heavy_enough_findings(activity):
    assert (
        run("check", activity, "--ignore", "HS102").exit_code == 0
    )  # a warning does not fail by default
    assert run("check", activity, "--ignore", "HS102", "--fail-on", "warning").exit_code == 1
    assert run("check", activity, "--select", "shouting-posts").exit_code == 0


def test_clean_input_exits_zero(quiet_activity):
    result = run("check", quiet_activity)
    assert result.exit_code == 0
    assert result.stdout == "0 findings in 1 action of 1 subject\n"


def test_narrow_by_subject_and_network(activity):
    assert findings(run("check", activity, "--format", "json", "--subject", "zed")) == []
    by_network = run("check", activity, "--format", "json", "--network", "chirp")  # an alias
    assert findings(by_network) == [("HS101", "chirper:acme")]
    narrowed = json.loads(run("check", activity, "--format", "json", "--subject", "acme").stdout)
    assert narrowed["summary"]["subjects"] == ["acme"]


@pytest.mark.parametrize("option", ["--subject", "--network"])
def test_narrowing_to_something_absent_is_a_usage_error(activity, option):
    result = run("check", activity, option, "nobody")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "nobody" in result.stderr


def test_statistics_text_and_json(activity):
    text = run("check", activity, "--statistics")
    assert text.stdout.splitlines() == [
        "    1  HS101   shouting-posts",
        "    1  HS102   pushy-wording",
        "Found 2 findings.",
    ]
    assert text.exit_code == 1
    data = json.loads(run("check", activity, "--statistics", "--format", "json").stdout)
    assert data == [
        {"code": "HS101", "name": "shouting-posts", "count": 1},
        {"code": "HS102", "name": "pushy-wording", "count": 1},
    ]


def test_quiet_leaves_only_findings_and_qq_prints_nothing(activity):
    quiet = run("check", activity, "-q")
    assert "HS101" in quiet.stdout and "findings" not in quiet.stdout
    silent = run("check", activity, "-qq")
    assert silent.stdout == "" and silent.exit_code == 1


def test_output_writes_a_file(activity, tmp_path):
    target = tmp_path / "report.json"
    result = run("check", activity, "--format", "json", "--output", target)
    assert result.stdout == "" and result.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["actions"] == 3


def test_from_forces_a_reader(activity, tmp_path):
    renamed = tmp_path / "activity.log"
    renamed.write_bytes(activity.read_bytes())
    assert findings(run("check", renamed, "--from", "activity", "--format", "json"))


def test_tolerant_skips_and_counts_bad_records(activity):
    activity.write_text(activity.read_text() + "{not json\n", encoding="utf-8")
    strict = run("check", activity)
    assert strict.exit_code == 2
    assert (
        strict.stderr
        == "socialnorms: error: "
        + f"{activity}:7: record: invalid JSON: Expecting property name enclosed in double quotes at column 2\n"
    )
    tolerant = run("check", activity, "--tolerant")
    assert tolerant.exit_code == 1
    assert "1 bad record skipped" in tolerant.stdout and f"skipped: {activity}:7" in tolerant.stdout
    assert (
        json.loads(run("check", activity, "--tolerant", "--format", "json").stdout)["summary"][
            "skipped_records"
        ]
        == 1
    )


def test_colour_only_when_asked_and_never_with_no_color(activity, monkeypatch):
    from socialnorms.cli.commands import _color

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert _color(Terminal()) is True
    assert _color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _color(Terminal()) is False


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "missing.jsonl"], "missing.jsonl: no such file or folder"),
        (["check", "ACTIVITY", "--format", "xml"], "unknown format 'xml'; installed: "),
        (["check", "ACTIVITY", "--select", "HS9"], "--select: 'HS9' is no rule code"),
        (["check", "ACTIVITY", "--select", "hs1"], "(did you mean 'HS1'?)"),
        (["check", "ACTIVITY", "--from", "word"], "unknown input format 'word'"),
        (["check", "ACTIVITY", "--bogus"], "No such option '--bogus'"),
        (["check"], "Missing argument 'PATH...'"),
        (["check", "ACTIVITY", "--config", "nowhere.toml"], "nowhere.toml: cannot read"),
    ],
)
def test_errors_are_one_line_with_status_2(activity, args, needle):
    result = run(*[str(activity) if a == "ACTIVITY" else a for a in args])
    assert result.exit_code == 2
    assert needle in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(6)), name=st.sampled_from(["json", "csv", "text"]))
def test_output_does_not_depend_on_record_order(activity, tmp_path, order, name):
    lines = activity.read_text(encoding="utf-8").splitlines(keepends=True)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("".join(lines[i] for i in order), encoding="utf-8")
    expected = run("check", activity, "--format", name).stdout
    assert run("check", shuffled, "--format", name).stdout == expected.replace(
        str(activity), str(shuffled)
    )


def test_what_the_input_could_not_show_reaches_the_report(tmp_path):
    from socialnorms import Account, Action
    from socialnorms.io import Coverage
    from socialnorms.io.activity import write_activity

    path = tmp_path / "outbox.jsonl"
    brand = Account(id="mastodon:acme", network="mastodon", subject="acme")
    post = Action(
        kind="follow", actor="mastodon:acme", at="2026-03-01T10:00:00Z", target="mastodon:jo"
    )
    gap = Coverage("respond-to-mentions", "none", "an outbox holds no mentions of the owner")
    write_activity(path, [brand], [post], coverage=[gap])
    notes = json.loads(run("check", path, "--format", "json").stdout)["notes"]
    assert any(
        "respond-to-mentions" in note and "no mentions of the owner" in note for note in notes
    )
