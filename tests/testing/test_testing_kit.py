"""The author's kit itself: builders, fixtures, assertions, example checker, strategies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import attrs
import pluggy
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms import (
    Account,
    Action,
    ActionKind,
    Finding,
    Post,
    Report,
    Rule,
    Timeline,
    check_function,
)
from socialnorms.engine.registry import Registry
from socialnorms.testing import (
    TimelineBuilder,
    assert_findings,
    assert_quiet,
    check_rule_examples,
    duration,
    registered,
    rule_example_problems,
    run_checks,
)
from socialnorms.testing.strategies import activity, timelines, timestamps

UTC = UTC


# -- builders -------------------------------------------------------------------------------


def test_the_builder_keeps_a_clock_and_readable_ids():
    builder = (
        TimelineBuilder(start="2026-03-01T09:00Z")
        .subject("acme", "twitter:acme", "linkedin:acme", handle="acme")
        .account("twitter:jane", tags=["customer"])
        .post("twitter:jane", "Loved the keynote by @acme", id="q1", at="2026-03-01T10:00Z")
        .reply("twitter:acme", "Thank you!", after="2h")
        .repost("twitter:acme")
        .like("twitter:acme", "twitter:999", author="twitter:bob", text="outside post")
        .invite("linkedin:acme", "linkedin:bob", "Met you at the fair")
        .follow("twitter:acme", "twitter:jane", at="2026-03-02T08:00:00+01:00", via="auto-follow")
    )
    timeline = builder.build()
    assert [a.id for a in timeline.actions] == [
        "q1",
        "twitter:a2",
        "twitter:a3",
        "twitter:a4",
        "linkedin:a5",
        "twitter:a6",
    ]
    assert [a.at.strftime("%d %H:%M") for a in timeline.actions] == [
        "01 10:00",
        "01 12:00",
        "01 12:01",
        "01 12:02",
        "01 12:03",
        "02 07:00",
    ]
    reply = timeline.action("twitter:a2")
    assert (reply.kind, reply.target, reply.post.id) == (ActionKind.REPLY, "q1", "twitter:p2")
    assert timeline.action("twitter:a3").target == "twitter:p2"  # the latest post by default
    assert timeline.post("twitter:999").author == "twitter:bob"
    assert timeline.action("linkedin:a5").message == "Met you at the fair"
    assert timeline.action("twitter:a6").via == "auto-follow"
    assert [a.id for a in timeline.accounts_of("acme")] == ["linkedin:acme", "twitter:acme"]
    assert timeline.account("twitter:jane").has_tag("customer")
    assert builder.last.id == "twitter:a6" and len(builder.actions) == 6


def test_the_builder_writes_what_it_builds():
    builder = (
        TimelineBuilder()
        .subject("acme", "twitter:acme")
        .post("twitter:jane", "hi @acme")
        .quote("twitter:acme", "Thanks!")
        .message("twitter:acme", "twitter:jane", "DM")
        .unfollow("twitter:acme", "twitter:jane")
        .accept("twitter:acme", "twitter:jane")
    )
    report_text = builder.jsonl(header=True)
    assert (
        report_text.splitlines()[0]
        == '{"type": "header", "format": "socialnorms-activity", "version": 1}'
    )
    from_text = run_checks(report_text)
    assert (from_text.actions, from_text.subjects) == (5, ("acme",))
    parsed = socialnorms.io.activity.read_activity(__import__("io").BytesIO(report_text.encode()))
    assert list(parsed.actions) == list(builder.actions)


def test_the_builder_says_what_is_wrong():
    with pytest.raises(ValueError, match="no post to refer to yet; give to=POST_ID"):
        TimelineBuilder().reply("twitter:acme", "hi")
    with pytest.raises(ValueError, match="give network= or an id like 'twitter:acme'"):
        TimelineBuilder().account("acme")
    with pytest.raises(ValueError, match="give at= or after=, not both"):
        TimelineBuilder().follow("twitter:a", "twitter:b", at="2026-03-01T10:00Z", after="1h")
    with pytest.raises(LookupError):
        TimelineBuilder().last  # noqa: B018


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("15m", timedelta(minutes=15)),
        ("2h", timedelta(hours=2)),
        ("1.5d", timedelta(hours=36)),
        ("1w", timedelta(days=7)),
        (timedelta(1), timedelta(1)),
    ],
)
def test_durations(text, expected):
    assert duration(text) == expected


def test_a_bad_duration_says_what_is_expected():
    with pytest.raises(ValueError, match="expected a duration like '90s'"):
        duration("two hours")


# -- plugin managers -------------------------------------------------------------------------

RULE = Rule(
    code="HS101",
    name="shouting",
    summary="Posts in capitals.",
    why="Capitals read as shouting.",
    example=TimelineBuilder()
    .subject("acme", "twitter:acme")
    .post("twitter:acme", "BIG SALE TODAY")
    .jsonl(),
    quiet_example=TimelineBuilder()
    .subject("acme", "twitter:acme")
    .post("twitter:acme", "Sale today")
    .jsonl(),
)


@check_function("house-style", [RULE])
def shouting(ctx):
    for subject in ctx.timeline.subjects:
        for account in ctx.timeline.accounts_of(subject):
            for action in ctx.timeline.by_actor(account.id, "post"):
                if action.post.text.isupper():
                    yield ctx.finding(
                        "HS101",
                        subject=subject,
                        account=account.id,
                        message="shouting",
                        suggestion="Write in sentence case.",
                        evidence=[action.id],
                    )


class HouseStyle:
    def __init__(self, *checks):
        self.checks = checks or (shouting,)

    @socialnorms.hookimpl
    def register_checks(self, register):
        for check in self.checks:
            register(check)


def test_the_plugin_manager_fixture_has_only_what_is_registered(plugin_manager):
    assert plugin_manager.strict
    assert Registry(plugin_manager).rules == {}
    assert {i.name for i in plugin_manager.list_plugins()} == {"activity-format", "reporters"}
    with registered(plugin_manager, HouseStyle(), name="house-style") as name:
        assert name == "house-style"
        assert list(Registry(plugin_manager).rules) == ["HS101"]
        report = socialnorms.check(Timeline(), plugin_manager=plugin_manager)
        assert report.plugins["house-style"] == "unknown"
    assert not plugin_manager.has_plugin("house-style")


def test_registered_refuses_unknown_hooks_and_cleans_up(plugin_manager):
    class Typo:
        @socialnorms.hookimpl
        def register_check(self, register):
            pass

    with (
        pytest.raises(pluggy.PluginValidationError, match="unknown hook 'register_check'"),
        registered(plugin_manager, Typo(), name="typo"),
    ):
        pass
    assert not plugin_manager.has_plugin("typo")


# -- assertions ------------------------------------------------------------------------------


def loud_report() -> Report:
    return run_checks(
        TimelineBuilder()
        .subject("acme", "twitter:acme")
        .post("twitter:acme", "HELLO", id="p1")
        .post("twitter:acme", "hello", id="p2")
        .post("twitter:acme", "BYE", id="p3"),
        shouting,
    )


def test_assert_findings_passes_and_returns_the_matches():
    found = assert_findings(
        loud_report(),
        codes={"HS101"},
        evidence={"p1", "p3"},
        count=2,
        severity="warning",
        account="twitter:acme",
    )
    assert [f.evidence for f in found] == [("p1",), ("p3",)]
    assert assert_findings(loud_report()) == loud_report().findings


@pytest.mark.parametrize(
    ("expectation", "message"),
    [
        (
            {"codes": {"HS102"}},
            "- codes: expected ['HS102'], found ['HS101'] (missing ['HS102']; unexpected ['HS101'])",
        ),
        (
            {"evidence": {"p1"}},
            "- evidence: expected ['p1'], found ['p1', 'p3'] (unexpected ['p3'])",
        ),
        ({"count": 1}, "- count: expected 1 findings, found 2"),
        ({"severity": "error"}, "- severity: expected error, found HS101 warning, HS101 warning"),
        (
            {"account": "twitter:bob"},
            "findings (account='twitter:bob') do not match:\n- expected at least one finding",
        ),
    ],
)
def test_assert_findings_failures_show_what_was_found(expectation, message):
    with pytest.raises(AssertionError) as caught:
        assert_findings(loud_report(), **expectation)
    text = str(caught.value)
    assert message in text
    assert "the report found:\n  HS101 warning twitter:acme: shouting [evidence: p1]\n" in text


def test_assert_quiet():
    assert_quiet(Report())
    assert_quiet(loud_report(), codes=["SN"])
    with pytest.raises(
        AssertionError, match=r"expected no findings of HS1, found 2:\n  HS101 warning"
    ):
        assert_quiet(loud_report(), codes=["HS1"])


# -- documented examples ---------------------------------------------------------------------


def test_documented_examples_that_hold_pass(plugin_manager):
    with registered(plugin_manager, HouseStyle()):
        assert rule_example_problems(plugin_manager) == []
        check_rule_examples(plugin_manager, codes=["HS101"])


def _with_rule(rule):
    @check_function("house-style", [rule])
    def check(ctx):
        return shouting.func(ctx)

    return check


def test_documented_examples_that_do_not_hold_are_each_reported(plugin_manager):
    swapped = attrs.evolve(RULE, example=RULE.quiet_example, quiet_example=RULE.example)
    missing = attrs.evolve(RULE, code="HS102", example="", quiet_example="")
    broken = attrs.evolve(RULE, code="HS103", example='{"type": "action", "kind": "poke"}')
    with (
        registered(plugin_manager, HouseStyle(_with_rule(swapped)), name="a"),
        registered(plugin_manager, HouseStyle(_with_rule(missing)), name="b"),
        registered(plugin_manager, HouseStyle(_with_rule(broken)), name="c"),
    ):
        problems = rule_example_problems(plugin_manager)
        assert problems[0] == "HS101 (shouting, plugin 'a'): Rule.example does not trigger the rule"
        assert problems[1].startswith(
            "HS101 (shouting, plugin 'a'): Rule.quiet_example triggers the rule:\n"
            "  HS101 warning twitter:acme"
        )
        assert problems[2:4] == [
            "HS102 (shouting, plugin 'b'): Rule.example is empty",
            "HS102 (shouting, plugin 'b'): Rule.quiet_example is empty",
        ]
        assert problems[4].startswith("HS103 (shouting, plugin 'c'): Rule.example fails: ")
        assert "action.actor: required" in problems[4]
        assert len(problems) == 5
        assert rule_example_problems(plugin_manager, ["HS102"], require=False) == []
        assert rule_example_problems(plugin_manager, ["HS999"]) == [
            "no registered rule has the code(s) ['HS999']"
        ]
        with pytest.raises(AssertionError, match="documented rule examples do not hold:\n- HS101"):
            check_rule_examples(plugin_manager)


# -- strategies ------------------------------------------------------------------------------


@given(activity(max_actions=30))
def test_generated_timelines_are_consistent(parts):
    accounts, actions = parts
    timeline = Timeline(accounts, actions)
    assert timeline.subjects and all(timeline.accounts_of(s) for s in timeline.subjects)
    assert [a.at for a in actions] == sorted(a.at for a in actions)
    created_at = {}
    for action in actions:
        network = timeline.network_of(action.actor)
        if action.kind.creates_post:
            created_at[action.post.id] = action.at
        if action.kind.targets_post:
            assert created_at[action.target] <= action.at
            assert timeline.post_network(timeline.post(action.target)) == network
        elif not action.kind.creates_post:
            assert timeline.network_of(action.target) == network
            assert action.target != action.actor
        if action.post is not None:
            for mentioned in timeline.text(action.post).mentions:
                assert timeline.network_of(mentioned) == network


@given(
    st.from_type(Account),
    st.from_type(Post),
    st.from_type(Action),
    st.from_type(Timeline),
    st.from_type(Finding),
    st.from_type(Report),
)
def test_strategies_are_registered_for_the_types(account, post, action, timeline, finding, report):
    assert isinstance(account, Account) and account.id.startswith(f"{account.network}:")
    assert isinstance(post, Post) and isinstance(action, Action) and isinstance(timeline, Timeline)
    assert isinstance(finding, Finding) and isinstance(report, Report)


@given(timelines())
def test_a_check_is_property_tested_in_three_lines(timeline):
    report = run_checks(timeline, shouting)
    assert all(
        f.code == "HS101" and timeline.action(f.evidence[0]).post.text.isupper() for f in report
    )


@given(
    timestamps(
        datetime(2026, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))),
        datetime(2026, 1, 2, tzinfo=UTC),
    )
)
def test_timestamps_are_aware_utc(moment):
    assert moment.tzinfo is UTC and datetime(2026, 1, 1, tzinfo=UTC) <= moment <= datetime(
        2026, 1, 2, tzinfo=UTC
    )


def test_run_checks_reads_text_builders_timelines_and_paths(tmp_path):
    builder = (
        TimelineBuilder().subject("acme", "twitter:acme").post("twitter:acme", "LOUD", id="p1")
    )
    path = tmp_path / "loud.jsonl"
    path.write_text(builder.jsonl(), encoding="utf-8")
    for source in (builder, builder.build(), builder.jsonl(), path):
        assert_findings(run_checks(source, shouting), codes={"HS101"}, evidence={"p1"})
    with pytest.raises(ValueError, match=r"pass a pathlib\.Path to read a file"):
        run_checks(str(path), shouting)
    with pytest.raises(
        TypeError, match="expected a Timeline, a TimelineBuilder, activity text or a Path"
    ):
        run_checks(42, shouting)


def test_as_plugin_registers_its_checks_networks_and_topics():
    from socialnorms import NetworkProfile, Topic
    from socialnorms.testing import as_plugin, isolated_plugin_manager

    profile = NetworkProfile(id="chirper", name="Chirper", audience="friends", purpose="chat")
    pm = isolated_plugin_manager()
    with registered(
        pm, as_plugin(shouting, networks=[profile], topics=[Topic("knots", ["bowline"])])
    ):
        checker = socialnorms.Checker(plugin_manager=pm)
        assert "chirper" in checker.registry.networks
        assert "knots" in checker.registry.topics
        assert any(code.startswith("HS") for code in checker.registry.rules)
