"""Guideline ``respond-to-mentions``: answer the people who mention you or reply to you.

Rules SN501-SN502, one module each, plus response rate and response time as
measurements for every subject and network, whether or not anything is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

from ...core.checks import Check, CheckContext, Finding, check_function
from ...core.hookspecs import hookimpl
from ...core.models import Action
from ...core.signals import SpamJudge
from .._common import subject_networks
from . import low_response_rate, unanswered_mention
from ._shared import GUIDELINE, Answers, Mention, Mentions, Scope, incoming, post_of

__all__ = [
    "GUIDELINE",
    "LOW_RESPONSE_RATE",
    "RULES",
    "RULE_MODULES",
    "UNANSWERED",
    "Mention",
    "incoming",
    "register_checks",
    "respond_to_mentions",
    "response_time",
    "review_draft",
]

RULE_MODULES = (
    unanswered_mention,
    low_response_rate,
)
RULES = tuple(m.RULE for m in RULE_MODULES)
UNANSWERED = unanswered_mention.RULE
LOW_RESPONSE_RATE = low_response_rate.RULE


def response_time(ctx: CheckContext, network: str) -> timedelta:
    """The network profile's expected response time, else the configured default (noted)."""
    profile = ctx.profile(network)
    if profile is not None:
        return profile.response_time
    hours = unanswered_mention.Options.resolve(ctx, network).default_response_hours
    ctx.note(
        f"no profile for network {network!r} is installed; "
        f"expected response time {hours:g} hours (option default_response_hours)."
    )
    return timedelta(hours=hours)


def _scope(ctx: CheckContext, subject: str, network: str, account_ids: tuple[str, ...]) -> Scope:
    expected = response_time(ctx, network)
    window = timedelta(days=low_response_rate.Options.resolve(ctx, network).answer_window_days)
    return Scope(subject, network, account_ids, expected=expected, horizon=max(window, expected))


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge when a draft answers a mention later than the network expects, and when
    a post, quote or repost would go out while people wait for an answer past it (SN501).
    The response rate (SN502) is a habit no single draft of the account lowers."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or not ctx.enabled(unanswered_mention.RULE.code):
        return
    network = timeline.network_of(draft.actor)
    account_ids = subject_networks(timeline, subject).get(network, (draft.actor,))
    yield from unanswered_mention.review(ctx, draft, _scope(ctx, subject, network, account_ids))


@check_function(GUIDELINE, RULES, review=review_draft)
def respond_to_mentions(ctx: CheckContext) -> Iterator[Finding]:
    """Unanswered mentions and the response rate, per subject and network."""
    timeline = ctx.timeline
    end = timeline.end
    looks_like_spam = SpamJudge(timeline)
    for subject in timeline.subjects:
        own = frozenset(a.id for a in timeline.accounts_of(subject))
        for network, account_ids in subject_networks(timeline, subject).items():
            received = [
                a for a in incoming(timeline, account_ids, own) if not looks_like_spam(a.actor)
            ]
            if not received or end is None:  # never None: the data holds these actions
                continue
            scope = _scope(ctx, subject, network, account_ids)
            answers = Answers(timeline, account_ids)
            due: list[Mention] = []
            pending = 0
            for action in received:
                answer = answers.first(timeline, action, action.at + scope.horizon)
                if answer is None and not scope.is_due(action, end):
                    pending += 1  # the data ends before the answer was due
                    continue
                due.append(Mention(action, answer, post_of(action).id in answers.acknowledged))
            mentions = Mentions.judged(scope, due, pending)
            _measure(ctx, mentions)
            for module in RULE_MODULES:
                if ctx.enabled(module.RULE.code):
                    yield from module.check(ctx, mentions)


def _measure(ctx: CheckContext, mentions: Mentions) -> None:
    subject, network = mentions.scope.subject, mentions.scope.network
    rate = mentions.rate
    if rate is not None:
        ctx.measure(subject, network, "response_rate", round(rate, 3))
        ctx.measure(
            subject, network, "on_time_rate", round(len(mentions.on_time) / len(mentions.due), 3)
        )
    if mentions.median_minutes is not None:
        ctx.measure(subject, network, "median_response_minutes", mentions.median_minutes)
    ctx.measure(subject, network, "mentions", len(mentions.due))
    ctx.measure(subject, network, "answered", len(mentions.answered))
    ctx.measure(subject, network, "acknowledged_only", len(mentions.acknowledged_only))
    ctx.measure(subject, network, "pending", mentions.pending)


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(respond_to_mentions)
