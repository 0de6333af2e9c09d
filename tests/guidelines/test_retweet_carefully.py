"""retweet-carefully: self-mention reposts (SN101), self-centred sharing (SN102),
low-value reposts (SN103)."""

from __future__ import annotations

import pytest

G = "retweet-carefully"
BRAND = "twitter:northwind"
PRAISE = [
    "Huge thanks to @northwind for fixing my order so fast",
    "@northwind you are the best, seriously",
    "Cannot recommend @northwind enough!",
    "Another great day thanks to @northwind",
    "Props to @northwind support",
    "@northwind came through again",
    "Brilliant service from @northwind today",
    "Love what @northwind is doing",
]
USEFUL = [
    "A field guide to cold-weather cycling https://ride.example/guide",
    "New data on urban bike lanes and commute times https://cityhall.example/report",
    "Photo essay: the last ferry routes of the north https://photo.example/ferries",
    "Ten lessons from running a repair cafe for a year https://repair.example/lessons",
    "Open dataset of rural bus stops, free to use https://open.example/stops",
    "How to read a tide table, explained simply https://sea.example/tides",
    "Interview with a lighthouse keeper on 30 years of storms https://mag.example/keeper",
    "Why winter tyres matter more than you think https://road.example/tyres",
]


def _brand(build, **fields):
    return build.account(
        BRAND,
        subject="northwind",
        handle="@northwind",
        url="https://www.northwind.example/shop",
        **fields,
    )


def _shares(build, texts, *, step_hours=20, kind="repost", media=None):
    records = []
    for i, text in enumerate(texts):
        author = f"twitter:friend{i}"
        extra = {"media": media} if media else {}
        records.append(
            build.post(f"o{i}", author, build.stamp(hours=i * step_hours), text, **extra)
        )
        target = f"{author}/o{i}"
        if kind == "repost":
            records.append(
                build.action(
                    f"r{i}", "repost", BRAND, build.stamp(hours=i * step_hours + 1), target=target
                )
            )
        else:
            records.append(
                build.action(
                    f"r{i}",
                    "quote",
                    BRAND,
                    build.stamp(hours=i * step_hours + 1),
                    target=target,
                    post={"id": f"q{i}", "text": "Worth a read"},
                )
            )
    return records


def test_habit_of_reposting_praise_is_flagged_with_figures(build):
    report = build.run(G, [_brand(build), *_shares(build, PRAISE[:6] + USEFUL[:2])])
    [finding] = [f for f in report.findings if f.code == "SN101"]
    assert str(finding.severity) == "error"  # 75% reaches the error threshold
    assert finding.metrics["self_mention_reposts"] == 6
    assert finding.metrics["shares"] == 8
    assert "6 of 8" in finding.message
    assert finding.evidence == tuple(f"r{i}" for i in range(6))
    assert finding.suggestion


def test_all_praise_is_an_error(build):
    report = build.run(G, [_brand(build), *_shares(build, PRAISE)])
    [finding] = [f for f in report.findings if f.code == "SN101"]
    assert str(finding.severity) == "error"


def test_occasional_praise_repost_stays_quiet(build):
    report = build.run(G, [_brand(build), *_shares(build, [PRAISE[0], *USEFUL[:7]])])
    assert "SN101" not in build.codes(report)


@pytest.mark.parametrize(("praise", "useful", "fires"), [(3, 3, True), (2, 4, False)])
def test_threshold_boundary_is_half(build, praise, useful, fires):
    report = build.run(G, [_brand(build), *_shares(build, PRAISE[:praise] + USEFUL[:useful])])
    assert ("SN101" in build.codes(report)) is fires


def test_too_few_shares_are_not_judged(build):
    report = build.run(G, [_brand(build), *_shares(build, PRAISE[:4])])
    assert "SN101" not in build.codes(report)


def test_shares_spread_beyond_the_window_are_not_one_habit(build):
    records = [_brand(build), *_shares(build, PRAISE[:4] + USEFUL[:4], step_hours=24 * 10)]
    assert "SN101" not in build.codes(build.run(G, records))


def test_repost_of_a_reply_to_the_subject_counts_as_self_mention(build):
    records = [
        _brand(build),
        build.post("own", BRAND, build.stamp(), "We open a new store on Friday"),
    ]
    for i in range(6):
        author = f"twitter:fan{i}"
        records.append(
            build.action(
                f"rep{i}",
                "reply",
                author,
                build.stamp(hours=i + 1),
                target=f"{BRAND}/own",
                post={"id": f"fr{i}", "text": "Wonderful, see you there!"},
            )
        )
        records.append(
            build.action(f"rt{i}", "repost", BRAND, build.stamp(hours=i + 2), target=f"fr{i}")
        )
    assert "SN101" in build.codes(build.run(G, records))


def test_embedded_shared_post_is_used_when_timeline_lacks_it(build):
    records = [_brand(build)]
    for i, text in enumerate(PRAISE[:6]):
        records.append(
            build.action(
                f"r{i}",
                "repost",
                BRAND,
                build.stamp(hours=i),
                post={"id": f"ext{i}", "author": f"twitter:x{i}", "text": text},
            )
        )
    assert "SN101" in build.codes(build.run(G, records))


def test_mention_of_subjects_other_network_account_counts(build):
    records = [
        _brand(build),
        build.account("mastodon:northwind", subject="northwind", handle="northwind@social.example"),
    ]
    for i in range(6):
        records.append(
            build.action(
                f"r{i}",
                "repost",
                "mastodon:northwind",
                build.stamp(hours=i),
                post={
                    "id": f"m{i}",
                    "author": f"mastodon:p{i}",
                    "text": "Lovely shop",
                    "mentions": ["mastodon:northwind"],
                },
            )
        )
    report = build.run(G, records)
    [finding] = [f for f in report.findings if f.code == "SN101"]
    assert finding.network == "mastodon"


def test_self_mention_share_is_measured_per_month(build):
    report = build.run(G, [_brand(build), *_shares(build, [PRAISE[0], *USEFUL[:3]])])
    values = {(m.name, m.period): m.value for m in report.measurements}
    assert values[("self_mention_share", "2026-04")] == 0.25


# -- SN102 -----------------------------------------------------------------------------


def _own_links(build, own, other):
    records = [_brand(build)]
    for i in range(own + other):
        url = f"https://blog.northwind.example/{i}" if i < own else f"https://press.example/{i}"
        records.append(build.post(f"p{i}", BRAND, build.stamp(hours=i * 5), f"Read this: {url}"))
    return records


def test_sharing_only_own_site_is_flagged(build):
    report = build.run(G, _own_links(build, 7, 0))
    [finding] = [f for f in report.findings if f.code == "SN102"]
    assert str(finding.severity) == "error"
    assert finding.metrics["own_domains"] == ["northwind.example"]
    assert "7 of 7" in finding.message


@pytest.mark.parametrize(("own", "other", "fires"), [(8, 2, True), (7, 3, False)])
def test_self_centred_boundary(build, own, other, fires):
    assert ("SN102" in build.codes(build.run(G, _own_links(build, own, other)))) is fires


def test_reposting_own_posts_counts_as_own_content(build):
    records = [_brand(build)]
    for i in range(6):
        records.append(build.post(f"p{i}", BRAND, build.stamp(hours=i * 3), f"Our news number {i}"))
        records.append(
            build.action(
                f"rt{i}", "repost", BRAND, build.stamp(hours=i * 3 + 1), target=f"{BRAND}/p{i}"
            )
        )
    assert "SN102" in build.codes(build.run(G, records))


def test_profile_url_on_a_network_is_not_an_own_domain(build):
    records = [build.account(BRAND, subject="northwind", url="https://linktr.ee/northwind")]
    for i in range(7):
        records.append(
            build.post(f"p{i}", BRAND, build.stamp(hours=i), f"See https://linktr.ee/other{i}")
        )
    assert "SN102" not in build.codes(build.run(G, records))


# -- SN103 -----------------------------------------------------------------------------


def test_bare_thank_you_reposts_are_low_value(build):
    texts = ["thanks @someone!", "yay", "so good!!", "Agreed 100%", "this 👆", "wow"]
    report = build.run(G, [_brand(build), *_shares(build, texts)])
    [finding] = [f for f in report.findings if f.code == "SN103"]
    assert finding.metrics["low_value_reposts"] == 6
    assert "SN101" not in build.codes(report)


def test_short_posts_with_a_picture_are_not_low_value(build):
    texts = ["yay", "so good!!", "look at this", "wow", "sunset", "the view"]
    report = build.run(
        G, [_brand(build), *_shares(build, texts, media=[{"type": "image", "alt": "sky"}])]
    )
    assert "SN103" not in build.codes(report)


def test_quotes_add_own_words_and_are_not_low_value(build):
    texts = ["yay", "so good!!", "look at this", "wow", "sunset", "the view"]
    assert "SN103" not in build.codes(
        build.run(G, [_brand(build), *_shares(build, texts, kind="quote")])
    )


def test_substantial_text_without_link_is_fine(build):
    texts = [
        "Spent the weekend fixing old bikes with the kids at the community hall, highly recommended",
        "If your chain squeaks after rain, dry it first and only then oil it, never the other way",
        "The river path is flooded past the second bridge, take the upper road until Thursday",
        "Our club now meets on Tuesdays at seven, newcomers welcome, bring lights and a spare tube",
        "Reminder that the night market moves to the old station square from next month onward",
        "Three things I learned commuting all winter: mudguards, wool socks and patience with traffic",
    ]
    assert "SN103" not in build.codes(build.run(G, [_brand(build), *_shares(build, texts)]))


def test_severity_grows_with_the_share(build):
    report = build.run(G, [_brand(build), *_shares(build, PRAISE[:6] + USEFUL[:4])])
    [finding] = [f for f in report.findings if f.code == "SN101"]
    assert str(finding.severity) == "warning"
    assert finding.metrics["share"] == 0.6


def test_options_change_the_threshold(build):
    records = [_brand(build), *_shares(build, PRAISE[:2] + USEFUL[:4])]
    assert "SN101" not in build.codes(build.run(G, records))
    report = build.run(G, records, options={"SN101": {"threshold": 0.3}})
    assert "SN101" in build.codes(report)


def test_support_replies_linking_own_help_pages_are_not_self_centred(build):
    records = [_brand(build)]
    for i in range(8):
        records.append(
            build.post(
                f"ask{i}", f"twitter:c{i}", build.stamp(hours=i * 4), "@northwind how do I reset?"
            )
        )
        records.append(
            build.action(
                f"help{i}",
                "reply",
                BRAND,
                build.stamp(hours=i * 4 + 1),
                target=f"twitter:c{i}/ask{i}",
                post={"id": f"h{i}", "text": "See https://help.northwind.example/reset"},
            )
        )
    assert build.codes(build.run(G, records)) == []


def test_reposting_others_posts_about_own_site_counts_as_own(build):
    texts = [f"Check out the sale at https://northwind.example/sale/{i}" for i in range(6)]
    report = build.run(G, [_brand(build), *_shares(build, texts)])
    assert "SN102" in build.codes(report)
    assert "SN101" not in build.codes(report)


def test_reposts_of_unknown_posts_are_left_out(build):
    records = [_brand(build), *_shares(build, PRAISE[:5])]
    records += [
        build.action(f"u{i}", "repost", BRAND, build.stamp(hours=i), target=f"twitter:gone{i}")
        for i in range(20)
    ]
    [finding] = [f for f in build.run(G, records).findings if f.code == "SN101"]
    assert finding.metrics["shares"] == 5
