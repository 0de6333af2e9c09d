"""Guideline ``no-autofollow``: look at a follower before following back; do follow customers.

Rules SN301-SN303, one module each. The spam and bot signals live in
:mod:`socialnorms.core.signals`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import cast

from ...core.checks import Check, CheckContext, Finding, check_function
from ...core.hookspecs import hookimpl
from ...core.models import Action, ActionKind
from .._common import median_minutes, subject_networks
from . import auto_follow_back, customer_not_followed_back, followed_spam_account
from ._shared import (
    GUIDELINE,
    Draft,
    Followers,
    NewFollower,
    Scope,
    first_follow,
    new_follower,
    new_followers,
)
from .auto_follow_back import is_automated, is_hasty
from .followed_spam_account import spam_severity

__all__ = [
    "AUTO_FOLLOW",
    "CUSTOMER_NOT_FOLLOWED",
    "FOLLOWED_SPAM",
    "GUIDELINE",
    "RULES",
    "RULE_MODULES",
    "NewFollower",
    "first_follow",
    "is_automated",
    "is_hasty",
    "new_follower",
    "new_followers",
    "no_autofollow",
    "register_checks",
    "review_draft",
    "spam_severity",
]

RULE_MODULES = (
    auto_follow_back,
    followed_spam_account,
    customer_not_followed_back,
)
RULES = tuple(m.RULE for m in RULE_MODULES)
AUTO_FOLLOW = auto_follow_back.RULE
FOLLOWED_SPAM = followed_spam_account.RULE
CUSTOMER_NOT_FOLLOWED = customer_not_followed_back.RULE


def _draft(ctx: CheckContext, draft: Action) -> Draft | None:
    """What the rules share about a draft follow or unfollow; ``None`` when it is
    neither, or is of the subject's own account, or changes nothing."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind not in (ActionKind.FOLLOW, ActionKind.UNFOLLOW):
        return None
    account_id, target = draft.actor, draft.target
    assert target is not None  # a follow or unfollow always has a target account
    own = frozenset(a.id for a in timeline.accounts_of(subject))
    if target in own:
        return None
    network = timeline.network_of(account_id)
    scope = Scope(subject, network, subject_networks(timeline, subject).get(network, ()), own)
    following = timeline.follows(account_id, target, at=draft.at)
    if draft.kind is ActionKind.UNFOLLOW:
        return Draft(scope, target, None) if following else None
    if following:
        return None  # already followed: the draft changes nothing
    follow = first_follow(timeline, target, account_id)
    new = (
        new_follower(timeline, account_id, follow)
        if follow is not None and follow.at <= draft.at
        else None
    )
    if new is None or new.back is not None:
        return Draft(scope, target, None)  # not a follow-back of a new follower
    return Draft(scope, target, NewFollower(new.follow, draft))


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge before a follow of an account that looks like spam (SN302), a follow-back
    that is one more of a habit of following back unseen (SN301), and an unfollow
    that leaves a customer who follows the subject unfollowed (SN303)."""
    drafted = _draft(ctx, draft)
    if drafted is None:
        return
    for module in RULE_MODULES:
        if ctx.enabled(module.RULE.code):
            yield from module.review(ctx, draft, drafted)


@check_function(GUIDELINE, RULES, review=review_draft)
def no_autofollow(ctx: CheckContext) -> Iterator[Finding]:
    """Auto-follow pattern, followed spam accounts and customers not followed back."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = frozenset(a.id for a in timeline.accounts_of(subject))
        for network, account_ids in subject_networks(timeline, subject).items():
            found = [f for a in account_ids for f in new_followers(timeline, a, own)]
            found.sort(key=lambda f: (f.follow.at, f.follow.id))
            followers = Followers(Scope(subject, network, account_ids, own), tuple(found))
            _measure(ctx, followers)
            for module in RULE_MODULES:
                if ctx.enabled(module.RULE.code):
                    yield from module.check(ctx, followers)


def _measure(ctx: CheckContext, followers: Followers) -> None:
    new = followers.new
    if not new:
        return
    subject, network = followers.scope.subject, followers.scope.network
    backs = [f for f in new if f.back is not None]
    ctx.measure(subject, network, "new_followers", len(new))
    ctx.measure(subject, network, "follow_back_share", round(len(backs) / len(new), 3))
    median = median_minutes(cast(timedelta, f.delay) for f in backs)
    if median is not None:
        ctx.measure(subject, network, "median_follow_back_minutes", median)


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(no_autofollow)
