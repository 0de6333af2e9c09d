"""SN303 ``customer-not-followed-back``: a follower tagged as a customer is not followed back.

The check reports each customer who followed and whom no account of the subject
follows; the review nudges an unfollow that would leave a customer so.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import cast

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_FOLLOWERS, DATA_FOLLOWS, RuleOptions, option, rule_examples
from ...core.timeline import Timeline
from ._shared import Draft, Followers, first_follow, new_follower


class Options(RuleOptions):
    grace_hours: float = option(
        24,
        "A customer who followed less than this before the data ends "
        "is not reported yet: a day leaves time to notice and follow back.",
    )

    @property
    def grace(self) -> timedelta:
        """How long a customer's follow may wait for a follow-back."""
        return timedelta(hours=self.grace_hours)


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
    code="SN303",
    name="customer-not-followed-back",
    needs={DATA_FOLLOWERS, DATA_FOLLOWS},
    summary="A follower tagged as a customer is not followed back.",
    why=(
        "Care with follow-backs is about strangers. A customer who follows you is someone you "
        "already know; following back acknowledges the relationship and lets you see what "
        "they say about you."
    ),
    instead=(
        "Follow back the customers who follow the account: a customer is someone you already know."
    ),
    severity=Severity.INFO,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def _is_customer(timeline: Timeline, account_id: str) -> bool:
    account = timeline.account(account_id)
    return account is not None and account.has_tag("customer")


def _waited(follow: Action, now: datetime, grace: timedelta) -> bool:
    """Whether the customer's ``follow`` has waited the grace time by ``now``."""
    return now - follow.at >= grace


def check(ctx: CheckContext, followers: Followers) -> Iterator[Finding]:
    """Each customer who follows the subject and whom none of its accounts follows."""
    timeline, scope = ctx.timeline, followers.scope
    end: datetime | None = timeline.end
    grace = Options.resolve(ctx, scope.network).grace
    reported: set[str] = set()
    for follower in followers.new:
        follow = follower.follow
        if not _is_customer(timeline, follow.actor) or follow.actor in reported:
            continue
        if end is None or not _waited(follow, end, grace):
            continue
        if any(timeline.follows(own, follow.actor) for own in scope.account_ids):
            continue
        reported.add(follow.actor)
        yield ctx.finding(
            RULE.code,
            subject=scope.subject,
            account=follow.target,
            network=scope.network,
            message=(
                f"{follow.actor} is a customer and follows {follow.target}, "
                "but is not followed back."
            ),
            suggestion=f"Follow {follow.actor} back: a customer is someone you already know.",
            evidence=[follow.id],
            metrics={"customer": follow.actor},
        )


def review(ctx: CheckContext, draft: Action, scope: Draft) -> Iterator[Finding]:
    """Nudge before an unfollow that leaves a customer who follows the subject unfollowed."""
    if draft.kind is not ActionKind.UNFOLLOW:
        return
    timeline, customer = ctx.timeline, scope.target
    if not _is_customer(timeline, customer):
        return
    account_ids = scope.scope.account_ids
    if any(
        timeline.follows(other, customer, at=draft.at)
        for other in account_ids
        if other != draft.actor
    ):
        return  # another account of the subject still follows them
    grace = Options.resolve(ctx, scope.scope.network).grace
    firsts = [first_follow(timeline, customer, a) for a in account_ids]
    follows = [f for f in firsts if f is not None and f.at <= draft.at]
    followed = [
        f
        for f in follows
        if new_follower(timeline, cast(str, f.target), f) is not None
        and _waited(f, draft.at, grace)
    ]
    if not followed:
        return
    follow = min(followed, key=lambda f: (f.at, f.id))
    yield ctx.finding(
        RULE.code,
        subject=scope.scope.subject,
        account=follow.target,
        network=scope.scope.network,
        message=(
            f"Unfollowing {customer}, a customer who follows {follow.target}: no account of the "
            "subject would follow them any more."
        ),
        suggestion=f"Keep following {customer}: a customer is someone you already know.",
        evidence=[follow.id, draft.id],
        metrics={"customer": customer},
    )
