"""respond-to-mentions as a whole: what counts as a mention and as an answer, and the
measurements every subject and network gets, whichever rules are selected."""

from __future__ import annotations

import pytest

from socialnorms.testing import assert_quiet

BRAND = "twitter:cafe"


def measured(report) -> dict[str, float | int]:
    return {m.name: m.value for m in report.measurements}


def test_a_responsive_account_stays_quiet_and_is_measured(asked, check):
    report = check(asked([1, 2, 0.5, None, 3, 1]))
    assert {f.code for f in report} == {"SN501"}  # only the one never answered
    values = measured(report)
    assert values["response_rate"] == pytest.approx(0.833, abs=0.001)
    assert values["on_time_rate"] == pytest.approx(0.833, abs=0.001)
    assert values["median_response_minutes"] == 60.0
    assert values["mentions"] == 6 and values["answered"] == 5 and values["pending"] == 0


@pytest.mark.parametrize("ignored", [[], ["SN501"], ["SN502"]])
def test_measurements_do_not_depend_on_the_rules_selected(asked, check, ignored):
    builder = asked([None, None, 2, None])
    assert measured(check(builder, ignore=ignored)) == measured(check(builder))


def test_a_new_post_mentioning_the_author_answers(asked, check, moment):
    builder = asked([None, None, None])
    for i in range(3):
        builder.post(BRAND, f"Thanks for asking @guest{i}, yes!", at=moment(days=i, hours=2))
    assert_quiet(check(builder))


def test_a_reply_in_the_thread_answers(asked, check, moment):
    builder = asked([None, 1, 1])
    builder.reply("twitter:guest0", "anyone?", to="m0", id="fu", at=moment(hours=1))
    builder.reply(BRAND, "Sorry, yes we are!", to="fu", at=moment(hours=2))
    assert_quiet(check(builder))


def test_spam_and_the_subjects_own_accounts_are_left_out(asked, check, moment):
    builder = asked([1, 1, 1])
    builder.account("twitter:bot9", tags=["spam"])
    builder.account("mastodon:cafe", subject="cafe")
    for i in range(5):
        builder.post("twitter:bot9", "@cafe cheap followers here", at=moment(days=i))
    builder.post(BRAND, "@cafe testing", at=moment(days=1))
    report = check(builder)
    assert_quiet(report)
    assert measured(report)["mentions"] == 3
