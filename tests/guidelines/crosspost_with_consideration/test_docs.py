"""The guideline's page documents every rule and option, with its default."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialnorms.guidelines.crosspost_with_consideration import GUIDELINE, RULES

PAGE = Path(__file__).resolve().parents[3] / "docs" / "guidelines" / f"{GUIDELINE}.md"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_page_documents_the_rule_and_each_option_with_its_default(rule):
    page = PAGE.read_text(encoding="utf-8")
    assert f"## {rule.code} {rule.name}" in page
    assert rule.why in page
    for option in rule.options:
        default = list(option.default) if isinstance(option.default, tuple) else option.default
        shown = str(default).replace("|", "\\|")
        assert f"| `{option.name}` | `{shown}` |" in page, option.name
