"""SN501 ``unanswered-mention``: someone who addressed the account got no answer in time.

The check reports each mention never answered, or answered later than the network's
people expect; the review nudges a draft that answers late, and a post, quote or
repost that would go out while people wait for an answer past the expected time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import cast

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import (
    DATA_MENTIONS_RECEIVED,
    DATA_OWN_POSTS,
    Chart,
    RuleOptions,
    option,
    rule_examples,
)
from ._inbox import answered_by, inbox
from ._shared import Mention, Mentions, Scope, addressed, post_of, snippet, who


class Options(RuleOptions):
    default_response_hours: float = option(
        24,
        "Expected response time on a network whose profile "
        "is not installed. Surveys put people's expectation far lower (Lithium/Millward "
        "Brown 2013: 53% expect an answer to a tweet within an hour); a day is the lenient "
        "bound any network's audience would accept. An installed network profile's "
        "response_time wins.",
    )


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
    code="SN501",
    name="unanswered-mention",
    needs={DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS},
    charts=(
        Chart(
            ident="response-time",
            title="Median response time to mentions",
            measurement="median_response_minutes",
            kind="bar",
            desc="Median time between a mention and the subject's reply, per network.",
            absent="No response times were measured (no mentions to answer, or the check did not run).",
            unit="minutes",
        ),
    ),
    summary="A genuine account mentioned or replied to the account and got no answer in time.",
    why=(
        "Someone who addresses you in public is starting a conversation. Answering shows "
        "that a person is listening, keeps the exchange going, and lets their followers see "
        "you; silence tells everyone the account only broadcasts."
    ),
    instead=(
        "Reply to everyone who mentions or replies to the account, even briefly, "
        "within the time people expect on the network."
    ),
    severity=Severity.INFO,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def check(ctx: CheckContext, mentions: Mentions) -> Iterator[Finding]:
    """Each mention the subject never answered, or answered later than expected."""
    scope = mentions.scope
    for mention in mentions.due:
        if mention.answer is None or not scope.on_time(cast(timedelta, mention.delay)):
            yield _missed(ctx, scope, mention)


def _missed(ctx: CheckContext, scope: Scope, mention: Mention) -> Finding:
    timeline, action, answer = ctx.timeline, mention.action, mention.answer
    hours = scope.hours
    late = (
        f"answered only after {cast(timedelta, mention.delay).total_seconds() / 3600:.0f} hours"
        if answer
        else "never answered"
    )
    like = (
        "; it was liked or reposted, which acknowledges but does not answer"
        if mention.acknowledged and not answer
        else ""
    )
    return ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=addressed(timeline, action, scope.account_ids),
        network=scope.network,
        message=(
            f"{who(timeline, action.actor)} "
            f"{'replied to' if action.kind is ActionKind.REPLY else 'mentioned'} the account "
            f'("{snippet(post_of(action).text)}") and was {late} '
            f"(expected within {hours:g} hours){like}."
        ),
        suggestion=(
            f"Reply to {who(timeline, action.actor)}, even briefly, "
            f"and within {hours:g} hours next time."
        ),
        evidence=[action.id] + ([answer.id] if answer else []),
        metrics={
            "author": action.actor,
            "expected_hours": hours,
            "hours_to_answer": round(cast(timedelta, mention.delay).total_seconds() / 3600, 1)
            if answer
            else None,
            "acknowledged": mention.acknowledged,
        },
        at=action.at,
    )


def review(ctx: CheckContext, draft: Action, scope: Scope) -> Iterator[Finding]:
    """Nudge when ``draft`` answers a mention later than expected, and when a post,
    quote or repost would go out while people wait for an answer past it."""
    timeline = ctx.timeline
    received = inbox(ctx, scope, draft.at - scope.horizon, draft.at)
    hours = scope.hours
    answered = answered_by(timeline, received, draft, scope.horizon)
    for mention in answered:
        delay = draft.at - mention.at
        if scope.on_time(delay):
            continue
        author = who(timeline, mention.actor)
        yield ctx.finding(
            RULE.code,
            subject=scope.subject,
            account=addressed(timeline, mention, scope.account_ids),
            network=scope.network,
            message=(
                f"This {draft.kind.value} answers {author} "
                f'("{snippet(post_of(mention).text)}") '
                f"{delay.total_seconds() / 3600:.0f} hours after "
                f"they wrote; people expect an answer within {hours:g} hours."
            ),
            suggestion=(
                f"Thank {author} for waiting, and check mentions at least every {hours:g} hours."
            ),
            evidence=[mention.id, draft.id],
            metrics={
                "author": mention.actor,
                "expected_hours": hours,
                "hours_to_answer": round(delay.total_seconds() / 3600, 1),
            },
            at=mention.at,
        )
    if draft.kind not in (ActionKind.POST, ActionKind.QUOTE, ActionKind.REPOST):
        return
    waiting = [
        m
        for m in received.received
        if scope.is_due(m, draft.at) and received.answer[m.id] is None and m not in answered
    ]
    if not waiting:
        return
    names = ", ".join(dict.fromkeys(who(timeline, m.actor) for m in waiting[:5]))
    names += ", …" if len(waiting) > 5 else ""
    people = "person has" if len(waiting) == 1 else "people have"
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=draft.actor,
        network=scope.network,
        message=(
            f"{len(waiting)} {people} waited more than {hours:g} hours for an answer ({names}); "
            f"this {draft.kind.value} would go out before they hear back."
        ),
        suggestion=f"Answer {names} first, even briefly; then post.",
        evidence=[m.id for m in waiting],
        metrics={
            "waiting": len(waiting),
            "expected_hours": hours,
            "oldest_hours": round((draft.at - waiting[0].at).total_seconds() / 3600, 1),
        },
        at=draft.at,
    )
