"""The examples of docs/nudge.md run as written and print what the page shows."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import socialnorms
from socialnorms import Action, Checker, Post, Reviewer, Timeline
from socialnorms.testing import isolated_plugin_manager, registered

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "nudge.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE, re.S)


def test_the_scheduler_example_prints_what_the_page_shows(monkeypatch):
    (scheduler,) = [block for block in BLOCKS if "class Scheduler" in block]
    shown = re.search(r"It prints:\n\n```\n(.*?)```", PAGE, re.S).group(1)
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(scheduler, "nudge.md", "exec"), {})
    assert printed.getvalue() == shown


def test_the_plugin_example_reviews_with_the_same_judgement_as_its_check():
    (plugin,) = [block for block in BLOCKS if "review=review_house_style" in block]
    namespace: dict[str, object] = {}
    exec(compile(plugin, "nudge.md", "exec"), namespace)

    class Plugin:
        @socialnorms.hookimpl
        def register_checks(self, register):
            register(namespace["house_style"])

    accounts = [socialnorms.Account(id="twitter:brand", network="twitter", subject="brand")]
    at = datetime(2026, 3, 1, tzinfo=UTC)
    long = Action(
        kind="post", actor="twitter:brand", at=at, id="d", post=Post(id="twitter:d", text="x" * 600)
    )
    short = Action(
        kind="post", actor="twitter:brand", at=at, id="s", post=Post(id="twitter:s", text="hello")
    )
    pm = isolated_plugin_manager()
    with registered(pm, Plugin(), name="house-style"):
        checker = Checker(plugin_manager=pm)
        reviewer = Reviewer(Timeline(accounts), checker=checker)
        assert [n.code for n in reviewer(long)] == ["HS001"]
        assert reviewer(short) == []
        assert [f.code for f in checker.check(Timeline(accounts, [long])).findings] == ["HS001"]
    assert reviewer.notes == ()
