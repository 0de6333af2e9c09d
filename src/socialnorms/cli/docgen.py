"""Reference pages generated from the code: the hooks and the built-in rules.

``docs/reference/hooks.md`` comes from the hook specifications' docstrings
(:mod:`socialnorms.core.hookspecs`); ``docs/rules/`` holds a page per built-in rule and
an index, from the rule records. The pages are committed, so they read well on a
code host too, and a test fails when they drift from the code. Regenerate them
with::

    python -m socialnorms.cli.docgen docs

``--check`` only lists the pages that are out of date (exit status 1).
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core import hookspecs
from ..engine.describe import INSTEAD_HEADING, rule_data
from ..engine.plugins import new_plugin_manager
from ..engine.registry import RegisteredRule, Registry

__all__ = [
    "generated_pages",
    "hook_specs",
    "hooks_page",
    "main",
    "rule_page",
    "rules_index",
    "stale_pages",
]

REGENERATE = "python -m socialnorms.cli.docgen docs"
_NOTICE = f"<!-- Generated from the code by `{REGENERATE}`: edit the code, not this page. -->"


# -- reStructuredText docstrings as Markdown -----------------------------------------------

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc):`(~?)([\w.]+)(?:\(\))?`")
_LITERAL = re.compile(r"``(.+?)``")
_FIELD = re.compile(r"^:param (\w+):\s*(.*)$")
_VERSION = re.compile(r"^\.\. version(added|changed):: (\S+)\s*$")


def _role(match: re.Match[str]) -> str:
    """A link to the API reference for socialnorms' own names, plain code for others."""
    short, target = match.group(1), match.group(2)
    shown = target.rsplit(".", 1)[-1] if short else target
    return f"[`{shown}`][{target}]" if target.split(".")[0] == "socialnorms" else f"`{shown}`"


def _inline(text: str) -> str:
    """Sphinx roles become cross-references of the API pages; ````x```` becomes ```x```."""
    return _LITERAL.sub(r"`\1`", _ROLE.sub(_role, text))


def docstring_markdown(docstring: str) -> str:
    """The subset of reStructuredText the project's docstrings use, as Markdown:
    roles, inline literals, ``::`` code blocks, ``:param:`` fields and
    ``.. versionadded::``."""
    lines = inspect.cleandoc(docstring).splitlines()
    out: list[str] = []
    params: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        field, version = _FIELD.match(line), _VERSION.match(line)
        if field:
            text = [field.group(2)]
            while i + 1 < len(lines) and lines[i + 1].startswith(" "):
                i += 1
                text.append(lines[i].strip())
            params.append((field.group(1), _inline(" ".join(text))))
        elif version:
            word = "Added" if version.group(1) == "added" else "Changed"
            out.append(f"*{word} in version {version.group(2)}.*")
        elif line.rstrip().endswith("::"):
            intro = line.rstrip()[:-2].rstrip()
            if intro:
                out.append(_inline(intro) + ":")
            block, i = _indented_block(lines, i + 1)
            language = "toml" if block and block[0].startswith("[") else "python"
            out.extend(["", f"```{language}", *block, "```", ""])
            continue
        else:
            out.append(_inline(line))
        i += 1
    if params:
        out.extend(["", "**Parameters**", ""])
        out.extend(f"- `{name}`: {text}" for name, text in params)
    return _squeeze("\n".join(out))


def _indented_block(lines: Sequence[str], start: int) -> tuple[list[str], int]:
    """The literal block after ``::``: the indented lines (and blank lines between them)."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    block: list[str] = []
    while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    return inspect.cleandoc("\n".join(block)).splitlines(), i


def _squeeze(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# -- the hook reference ----------------------------------------------------------------------


def hook_specs() -> list[Callable[..., Any]]:
    """The hook specifications, in the order the module defines them."""
    marker = f"{hookspecs.PROJECT}_spec"
    specs = [f for f in vars(hookspecs).values() if inspect.isfunction(f) and hasattr(f, marker)]
    return sorted(specs, key=lambda f: f.__code__.co_firstlineno)


def hook_signature(spec: Callable[..., Any]) -> str:
    """``def name(arg: Type) -> None`` as the source writes the annotations."""
    return f"def {spec.__name__}{inspect.signature(spec)}".replace("'", "")


def hooks_page() -> str:
    """``docs/reference/hooks.md``: every hook with its signature and documentation."""
    parts = [
        "# Hook reference",
        _NOTICE,
        docstring_markdown(hookspecs.__doc__ or ""),
        "Hooks: "
        + ", ".join(f"[`{s.__name__}`](#{_slug(s.__name__)})" for s in hook_specs())
        + ".",
    ]
    for spec in hook_specs():
        parts.append(f"## {spec.__name__}")
        parts.append(f"```python\n@hookimpl\n{hook_signature(spec)}: ...\n```")
        parts.append(docstring_markdown(spec.__doc__ or ""))
    return _squeeze("\n\n".join(parts))


# -- the rule reference ---------------------------------------------------------------------


def _slug(heading: str) -> str:
    """The anchor MkDocs (Python-Markdown's ``toc``) gives a heading."""
    text = (
        unicodedata.normalize("NFKD", heading.replace("`", "")).encode("ascii", "ignore").decode()
    )
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _guideline_link(rule: RegisteredRule, docs: Path | None) -> str:
    """A link to the rule's section of its guideline page, when the page exists."""
    page = None if docs is None else docs / "guidelines" / f"{rule.guideline}.md"
    if page is None or not page.is_file():
        return f"`{rule.guideline}`"
    target = f"../guidelines/{rule.guideline}.md"
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"## {rule.rule.code} "):
            target += "#" + _slug(line[3:])
            break
    return f"[{rule.guideline}]({target})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(value: Any) -> str:
    """An option's default as it is written in ``pyproject.toml``."""
    if value is None:
        return "none"
    if isinstance(value, tuple):
        value = list(value)
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _judges(rule: RegisteredRule) -> str:
    """What one finding of the rule weighs: a habit over a window, or single actions."""
    if not rule.rule.habit:
        return "single actions"
    days = rule.rule.defaults.get("window_days")
    return f"a habit over {days} days (`window_days`)" if days else "a habit over many actions"


def rule_page(rule: RegisteredRule, docs: Path | None = None) -> str:
    """``docs/rules/CODE.md``: one rule's summary, reason, what to do instead, options
    and examples."""
    data = rule_data(rule)
    code = data["code"]
    parts = [
        f"# {code} {data['name']}",
        _NOTICE,
        data["summary"],
        "\n".join(
            [
                "| | |",
                "|---|---|",
                f"| Code | `{code}` |",
                f"| Name | `{data['name']}` |",
                f"| Guideline | {_guideline_link(rule, docs)} |",
                f"| Plugin | `{data['plugin']}` |",
                f"| Default severity | {data['severity']} |",
                f"| Judges | {_judges(rule)} |",
            ]
        ),
        f"## Why\n\n{data['why']}",
    ]
    if data["instead"]:
        parts.append(f"## {INSTEAD_HEADING}\n\n{data['instead']}")
    if data["options"]:
        rows = [
            f"| `{o['name']}` | {_default(o['default'])} | {_cell(o['doc'])} |"
            for o in data["options"]
        ]
        parts.append(
            "## Options\n\n| option | default | what it does |\n|---|---|---|\n"
            + "\n".join(rows)
            + f"\n\nSet them in `[tool.socialnorms.options.{code}]` "
            "(see [configuration](../configuration.md))."
        )
    else:
        parts.append("## Options\n\nThis rule has no options.")
    for key, title in (
        ("example", "Example that triggers it"),
        ("quiet_example", "Example that stays quiet"),
    ):
        if data[key].strip():
            parts.append(
                f"## {title}\n\nActivity format, one record a line:\n\n```json\n{data[key].strip()}\n```"
            )
    parts.append(
        "## Try it\n\n```console\n"
        f"socialnorms rules {code}\n"
        f"socialnorms check activity.jsonl --select {code}\n```"
    )
    return _squeeze("\n\n".join(parts))


def rules_index(rules: Mapping[str, RegisteredRule], docs: Path | None = None) -> str:
    """``docs/rules/index.md``: every rule, grouped by guideline."""
    parts = [
        "# Rule reference",
        _NOTICE,
        (
            "Every rule of the built-in guidelines, with its reason, options and documented "
            "examples. `socialnorms rules` lists the rules installed with your plugins too, "
            "and `socialnorms rules CODE` explains one."
        ),
    ]
    by_guideline: dict[str, list[RegisteredRule]] = {}
    for rule in rules.values():
        by_guideline.setdefault(rule.guideline, []).append(rule)
    for guideline in sorted(by_guideline):
        page = None if docs is None else docs / "guidelines" / f"{guideline}.md"
        title = (
            f"[{guideline}](../guidelines/{guideline}.md)"
            if page is not None and page.is_file()
            else guideline
        )
        rows = [
            f"| [{r.rule.code}]({r.rule.code}.md) | `{r.rule.name}` | {r.rule.severity.value} | {_cell(r.rule.summary)} |"
            for r in by_guideline[guideline]
        ]
        parts.append(
            f"## {title}\n\n| code | name | severity | summary |\n|---|---|---|---|\n"
            + "\n".join(rows)
        )
    return _squeeze("\n\n".join(parts))


def builtin_rules() -> Mapping[str, RegisteredRule]:
    """The rules of the built-in guidelines only, whatever else is installed."""
    return Registry(new_plugin_manager(entrypoints=False, strict=True)).rules


# -- writing and checking --------------------------------------------------------------------


def generated_pages(docs: Path) -> dict[Path, str]:
    """Every generated page under ``docs``, by path, with the text it should have."""
    rules = builtin_rules()
    pages = {
        docs / "reference" / "hooks.md": hooks_page(),
        docs / "rules" / "index.md": rules_index(rules, docs),
    }
    for code, rule in rules.items():
        pages[docs / "rules" / f"{code}.md"] = rule_page(rule, docs)
    return pages


def _leftovers(docs: Path, pages: Mapping[Path, str]) -> Iterator[Path]:
    """Rule pages of rules that no longer exist."""
    folder = docs / "rules"
    if folder.is_dir():
        yield from (path for path in sorted(folder.glob("*.md")) if path not in pages)


def stale_pages(docs: Path) -> list[str]:
    """Generated pages that are missing, differ from the code, or have no rule any more."""
    pages = generated_pages(docs)
    problems = [
        f"{path}: {'missing' if not path.exists() else 'out of date'}"
        for path, text in pages.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    problems.extend(f"{path}: no such rule any more" for path in _leftovers(docs, pages))
    return problems


def write_pages(docs: Path) -> list[Path]:
    """Write every generated page (and remove pages of removed rules); return what changed."""
    pages = generated_pages(docs)
    changed = []
    for path, text in pages.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    for path in list(_leftovers(docs, pages)):
        path.unlink()
        changed.append(path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m socialnorms.cli.docgen [--check] [DOCS]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    docs = Path(args[0] if args else "docs")
    if check:
        problems = stale_pages(docs)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    for path in write_pages(docs):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
