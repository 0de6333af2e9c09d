"""Builders for guideline tests: activity records in, a Report out."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from socialnorms import Checker, Config, NetworkProfile, Timeline, hookimpl, new_plugin_manager
from socialnorms.io.activity import parse_account, parse_action, read_activity

START = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)


def stamp(hours: float = 0.0, days: float = 0.0) -> str:
    """An RFC 3339 time ``days`` and ``hours`` after the tests' start."""
    moment = START + timedelta(days=days, hours=hours)
    return moment.isoformat().replace("+00:00", "Z")


def account(id: str, **fields) -> dict:
    return {"type": "account", "id": id, "network": id.partition(":")[0], **fields}


def action(id: str, kind: str, actor: str, at: str, **fields) -> dict:
    return {"type": "action", "id": id, "kind": kind, "actor": actor, "at": at, **fields}


def post(id: str, actor: str, at: str, text: str, **post_fields) -> dict:
    return action(id, "post", actor, at, post={"id": f"{actor}/{id}", "text": text, **post_fields})


def timeline_of(records) -> Timeline:
    accounts = [parse_account(r) for r in records if r["type"] == "account"]
    actions = [parse_action(r) for r in records if r["type"] == "action"]
    return Timeline(accounts, actions)


class _Profiles:
    def __init__(self, profiles):
        self.profiles = profiles

    @hookimpl
    def register_networks(self, register):
        for profile in self.profiles:
            register(profile)


def checker(guideline: str, profiles: tuple[NetworkProfile, ...] = (), **config) -> Checker:
    pm = new_plugin_manager(entrypoints=False)
    if profiles:
        pm.register(_Profiles(profiles), name="test-profiles")
    return Checker(config=Config(select=[guideline], **config), plugin_manager=pm)


def run(guideline: str, records, profiles=(), **config):
    """Check ``records`` (dicts) or JSON Lines text with one guideline only."""
    if isinstance(records, str):
        result = read_activity(io.BytesIO(records.encode()), name="example")
        timeline = Timeline(result.accounts, result.actions)
    else:
        timeline = timeline_of(records)
    return checker(guideline, tuple(profiles), **config).check(timeline)


def codes(report, severity=None) -> list[str]:
    return sorted(
        f.code for f in report.findings if severity is None or str(f.severity) == severity
    )


def jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture
def build():
    """The builders, as one namespace."""

    class B:
        pass

    for f in (stamp, account, action, post, timeline_of, run, codes, jsonl, checker):
        setattr(B, f.__name__, staticmethod(f))
    return B
