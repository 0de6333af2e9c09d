"""A small test plugin (a guideline with two rules and a network profile) and
activity fixtures for driving the command line in-process."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

import socialnorms.engine.checker
from socialnorms import (
    NetworkProfile,
    Option,
    Rule,
    check_function,
    new_plugin_manager,
    reset_plugin_manager,
)
from socialnorms.testing import as_plugin

SHOUTING = Rule(
    code="HS101",
    name="shouting-posts",
    summary="A post written in capital letters.",
    why="Capitals read as shouting.",
    instead="Write in sentence case; keep capitals for the one word you stress.",
    severity="warning",
    example='{"type": "action", "kind": "post", "actor": "a", "at": "2026-01-01T00:00:00Z", "post": {"id": "p", "text": "BUY OUR GEAR TODAY"}}',
    quiet_example='{"type": "action", "kind": "post", "actor": "a", "at": "2026-01-01T00:00:00Z", "post": {"id": "p", "text": "Our gear, today"}}',
    options=[
        Option(
            "min_length", 10, "Short capitals (acronyms) are fine; ten letters read as shouting."
        )
    ],
)
PUSHY = Rule(
    code="HS102",
    name="pushy-wording",
    summary="A post that uses a hard-sell phrase.",
    why="Hard selling puts followers off.",
    severity="error",
    options=[Option("phrase", "buy now", "The most common hard-sell phrase.")],
)


@check_function("house-style", [SHOUTING, PUSHY])
def house_style(ctx):
    for subject in ctx.timeline.subjects:
        for account in ctx.timeline.accounts_of(subject):
            for action in ctx.timeline.by_actor(account.id, "post"):
                text = action.post.text or ""
                network = account.network
                if (
                    ctx.enabled("HS101")
                    and text.isupper()
                    and len(text) >= ctx.option("HS101", "min_length", network)
                ):
                    yield ctx.finding(
                        "HS101",
                        subject=subject,
                        account=account.id,
                        message="shouting",
                        suggestion="Write in sentence case.",
                        evidence=[action.id],
                    )
                if ctx.enabled("HS102") and ctx.option("HS102", "phrase", network) in text.lower():
                    yield ctx.finding(
                        "HS102",
                        subject=subject,
                        account=account.id,
                        message="pushy",
                        suggestion="Invite, do not push.",
                        evidence=[action.id],
                    )


PROFILE = NetworkProfile(
    id="chirper",
    name="Chirper",
    aliases=("chirp",),
    max_length=200,
    response_time=timedelta(hours=6),
    sources={"max_length": "Chirper help centre", "response_time": "A survey of chirpers"},
)


@pytest.fixture(autouse=True)
def test_plugins(monkeypatch, tmp_path):
    """Every Checker gets the built-ins plus the house-style test plugin, no entry points;
    the working folder is an empty one, so no configuration is found by accident."""

    def manager(*, disable=(), strict=None):
        pm = new_plugin_manager(disable=disable, strict=strict, entrypoints=False)
        if "house-style" not in disable:
            pm.register(as_plugin(house_style, networks=[PROFILE]), name="house-style")
        return pm

    monkeypatch.setattr(socialnorms.engine.checker, "get_plugin_manager", manager)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    reset_plugin_manager()
    yield
    reset_plugin_manager()


def _lines(*records):
    return "".join(json.dumps(r) + "\n" for r in records)


ACCOUNTS = [
    {"type": "account", "id": "chirper:acme", "network": "chirper", "subject": "acme"},
    {"type": "account", "id": "other:acme", "network": "other", "subject": "acme"},
    {"type": "account", "id": "chirper:zed", "network": "chirper", "subject": "zed"},
]
ACTIONS = [
    {
        "type": "action",
        "id": "a1",
        "kind": "post",
        "actor": "chirper:acme",
        "at": "2026-01-05T10:00:00Z",
        "post": {"id": "p1", "text": "HUGE SALE THIS WEEKEND"},
    },
    {
        "type": "action",
        "id": "a2",
        "kind": "post",
        "actor": "other:acme",
        "at": "2026-01-06T09:30:00Z",
        "post": {"id": "p2", "text": "Buy now before it is gone"},
    },
    {
        "type": "action",
        "id": "a3",
        "kind": "post",
        "actor": "chirper:zed",
        "at": "2026-01-07T08:00:00Z",
        "post": {"id": "p3", "text": "A quiet, friendly note"},
    },
]


@pytest.fixture
def activity(tmp_path):
    """One file with two subjects: acme shouts on chirper (HS101) and pushes on other (HS102)."""
    path = tmp_path / "activity.jsonl"
    path.write_text(_lines(*ACCOUNTS, *ACTIONS), encoding="utf-8")
    return path


@pytest.fixture
def quiet_activity(tmp_path):
    path = tmp_path / "quiet.jsonl"
    path.write_text(_lines(ACCOUNTS[2], ACTIONS[2]), encoding="utf-8")
    return path


@pytest.fixture
def split_activity(tmp_path):
    """The same timeline in two files: accounts in one, actions in the other."""
    accounts = tmp_path / "accounts.jsonl"
    actions = tmp_path / "actions.ndjson"
    accounts.write_text(_lines(*ACCOUNTS), encoding="utf-8")
    actions.write_text(_lines(*ACTIONS), encoding="utf-8")
    return accounts, actions
