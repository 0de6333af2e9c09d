"""`socialnorms rules | networks | plugins`, help, version, and the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialnorms.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="socialnorms")


def test_rules_table_lists_every_rule():
    lines = run("rules").stdout.splitlines()
    assert lines[0].split() == ["code", "name", "guideline", "severity", "plugin"]
    assert lines[1].split() == ["HS101", "shouting-posts", "house-style", "warning", "house-style"]
    assert lines[2].split()[:2] == ["HS102", "pushy-wording"]


@pytest.mark.parametrize("key", ["HS101", "hs101", "shouting-posts"])
def test_rule_explanation(key):
    out = run("rules", key).stdout
    assert out.startswith("# HS101 shouting-posts\n")
    for part in (
        "Default severity: warning",
        "## Why",
        "Capitals read as shouting.",
        "## What to do instead\n\nWrite in sentence case; keep capitals for the one word",
        "## Example that triggers it",
        "BUY OUR GEAR TODAY",
        "## Example that does not",
        "`min_length` (default `10`): Short capitals",
    ):
        assert part in out


def test_a_rule_without_instead_has_no_such_section():
    out = run("rules", "HS102").stdout
    assert "## Why" in out and "What to do instead" not in out


def test_rule_json_and_unknown_rule():
    data = json.loads(run("rules", "HS102", "--json").stdout)
    assert data["options"] == [
        {"name": "phrase", "default": "buy now", "doc": "The most common hard-sell phrase."}
    ]
    assert data["instead"] == ""
    assert json.loads(run("rules", "HS101", "--json").stdout)["instead"].startswith("Write in")
    listed = json.loads(run("rules", "--json").stdout)
    assert [r["code"] for r in listed if r["plugin"] == "house-style"] == ["HS101", "HS102"]
    missing = run("rules", "XX999")
    assert missing.exit_code == 2 and "no rule 'XX999'" in missing.stderr


def test_networks_list_details_and_sources():
    listing = run("networks").stdout.splitlines()
    assert listing[1].split() == ["chirper", "Chirper", "chirp", "house-style"]
    details = run("networks", "chirp").stdout
    assert details.startswith("Chirper (chirper), from plugin house-style")
    assert "max_length: 200\n  source: Chirper help centre" in details
    assert "response_time: 6 hours\n  source: A survey of chirpers" in details
    data = json.loads(run("networks", "chirper", "--json").stdout)
    assert data["response_time"] == 21600 and data["plugin"] == "house-style"
    assert run("networks", "myspace").exit_code == 2


def test_plugins_lists_what_each_registered_and_failures(monkeypatch):
    out = run("plugins").stdout
    assert "house-style" in out and "check:house-style, network:chirper" in out
    data = {p["name"]: p for p in json.loads(run("plugins", "--json").stdout)}
    assert data["reporters"]["builtin"] and "reporter:csv" in data["reporters"]["provides"]

    import socialnorms.engine.checker
    from socialnorms import new_plugin_manager

    def broken(*, disable=(), strict=None):
        pm = new_plugin_manager(disable=disable, strict=strict, entrypoints=False)
        pm._guarded("broken", "socialnorms-broken", "0.0.1", False, lambda: 1 / 0)
        return pm

    monkeypatch.setattr(socialnorms.engine.checker, "get_plugin_manager", broken)
    result = run("plugins")
    assert "FAILED: ZeroDivisionError: division by zero" in result.stdout
    assert "socialnorms: warning: plugin 'broken' failed to load" in result.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["networks"], ["plugins"]])
def test_help_on_every_command_has_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "socialnorms " in result.stdout


def test_help_lists_the_registered_formats():
    from socialnorms.engine import Checker

    names = "|".join(Checker().registry.reporters)
    assert "csv" in names and f"--format [{names}]" in run("check", "--help").stdout


def test_version():
    assert run("--version").stdout.startswith("socialnorms, version ")


def _entry_point() -> Path:
    return Path(sys.executable).with_name("socialnorms")


@pytest.mark.skipif(
    not _entry_point().exists(), reason="the socialnorms script is not installed beside Python"
)
def test_installed_entry_point(activity, tmp_path):
    script = str(_entry_point())
    env = {"PATH": "/usr/bin:/bin", "SOCIALNORMS_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run(
        [script, "check", str(activity), "--format", "json"], capture_output=True, env=env
    )
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["summary"]["actions"] == 3
    assert b"\x1b[" not in result.stdout
    missing = subprocess.run(
        [script, "check", str(tmp_path / "gone.jsonl")], capture_output=True, env=env
    )
    assert missing.returncode == 2
    assert missing.stderr.decode().count("\n") == 1 and b"Traceback" not in missing.stderr
