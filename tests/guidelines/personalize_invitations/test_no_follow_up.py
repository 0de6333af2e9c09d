"""SN403 no-follow-up: accepted invitations not followed by a message."""

from __future__ import annotations

import pytest

from socialnorms.guidelines.personalize_invitations import no_follow_up
from socialnorms.testing import assert_findings, assert_quiet

CODE = no_follow_up.RULE.code


def accepted(acme, *people: str):
    """acme's builder where ``people`` accepted its invitation on 2 March at noon."""
    builder = acme()
    for n, who in enumerate(people, 1):
        builder.invite("linkedin:acme", f"linkedin:{who}", at="2026-03-02T09:00:00Z")
        builder.accept(f"linkedin:{who}", "linkedin:acme", at="2026-03-02T12:00:00Z", id=f"a{n}")
    return builder


def later(builder, day: int = 30):
    """Something acme does on ``day`` of March, so that the data ends after every window."""
    return builder.message(
        "linkedin:acme", "linkedin:sara_k", "Hi!", at=f"2026-03-{day:02d}T12:00:00Z"
    )


def test_an_acceptance_without_a_message_is_flagged_and_one_answered_in_time_is_not(acme, check):
    builder = accepted(acme, "jane", "omar")
    builder.message("linkedin:acme", "linkedin:omar", "Thanks!", at="2026-03-03T12:00:00Z")
    [finding] = assert_findings(
        check(later(builder), [CODE]), codes={CODE}, evidence={"a1"}, severity="warning"
    )
    assert finding.message == "1 of 2 accepted invitations had no message within 7 days (Jane)"
    assert finding.metrics == {"accepted": 2, "without_follow_up": 1, "pending": 0, "share": 0.5}
    assert finding.suggestion.startswith("Thank them for connecting and continue the conversation;")


def test_a_late_message_does_not_count_unless_the_window_is_longer(acme, check):
    builder = accepted(acme, "jane")
    builder.message("linkedin:acme", "linkedin:jane", "Thanks!", at="2026-03-20T12:00:00Z")
    assert_findings(check(builder, [CODE]), evidence={"a1"})
    assert_quiet(check(builder, [CODE], options={CODE: {"follow_up_days": 30}}))


def test_a_fractional_window_is_shown_in_days(acme, check):
    builder = later(accepted(acme, "jane"))
    [finding] = assert_findings(check(builder, [CODE], options={CODE: {"follow_up_days": 2.5}}))
    assert "within 2.5 days" in finding.message


def test_acceptances_too_close_to_the_end_of_the_data_are_not_judged(acme, check):
    builder = later(accepted(acme, "jane"), day=4)
    assert_quiet(check(builder, [CODE]))


def test_few_missed_follow_ups_are_for_information(acme, check):
    builder = accepted(acme, "jane", "omar", "li_wei")
    for who in ["omar", "li_wei"]:
        builder.message("linkedin:acme", f"linkedin:{who}", "Thanks!", at="2026-03-03T12:00:00Z")
    assert_findings(check(later(builder), [CODE]), evidence={"a1"}, severity="info")


@pytest.mark.parametrize("follow_up", ["reply", "mention"])
def test_a_reply_or_a_mention_counts_as_a_follow_up(acme, check, follow_up):
    builder = accepted(acme, "jane")
    builder.post(
        "linkedin:jane", "Our trail-shoe test results are in", id="p1", at="2026-03-02T13:00:00Z"
    )
    if follow_up == "reply":
        builder.reply("linkedin:acme", "Great results, congratulations!", to="p1", after="20h")
    else:
        builder.post("linkedin:acme", "Welcome to our network, @jane!", after="20h")
    assert_quiet(check(later(builder), [CODE]))


def test_a_good_account_writing_in_other_languages_and_ways_is_quiet(acme, check):
    builder = accepted(acme, "tomas", "yuki", "jane")
    builder.message("linkedin:acme", "linkedin:tomas", "¡Gracias por conectar, Tomás!", after="1d")
    builder.message(
        "linkedin:acme", "linkedin:yuki", "田中さん、ご承認ありがとうございます！", after="1h"
    )
    builder.post("linkedin:jane", "New trail shoes tested", id="p1", after="1h")
    builder.reply("linkedin:acme", "Merci Jane, superbe test !", to="p1", after="1h")
    assert_quiet(check(later(builder), [CODE]))
