"""Which rules judge a habit is said by the rules (``Rule.habit``), not by the core:
agreement of a nudge with a check finding follows it, for third-party rules too."""

from __future__ import annotations

import warnings

import pytest

import socialnorms
from socialnorms import Checker, Reviewer, Rule, Timeline, check_function
from socialnorms.engine.plugins import get_plugin_manager
from socialnorms.engine.review import agrees, habit_codes
from socialnorms.testing import TimelineBuilder, isolated_plugin_manager, registered


def pace_plugin(rule: Rule) -> object:
    """A plugin whose check reports the first three posts of a subject with three or more
    (the "worst window"), while its review names the draft that makes it three or more."""

    def over(ctx, actions):
        posts = [a for a in actions if a.kind.creates_post]
        return len(posts) >= 3, posts

    def review(ctx, draft):
        subject = ctx.timeline.subject_of(draft.actor)
        if subject is None:
            return
        busy, _posts = over(ctx, [*ctx.timeline, draft])
        if busy:
            yield ctx.finding(
                rule.code,
                subject=subject,
                account=draft.actor,
                message="One more post.",
                suggestion="Post less.",
                evidence=[draft.id],
            )

    @check_function("posting-pace", [rule], review=review)
    def pace(ctx):
        busy, posts = over(ctx, list(ctx.timeline))
        if busy:
            first = posts[0]
            yield ctx.finding(
                rule.code,
                subject=ctx.timeline.subject_of(first.actor),
                account=first.actor,
                message="Many posts.",
                suggestion="Post less.",
                evidence=[p.id for p in posts[:3]],
            )

    class Plugin:
        @socialnorms.hookimpl
        def register_checks(self, register):
            register(pace)

    return Plugin()


def history_and_draft():
    builder = TimelineBuilder().subject("brand", "twitter:brand", handle="@brand")
    for n in range(4):
        builder.post("twitter:brand", f"news {n}", id=f"p{n}", after="1h")
    actions = builder.actions
    return builder.accounts, actions[:-1], actions[-1]


@pytest.mark.parametrize("habit", [True, False])
def test_a_third_party_habit_rule_agrees_by_code_subject_and_network(habit):
    rule = Rule(code="TPX101", name="posting-pace", summary="s", why="w", habit=habit)
    accounts, history, draft = history_and_draft()
    pm = isolated_plugin_manager()
    with registered(pm, pace_plugin(rule), name="posting-pace"):
        checker = Checker(plugin_manager=pm)
        reviewer = Reviewer(Timeline(accounts, history), checker=checker)
        (nudge,) = reviewer(draft)
        (finding,) = checker.check(Timeline(accounts, [*history, draft])).findings
    assert nudge.evidence == (draft.id,) and draft.id not in finding.evidence
    assert reviewer.habits == ({"TPX101"} if habit else set())
    assert agrees(nudge, finding, habits=reviewer.habits) is habit
    assert agrees(nudge, finding, habits=habit_codes(checker.registry.rules.values())) is habit
    # explicit habits are honoured as given
    assert agrees(nudge, finding, habits={"TPX101"})
    assert not agrees(nudge, finding, habits=frozenset())
    # without habits, agrees asks the rules of every installed plugin
    with registered(get_plugin_manager(), pace_plugin(rule), name="posting-pace"):
        assert agrees(nudge, finding) is habit


def test_rules_say_whether_they_judge_a_habit():
    assert Rule(code="TPX102", name="single", summary="s", why="w").habit is False
    habits = habit_codes(Checker().registry.rules.values())
    assert {"SN101", "SN102", "SN103", "SN301", "SN502"} <= habits
    assert habits == habit_codes(r.rule for r in Checker().registry.rules.values())
    assert not habits & {"SN201", "SN302", "SN501"}


def test_habit_rules_is_deprecated_and_read_from_the_rules():
    from socialnorms.engine import review

    assert "HABIT_RULES" not in review.__all__
    with pytest.warns(DeprecationWarning, match="Rule.habit"):
        codes = review.HABIT_RULES
    assert codes == habit_codes(Checker().registry.rules.values())
    with warnings.catch_warnings(), pytest.raises(AttributeError):
        review.NO_SUCH_NAME  # noqa: B018
