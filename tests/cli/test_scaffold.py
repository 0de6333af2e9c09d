"""``socialnorms new-plugin``: names, refusals, and docs/tutorial-plugin.md done for real.

The tutorial test installs the generated distribution into a virtual environment of
its own (which sees the test environment's packages through a ``.pth`` file), so
the project's environment is never changed, and pip works offline: no index, no
build isolation (hatchling and editables come with the ``test`` extra).
"""

from __future__ import annotations

import ast
import os
import re
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialnorms.cli import main
from socialnorms.cli.scaffold import ScaffoldError, new_plugin, plugin_names, render

TUTORIAL = Path(__file__).resolve().parents[2] / "docs" / "tutorial-plugin.md"


@pytest.mark.parametrize(
    ("name", "prefix", "expected"),
    [
        (
            "house-style",
            None,
            ("house-style", "socialnorms-house-style", "socialnorms_house_style", "HS"),
        ),
        (
            "socialnorms-house-style",
            None,
            ("house-style", "socialnorms-house-style", "socialnorms_house_style", "HS"),
        ),
        ("alt", None, ("alt", "socialnorms-alt", "socialnorms_alt", "A")),
        (
            "one-two-three-four-five",
            None,
            (
                "one-two-three-four-five",
                "socialnorms-one-two-three-four-five",
                "socialnorms_one_two_three_four_five",
                "OTTF",
            ),
        ),
        (
            "social-news",
            "NEWS",
            ("social-news", "socialnorms-social-news", "socialnorms_social_news", "NEWS"),
        ),
        ("x-2go", None, ("x-2go", "socialnorms-x-2go", "socialnorms_x_2go", "X")),
    ],
)
def test_names_derive_from_the_plugin_name(name, prefix, expected):
    names = plugin_names(name, prefix)
    assert (names.name, names.distribution, names.package, names.prefix) == expected


@pytest.mark.parametrize(
    ("name", "prefix", "message"),
    [
        ("House", None, "lower-case words joined by hyphens"),
        ("house_style", None, "lower-case words joined by hyphens"),
        ("house--style", None, "lower-case words joined by hyphens"),
        ("2fast", None, "lower-case words joined by hyphens"),
        ("", None, "lower-case words joined by hyphens"),
        ("retweet-carefully", None, "built-in plugin"),
        ("social-news", None, "would be SN, which socialnorms uses; give --prefix"),
        ("house-style", "SN", "socialnorms' own"),
        ("house-style", "hs", "1 to 4 capital letters"),
        ("house-style", "HOUSE", "1 to 4 capital letters"),
        ("house-style", "H1", "1 to 4 capital letters"),
    ],
)
def test_bad_names_and_prefixes_are_refused(name, prefix, message):
    with pytest.raises(ScaffoldError, match=re.escape(message)):
        plugin_names(name, prefix)


def test_templates_are_filled_in_completely():
    names = plugin_names("house-style", "HOUS")
    files = render(names)
    assert set(map(str, files)) == {
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "src/socialnorms_house_style/__init__.py",
        "src/socialnorms_house_style/shouting.py",
        "src/socialnorms_house_style/shouting.trigger.jsonl",
        "src/socialnorms_house_style/shouting.quiet.jsonl",
        "src/socialnorms_house_style/py.typed",
        "tests/conftest.py",
        "tests/test_socialnorms_house_style.py",
    }
    for path, text in files.items():
        assert "$" not in text, f"{path}: a placeholder is left"
        if path.suffix == ".py":
            ast.parse(text, str(path))
    assert (
        '[project.entry-points.socialnorms]\nhouse-style = "socialnorms_house_style"'
        in files[Path("pyproject.toml")]
    )
    assert 'code="HOUS001"' in files[Path("src/socialnorms_house_style/shouting.py")]
    assert "RULE_MODULES = (shouting,)" in files[Path("src/socialnorms_house_style/__init__.py")]


def test_an_existing_folder_is_never_overwritten(tmp_path):
    folder = new_plugin("house-style", output=tmp_path)
    readme = folder / "README.md"
    readme.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_plugin("house-style", output=tmp_path)
    assert readme.read_text(encoding="utf-8") == "mine\n"


def test_an_empty_folder_is_used(tmp_path):
    (tmp_path / "socialnorms-house-style").mkdir()
    assert (new_plugin("house-style", output=tmp_path) / "pyproject.toml").is_file()


def test_the_command_reports_what_it_made_and_refuses_cleanly(tmp_path):
    runner = CliRunner()
    made = runner.invoke(main, ["new-plugin", "house-style", "--output", str(tmp_path)])
    assert made.exit_code == 0, made.output
    assert "rule HS001 in socialnorms_house_style" in made.output
    again = runner.invoke(main, ["new-plugin", "house-style", "--output", str(tmp_path)])
    assert again.exit_code == 2
    assert again.output.strip().endswith("already exists; choose another name or --output folder")
    bad = runner.invoke(main, ["new-plugin", "House Style", "--output", str(tmp_path)])
    assert bad.exit_code == 2
    assert "plugin name 'House Style': expected lower-case words" in bad.output
    assert "Traceback" not in again.output + bad.output


# -- the tutorial, step by step -------------------------------------------------------------------


def _tutorial() -> str:
    return TUTORIAL.read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _tutorial(), re.S)


def _ok(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    run = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert run.returncode == 0, f"{' '.join(args)} failed:\n{run.stdout}{run.stderr}"
    return run.stdout


def _sandbox(root: Path) -> Path:
    """A virtual environment that sees this one's packages but installs into its own."""
    env_dir = root / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    parents = [p for p in site.getsitepackages() if Path(p).is_dir()]
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in parents)
    (Path(own) / "_socialnorms_test_parent.pth").write_text(lines, encoding="utf-8")
    return python


def _titled_blocks() -> list[tuple[str, str]]:
    """The blocks that give a file's whole text, with its path as title (JSON Lines)."""
    return re.findall(r'```\w+ title="([^"]+)"\n(.*?)```', _tutorial(), re.S)


def _change_lines(text: str, changes: str) -> str:
    """``text`` with each line of ``changes`` in place of the one line that starts the
    same way (up to its ``import`` or ``=``)."""
    lines = text.splitlines(keepends=True)
    for change in filter(str.strip, changes.splitlines()):
        start = re.match(r".*? (?:import|=) ", change)
        assert start, f"the page changes a line it does not say how to find: {change!r}"
        (at,) = [i for i, line in enumerate(lines) if line.startswith(start.group())]
        lines[at] = change + "\n"
    return "".join(lines)


def _files(folder: Path) -> dict[str, bytes]:
    """The distribution's files by relative path, without caches (``.hypothesis``, …)."""
    found = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        hidden = any(part.startswith((".", "__pycache__")) for part in relative.parts)
        if path.is_file() and not hidden:
            found[relative.as_posix()] = path.read_bytes()
    return found


def test_the_tutorial_works_as_written(tmp_path):
    """Generate, install, test, see the rule; add HS002 from the page; test again; build."""
    text = _tutorial()
    for command in (
        "socialnorms new-plugin house-style",
        'python -m pip install -e ".[test]"',
        "python -m pytest",
        "socialnorms rules HS001",
        "socialnorms rules HS002",
        "python -m build",
    ):
        assert command in text, f"the tutorial no longer says {command!r}; update this test with it"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)

    # 1. Create the distribution; the page shows the command's output as it is.
    made = _ok([sys.executable, "-m", "socialnorms", "new-plugin", "house-style"], tmp_path, env)
    assert made.strip() in [block.strip() for block in _blocks("text")]
    folder = tmp_path / "socialnorms-house-style"
    (tree,) = [block for block in _blocks("text") if block.startswith(f"{folder.name}/")]
    for path in _files(folder):
        assert Path(path).name in tree, f"the page's tree of the distribution misses {path}"

    # 2. Install it (offline, into its own environment) and run its tests untouched.
    python = _sandbox(tmp_path)
    _ok(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            "-e",
            str(folder),
        ],
        tmp_path,
        env,
    )
    tests = _ok([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], folder, env)
    assert re.search(r"\b5 passed\b", tests), tests
    assert "HS001" in _ok([str(python), "-m", "socialnorms", "rules"], folder, env)

    # 3. Write the rule of the page: one module, two example files, its line in RULE_MODULES.
    # The page names every file it touches; nothing else changes.
    before = _files(folder)
    for block in _blocks("python"):
        first, _, code = block.partition("\n")
        where, _, how = first.removeprefix("# ").partition(": ")
        path = folder / where
        if how == "change these lines":
            path.write_text(_change_lines(path.read_text(encoding="utf-8"), code), encoding="utf-8")
        else:
            assert not path.exists(), f"{where}: the page writes a file the template has"
            path.write_text(code, encoding="utf-8")
    for where, content in _titled_blocks():
        assert not (folder / where).exists(), f"{where}: the page writes a file the template has"
        (folder / where).write_text(content, encoding="utf-8")
    after = _files(folder)
    package = "src/socialnorms_house_style"
    assert set(after) - set(before) == {
        f"{package}/bare_links.py",
        f"{package}/bare_links.trigger.jsonl",
        f"{package}/bare_links.quiet.jsonl",
        "tests/test_bare_links.py",
    }
    assert {path for path in before if before[path] != after[path]} == {f"{package}/__init__.py"}
    tests = _ok([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], folder, env)
    assert re.search(r"\b7 passed\b", tests), tests
    assert "7 passed" in text and "5 passed" in text
    rules = _ok([str(python), "-m", "socialnorms", "rules"], folder, env)
    assert re.search(r"^HS001\s+shouting\s+house-style", rules, re.M)
    assert re.search(r"^HS002\s+bare-links\s+house-style", rules, re.M)
    explained = _ok([str(python), "-m", "socialnorms", "rules", "HS002"], folder, env)
    assert explained.startswith("# HS002 bare-links")

    # The project's own environment knows nothing of it.
    assert "HS001" not in _ok([sys.executable, "-m", "socialnorms", "rules"], tmp_path, env)

    # 4. Publish: the wheel carries the package and the entry point.
    _ok(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--disable-pip-version-check",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(folder),
        ],
        tmp_path,
        env,
    )
    (wheel,) = (tmp_path / "dist").glob("socialnorms_house_style-0.1.0-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = archive.read(
            "socialnorms_house_style-0.1.0.dist-info/entry_points.txt"
        ).decode()
    for rule in ("shouting", "bare_links"):
        for suffix in (".py", ".trigger.jsonl", ".quiet.jsonl"):
            assert f"socialnorms_house_style/{rule}{suffix}" in names
    assert "[socialnorms]\nhouse-style = socialnorms_house_style" in entry_points

    # Installed from the wheel, the rules read their examples from the installed files.
    installed = _sandbox(tmp_path / "from-wheel")
    _ok(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(installed),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-index",
            "--no-deps",
            str(wheel),
        ],
        tmp_path,
        env,
    )
    explained = _ok([str(installed), "-m", "socialnorms", "rules", "HS002"], tmp_path, env)
    assert "https://acme.example/blog/new-boots" in explained
