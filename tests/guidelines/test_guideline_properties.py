"""Properties every guideline of this package keeps, and each rule's own examples."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import new_plugin_manager
from socialnorms.engine.registry import Registry
from socialnorms.guidelines import no_autofollow, respond_to_mentions, retweet_carefully

MODULES = (retweet_carefully, no_autofollow, respond_to_mentions)
GUIDELINES = tuple(m.GUIDELINE for m in MODULES)
RULES = [(m.GUIDELINE, rule) for m in MODULES for rule in m.RULES]
FIXED = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize(("guideline", "rule"), RULES, ids=[r.code for _, r in RULES])
def test_rule_example_fires_and_quiet_example_does_not(build, guideline, rule):
    assert rule.example and rule.quiet_example
    fired = build.run(guideline, rule.example)
    assert rule.code in build.codes(fired)
    quiet = build.run(guideline, rule.quiet_example)
    assert rule.code not in build.codes(quiet)


@pytest.mark.parametrize(("guideline", "rule"), RULES, ids=[r.code for _, r in RULES])
def test_rules_are_documented(guideline, rule):
    assert rule.code.startswith("SN") and rule.why and rule.summary
    for option in rule.options:
        assert len(option.doc) > 40, f"{rule.code}.{option.name} needs the reason for its default"


PEOPLE = [f"twitter:p{i}" for i in range(5)]
SUBJECT = ["twitter:brand"]
TEXTS = [
    "hello @brand",
    "@p1 nice one",
    "read https://news.example/x",
    "thanks @brand!",
    "lunch",
    "@p2 @brand what do you think?",
    "#news today",
]


@st.composite
def activity(draw, actors=PEOPLE + SUBJECT, min_size=0):
    """Random records: posts, replies, reposts, likes and follows among a few accounts."""
    records = []
    count = draw(st.integers(min_size, 30))
    for i in range(count):
        actor = draw(st.sampled_from(actors))
        at = f"2026-05-{draw(st.integers(1, 28)):02d}T{draw(st.integers(0, 23)):02d}:00:00Z"
        kind = draw(st.sampled_from(["post", "reply", "repost", "like", "follow"]))
        rid = f"x{i}"
        if kind == "post" or (kind in ("reply", "repost", "like") and i == 0):
            records.append(
                {
                    "type": "action",
                    "id": rid,
                    "kind": "post",
                    "actor": actor,
                    "at": at,
                    "post": {"id": f"post{i}", "text": draw(st.sampled_from(TEXTS))},
                }
            )
        elif kind == "reply":
            records.append(
                {
                    "type": "action",
                    "id": rid,
                    "kind": "reply",
                    "actor": actor,
                    "at": at,
                    "target": f"post{draw(st.integers(0, i - 1))}",
                    "post": {"id": f"post{i}", "text": draw(st.sampled_from(TEXTS))},
                }
            )
        elif kind in ("repost", "like"):
            records.append(
                {
                    "type": "action",
                    "id": rid,
                    "kind": kind,
                    "actor": actor,
                    "at": at,
                    "target": f"post{draw(st.integers(0, i - 1))}",
                }
            )
        else:
            target = draw(st.sampled_from([a for a in PEOPLE + SUBJECT if a != actor]))
            records.append(
                {
                    "type": "action",
                    "id": rid,
                    "kind": "follow",
                    "actor": actor,
                    "at": at,
                    "target": target,
                }
            )
    return records


def _accounts(build, subject=True):
    people = [build.account(p, bio="someone", followers=100, following=100) for p in PEOPLE]
    brand = build.account(
        "twitter:brand", handle="@brand", **({"subject": "brand"} if subject else {})
    )
    return [*people, brand]


@pytest.mark.parametrize("guideline", GUIDELINES)
@FIXED
@given(records=activity())
def test_no_subject_no_findings(build, guideline, records):
    report = build.run(guideline, [*_accounts(build, subject=False), *records])
    assert report.findings == ()
    assert report.measurements == ()


@pytest.mark.parametrize("guideline", GUIDELINES)
@FIXED
@given(records=activity(), noise=activity(actors=PEOPLE), seed=st.integers(0, 10**6))
def test_shuffling_and_unrelated_activity_change_nothing(build, guideline, records, noise, seed):
    base = [*_accounts(build), *records]
    report = build.run(guideline, base)
    shuffled = list(base)
    random.Random(seed).shuffle(shuffled)
    assert build.run(guideline, shuffled).to_json() == report.to_json()
    # Others' activity that neither mentions, follows nor answers the subject.
    unrelated = [
        {
            **r,
            "id": f"n{r['id']}",
            **({"target": f"n{r['target']}"} if r["kind"] in ("reply", "repost", "like") else {}),
            **(
                {"post": {**r["post"], "id": f"n{r['post']['id']}", "text": "weather is nice"}}
                if "post" in r
                else {}
            ),
        }
        for r in noise
        if r["kind"] != "follow" or r["target"] != "twitter:brand"
    ]
    # Kept inside the base's time span: data that runs longer may rightly turn a
    # pending mention into a missed one.
    times = sorted(r["at"] for r in records)
    if not times:
        return
    for r in unrelated:
        r["at"] = min(max(r["at"], times[0]), times[-1])
    with_noise = build.run(guideline, [*base, *unrelated])
    assert [f.to_dict() for f in with_noise.findings] == [f.to_dict() for f in report.findings]


@st.composite
def profiles(draw):
    """Account records for the people with any mix of the optional profile fields."""
    accounts = []
    for person in PEOPLE:
        fields = {}
        for key, value in (
            ("followers", st.integers(0, 10_000)),
            ("following", st.integers(0, 10_000)),
            ("bio", st.sampled_from(["", "hiker", "bot"])),
            ("default_avatar", st.booleans()),
            ("created", st.sampled_from(["2010-01-01T00:00:00Z", "2026-05-10T00:00:00Z"])),
            ("tags", st.sampled_from([[], ["spam"], ["customer"], ["spam", "customer"]])),
        ):
            if draw(st.booleans()):
                fields[key] = draw(value)
        accounts.append({"type": "account", "id": person, "network": "twitter", **fields})
    return accounts


@pytest.mark.parametrize("guideline", GUIDELINES)
@FIXED
@given(people=profiles(), records=activity())
def test_any_valid_timeline_is_checked_without_error(build, guideline, people, records):
    brand = build.account(
        "twitter:brand", handle="@brand", subject="brand", url="https://brand.example"
    )
    report = build.run(guideline, [*people, brand, *records])
    assert all(f.code != "SN000" for f in report.findings), [f.message for f in report.findings]
    assert all(f.guideline == guideline and f.subject == "brand" for f in report.findings)


@pytest.mark.parametrize("guideline", GUIDELINES)
def test_each_guideline_is_a_builtin_plugin_that_can_be_blocked(guideline):
    loaded = Registry(new_plugin_manager(entrypoints=False))
    assert guideline in loaded.guidelines
    blocked = Registry(new_plugin_manager(entrypoints=False, disable=[guideline]))
    assert guideline not in blocked.guidelines
