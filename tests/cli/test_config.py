"""Configuration files: discovery, overrides by the command line, validation messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from socialnorms import Config, ConfigError, check
from socialnorms.cli import main
from socialnorms.core.config import find_config_file


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="socialnorms")


def codes(result):
    return [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


def test_pyproject_table_is_found_upward(activity, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.socialnorms]\nignore = ["HS102"]\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert find_config_file() == tmp_path / "pyproject.toml"
    assert codes(run("check", activity, "--format", "json")) == [("HS101", "warning")]


def test_socialnorms_toml_wins_over_pyproject_in_the_same_folder(activity, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.socialnorms]\nignore = ["HS102"]\n')
    (tmp_path / "socialnorms.toml").write_text('ignore = ["HS101"]\n')
    assert codes(run("check", activity, "--format", "json")) == [("HS102", "error")]


def test_pyproject_without_the_table_is_not_a_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None


def test_severity_options_and_per_network_overrides(activity, tmp_path):
    (tmp_path / "socialnorms.toml").write_text(
        'fail-on = "warning"\n'
        '[severity]\nshouting-posts = "info"\n'
        "[options.HS101]\nmin_length = 100\n"
        "[networks.chirp.options.HS101]\nmin_length = 5\n"  # an alias of chirper
        '[networks.other]\nignore = ["pushy-wording"]\n'
    )
    result = run("check", activity, "--format", "json")
    assert codes(result) == [("HS101", "info")]
    assert result.exit_code == 0  # fail-on warning, and only an info finding is left


def test_command_line_overrides_the_file(activity, tmp_path):
    (tmp_path / "socialnorms.toml").write_text('select = ["HS101"]\nfail-on = "info"\n')
    assert codes(run("check", activity, "--format", "json", "--select", "HS102")) == [
        ("HS102", "error")
    ]
    assert run("check", activity, "--ignore", "HS102", "--fail-on", "error").exit_code == 0
    assert run("check", activity, "--ignore", "HS102").exit_code == 1  # the file's fail-on


def test_explicit_config_file(activity, tmp_path):
    other = tmp_path / "strict.toml"
    other.write_text('ignore = ["house-style"]\n')
    assert codes(run("check", activity, "--format", "json", "--config", other)) == []


def test_disable_plugins(activity, tmp_path):
    (tmp_path / "socialnorms.toml").write_text('disable-plugins = ["house-style"]\n')
    assert codes(run("check", activity, "--format", "json")) == []
    assert "house-style" not in run("rules").stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'selct = ["HS1"]',
            "socialnorms.toml: selct: unknown key (did you mean 'select'?); allowed keys:",
        ),
        (
            'select = "HS9"',
            "socialnorms.toml: select: 'HS9' is no rule code, code prefix, rule or guideline name",
        ),
        ("select = 3", "socialnorms.toml: select: expected a list of strings, got 3"),
        (
            'fail-on = "loud"',
            "socialnorms.toml: fail-on: expected info, warning or error, got 'loud'",
        ),
        (
            '[severity]\nHS101 = "loud"',
            "severity.HS101: expected info, warning or error, got 'loud'",
        ),
        ('[severity]\nHS999 = "info"', "severity.HS999: no rule has this code or name"),
        (
            "[options.HS101]\nmin_lenght = 3",
            "options.HS101.min_lenght: HS101 (shouting-posts) has no option 'min_lenght' (did you mean 'min_length'?); "
            "allowed: min_length",
        ),
        (
            '[options.HS101]\nmin_length = "long"',
            "options.HS101.min_length: expected int or float, got 'long'",
        ),
        (
            "[networks.chirper]\nmute = 1",
            "networks.chirper.mute: unknown key; allowed keys: ignore, options, severity",
        ),
        ('disable-plugins = ["reporters"]', "disable-plugins: plugin 'reporters' is essential"),
        ("select = [", "socialnorms.toml: not valid TOML"),
    ],
)
def test_config_mistakes_are_one_line_naming_file_key_and_allowed_values(
    activity, tmp_path, text, message
):
    (tmp_path / "socialnorms.toml").write_text(text + "\n")
    result = run("check", activity)
    assert result.exit_code == 2
    assert message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_pyproject_errors_name_the_full_key(activity, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.socialnorms]\nfail_on = 1\n")
    result = run("check", activity)
    assert (
        "pyproject.toml: tool.socialnorms.fail_on: expected info, warning or error, got 1"
        in result.stderr
    )


def test_the_same_configuration_from_python(activity, tmp_path):
    (tmp_path / "socialnorms.toml").write_text(
        'ignore = ["HS102"]\n[options.shouting-posts]\nmin_length = 5\n'
    )
    config = Config.load(tmp_path / "socialnorms.toml")
    assert config.ignore == ("HS102",) and config.options == {"shouting-posts": {"min_length": 5}}
    assert [f.code for f in check(activity, config=config)] == ["HS101"]
    assert [
        f.code
        for f in check(activity, config=Config(select="HS102,HS101", ignore=["shouting-posts"]))
    ] == ["HS102"]
    with pytest.raises(ConfigError, match="min_length: expected int or float"):
        check(activity, config=Config(options={"HS101": {"min_length": "x"}}))


def test_pyproject_validation_errors_name_the_full_key(activity, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.socialnorms.options.HS101]\nmin_lenght = 3\n")
    result = run("check", activity)
    assert (
        "pyproject.toml: tool.socialnorms.options.HS101.min_lenght: HS101 (shouting-posts) has no option"
        in result.stderr
    )
