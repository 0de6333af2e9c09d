"""Guideline ``retweet-carefully``: share what your audience will value, not praise of yourself.

Rules SN101-SN103, one module each. A rule judges a habit over a window, never a
single repost: it judges each share into items and gets its check and its review
from the habit block (:mod:`socialnorms.guidelines._habit`). The check builds a
:class:`Scope` per subject and network (its reposts and quotes, its own accounts
and sites) and gives it to every enabled rule; the review does the same for the
network of one draft.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...core.checks import Check, CheckContext, Finding, check_function
from ...core.hookspecs import hookimpl
from ...core.models import Action, ActionKind
from ...core.timeline import Timeline
from .._common import subject_networks
from . import low_value_reposts, self_centred_sharing, self_mention_reposts
from ._shared import SHARING, Scope, own_domains, shared_post, shares_of
from .low_value_reposts import low_value_item
from .self_centred_sharing import self_centred_items
from .self_mention_reposts import self_mention_item

__all__ = [
    "GUIDELINE",
    "LOW_VALUE_REPOSTS",
    "RULES",
    "RULE_MODULES",
    "SELF_CENTRED_SHARING",
    "SELF_MENTION_REPOSTS",
    "SUGGEST_SN101",
    "SUGGEST_SN102",
    "SUGGEST_SN103",
    "Scope",
    "low_value_item",
    "own_domains",
    "register_checks",
    "retweet_carefully",
    "review_draft",
    "self_centred_items",
    "self_mention_item",
    "shared_post",
]

GUIDELINE = "retweet-carefully"

RULE_MODULES = (
    self_mention_reposts,
    self_centred_sharing,
    low_value_reposts,
)
RULES = tuple(module.RULE for module in RULE_MODULES)

SELF_MENTION_REPOSTS = self_mention_reposts.RULE
SELF_CENTRED_SHARING = self_centred_sharing.RULE
LOW_VALUE_REPOSTS = low_value_reposts.RULE
SUGGEST_SN101 = SELF_MENTION_REPOSTS.instead
SUGGEST_SN102 = SELF_CENTRED_SHARING.instead
SUGGEST_SN103 = LOW_VALUE_REPOSTS.instead


def _own(timeline: Timeline, subject: str) -> frozenset[str]:
    return frozenset(a.id for a in timeline.accounts_of(subject))


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge when a draft repost, quote or post is one more of a habit the rules
    report: the window of ``window_days`` that ends with the draft crosses the
    threshold, and the draft itself is one of the flagged items."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind not in (*SHARING, ActionKind.POST):
        return
    network = timeline.network_of(draft.actor)
    scope = Scope(
        subject,
        network,
        subject_networks(timeline, subject).get(network, (draft.actor,)),
        own=_own(timeline, subject),
        domains=own_domains(timeline, subject),
    )
    for module in RULE_MODULES:
        if ctx.enabled(module.RULE.code):
            yield from module.review(ctx, draft, scope)


@check_function(GUIDELINE, RULES, review=review_draft)
def retweet_carefully(ctx: CheckContext) -> Iterator[Finding]:
    """Self-mention reposts, self-centred sharing and low-value reposts per subject and network."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = _own(timeline, subject)
        domains = own_domains(timeline, subject)
        for network, account_ids in subject_networks(timeline, subject).items():
            scope = Scope(
                subject, network, account_ids, own, domains, shares_of(timeline, account_ids)
            )
            self_mention_reposts.measure(ctx, scope)
            for module in RULE_MODULES:
                if ctx.enabled(module.RULE.code):
                    yield from module.check(ctx, scope)


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(retweet_carefully)
