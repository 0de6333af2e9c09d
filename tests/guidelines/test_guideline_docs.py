"""Each guideline's page documents every rule and option it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialnorms.guidelines import no_autofollow, respond_to_mentions, retweet_carefully

DOCS = Path(__file__).resolve().parents[2] / "docs" / "guidelines"


@pytest.mark.parametrize("module", [retweet_carefully, no_autofollow, respond_to_mentions])
def test_page_names_every_rule_and_option(module):
    page = (DOCS / f"{module.GUIDELINE}.md").read_text(encoding="utf-8")
    for rule in module.RULES:
        assert f"{rule.code} `{rule.name}`" in page
        for option in rule.options:
            assert f"| `{option.name}` | {option.default} |" in page, (rule.code, option.name)
