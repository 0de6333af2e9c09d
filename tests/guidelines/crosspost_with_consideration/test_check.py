"""The guideline's check and review as a whole: its rules' examples, networks without
a profile, and the properties every run keeps."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms.engine.review import agrees
from socialnorms.guidelines import PLUGINS, crosspost_with_consideration
from socialnorms.guidelines.crosspost_with_consideration import GUIDELINE, RULE_MODULES, RULES
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet

PHRASES = st.text(max_size=60) | st.sampled_from(
    [
        "What a finish! Two goals in stoppage time",
        "@jane thanks! Tuesday at 3?",
        "Our report is out https://acme.example/r",
        "1/2 How we repair boots",
        "Thanks @jane@fosstodon.org #a #b #c",
        "RT @jane this is great",
        "w " * 130 + "… https://acme.example/r",
        "Café ☕ ouvert dès 8h 🎉",
        "東京の勉強会でお会いできて嬉しかったです",
    ]
)
ACTORS = st.sampled_from(
    ["twitter:acme", "linkedin:acme", "mastodon:acme", "twitter:jane", "linkedin:bob"]
)
SOURCES = st.sampled_from([None, None, "Buffer", "Twitter", "LinkedIn"])


@st.composite
def histories(draw, max_size: int = 12) -> list[dict]:
    """Posts and replies of the subject and others over two days: who, when, what."""
    items = []
    for i in range(draw(st.integers(0, max_size))):
        items.append(
            {
                "actor": draw(ACTORS),
                "minute": draw(st.integers(0, 2000)),
                "text": draw(PHRASES),
                "source": draw(SOURCES),
                "reply_to": draw(st.integers(0, i - 1)) if i and draw(st.booleans()) else None,
            }
        )
    return items


def build(builder: TimelineBuilder, items: list[dict]) -> TimelineBuilder:
    for i, item in enumerate(items):
        minute = item["minute"]
        at = f"2026-03-0{1 + minute // 1440}T{(minute // 60) % 24:02d}:{minute % 60:02d}:00Z"
        fields = {"source": item["source"]} if item["source"] else {}
        if item["reply_to"] is None or item["reply_to"] >= i:  # replies go to earlier posts
            builder.post(item["actor"], item["text"], id=f"a{i}", at=at, **fields)
        else:
            to = f"a{item['reply_to']}"
            builder.reply(item["actor"], item["text"], id=f"a{i}", to=to, at=at, **fields)
    return builder


def keys(report) -> list[dict]:
    return [f.to_dict() for f in report]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(check, rule):
    assert_findings(check(rule.example, rule.code))
    assert_quiet(check(rule.quiet_example, rule.code))


def test_every_rule_module_declares_its_rule_and_judgement():
    assert [m.RULE for m in RULE_MODULES] == list(RULES)
    for module in RULE_MODULES:
        assert callable(module.check) and callable(module.review)
        assert module.RULE.instead and isinstance(module.NEEDS_PROFILE, bool)


def test_network_without_profile_is_skipped_with_a_note(check):
    builder = TimelineBuilder(start="2026-03-02T08:00:00Z").subject("acme", "plurk:acme")
    for _ in range(20):
        builder.post("plurk:acme", "#a #b #c #d #e " + "z" * 900)
    report = check(builder)
    assert_quiet(report)
    assert any("plurk" in note and "profile" in note for note in report.notes)
    quiet = check(builder, "SN200", "SN202")  # rules that need no profile: nothing to note
    assert not any("plurk" in note for note in quiet.notes)


def test_the_guideline_is_a_builtin_plugin_under_its_name():
    assert (GUIDELINE, crosspost_with_consideration.__name__) in PLUGINS
    assert crosspost_with_consideration.crosspost_with_consideration.guideline == GUIDELINE


@settings(max_examples=40, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_shuffling_input_changes_nothing(check, subject, items, rng: random.Random):
    lines = [f"{line}\n" for line in build(subject(), items).jsonl().split("\n") if line]
    accounts = [line for line in lines if '"type": "account"' in line]
    actions = [line for line in lines if line not in accounts]
    rng.shuffle(accounts)
    rng.shuffle(actions)
    assert keys(check("".join(lines))) == keys(check("".join(accounts + actions)))


@settings(max_examples=30, deadline=None)
@given(histories())
def test_no_subjects_no_findings(check, items):
    builder = TimelineBuilder()
    for account in ("twitter:acme", "linkedin:acme", "mastodon:acme", "twitter:jane"):
        builder.account(account)
    assert list(check(build(builder, items))) == []


@settings(max_examples=30, deadline=None)
@given(histories())
def test_activity_of_others_creates_no_findings(check, subject, items):
    others = [i for i in items if i["actor"] in ("twitter:jane", "linkedin:bob")]
    others = [{**item, "reply_to": None} for item in others]
    base = subject("2026-03-01T09:00:00Z").post("twitter:acme", "Spring boots are back in stock")
    alone = keys(check(base))
    assert keys(check(build(base, others))) == alone


@settings(max_examples=40, deadline=None)
@given(histories(max_size=10))
def test_every_nudge_is_a_finding_of_the_check_with_the_draft(review, subject, items):
    items = sorted(items, key=lambda item: item["minute"])
    if not items:
        return
    nudges, report = review(build(subject(), items))
    for nudge in nudges:
        assert nudge.suggestion and nudge.message
        assert any(agrees(nudge, finding, ()) for finding in report), (nudge, list(report))
