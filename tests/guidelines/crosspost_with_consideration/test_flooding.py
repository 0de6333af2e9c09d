"""SN206 flooding: more posts in 24 hours than the network's audience welcomes."""

from __future__ import annotations

import pytest

from socialnorms.guidelines.crosspost_with_consideration.flooding import RULE
from socialnorms.testing import TimelineBuilder, assert_findings, assert_quiet


def posts(builder: TimelineBuilder, actor: str, count: int, every: str = "1h") -> TimelineBuilder:
    for i in range(count):
        builder.post(actor, f"Update {i} on the spring line", id=f"p{i}", after=every)
    return builder


@pytest.mark.parametrize(("count", "flagged"), [(3, False), (4, True)])
def test_flooding_threshold_is_the_profile_norm(check, subject, count, flagged):
    report = check(posts(subject(), "linkedin:acme", count), RULE.code)
    if not flagged:
        assert_quiet(report)
        return
    (finding,) = assert_findings(report, evidence={f"p{i}" for i in range(count)})
    assert finding.metrics == {
        "peak_posts_per_day": count,
        "flood_posts_per_day": 3,
        "posts": count,
    }
    figures = [(m.network, m.name, m.value) for m in report.measurements]
    assert ("linkedin", "max_posts_per_day", count) in figures


def test_an_ignored_rule_reports_and_measures_no_flood(check, subject):
    builder = posts(subject(), "twitter:acme", 12)
    assert_findings(check(builder, RULE.code), count=1)
    report = check(builder, ignore=[RULE.code])
    assert [f for f in report if f.code == RULE.code] == []
    assert "max_posts_per_day" not in {m.name for m in report.measurements}


def test_replies_do_not_count_as_flooding_by_default(check, subject):
    builder = subject().post("linkedin:jo", "Questions welcome", id="linkedin:q")
    for i in range(6):
        builder.reply("linkedin:acme", f"Thanks for the question {i}", to="linkedin:q", after="1h")
    assert_quiet(check(builder, RULE.code))
    assert_findings(check(builder, RULE.code, options={RULE.code: {"count_replies": True}}))


def test_a_long_flood_is_reported_week_by_week(check, subject):
    builder = subject()
    for day in range(1, 16):
        for hour in (8, 10, 12, 14, 16):
            at = f"2026-03-{day:02d}T{hour:02d}:00:00Z"
            builder.post("linkedin:acme", f"Daily update {day} {hour}", at=at)
    found = assert_findings(check(builder, RULE.code), count=3)
    assert sum(len(f.evidence) for f in found) == 75
    assert all(f.metrics["peak_posts_per_day"] == 5 for f in found)


def test_a_spanish_news_account_at_its_networks_rhythm_is_quiet(check):
    builder = TimelineBuilder().subject("noticias", "twitter:noticias")
    for day in range(1, 4):
        for hour in range(8, 18):  # ten a day, X's rhythm
            at = f"2026-03-{day:02d}T{hour:02d}:00:00Z"
            builder.post("twitter:noticias", f"Última hora, día {day}: noticia {hour}", at=at)
    assert_quiet(check(builder, RULE.code))


def test_the_post_one_too_many_in_a_day_is_nudged_and_the_one_before_it_is_not(review, subject):
    nudges, report = review(posts(subject(), "linkedin:acme", 4), RULE.code)
    assert [(n.code, n.evidence) for n in nudges] == [(f.code, f.evidence) for f in report]
    assert len(nudges) == 1
    assert review(posts(subject(), "linkedin:acme", 3), RULE.code)[0] == []
