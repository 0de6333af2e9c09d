"""Reports built the way a check run builds them: findings, measurements, activity volume.

``scenario_report`` is a brand on two networks with findings under every
guideline and every figure the charts draw; ``clean_report`` is a well-behaved
account (both with the charts the installed rules declare, as the engine gives
them); ``checked_report`` comes out of the engine with a small test plugin.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from socialnorms import (
    Account,
    Action,
    Checker,
    Finding,
    Measurement,
    Post,
    Report,
    Rule,
    Timeline,
    check_function,
    new_plugin_manager,
)
from socialnorms.testing import as_plugin

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def finding(
    code, guideline, severity, subject="acme", network="twitter", *, evidence=("a1", "a2"), **extra
):
    account = extra.pop("account", f"{network}:{subject}" if network and subject else None)
    return Finding(
        code=code,
        rule=extra.pop("rule", guideline.split("-")[0] + "-rule"),
        guideline=guideline,
        severity=severity,
        subject=subject,
        account=account,
        network=network,
        message=extra.pop("message", f"{guideline} broken <b>here</b> & there"),
        suggestion=extra.pop("suggestion", "Do the considerate thing."),
        evidence=evidence,
        at=extra.pop("at", START + timedelta(days=len(code))),
        metrics=extra.pop("metrics", {"share": 0.8, "reposts": 10}),
    )


GUIDELINES = (
    "crosspost-with-consideration",
    "no-autofollow",
    "personalize-invitations",
    "respond-to-mentions",
    "retweet-carefully",
)


def measurements(subject="acme"):
    out = [
        Measurement("respond-to-mentions", subject, "twitter", "response_rate", 0.4),
        Measurement("respond-to-mentions", subject, "twitter", "median_response_minutes", 1440.0),
        Measurement("respond-to-mentions", subject, "linkedin", "response_rate", 0.9),
        Measurement("respond-to-mentions", subject, "linkedin", "median_response_minutes", 45.0),
        Measurement("no-autofollow", subject, "twitter", "follow_back_share", 0.97),
        Measurement("no-autofollow", subject, "twitter", "median_follow_back_minutes", 0.5),
        Measurement("personalize-invitations", subject, "linkedin", "personalization_score", 0.15),
    ]
    for month, share in (("2026-01", 0.2), ("2026-02", 0.5), ("2026-03", 0.8)):
        out.append(
            Measurement("retweet-carefully", subject, "twitter", "self_mention_share", share, month)
        )
    return out


@pytest.fixture
def scenario_report() -> Report:
    findings = [
        finding("SN101", "retweet-carefully", "warning"),
        finding("SN102", "retweet-carefully", "info", evidence=("a3",)),
        finding("SN201", "crosspost-with-consideration", "warning", network=None, account=None),
        finding("SN301", "no-autofollow", "error"),
        finding("SN401", "personalize-invitations", "warning", network="linkedin"),
        finding("SN501", "respond-to-mentions", "error", subject="globex", evidence=("g1",)),
        finding(
            "SN000", "socialnorms", "error", subject=None, network=None, account=None, evidence=()
        ),
    ]
    return Checker().with_charts(
        Report(
            findings=findings,
            actions=940,
            accounts=12,
            subjects=("acme", "globex"),
            plugins={"test": "1.0"},
            notes=("respond-to-mentions: no profile for network 'mastodon'",),
            measurements=measurements("acme") + measurements("globex")[:2],
            volume={"acme": {"twitter": 600, "linkedin": 240}, "globex": {"twitter": 100}},
            guidelines=GUIDELINES,
        )
    )


@pytest.fixture
def clean_report() -> Report:
    return Checker().with_charts(
        Report(
            actions=120,
            accounts=3,
            subjects=("calm",),
            measurements=[
                Measurement("respond-to-mentions", "calm", "twitter", "response_rate", 1.0)
            ],
            volume={"calm": {"twitter": 120}},
            guidelines=GUIDELINES,
        )
    )


VAIN = Rule(
    code="TST001",
    name="vain-reposts",
    summary="Reposts praise of oneself.",
    why="Followers want useful posts, not the account's own praise.",
)


@check_function("test-vanity", [VAIN])
def vanity(ctx):
    for subject in ctx.timeline.subjects:
        for account in ctx.timeline.accounts_of(subject):
            reposts = ctx.timeline.by_actor(account.id, "repost")
            ctx.measure(subject, account.network, "self_mention_share", 1.0, "2026-01")
            if reposts:
                yield ctx.finding(
                    "TST001",
                    subject=subject,
                    account=account.id,
                    message=f"{len(reposts)} reposts of praise",
                    suggestion="Share others' work.",
                    evidence=[a.id for a in reposts],
                    metrics={"reposts": len(reposts)},
                )


def timeline() -> Timeline:
    accounts = [
        Account(id="tw:acme", network="twitter", subject="acme", handle="acme"),
        Account(id="li:acme", network="linkedin", subject="acme", handle="acme"),
        Account(id="tw:fan", network="twitter", handle="fan"),
    ]
    actions = []
    for i in range(5):
        actions.append(
            Action(
                id=f"p{i}",
                kind="post",
                actor="tw:fan",
                at=START + timedelta(hours=i),
                post=Post(id=f"fp{i}", text=f"love @acme {i}"),
            )
        )
        actions.append(
            Action(
                id=f"r{i}",
                kind="repost",
                actor="tw:acme",
                at=START + timedelta(hours=i, minutes=5),
                target=f"fp{i}",
            )
        )
    actions.append(
        Action(id="l1", kind="post", actor="li:acme", at=START, post=Post(id="lp1", text="hello"))
    )
    return Timeline(accounts, actions)


@pytest.fixture
def checked_report() -> Report:
    pm = new_plugin_manager(builtins=False, entrypoints=False)
    pm.register(as_plugin(vanity), name="test-vanity")
    return Checker(plugin_manager=pm).check(timeline())
