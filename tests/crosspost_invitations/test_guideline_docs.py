"""The guideline page documents every rule and option of personalize-invitations."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialnorms.engine.plugins import BUILTIN_PLUGINS
from socialnorms.guidelines import personalize_invitations

DOCS = Path(__file__).resolve().parents[2] / "docs" / "guidelines"
MODULES = {"personalize-invitations": personalize_invitations}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_page_documents_every_rule_and_option_with_its_default(name):
    page = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    for rule in MODULES[name].RULES:
        assert f"## {rule.code} {rule.name}" in page
        assert rule.why in page
        for option in rule.options:
            default = list(option.default) if isinstance(option.default, tuple) else option.default
            shown = str(default).replace("|", "\\|")
            assert f"| `{option.name}` | `{shown}` |" in page, option.name


@pytest.mark.parametrize("name", sorted(MODULES))
def test_guideline_is_a_builtin_plugin_under_its_name(name):
    assert (name, MODULES[name].__name__) in BUILTIN_PLUGINS
    assert {check.guideline for check in [getattr(MODULES[name], name.replace("-", "_"))]} == {name}
