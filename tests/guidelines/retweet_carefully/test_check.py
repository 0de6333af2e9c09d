"""The guideline's check and review as a whole: its rule modules, the nudges of a
review, and that every nudge names a habit the check reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialnorms import Rule
from socialnorms.engine.review import agrees
from socialnorms.guidelines import retweet_carefully
from socialnorms.guidelines._habit import HabitOptions
from socialnorms.guidelines.retweet_carefully import GUIDELINE, RULE_MODULES, RULES
from socialnorms.testing import TimelineBuilder, assert_findings

BRAND = "twitter:northwind"
HABITS = frozenset(rule.code for rule in RULES)


def test_every_rule_module_declares_a_habit_rule_with_its_check_and_review():
    assert GUIDELINE == "retweet-carefully"
    assert [m.RULE for m in RULE_MODULES] == list(RULES)
    assert [r.code for r in RULES] == ["SN101", "SN102", "SN103"]
    for module in RULE_MODULES:
        rule: Rule = module.RULE
        assert rule.habit and rule.instead and rule.needs
        assert issubclass(rule.settings, HabitOptions)
        assert {"window_days", "threshold", "error_threshold"} <= set(rule.defaults)
        assert callable(module.check) and callable(module.review)
    assert RULES[0].instead == retweet_carefully.SUGGEST_SN101


def praise_history(subject, shared, praise, count: int) -> TimelineBuilder:
    builder = shared(subject(), praise[:count], step_hours=1)
    builder.post("twitter:fan9", "thank you @northwind!", id="praise9", after="1h")
    return builder


def test_the_sixth_self_praise_repost_is_nudged_with_its_window(review, subject, shared, praise):
    builder = praise_history(subject, shared, praise, 5).repost(
        BRAND, to="praise9", id="draft", after="5m"
    )
    nudges, report = review(builder)
    by_code = {n.code: n for n in nudges}
    assert set(by_code) == {"SN101", "SN103"}
    sn101 = by_code["SN101"]
    assert sn101.message == (
        "This repost shares a post that praises or mentions the account itself: with it, "
        "6 of 6 reposts and quotes in the last 30 days would be about the account (100%)."
    )
    assert sn101.evidence == ("draft", *(f"r{i}" for i in range(5)))
    assert sn101.metrics == {"flagged": 6, "items": 6, "share": 1.0, "days": 30}
    assert str(sn101.severity) == "error" and sn101.suggestion == RULES[0].instead
    for nudge in nudges:
        assert any(agrees(nudge, f, HABITS) for f in report), (nudge, list(report))


def test_a_useful_repost_after_praise_is_not_nudged(review, subject, shared, praise, useful):
    builder = praise_history(subject, shared, praise, 5)
    builder.post("twitter:news", useful[0], id="useful", after="1h")
    nudges, _report = review(builder.repost(BRAND, to="useful", id="draft", after="5m"))
    assert nudges == []


def test_the_fifth_praise_repost_makes_the_habit_min_shares_is_five(
    review, subject, shared, praise
):
    for count, nudged in ((3, False), (4, True)):
        builder = praise_history(subject, shared, praise, count)
        nudges, _report = review(builder.repost(BRAND, to="praise9", after="5m"), select=["SN101"])
        assert bool(nudges) is nudged, count


def test_a_post_linking_the_shop_after_many_is_nudged(review, subject):
    builder = subject()
    for i in range(6):
        builder.post(BRAND, f"New in the shop https://northwind.example/{i}", after="2h")
    builder.post(BRAND, "And another https://northwind.example/7", id="draft", after="2h")
    nudges, report = review(builder)
    (nudge,) = nudges
    assert nudge.code == "SN102" and nudge.evidence[0] == "draft"
    assert nudge.message == (
        "This post points at the account's own posts or website: with it, 7 of 7 shared "
        "posts and links in the last 30 days would be the account's own (100%)."
    )
    assert_findings(report, codes={"SN102"})


PRAISE = ("thanks @northwind!", "love @northwind", "@northwind you rock", "so happy, @northwind")
USEFUL = (
    "How to repair a tent pole, with photos https://guide.example/{n}",
    "Trail conditions report for the northern loop, updated weekly with maps and notes",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.booleans(), st.integers(1, 60 * 24 * 20)), min_size=3, max_size=14),
    st.booleans(),
    st.integers(1, 60 * 24 * 20),
)
def test_share_nudges_agree_with_the_check(review, subject, shares, ends_with_praise, gap):
    builder = subject()
    for n, (is_praise, minutes) in enumerate(shares):
        text = PRAISE[n % len(PRAISE)] if is_praise else USEFUL[n % len(USEFUL)].format(n=n)
        builder.post(f"twitter:fan{n}", text, id=f"p{n}", after=f"{minutes}m")
        builder.repost(BRAND, after="1m")
    last = PRAISE[0] if ends_with_praise else USEFUL[0].format(n=99)
    builder.post("twitter:fan99", last, id="p99", after=f"{gap}m")
    nudges, report = review(builder.repost(BRAND, after="1m"))
    for nudge in nudges:
        assert any(agrees(nudge, finding, HABITS) for finding in report), (nudge, list(report))
    if any(n.code == "SN101" for n in nudges):
        assert ends_with_praise
