"""Every configuration example in the docs loads and validates against the installed rules.

Each ```toml block of ``docs/**/*.md`` and ``README.md`` is written to a file and read
by :meth:`Config.load`, the loader ``socialnorms check`` uses: a block with a
``[tool.…]``, ``[project…]`` or ``[build-system]`` table is a ``pyproject.toml``, any
other block a ``socialnorms.toml`` (keys at the top level). The configuration is then
given to a :class:`Checker`, which validates every rule reference, option name and
option type against the installed rules as ``socialnorms check`` does, and checks the
example timeline.

``Config(...)`` calls in ```python blocks are built and validated the same way when
all their arguments are literals; other Python is not run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import socialnorms
from socialnorms import Checker, Config, ConfigError

ROOT = Path(__file__).resolve().parents[2]
DOCS = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.S | re.M)
PYPROJECT_TABLE = re.compile(r"^\s*\[\[?\s*(tool|project|build-system)\b", re.M)


def fenced(text: str, language: str) -> list[tuple[int, str]]:
    """(line number, body) of each fenced block of ``language`` in ``text``."""
    return [
        (text.count("\n", 0, match.start()) + 1, match.group(2))
        for match in FENCE.finditer(text)
        if match.group(1) == language
    ]


def literal_config_calls(code: str) -> list[dict[str, object]]:
    """The keyword arguments of each ``Config(...)`` call whose arguments are all literals."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name != "Config" or any(kw.arg is None for kw in node.keywords):
            continue
        try:
            calls.append({kw.arg: ast.literal_eval(kw.value) for kw in node.keywords})
        except ValueError:
            continue  # not self-contained: an argument is computed
    return calls


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def toml_examples(paths=DOCS):
    return [
        pytest.param(body, id=f"{_where(path)}:{line}")
        for path in paths
        for line, body in fenced(path.read_text(encoding="utf-8"), "toml")
    ]


def python_config_examples(paths=DOCS):
    return [
        pytest.param(kwargs, id=f"{_where(path)}:{line}:{i}")
        for path in paths
        for line, body in fenced(path.read_text(encoding="utf-8"), "python")
        for i, kwargs in enumerate(literal_config_calls(body))
    ]


@pytest.fixture(scope="module")
def timeline():
    return socialnorms.load(ROOT / "examples" / "acme.jsonl")


def load_toml_example(body: str, folder: Path) -> Config:
    """Read a docs TOML block through the real loader, as the file it is written for."""
    name = "pyproject.toml" if PYPROJECT_TABLE.search(body) else "socialnorms.toml"
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return Config.load(path)


def check_with(config: Config, timeline) -> None:
    """Validate ``config`` against the installed rules (as ``socialnorms check`` does) and use it."""
    report = Checker(config=config).check(timeline)
    assert report is not None


@pytest.mark.parametrize("body", toml_examples())
def test_toml_example_loads_and_validates(body, tmp_path, timeline):
    check_with(load_toml_example(body, tmp_path), timeline)


@pytest.mark.parametrize("kwargs", python_config_examples())
def test_python_config_example_validates(kwargs, timeline):
    check_with(Config(**kwargs), timeline)


def test_the_configuration_page_examples_are_found():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    blocks = fenced(text, "toml")
    assert any("[tool.socialnorms]" in body for _line, body in blocks)
    assert any(literal_config_calls(body) for _line, body in fenced(text, "python"))


@pytest.mark.parametrize(
    "body",
    [
        'timezone = "Europe/Paris"\n',
        "[tool.socialnorms.options.SN101]\nmin_share = 0.6\n",
        '[tool.socialnorms.severity]\ninvitation-template = "info"\n',
        "[tool.socialnorms.networks.linkedin.options.SN501]\nresponse_hours = 48\n",
    ],
)
def test_a_wrong_key_in_an_example_fails(body, tmp_path, timeline):
    with pytest.raises(ConfigError):
        check_with(load_toml_example(body, tmp_path), timeline)


def test_a_wrong_python_config_example_fails(timeline):
    (kwargs,) = literal_config_calls('Config(options={"SN101": {"min_share": 0.6}})')
    with pytest.raises(ConfigError):
        check_with(Config(**kwargs), timeline)


def test_the_config_module_docstring_example_validates(tmp_path, timeline):
    import inspect
    import textwrap

    import socialnorms.core.config

    doc = inspect.getdoc(socialnorms.core.config) or ""
    match = re.search(r"::\n\n((?:[ \t]+\S.*\n|\n)+)", doc + "\n")
    assert match, "the module docstring has no TOML example"
    body = textwrap.dedent(match.group(1))
    assert "[tool.socialnorms]" in body
    check_with(load_toml_example(body, tmp_path), timeline)
