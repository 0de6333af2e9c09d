"""respond-to-mentions: unanswered mentions (SN501), response rate (SN502), measurements."""

from __future__ import annotations

from datetime import timedelta

import pytest

from socialnorms import NetworkProfile

G = "respond-to-mentions"
BRAND = "twitter:cafe"
ASKS = [
    "@cafe are you open on the bank holiday?",
    "hello @cafe, do you have oat milk",
    "@cafe my card was charged twice this morning",
    "Is the terrace at @cafe dog friendly?",
    "@cafe can I book the back room for twelve people?",
    "@cafe any vegan cakes this week",
    "quick one @cafe: do you sell gift cards?",
    "@cafe lost my scarf there yesterday, anyone found it?",
]


def _brand(build):
    return build.account(BRAND, subject="cafe", handle="@cafe")


def _mentions(build, answered_after_hours, *, end_days=12):
    """One mention a day; ``answered_after_hours[i]`` is the delay of the answer, or None."""
    records = [_brand(build)]
    for i, delay in enumerate(answered_after_hours):
        name = f"guest{i}"
        records.append(
            build.account(
                f"twitter:{name}",
                handle=f"@{name}",
                bio="Coffee person",
                followers=120,
                following=150,
                created="2019-01-01T00:00:00Z",
            )
        )
        records.append(
            build.post(f"m{i}", f"twitter:{name}", build.stamp(days=i), ASKS[i % len(ASKS)])
        )
        if delay is not None:
            records.append(
                build.action(
                    f"a{i}",
                    "reply",
                    BRAND,
                    build.stamp(days=i, hours=delay),
                    target=f"twitter:{name}/m{i}",
                    post={"id": f"ans{i}", "text": f"@{name} yes, see you soon"},
                )
            )
    records.append(build.post("end", BRAND, build.stamp(days=end_days), "Specials board is up"))
    return records


def test_ignored_mentions_are_flagged_with_each_one_as_evidence(build):
    report = build.run(G, _mentions(build, [None, None, 2, None, None, 1]))
    [rate] = [f for f in report.findings if f.code == "SN502"]
    assert str(rate.severity) == "warning"  # 2 of 6 = 33%
    assert rate.metrics["response_rate"] == pytest.approx(0.333, abs=0.001)
    assert set(rate.evidence) == {"m0", "m1", "m3", "m4"}
    assert "2 of 6" in rate.message
    unanswered = sorted(f.evidence[0] for f in report.findings if f.code == "SN501")
    assert unanswered == ["m0", "m1", "m3", "m4"]
    assert all(str(f.severity) == "info" for f in report.findings if f.code == "SN501")


def test_responsive_account_stays_quiet_and_is_measured(build):
    report = build.run(G, _mentions(build, [1, 2, 0.5, None, 3, 1]))
    assert build.codes(report, "warning") == build.codes(report, "error") == []
    values = {m.name: m.value for m in report.measurements}
    assert values["response_rate"] == pytest.approx(0.833, abs=0.001)
    assert values["median_response_minutes"] == 60.0
    assert values["mentions"] == 6


def test_almost_nobody_answered_is_an_error(build):
    report = build.run(G, _mentions(build, [None, None, None, None, None, None, None, 1]))
    [rate] = [f for f in report.findings if f.code == "SN502"]
    assert str(rate.severity) == "error"


@pytest.mark.parametrize(("answered", "fires"), [(2, False), (1, True)])
def test_rate_boundary_at_half(build, answered, fires):
    delays = [1] * answered + [None] * (4 - answered)
    assert ("SN502" in build.codes(build.run(G, _mentions(build, delays)))) is fires


def test_late_answer_counts_for_the_rate_but_is_reported(build):
    report = build.run(G, _mentions(build, [30, 1, 1, 1]))
    [late] = [f for f in report.findings if f.code == "SN501"]
    assert late.evidence == ("m0", "a0")
    assert "after 30 hours" in late.message
    assert "SN502" not in build.codes(report)


def test_silence_at_the_end_of_the_data_is_pending_not_missed(build):
    records = _mentions(build, [1, 1, 1])
    records.append(
        build.account(
            "twitter:late", bio="hi", followers=50, following=60, created="2020-01-01T00:00:00Z"
        )
    )
    records.append(
        build.post("fresh", "twitter:late", build.stamp(days=11, hours=20), "@cafe still open?")
    )
    report = build.run(G, records)
    assert "fresh" not in {e for f in report.findings for e in f.evidence}
    assert {m.name: m.value for m in report.measurements}["pending"] == 1


def test_a_like_acknowledges_but_does_not_answer(build):
    records = _mentions(build, [None, None, None, None])
    records += [
        build.action(
            f"like{i}", "like", BRAND, build.stamp(days=i, hours=1), target=f"twitter:guest{i}/m{i}"
        )
        for i in range(4)
    ]
    report = build.run(G, records)
    [rate] = [f for f in report.findings if f.code == "SN502"]
    assert rate.metrics["acknowledged_only"] == 4
    assert rate.metrics["answered"] == 0
    assert {m.name: m.value for m in report.measurements}["acknowledged_only"] == 4


def test_a_new_post_mentioning_the_author_answers(build):
    records = _mentions(build, [None, None, None])
    records += [
        build.post(
            f"hi{i}", BRAND, build.stamp(days=i, hours=2), f"Thanks for asking @guest{i}, yes!"
        )
        for i in range(3)
    ]
    assert build.codes(build.run(G, records)) == []


def test_a_reply_in_the_thread_answers(build):
    records = _mentions(build, [None, 1, 1])
    records.append(
        build.action(
            "follow-up",
            "reply",
            "twitter:guest0",
            build.stamp(hours=1),
            target="twitter:guest0/m0",
            post={"id": "fu", "text": "anyone?"},
        )
    )
    records.append(
        build.action(
            "ans",
            "reply",
            BRAND,
            build.stamp(hours=2),
            target="fu",
            post={"id": "ansfu", "text": "Sorry, yes we are!"},
        )
    )
    assert build.codes(build.run(G, records)) == []


def test_replies_to_the_subjects_posts_count_as_mentions(build):
    records = [
        _brand(build),
        build.post("news", BRAND, build.stamp(), "We now roast our own beans"),
    ]
    for i in range(4):
        records.append(
            build.action(
                f"q{i}",
                "reply",
                f"twitter:fan{i}",
                build.stamp(hours=i + 1),
                target=f"{BRAND}/news",
                post={"id": f"fq{i}", "text": "Which origin?"},
            )
        )
    records.append(build.post("end", BRAND, build.stamp(days=5), "Open late tonight"))
    report = build.run(G, records)
    [rate] = [f for f in report.findings if f.code == "SN502"]
    assert rate.metrics["mentions"] == 4


def test_spam_and_own_accounts_are_excluded(build):
    records = _mentions(build, [1, 1, 1])
    records.append(build.account("twitter:bot9", tags=["spam"]))
    records.append(build.account("mastodon:cafe", subject="cafe"))
    records += [
        build.post(f"s{i}", "twitter:bot9", build.stamp(days=i), "@cafe cheap followers here")
        for i in range(5)
    ]
    records.append(build.post("self", BRAND, build.stamp(days=1), "@cafe testing"))
    report = build.run(G, records)
    assert build.codes(report) == []
    assert {m.name: m.value for m in report.measurements}["mentions"] == 3


def test_profile_response_time_is_used_and_default_is_noted(build):
    records = _mentions(build, [3, 3, 3, 3])
    default = build.run(G, records)
    assert build.codes(default) == []
    assert any("no profile for network 'twitter'" in note for note in default.notes)
    strict = NetworkProfile(id="twitter", name="Test Twitter", response_time=timedelta(hours=1))
    report = build.run(G, records, profiles=[strict])
    assert build.codes(report) == ["SN501"] * 4
    assert not report.notes


def test_default_response_hours_option(build):
    records = _mentions(build, [3, 3, 3, 3])
    report = build.run(G, records, options={"SN501": {"default_response_hours": 2}})
    assert build.codes(report) == ["SN501"] * 4


def test_a_direct_message_answers_but_a_bare_quote_only_acknowledges(build):
    records = _mentions(build, [None, None, 1])
    records.append(
        build.action(
            "dm",
            "message",
            BRAND,
            build.stamp(hours=2),
            target="twitter:guest0",
            message="Hi! Yes, we are open on the holiday.",
        )
    )
    records.append(
        build.action(
            "qt",
            "quote",
            BRAND,
            build.stamp(days=1, hours=1),
            target="twitter:guest1/m1",
            post={"id": "qt1", "text": "Yes we do!"},
        )
    )
    report = build.run(G, records)
    [missed] = report.findings
    assert missed.evidence == ("m1",) and missed.metrics["acknowledged"]
    values = {m.name: m.value for m in report.measurements}
    assert values["answered"] == 2 and values["acknowledged_only"] == 1


def test_a_reply_in_another_thread_does_not_answer(build):
    records = _mentions(build, [None, 1, 1])
    records.append(build.post("other", "twitter:guest0", build.stamp(hours=1), "Lovely weather"))
    records.append(
        build.action(
            "elsewhere",
            "reply",
            BRAND,
            build.stamp(hours=2),
            target="twitter:guest0/other",
            post={"id": "e", "text": "@guest0 indeed"},
        )
    )
    [missed] = build.run(G, records).findings
    assert missed.evidence == ("m0",)


def test_thanks_after_an_answer_needs_no_answer_but_a_new_question_does(build):
    records = _mentions(build, [1, 1, 1])
    records.append(
        build.action(
            "thx",
            "reply",
            "twitter:guest0",
            build.stamp(hours=2),
            target="ans0",
            post={"id": "thx", "text": "@cafe great, thank you!"},
        )
    )
    assert build.codes(build.run(G, records)) == []
    records.append(
        build.action(
            "more",
            "reply",
            "twitter:guest1",
            build.stamp(days=1, hours=2),
            target="ans1",
            post={"id": "more", "text": "@cafe and is there parking?"},
        )
    )
    [missed] = build.run(G, records).findings
    assert missed.evidence == ("more",)
