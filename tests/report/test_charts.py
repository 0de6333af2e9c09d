"""Rules declare how their measurements are charted; the HTML report draws what they declare."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Chart, Checker, Config, Measurement, Report, Rule, check_function
from socialnorms.engine.registry import Registry
from socialnorms.testing import (
    TimelineBuilder,
    as_plugin,
    isolated_plugin_manager,
    registered,
    run_checks,
)

REPLY_WORDS = Chart(
    ident="reply-words",
    title="Words per reply",
    measurement="reply_words",
    kind="bar",
    desc="Mean number of words in the subject's replies, per network.",
    absent="No replies were measured.",
    unit="number",
)

TERSE = Rule(
    code="TRS001",
    name="terse-replies",
    summary="Replies of a word or two.",
    why="A one-word reply reads as brushing the person off.",
    charts=(REPLY_WORDS,),
)


@check_function("terse-replies", [TERSE])
def terse(ctx):
    for subject in ctx.timeline.subjects:
        for account in ctx.timeline.accounts_of(subject):
            replies = ctx.timeline.by_actor(account.id, "reply")
            if replies:
                words = [len(a.post.text.split()) for a in replies]
                ctx.measure(subject, account.network, "reply_words", sum(words) / len(words))
    return ()


def _timeline() -> TimelineBuilder:
    return (
        TimelineBuilder()
        .subject("acme", "twitter:acme")
        .post("twitter:jane", "@acme is the shop open on Sunday?", id="q1")
        .reply("twitter:acme", "Yes from ten to four, see you then!")
    )


def _chart_ids(html: str) -> list[str]:
    return re.findall(r'<figure id="chart-([\w-]+)"', html)


def test_a_third_party_rule_gets_its_chart_in_the_html_report():
    report = run_checks(_timeline(), terse)
    assert report.charts == {"terse-replies": (REPLY_WORDS,)}
    html = report.to_html()
    assert _chart_ids(html) == ["reply-words"]
    assert "<h3>Words per reply</h3>" in html and "<td>8</td>" in html  # "Yes … then!" is 8 words
    notebook = report._repr_html_()
    assert "reply-words" in notebook and "<summary>1 chart of findings" in notebook


def test_the_declarations_are_not_part_of_the_json_report():
    report = run_checks(_timeline(), terse)
    assert "Words per reply" not in report.to_json()
    assert attrs.evolve(report, charts=None).to_json() == report.to_json()
    assert Report.from_json(report.to_json()) == report  # equal without their declarations


def _checker_with_terse() -> Checker:
    pm = isolated_plugin_manager()
    pm.register(as_plugin(terse), name="terse")
    return Checker(plugin_manager=pm)


def test_a_report_read_from_json_gets_the_charts_of_the_installed_rules_from_a_checker():
    report = run_checks(_timeline(), terse)
    read_back = Report.from_json(report.to_json())
    assert read_back.charts is None
    assert _chart_ids(read_back.to_html()) == []  # without declarations: the findings chart only
    charted = _checker_with_terse().with_charts(read_back)
    assert charted.charts == report.charts and charted.to_html() == report.to_html()
    assert Checker(plugin_manager=isolated_plugin_manager()).with_charts(read_back).charts == {}


def test_a_report_built_by_hand_gets_the_charts_of_the_guidelines_it_measured():
    report = Report(
        subjects=("acme",),
        measurements=[Measurement("terse-replies", "acme", "twitter", "reply_words", 3.0)],
    )
    html = _checker_with_terse().with_charts(report).to_html()
    assert _chart_ids(html) == ["reply-words"] and "<td>3</td>" in html


def test_with_charts_keeps_the_charts_a_report_has():
    report = Report(charts={"house-style": ()})
    assert _checker_with_terse().with_charts(report) is report


def test_a_chart_draws_only_the_measurement_of_its_own_guideline():
    report = Report(
        subjects=("acme",),
        measurements=[
            Measurement("terse-replies", "acme", "twitter", "reply_words", 3.0),
            Measurement("house-style", "acme", "mastodon", "reply_words", 40.0),
        ],
        charts={"terse-replies": (REPLY_WORDS,)},
    )
    html = report.to_html()
    assert "<td>twitter</td><td>3</td>" in html
    assert "mastodon" not in html


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [("minutes", 120.0, "2 h"), ("share", 0.5, "50%"), ("number", 0.25, "0.25")],
)
def test_the_unit_says_how_values_read(unit, value, shown):
    chart = attrs.evolve(REPLY_WORDS, unit=unit)
    report = Report(
        subjects=("acme",),
        measurements=[Measurement("terse-replies", "acme", "twitter", "reply_words", value)],
        charts={"terse-replies": (chart,)},
    )
    assert f"<td>twitter</td><td>{shown}</td>" in report.to_html()


def test_a_chart_of_a_check_that_ran_without_data_says_so_and_the_notebook_leaves_it_out():
    report = run_checks(TimelineBuilder().subject("acme", "twitter:acme"), terse)
    assert "No replies were measured." in report.to_html()
    assert "reply-words" not in report._repr_html_()


def _rule(code: str, ident: str) -> Rule:
    return Rule(
        code=code,
        name=ident,
        summary="s",
        why="w",
        charts=(
            attrs.evolve(
                REPLY_WORDS, ident=ident, title=ident, measurement=ident.replace("-", "_")
            ),
        ),
    )


def test_only_the_checks_that_ran_are_charted():
    first = check_function("alpha", [_rule("AA001", "alpha-one")])(lambda ctx: ())
    second = check_function("zeta", [_rule("ZZ001", "zeta-one")])(lambda ctx: ())
    report = run_checks(_timeline(), first, second, config=Config(select=["AA"]))
    assert list(report.charts or {}) == ["alpha"]
    assert _chart_ids(report.to_html()) == []
    assert "zeta" not in report.to_html()
    both = run_checks(_timeline(), first, second)
    assert list(both.filter(guideline="zeta").charts or {}) == ["zeta"]


# Codes that sort otherwise than their guidelines: the guideline comes first.
CHECKS = [
    check_function("zeta", [_rule("AB001", "zeta-one")])(lambda ctx: ()),
    check_function("alpha", [_rule("ZZ002", "alpha-two"), _rule("ZZ001", "alpha-one")])(
        lambda ctx: ()
    ),
    check_function("mid", [_rule("MM001", "mid-one")])(lambda ctx: ()),
]


@given(st.permutations(CHECKS))
def test_charts_are_in_guideline_then_rule_code_order_whatever_the_registration(checks):
    pm = isolated_plugin_manager()
    with registered(pm, as_plugin(*checks), name="ordered"):
        charts = Registry(pm).charts(["zeta", "alpha", "mid", "unknown"])
    assert [(g, c.ident) for g, cs in charts.items() for c in cs] == [
        ("alpha", "alpha-one"),
        ("alpha", "alpha-two"),
        ("mid", "mid-one"),
        ("zeta", "zeta-one"),
    ]
    report = Report(charts=charts)
    headings = re.findall(r"<h3>([^<]+)</h3>", report.to_html())
    assert headings == ["Findings per guideline", "alpha-one", "alpha-two", "mid-one", "zeta-one"]
