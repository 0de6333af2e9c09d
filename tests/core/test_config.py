"""Configuration: files, selection, severities, options and errors that name the key."""

from __future__ import annotations

import pytest

from socialnorms import Config, ConfigError, Option, Rule, Severity

RULES = [
    Rule(
        code="SN101",
        name="self-mention-reposts",
        summary="s",
        why="w",
        options=[
            Option("min_share", 0.5, "Half is where it starts to read as vanity."),
            Option("window_days", 30, "A month evens out campaigns."),
        ],
    ),
    Rule(code="SN102", name="only-own-content", summary="s", why="w"),
    Rule(
        code="SN501",
        name="unanswered-mentions",
        summary="s",
        why="w",
        options=[Option("response_hours", 24, "A day is what most audiences expect.")],
    ),
]
GUIDELINES = ["retweet-carefully", "respond-to-mentions"]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_configuration_file_is_read(tmp_path):
    path = write(
        tmp_path,
        "socialnorms.toml",
        """
select = ["SN1", "respond-to-mentions"]
ignore = "SN102"
disable-plugins = ["bluesky"]
fail-on = "warning"

[severity]
SN101 = "error"

[options.self-mention-reposts]
min_share = 0.6

[networks.linkedin.options.SN501]
response_hours = 48

[networks.linkedin.severity]
SN501 = "info"
""",
    )
    config = Config.load(path)
    config.validate(RULES, GUIDELINES)
    assert config.select == ("SN1", "respond-to-mentions") and config.ignore == ("SN102",)
    assert config.disable_plugins == ("bluesky",) and config.fail_on is Severity.WARNING
    assert config.source == str(path)
    assert config.severity_for("SN101", Severity.WARNING) is Severity.ERROR
    assert config.severity_for("SN501", Severity.WARNING, "linkedin") is Severity.INFO
    assert config.severity_for("SN501", Severity.WARNING, "twitter") is Severity.WARNING
    assert config.option(RULES[0], "min_share", 0.5) == 0.6
    assert config.option(RULES[0], "window_days", 30) == 30
    assert config.option(RULES[2], "response_hours", 24, network="linkedin") == 48
    assert config.option(RULES[2], "response_hours", 24, network="twitter") == 24


@pytest.mark.parametrize(
    ("code", "guideline", "select", "ignore", "selected"),
    [
        ("SN101", "retweet-carefully", (), (), True),
        ("SN101", "retweet-carefully", ("SN101",), (), True),
        ("SN101", "retweet-carefully", ("SN1",), (), True),
        ("SN101", "retweet-carefully", ("SN5",), (), False),
        ("SN101", "retweet-carefully", ("retweet-carefully",), (), True),
        ("SN501", "respond-to-mentions", ("retweet-carefully",), (), False),
        ("SN101", "retweet-carefully", ("SN1",), ("SN101",), False),
        ("SN102", "retweet-carefully", ("SN1",), ("SN101",), True),
        ("SN101", "retweet-carefully", (), ("retweet-carefully",), False),
    ],
)
def test_select_and_ignore(code, guideline, select, ignore, selected):
    assert Config(select=select, ignore=ignore).selects(code, guideline) is selected


def test_discover_finds_the_nearest_file_upward(tmp_path):
    assert Config.discover(tmp_path) == Config()
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    assert Config.discover(tmp_path) == Config()
    write(tmp_path, "pyproject.toml", '[tool.socialnorms]\nselect = ["SN5"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert Config.discover(deep).select == ("SN5",)
    write(tmp_path / "a", "socialnorms.toml", 'ignore = ["SN501"]\n')
    found = Config.discover(deep)
    assert found.ignore == ("SN501",) and found.source.endswith("socialnorms.toml")


@pytest.mark.parametrize(
    ("text", "key", "detail"),
    [
        (
            "selct = ['SN1']",
            "selct",
            "allowed keys: disable-plugins, fail-on, ignore, networks, options, select, severity",
        ),
        ("fail-on = 'fatal'", "", "expected info, warning or error, got 'fatal'"),
        ("[severity]\nSN101 = 'loud'", "", "expected info, warning or error, got 'loud'"),
        ("select = [", "", "not valid TOML"),
    ],
)
def test_bad_files_raise_errors_naming_the_file_key_and_what_is_allowed(
    tmp_path, text, key, detail
):
    path = write(tmp_path, "socialnorms.toml", text)
    with pytest.raises(ConfigError) as caught:
        Config.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and key in message and detail in message


@pytest.mark.parametrize(
    ("config", "key", "detail"),
    [
        ({"select": ["SN9"]}, "select", "'SN9' is no rule code, code prefix"),
        ({"ignore": ["house-style"]}, "ignore", "'house-style' is no rule code, code prefix"),
        ({"severity": {"SN999": "error"}}, "severity.SN999: ", "no rule has th"),
        ({"options": {"SN999": {"x": 1}}}, "options.SN999: ", "no rule has th"),
        (
            {"options": {"SN101": {"share": 1}}},
            "options.SN101.share: ",
            "allowed: min_share, window_days",
        ),
        ({"options": {"SN102": {"share": 1}}}, "options.SN102.share: ", "allowed: none"),
        (
            {"options": {"SN101": {"min_share": "half"}}},
            "options.SN101.min_share: ",
            "expected int or float, got 'half'",
        ),
        (
            {"options": {"SN101": {"window_days": True}}},
            "options.SN101.window_days: ",
            "expected int or float, got True",
        ),
        (
            {"networks": {"linkedin": {"options": {"SN501": {"response_hours": "2d"}}}}},
            "networks.linkedin.options.SN501.response_hours: ",
            "expected int or float, got '2d'",
        ),
        (
            {"networks": {"linkedin": {"severity": {"SN9": "info"}}}},
            "networks.linkedin.severity.SN9: ",
            "no rule",
        ),
    ],
)
def test_validate_names_the_file_the_key_and_what_is_allowed(config, key, detail):
    with pytest.raises(ConfigError) as caught:
        Config.from_mapping(config, source="pyproject.toml").validate(RULES, GUIDELINES)
    message = str(caught.value)
    assert message.startswith("pyproject.toml: ") and key in message and detail in message


def test_merge_replaces_only_given_fields():
    config = Config(select=["SN1"], fail_on="warning")
    merged = config.merge(fail_on="error", select=None)
    assert merged.select == ("SN1",) and merged.fail_on is Severity.ERROR


def test_option_types_follow_the_default():
    terms = Option("terms", ("free", "sale"), "Words that mark an advert.")
    assert terms.validate(["deal"]) == ["deal"]
    assert Option("limit", None, "No limit unless set.").validate(3) == 3
    assert Option("ratio", 0.5, "Half.").validate(1) == 1
    with pytest.raises(ValueError, match="terms: expected list or tuple, got 'deal'"):
        terms.validate("deal")
    with pytest.raises(ValueError, match="flag: expected bool, got 1"):
        Option("flag", False, "Off.").validate(1)
