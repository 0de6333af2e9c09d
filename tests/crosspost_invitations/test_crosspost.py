"""crosspost-with-consideration: copies that do not suit where they land."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Config, Severity
from socialnorms.guidelines.crosspost_with_consideration import RULES

ACCOUNTS = [
    {
        "type": "account",
        "id": "twitter:acme",
        "network": "twitter",
        "subject": "acme",
        "handle": "@acme",
    },
    {
        "type": "account",
        "id": "linkedin:acme",
        "network": "linkedin",
        "subject": "acme",
        "handle": "acme",
    },
    {
        "type": "account",
        "id": "mastodon:acme",
        "network": "mastodon",
        "subject": "acme",
        "handle": "acme@mastodon.social",
    },
    {"type": "account", "id": "twitter:jane", "network": "twitter", "handle": "@jane"},
]


def post(id, actor, at, text, **fields):
    return {
        "type": "action",
        "id": id,
        "kind": "post",
        "actor": actor,
        "at": at,
        "post": {"id": f"{actor.split(':')[0]}:{id}", "text": text, **fields},
    }


def lines(*records, accounts=ACCOUNTS):
    return "".join(json.dumps(record) + "\n" for record in (*accounts, *records))


def warnings(report, code=None):
    return [
        f for f in report if f.severity >= Severity.WARNING and (code is None or f.code == code)
    ]


ANNOUNCEMENT = "Our Q1 benchmark report on B2B email engagement is out: https://acme.example/q1"
LONG = (
    "We just published our Q1 benchmark report on B2B email engagement. Three findings stood out "
    "for marketing teams planning the next quarter: shorter subject lines, fewer sends and better "
    "segmentation all beat volume. Full report: https://acme.example/q1"
)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples(rule, check):
    flagged = check(rule.example)
    assert rule.code in {f.code for f in flagged}, list(flagged)
    quiet = check(rule.quiet_example)
    assert rule.code not in {f.code for f in quiet}, list(quiet)


def test_adapted_crosspost_that_fits_both_networks_is_quiet(check):
    report = check(
        lines(
            post("t1", "twitter:acme", "2026-03-03T08:00:00Z", ANNOUNCEMENT),
            post("l1", "linkedin:acme", "2026-03-03T10:00:00Z", LONG),
            post(
                "t2",
                "twitter:acme",
                "2026-03-04T08:00:00Z",
                "Free webinar on attribution next Thursday https://acme.example/w",
            ),
            post(
                "m2",
                "mastodon:acme",
                "2026-03-04T08:01:00Z",
                "Free webinar on attribution next Thursday https://acme.example/w",
            ),
        )
    )
    assert warnings(report) == []
    [info] = [f for f in report if f.code == "SN200"]
    assert info.evidence == ("m2",) and info.severity is Severity.INFO


def test_same_words_around_a_different_link_are_not_a_copy(check):
    report = check(
        lines(
            post(
                "t1",
                "twitter:acme",
                "2026-03-03T08:00:00Z",
                "New post is up: https://acme.example/a",
            ),
            post(
                "m1",
                "mastodon:acme",
                "2026-03-03T09:00:00Z",
                "New post is up: https://acme.example/b",
            ),
        )
    )
    assert [f for f in report if f.code == "SN200"] == []


def test_copied_reply_is_out_of_context_with_evidence(check):
    report = check(
        lines(
            post(
                "q1",
                "twitter:jane",
                "2026-03-07T08:00:00Z",
                "@acme shall we continue the chat next week?",
            ),
            {
                "type": "action",
                "id": "r1",
                "kind": "reply",
                "actor": "twitter:acme",
                "at": "2026-03-07T08:20:00Z",
                "target": "twitter:q1",
                "post": {"id": "twitter:r1", "text": "@jane thanks! Tuesday at 3?"},
            },
            post("l1", "linkedin:acme", "2026-03-07T08:20:30Z", "@jane thanks! Tuesday at 3?"),
        )
    )
    [finding] = warnings(report, "SN202")
    assert finding.evidence == ("l1",)
    assert finding.account == "linkedin:acme" and finding.metrics["copy_of"] == "r1"
    assert "@jane" in finding.message


def test_reply_in_its_own_thread_is_quiet(check):
    report = check(
        lines(
            post(
                "q1",
                "twitter:jane",
                "2026-03-07T08:00:00Z",
                "@acme shall we continue the chat next week?",
            ),
            {
                "type": "action",
                "id": "r1",
                "kind": "reply",
                "actor": "twitter:acme",
                "at": "2026-03-07T08:20:00Z",
                "target": "twitter:q1",
                "post": {"id": "twitter:r1", "text": "@jane thanks! Tuesday at 3?"},
            },
        )
    )
    assert warnings(report) == []


def test_addressed_text_marked_as_copy_is_out_of_context(check):
    report = check(
        lines(
            post(
                "l1",
                "linkedin:acme",
                "2026-03-07T08:20:30Z",
                "@bob see you there!",
                source="Buffer",
            ),
        )
    )
    assert [f.evidence for f in warnings(report, "SN202")] == [("l1",)]


def test_thread_part_copied_alone_is_out_of_context_but_whole_thread_is_not(check):
    part = "{}/3 How we cut our packaging waste by half this year, step by step"
    alone = check(
        lines(
            post("t1", "twitter:acme", "2026-03-07T08:00:00Z", part.format(1)),
            post("t2", "twitter:acme", "2026-03-07T08:01:00Z", part.format(2) + " part two"),
            post("l1", "linkedin:acme", "2026-03-07T08:05:00Z", part.format(1)),
        )
    )
    assert [f.evidence for f in warnings(alone, "SN202")] == [("l1",)]
    whole = check(
        lines(
            *(
                post(
                    f"l{i}",
                    "linkedin:acme",
                    f"2026-03-07T08:0{i}:00Z",
                    part.format(i) + f" section {i}",
                    source="Twitter",
                )
                for i in (1, 2, 3)
            )
        )
    )
    assert warnings(whole, "SN202") == []


def test_foreign_mention_syntax_is_flagged_and_native_is_not(check):
    report = check(
        lines(
            post(
                "t1",
                "twitter:acme",
                "2026-03-02T09:00:00Z",
                "Thanks @jane@fosstodon.org and @jane for the photos",
            ),
        )
    )
    [finding] = warnings(report, "SN204")
    assert finding.metrics["mentions"] == ["@jane@fosstodon.org"]
    native = check(
        lines(post("m1", "mastodon:acme", "2026-03-02T09:00:00Z", "Thanks @jane@fosstodon.org!"))
    )
    assert warnings(native) == []


def test_over_length_counts_as_the_network_counts(check):
    text = "x" * 250 + " https://acme.example/" + "a" * 60
    report = check(lines(post("t1", "twitter:acme", "2026-03-02T09:00:00Z", text)))
    assert warnings(report, "SN203") == []
    report = check(lines(post("t1", "twitter:acme", "2026-03-02T09:00:00Z", "y" * 281)))
    [finding] = warnings(report, "SN203")
    assert finding.metrics == {"length": 281, "max_length": 280}


def test_hashtags_are_judged_on_copies_against_the_target_norm(check):
    tags = "Trail guide #a #b #c #d"
    copied = check(
        lines(
            post("m1", "mastodon:acme", "2026-03-02T09:00:00Z", tags),
            post("t1", "twitter:acme", "2026-03-02T09:01:00Z", tags),
        )
    )
    [finding] = warnings(copied, "SN205")
    assert finding.evidence == ("t1",) and finding.metrics == {"hashtags": 4, "hashtag_norm": 2}
    native = check(lines(post("t1", "twitter:acme", "2026-03-02T09:01:00Z", tags)))
    assert warnings(native, "SN205") == []


@pytest.mark.parametrize(("count", "flagged"), [(3, False), (4, True)])
def test_flooding_threshold_is_the_profile_norm(count, flagged, check):
    report = check(
        lines(
            *(
                post(
                    f"l{i}",
                    "linkedin:acme",
                    f"2026-03-02T{8 + i:02d}:00:00Z",
                    f"Update {i} on the spring line",
                )
                for i in range(count)
            )
        )
    )
    found = warnings(report, "SN206")
    assert bool(found) is flagged
    if flagged:
        assert found[0].metrics["peak_posts_per_day"] == count
        assert found[0].evidence == tuple(f"l{i}" for i in range(count))


def test_flooding_option_per_network_from_config(check):
    records = [
        post(
            f"t{i}",
            "twitter:acme",
            f"2026-03-02T{8 + i:02d}:00:00Z",
            f"Live from the expo, stand {i}",
        )
        for i in range(12)
    ]
    assert warnings(check(lines(*records)), "SN206")
    report = check(lines(*records), Config(ignore=["SN206"]))
    assert warnings(report, "SN206") == []


def test_replies_do_not_count_as_flooding_by_default(check):
    replies = [
        {
            "type": "action",
            "id": f"r{i}",
            "kind": "reply",
            "actor": "linkedin:acme",
            "at": f"2026-03-02T{8 + i:02d}:00:00Z",
            "target": "linkedin:x",
            "post": {"id": f"linkedin:r{i}", "text": f"Thanks for the question {i}"},
        }
        for i in range(6)
    ]
    assert warnings(check(lines(*replies)), "SN206") == []
    config = Config(options={"SN206": {"count_replies": True}})
    assert warnings(check(lines(*replies), config), "SN206")


def test_network_without_profile_is_skipped_with_a_note(check):
    accounts = [{"type": "account", "id": "plurk:acme", "network": "plurk", "subject": "acme"}]
    report = check(
        lines(
            *(
                post(
                    f"p{i}",
                    "plurk:acme",
                    f"2026-03-02T08:{i:02d}:00Z",
                    "#a #b #c #d #e " + "z" * 900,
                )
                for i in range(20)
            ),
            accounts=accounts,
        )
    )
    assert warnings(report) == []
    assert any("plurk" in note and "profile" in note for note in report.notes)


def test_copies_are_measured_per_network(check):
    report = check(
        lines(
            post("t1", "twitter:acme", "2026-03-02T09:00:00Z", "Spring boots are back in stock"),
            post("m1", "mastodon:acme", "2026-03-02T09:00:30Z", "Spring boots are back in stock!"),
        )
    )
    figures = {(m.network, m.name): m.value for m in report.measurements}
    assert figures[("mastodon", "crossposts")] == 1 and figures[("twitter", "crossposts")] == 0


# -- properties -------------------------------------------------------------------------------

PHRASES = st.text(max_size=60) | st.sampled_from(
    [
        "What a finish! Two goals in stoppage time",
        "@jane thanks! Tuesday at 3?",
        "Our report is out https://acme.example/r",
        "1/2 How we repair boots",
        "Thanks @jane@fosstodon.org #a #b #c",
        "Café ☕ ouvert dès 8h 🎉",
        "東京の勉強会でお会いできて嬉しかったです",
    ]
)
ACTORS = st.sampled_from(
    ["twitter:acme", "linkedin:acme", "mastodon:acme", "twitter:jane", "linkedin:bob"]
)


@st.composite
def timelines(draw):
    count = draw(st.integers(0, 12))
    records = []
    for i in range(count):
        minute = draw(st.integers(0, 2000))
        records.append(
            post(
                f"a{i}",
                draw(ACTORS),
                f"2026-03-0{1 + minute // 1440}T{(minute // 60) % 24:02d}:{minute % 60:02d}:00Z",
                draw(PHRASES),
            )
        )
    return records


def _key(report):
    return [f.to_dict() for f in report]


@settings(max_examples=40, deadline=None)
@given(timelines(), st.randoms(use_true_random=False))
def test_shuffling_input_changes_nothing(check, records, rng):
    shuffled = records[:]
    rng.shuffle(shuffled)
    accounts = ACCOUNTS[:]
    rng.shuffle(accounts)
    assert _key(check(lines(*records))) == _key(check(lines(*shuffled, accounts=accounts)))


@settings(max_examples=30, deadline=None)
@given(timelines())
def test_no_subjects_no_findings(check, records):
    accounts = [{**a, "subject": None} if "subject" in a else a for a in ACCOUNTS]
    accounts = [{k: v for k, v in a.items() if v is not None} for a in accounts]
    assert list(check(lines(*records, accounts=accounts))) == []


@settings(max_examples=30, deadline=None)
@given(timelines())
def test_activity_of_others_creates_no_findings(check, records):
    base = [post("t1", "twitter:acme", "2026-03-01T09:00:00Z", "Spring boots are back in stock")]
    others = [r for r in records if r["actor"] in ("twitter:jane", "linkedin:bob")]
    assert _key(check(lines(*base))) == _key(check(lines(*base, *others)))


def test_native_post_is_flagged_only_at_twice_the_hashtag_norm(check):
    report = check(
        lines(post("t1", "twitter:acme", "2026-03-02T09:01:00Z", "Trail guide #a #b #c #d #e"))
    )
    assert [f.evidence for f in warnings(report, "SN205")] == [("t1",)]


def test_copy_cut_short_with_an_ellipsis_is_flagged(check):
    report = check(
        lines(
            post("l1", "linkedin:acme", "2026-03-03T10:00:00Z", LONG),
            post(
                "t1",
                "twitter:acme",
                "2026-03-03T10:00:10Z",
                LONG[:120] + "… https://lnkd.example/x",
                source="LinkedIn",
            ),
        )
    )
    [finding] = warnings(report, "SN203")
    assert finding.evidence == ("t1",) and "cut short" in finding.message


def test_own_ellipsis_in_a_native_post_is_quiet(check):
    report = check(
        lines(post("t1", "twitter:acme", "2026-03-03T10:00:10Z", "Guess what is coming next week…"))
    )
    assert warnings(report) == []


def test_ellipsis_in_a_short_copy_without_original_is_quiet_and_near_the_limit_is_cut(check):
    short = check(
        lines(
            post(
                "t1",
                "twitter:acme",
                "2026-03-03T10:00:00Z",
                "Read more... https://acme.example/r",
                source="Buffer",
            )
        )
    )
    assert warnings(short, "SN203") == []
    cut = check(
        lines(
            post(
                "t1",
                "twitter:acme",
                "2026-03-03T10:00:00Z",
                "w " * 120 + "… https://acme.example/r",
                source="LinkedIn",
            )
        )
    )
    assert [f.evidence for f in warnings(cut, "SN203")] == [("t1",)]


def test_a_long_flood_is_reported_week_by_week(check):
    records = [
        post(
            f"l{d}-{h}", "linkedin:acme", f"2026-03-{d:02d}T{h:02d}:00:00Z", f"Daily update {d} {h}"
        )
        for d in range(1, 16)
        for h in (8, 10, 12, 14, 16)
    ]
    found = warnings(check(lines(*records)), "SN206")
    assert len(found) == 3
    assert sum(len(f.evidence) for f in found) == len(records)
    assert all(f.metrics["peak_posts_per_day"] == 5 for f in found)


SPORTS = "What a finish! Two goals in stoppage time and the derby is ours #football"


def test_copied_sports_chatter_on_a_professional_network_is_off_purpose(check):
    report = check(
        lines(
            post("t1", "twitter:acme", "2026-03-07T21:00:00Z", SPORTS),
            post("l1", "linkedin:acme", "2026-03-07T21:00:40Z", SPORTS),
        )
    )
    [finding] = warnings(report, "SN201")
    assert finding.evidence == ("l1",) and finding.metrics["topic"] == "sports"
    assert {"derby", "goals"} & set(finding.metrics["terms"])
    assert "sports" in finding.message and "copied from X (Twitter)" in finding.message


def test_the_same_post_where_the_audience_welcomes_it_is_quiet(check):
    report = check(lines(post("t1", "twitter:acme", "2026-03-07T21:00:00Z", SPORTS)))
    assert warnings(report) == []


def test_one_native_off_purpose_post_is_information_two_are_a_warning(check):
    one = check(lines(post("l1", "linkedin:acme", "2026-03-07T21:00:00Z", SPORTS)))
    assert warnings(one, "SN201") == [] and [f.code for f in one if f.code == "SN201"] == ["SN201"]
    two = check(
        lines(
            post("l1", "linkedin:acme", "2026-03-07T21:00:00Z", SPORTS),
            post(
                "l2",
                "linkedin:acme",
                "2026-03-09T21:00:00Z",
                "Cowboys fans, that overtime touchdown!",
            ),
        )
    )
    [finding] = warnings(two, "SN201")
    assert finding.evidence == ("l1", "l2")


def test_business_post_on_a_professional_network_is_quiet(check):
    report = check(lines(post("l1", "linkedin:acme", "2026-03-07T21:00:00Z", LONG)))
    assert warnings(report) == []


def test_topics_the_audience_tolerates_in_moderation_are_not_judged(check):
    tolerated = Config(networks={"linkedin": {"options": {"SN201": {"min_unwelcome": 0.9}}}})
    report = check(
        lines(
            post("t1", "twitter:acme", "2026-03-07T21:00:00Z", SPORTS),
            post("l1", "linkedin:acme", "2026-03-07T21:00:40Z", SPORTS),
        ),
        tolerated,
    )
    assert [f for f in report if f.code == "SN201"] == []
