"""What a rule declares: typed options, the data it needs, charts, example files."""

from __future__ import annotations

import pytest

from socialnorms import Config, Rule, RuleOptions, Timeline, option, rule_examples
from socialnorms.core.checks import CheckContext, check_function
from socialnorms.core.ruleparts import Chart


class LongCaptions(RuleOptions):
    max_words: int = option(40, "Captions longer than a paragraph are skimmed.")
    networks: tuple[str, ...] = option(("instagram",), "Where captions are read.")


RULE = Rule(
    code="HS001",
    name="long-captions",
    summary="Captions too long to read.",
    why="Nobody reads a wall of text under a photo.",
    instead="Keep the caption to a sentence or two.",
    settings=LongCaptions,
    needs={"own-posts"},
)


def _context(config: Config) -> CheckContext:
    check = check_function("house-style", [RULE])(lambda ctx: iter(()))
    return CheckContext(Timeline([], []), check=check, networks={}, config=config)


def test_settings_fill_the_rule_options_in_declaration_order() -> None:
    assert [o.name for o in RULE.options] == ["max_words", "networks"]
    assert RULE.defaults == {"max_words": 40, "networks": ("instagram",)}
    assert RULE.settings is LongCaptions


def test_options_resolve_per_network_as_attributes() -> None:
    config = Config.from_mapping(
        {
            "options": {"HS001": {"max_words": 30}},
            "networks": {"x": {"options": {"HS001": {"max_words": 12}}}},
        }
    )
    ctx = _context(config)
    assert LongCaptions.resolve(ctx).max_words == 30
    assert LongCaptions.resolve(ctx, "x").max_words == 12
    assert LongCaptions.resolve(ctx, "x") is LongCaptions.resolve(ctx, "x")


def test_contexts_sharing_a_cache_resolve_the_options_once() -> None:
    check = check_function("house-style", [RULE])(lambda ctx: iter(()))
    cache: dict[object, object] = {}
    first, second = (
        CheckContext(Timeline([], []), check=check, networks={}, config=Config(), cache=cache)
        for _ in range(2)
    )
    assert LongCaptions.resolve(first, "x") is LongCaptions.resolve(second, "x")
    assert LongCaptions.resolve(first) is not LongCaptions.resolve(second, "x")


def test_a_default_of_the_wrong_type_fails_at_import() -> None:
    with pytest.raises(ValueError, match="default of max_words"):

        class Broken(RuleOptions):
            max_words: int = option("forty", "a reason", type=int)


def test_an_option_without_a_declaration_fails_at_import() -> None:
    with pytest.raises(TypeError, match="declare it with option"):

        class Broken(RuleOptions):
            max_words: int = 40


def test_options_are_read_only() -> None:
    values = LongCaptions()
    with pytest.raises(AttributeError):
        values.max_words = 3  # type: ignore[misc]


def test_settings_and_options_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        Rule(
            code="HS002",
            name="x",
            summary="s",
            why="w",
            settings=LongCaptions,
            options=RULE.options,
        )


def test_needs_are_kebab_case_kinds() -> None:
    with pytest.raises(ValueError, match="data kind"):
        Rule(code="HS002", name="x", summary="s", why="w", needs={"Own Posts"})


def test_a_finding_suggests_what_the_rule_says_to_do_instead() -> None:
    finding = _context(Config()).finding("HS001", subject=None, account=None, message="m")
    assert finding.suggestion == "Keep the caption to a sentence or two."


def test_charts_validate_their_kind_and_unit() -> None:
    with pytest.raises(ValueError):
        Chart("c", "t", "m", kind="pie", desc="d", absent="a")
    with pytest.raises(ValueError):
        Chart("c", "t", "m", kind="bar", desc="d", absent="a", unit="furlongs")


def test_examples_are_the_files_beside_the_module(tmp_path) -> None:
    module = tmp_path / "long_captions.py"
    (tmp_path / "long_captions.trigger.jsonl").write_text("a\n")
    (tmp_path / "long_captions.quiet.jsonl").write_text("b\n")
    assert rule_examples(str(module)) == ("a\n", "b\n")
