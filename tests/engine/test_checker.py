"""The engine: isolated checks, deterministic reports, configuration applied."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms import Checker, Config, Rule, Severity, Timeline, check_function
from socialnorms.testing import (
    TimelineBuilder,
    as_plugin,
    assert_findings,
    assert_quiet,
    isolated_plugin_manager,
    registered,
    run_checks,
)
from socialnorms.testing.strategies import activity

UNANSWERED = Rule(
    code="TST501",
    name="unanswered-mention",
    summary="A mention of a subject got no reply.",
    why="People who address a brand expect an answer.",
    severity="warning",
)
BURST = Rule(
    code="TST502",
    name="reply-burst",
    summary="Many replies in one hour.",
    why="Floods followers.",
    severity="info",
    options=[socialnorms.Option("per_hour", 3, "More than a few replies an hour reads as a bot.")],
)


@check_function("test-mentions", [UNANSWERED, BURST])
def mentions_check(ctx):
    """A small but real check: mentions of a subject's account that the account never replied to."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        for account in timeline.accounts_of(subject):
            for action in timeline.mentions_of(account.id):
                if action.actor == account.id:
                    continue
                answered = any(r.actor == account.id for r in timeline.replies_to(action.post.id))
                if not answered and ctx.enabled("TST501"):
                    yield ctx.finding(
                        "TST501",
                        subject=subject,
                        account=account.id,
                        message=f"{action.actor} mentioned {account.id} and got no reply",
                        suggestion="Answer them.",
                        evidence=[action.id],
                        metrics={"mentions": 1},
                    )
            replies = timeline.by_actor(account.id, "reply")
            limit = ctx.option("TST502", "per_hour", network=account.network)
            if len(replies) > limit:
                yield ctx.finding(
                    "TST502",
                    subject=subject,
                    account=account.id,
                    message=f"{len(replies)} replies",
                    suggestion="Slow down.",
                    evidence=[r.id for r in replies],
                )


@check_function("test-broken", [Rule(code="TST900", name="always-fails", summary="s", why="w")])
def broken_check(ctx):
    yield ctx.finding("TST900", subject=None, account=None, message="first", suggestion="")
    raise ZeroDivisionError("division by zero in the model")


@check_function("test-liar", [Rule(code="TST910", name="wrong-code", summary="s", why="w")])
def liar_check(ctx):
    yield ctx.finding("TST910", subject=None, account=None, message="ok", suggestion="")
    yield "not a finding"


def acme() -> TimelineBuilder:
    return (
        TimelineBuilder()
        .subject("acme", "twitter:acme", handle="@acme")
        .account("twitter:jane", handle="@jane")
        .post("twitter:jane", "@acme where is my order?", id="q1")
        .reply("twitter:acme", "@jane on its way!", after="20m")
        .post("twitter:bob", "@acme your boots broke", id="q2", after="1h")
    )


def test_a_raising_check_becomes_a_plugin_error_and_the_others_still_run():
    pm = isolated_plugin_manager(strict=False)
    with (
        registered(pm, as_plugin(broken_check), name="flaky-plugin"),
        registered(pm, as_plugin(mentions_check), name="solid"),
    ):
        report = socialnorms.check(acme().build(), plugin_manager=pm)
    errors = assert_findings(
        report.filter(guideline="socialnorms"), codes={"SN000"}, count=1, severity="error"
    )
    (error,) = errors
    assert (error.rule, error.guideline) == ("plugin-error", "socialnorms")
    assert "plugin 'flaky-plugin' failed in check 'test-broken': ZeroDivisionError" in error.message
    assert error.metrics == {"plugin": "flaky-plugin", "check": "test-broken"}
    assert "SOCIALNORMS_DISABLE_PLUGINS=flaky-plugin" in error.suggestion
    assert_findings(report, subject="acme", codes={"TST501"}, evidence={"q2"})
    assert not report.filter(code="TST900")  # a failed check's partial output is not trusted


def test_a_check_yielding_something_else_than_its_findings_is_a_plugin_error():
    pm = isolated_plugin_manager(strict=False)
    with registered(pm, as_plugin(liar_check), name="liar"):
        report = socialnorms.check(Timeline(), plugin_manager=pm)
    (error,) = assert_findings(report, codes={"SN000"})
    assert "yielded 'not a finding', not a Finding of its rules" in error.message


def test_a_finding_whose_metrics_cannot_be_written_is_a_plugin_error():
    @check_function(
        "test-timedelta", [Rule(code="TST920", name="bad-metric", summary="s", why="w")]
    )
    def bad_metric(ctx):
        yield ctx.finding(
            "TST920",
            subject=None,
            account=None,
            message="m",
            suggestion="",
            metrics={"delay": timedelta(hours=1)},
        )

    report = run_checks(Timeline(), bad_metric, strict=False)
    (error,) = assert_findings(report, codes={"SN000"})
    assert (
        "Finding.metrics.delay: not a JSON value: datetime.timedelta(seconds=3600)" in error.message
    )
    assert json.loads(report.to_json())["findings"][0]["code"] == "SN000"


def test_strict_mode_lets_the_exception_through():
    with pytest.raises(ZeroDivisionError):
        run_checks(Timeline(), broken_check)


def test_findings_carry_guideline_network_time_and_configured_severity():
    report = run_checks(acme(), mentions_check, config=Config(severity={"TST501": "error"}))
    (finding,) = assert_findings(report, codes={"TST501"}, evidence={"q2"}, severity="error")
    assert (finding.guideline, finding.network, finding.rule) == (
        "test-mentions",
        "twitter",
        "unanswered-mention",
    )
    assert finding.at == acme().build().action("q2").at
    assert report.fails() and not run_checks(acme(), mentions_check).fails()


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"TST501", "TST502"}),
        (("TST501",), (), {"TST501"}),
        (("TST5",), ("TST502",), {"TST501"}),
        (("test-mentions",), (), {"TST501", "TST502"}),
        ((), ("test-mentions",), set()),
        ((), ("TST",), set()),
    ],
)
def test_select_and_ignore_by_code_prefix_and_guideline(select, ignore, expected):
    builder = acme()
    for n in range(4):
        builder.reply("twitter:acme", f"thanks {n}", to="q1")
    config = Config(select=select, ignore=ignore)
    assert {f.code for f in run_checks(builder, mentions_check, config=config)} == expected


def test_options_come_from_the_network_then_the_configuration_then_the_default():
    builder = (
        acme().reply("twitter:acme", "more", to="q1").reply("twitter:acme", "and more", to="q1")
    )
    assert_quiet(
        run_checks(builder, mentions_check), codes=["TST502"]
    )  # 3 replies, default limit 3
    lowered = Config(options={"reply-burst": {"per_hour": 2}})
    assert_findings(
        run_checks(builder, mentions_check, config=lowered).filter(code="TST502"), count=1
    )
    per_network = Config(
        options={"TST502": {"per_hour": 2}},
        networks={"twitter": {"options": {"TST502": {"per_hour": 5}}}},
    )
    assert_quiet(run_checks(builder, mentions_check, config=per_network), codes=["TST502"])
    severity = Config(networks={"twitter": {"severity": {"TST501": "info"}}})
    assert_findings(
        run_checks(builder, mentions_check, config=severity).filter(code="TST501"), severity="info"
    )


def test_checker_validates_the_configuration_against_the_registered_rules():
    pm = isolated_plugin_manager()
    with registered(pm, as_plugin(mentions_check)):
        with pytest.raises(
            socialnorms.ConfigError, match=r"options\.TST502\.per_hour: expected int or float"
        ):
            Checker(config=Config(options={"TST502": {"per_hour": "many"}}), plugin_manager=pm)
        with pytest.raises(ValueError, match="disabled by the configuration but registered"):
            Checker(config=Config(disable_plugins=["activity-format"]), plugin_manager=pm)


class Shuffled:
    """A check whose findings (some equal but for their severity) come out in a random order."""

    guideline = "test-shuffled"
    rules = (Rule(code="TST700", name="shuffled", summary="s", why="w"),)

    def __init__(self, seed):
        self.random = random.Random(seed)

    def run(self, ctx):
        made = [
            ctx.finding(
                "TST700",
                subject=ctx.timeline.subject_of(a.actor),
                account=a.actor,
                message="same message",
                suggestion="",
                evidence=[a.id],
                severity=severity,
            )
            for a in ctx.timeline.actions
            for severity in Severity
        ]
        self.random.shuffle(made)
        return made


@given(activity(max_actions=12), st.integers(0, 2**16), st.randoms(use_true_random=False))
def test_the_report_does_not_depend_on_input_order(parts, seed, rnd):
    accounts, actions = parts
    first = run_checks(Timeline(accounts, actions), mentions_check, Shuffled(seed)).to_json()
    rnd.shuffle(accounts)
    rnd.shuffle(actions)
    again = run_checks(Timeline(accounts, actions), mentions_check, Shuffled(seed + 1)).to_json()
    assert first == again


@given(activity(max_actions=20), st.randoms(use_true_random=False))
def test_installed_plugins_give_the_same_report_whatever_the_input_order(parts, rnd):
    accounts, actions = parts
    checker = _installed_checker()
    first = checker.check(checker.timeline(accounts, actions))
    rnd.shuffle(accounts)
    rnd.shuffle(actions)
    assert checker.check(checker.timeline(accounts, actions)).to_json() == first.to_json()
    assert not first.filter(code="SN000"), (
        "a check of an installed plugin crashed on a valid timeline"
    )


_CHECKER: list[Checker] = []


def _installed_checker() -> Checker:
    """One Checker with every installed plugin for the whole property (plugins load once)."""
    if not _CHECKER:
        _CHECKER.append(Checker())
    return _CHECKER[0]
