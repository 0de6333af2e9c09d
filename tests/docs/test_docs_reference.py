"""The generated reference pages (hooks, rules) match the code, and the site's nav
points at pages that exist."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from socialnorms import Rule
from socialnorms.cli import docgen as _docgen
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.engine.registry import RegisteredRule

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HOW = f"regenerate them with: {_docgen.REGENERATE}"


def test_generated_pages_are_up_to_date():
    problems = _docgen.stale_pages(DOCS)
    assert not problems, (
        "generated documentation is out of date; " + HOW + "\n" + "\n".join(problems)
    )


def _documented_hooks() -> dict[str, str]:
    """Hook name -> the ``def`` line documented under its heading on the committed page."""
    text = (DOCS / "reference" / "hooks.md").read_text(encoding="utf-8")
    sections = re.findall(
        r"^## (\w+)\n\n```python\n@hookimpl\n(def [^\n]*?): \.\.\.\n```", text, re.M
    )
    return dict(sections)


def test_every_hook_is_documented_with_its_signature():
    hooks = {
        name
        for name in vars(new_plugin_manager(builtins=False, entrypoints=False).hook)
        if not name.startswith("_")
    }
    documented = _documented_hooks()
    assert set(documented) == hooks, (
        f"docs/reference/hooks.md documents {sorted(documented)}, the code has {sorted(hooks)}; {HOW}"
    )
    for spec in _docgen.hook_specs():
        assert documented[spec.__name__] == _docgen.hook_signature(spec), (
            f"{spec.__name__}: signature drifted; {HOW}"
        )


def test_a_changed_signature_is_noticed(tmp_path):
    _docgen.write_pages(tmp_path)
    page = tmp_path / "reference" / "hooks.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("register: Callable[[Check], None]", "register"),
        encoding="utf-8",
    )
    assert _docgen.stale_pages(tmp_path) == [f"{page}: out of date"]


def test_each_builtin_rule_has_a_page_with_its_records():
    rules = _docgen.builtin_rules()
    assert rules, "no built-in rules"
    index = (DOCS / "rules" / "index.md").read_text(encoding="utf-8")
    for code, registered in rules.items():
        page = (DOCS / "rules" / f"{code}.md").read_text(encoding="utf-8")
        rule = registered.rule
        assert page.startswith(f"# {code} {rule.name}\n")
        assert rule.summary in page and rule.why in page
        assert rule.example.strip() in page and rule.quiet_example.strip() in page
        assert all(f"| `{option.name}` |" in page for option in rule.options)
        if rule.instead:
            assert f"## What to do instead\n\n{rule.instead}\n" in page
        assert f"](../guidelines/{registered.guideline}.md#{code.lower()}-" in page, (
            "links its guideline's section"
        )
        assert f"[{code}]({code}.md)" in index


def test_a_rule_page_says_what_to_do_instead_when_the_rule_does():
    told = Rule(code="TY001", name="toy-rule", summary="S.", why="W.", instead="Do the kind thing.")
    page = _docgen.rule_page(RegisteredRule(told, "toy-guideline", "toy"))
    assert "## Why\n\nW.\n\n## What to do instead\n\nDo the kind thing.\n\n## Options" in page
    silent = _docgen.rule_page(
        RegisteredRule(attrs.evolve(told, instead=""), "toy-guideline", "toy")
    )
    assert "## Why\n\nW.\n\n## Options" in silent and "What to do instead" not in silent


def test_a_removed_rule_loses_its_page(tmp_path):
    _docgen.write_pages(tmp_path)
    (tmp_path / "rules" / "SN999.md").write_text("# SN999 gone\n", encoding="utf-8")
    assert _docgen.stale_pages(tmp_path) == [
        f"{tmp_path / 'rules' / 'SN999.md'}: no such rule any more"
    ]
    _docgen.write_pages(tmp_path)
    assert _docgen.stale_pages(tmp_path) == []


def test_check_mode_reports_and_exits_one(tmp_path, capsys):
    assert _docgen.main(["--check", str(tmp_path)]) == 1
    assert "hooks.md: missing" in capsys.readouterr().out
    assert _docgen.main([str(tmp_path)]) == 0
    assert _docgen.main(["--check", str(tmp_path)]) == 0


@pytest.mark.parametrize(
    ("rst", "markdown"),
    [
        ("A :class:`~socialnorms.Rule` here.", "A [`Rule`][socialnorms.Rule] here.\n"),
        (
            "See :func:`socialnorms.check_function`.",
            "See [`socialnorms.check_function`][socialnorms.check_function].\n",
        ),
        ("Raises :class:`TypeError`.", "Raises `TypeError`.\n"),
        ("Use ``register(x)``.", "Use `register(x)`.\n"),
        (
            "Like this::\n\n    @hookimpl\n    def f(register):\n        pass\n\nDone.",
            "Like this:\n\n```python\n@hookimpl\ndef f(register):\n    pass\n```\n\nDone.\n",
        ),
        (
            "Entry point::\n\n    [project.entry-points.socialnorms]\n\nDone.",
            "Entry point:\n\n```toml\n[project.entry-points.socialnorms]\n```\n\nDone.\n",
        ),
        (
            "Text.\n\n:param register: ``register(x)``; raises\n    an error.\n\n.. versionadded:: 0.2.0",
            "Text.\n\n*Added in version 0.2.0.*\n\n**Parameters**\n\n- `register`: `register(x)`; raises an error.\n",
        ),
    ],
)
def test_docstrings_become_markdown(rst, markdown):
    assert _docgen.docstring_markdown(rst) == markdown


def test_the_site_nav_points_at_pages_that_exist():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    pages = re.findall(r"^\s+- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$", nav, re.M)
    assert len(pages) > 30
    missing = [page for page in pages if not (DOCS / page).is_file()]
    assert not missing, f"mkdocs.yml's nav names pages that do not exist: {missing}"
    assert len(pages) == len(set(pages)), "a page is twice in the nav"
