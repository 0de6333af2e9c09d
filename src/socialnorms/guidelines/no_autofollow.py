"""Guideline ``no-autofollow``: look at a follower before following back; do follow customers.

Rules SN301-SN303. The spam and bot signals live in :mod:`socialnorms.core.signals`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import cast

import attrs

from ..core.checks import Check, CheckContext, Finding, Option, Rule, Severity, check_function
from ..core.hookspecs import hookimpl
from ..core.models import Action, ActionKind
from ..core.ruleparts import DATA_FOLLOWERS, DATA_FOLLOWS, Chart
from ..core.signals import Signal, SpamJudge, SpamThresholds, looks_like_spam
from ..core.timeline import Timeline
from ._common import median_minutes, percent, subject_networks

GUIDELINE = "no-autofollow"

_ACCOUNT = '{"type": "account", "id": "twitter:brand", "network": "twitter", "subject": "brand"}\n'


def _follows(back_after: str | None, n: int = 6) -> str:
    lines = []
    for i in range(1, n + 1):
        lines.append(
            f'{{"type": "action", "id": "in{i}", "kind": "follow", "actor": "twitter:person{i}", '
            f'"at": "2026-02-0{i}T09:00:00Z", "target": "twitter:brand"}}\n'
        )
        if back_after is not None:
            lines.append(
                f'{{"type": "action", "id": "back{i}", "kind": "follow", "actor": "twitter:brand", '
                f'"at": "2026-02-0{i}T{back_after}Z", "target": "twitter:person{i}"}}\n'
            )
    return "".join(lines)


_SPAMMER = (
    '{"type": "account", "id": "twitter:deals4u", "network": "twitter", "bio": "", '
    '"followers": 2, "following": 4800, "default_avatar": true, "created": "2026-01-30T00:00:00Z"}\n'
    '{"type": "action", "id": "f1", "kind": "follow", "actor": "twitter:deals4u", '
    '"at": "2026-02-01T09:00:00Z", "target": "twitter:brand"}\n'
)
_GENUINE = (
    '{"type": "account", "id": "twitter:deals4u", "network": "twitter", "bio": "Bargain hunter, dad", '
    '"followers": 310, "following": 290, "created": "2019-05-01T00:00:00Z"}\n'
    '{"type": "action", "id": "f1", "kind": "follow", "actor": "twitter:deals4u", '
    '"at": "2026-02-01T09:00:00Z", "target": "twitter:brand"}\n'
)
_FOLLOW_BACK = (
    '{"type": "action", "id": "f2", "kind": "follow", "actor": "twitter:brand", '
    '"at": "2026-02-02T10:00:00Z", "target": "twitter:deals4u"}\n'
)
_CUSTOMER = (
    '{"type": "account", "id": "twitter:buyer", "network": "twitter", "tags": ["customer"]}\n'
    '{"type": "action", "id": "c1", "kind": "follow", "actor": "twitter:buyer", '
    '"at": "2026-02-01T09:00:00Z", "target": "twitter:brand"}\n'
    '{"type": "action", "id": "c2", "kind": "post", "actor": "twitter:brand", '
    '"at": "2026-02-06T09:00:00Z", "post": {"id": "twitter:n1", "text": "Spring opening hours"}}\n'
)

AUTO_FOLLOW = Rule(
    code="SN301",
    name="auto-follow-back",
    needs={DATA_FOLLOWS, DATA_FOLLOWERS},
    charts=(
        Chart(
            ident="follow-back-latency",
            title="Median follow-back latency",
            measurement="median_follow_back_minutes",
            kind="bar",
            desc="Median time between being followed and following back, per network.",
            absent="No follow-back latencies were measured (no follow-backs, or the check did not run).",
            unit="minutes",
        ),
        Chart(
            ident="follow-back-share",
            title="Share of followers followed back",
            measurement="follow_back_share",
            kind="bar",
            desc="Share of new followers the subject followed back, per network.",
            absent="No follow-back shares were measured.",
            unit="share",
            max_value=1.0,
        ),
    ),
    habit=True,
    summary="The account follows back most new followers within minutes, or through an automation.",
    why=(
        "Following back everyone who follows you, unseen, fills your own feed with spam and "
        "ties your name to accounts you would never vouch for. Twitter withdrew permission for "
        "automatic follow-back in 2013 and asks people to review new followers by hand."
    ),
    severity=Severity.WARNING,
    example=_ACCOUNT + _follows("09:02:00"),
    quiet_example=_ACCOUNT
    + _follows(None)
    + (
        '{"type": "action", "id": "back1", "kind": "follow", "actor": "twitter:brand", '
        '"at": "2026-02-03T15:00:00Z", "target": "twitter:person1"}\n'
    ),
    options=(
        Option(
            "quick_minutes",
            15,
            "A follow-back sooner than this after the follow is too quick "
            "to have looked at the follower's posts: reading a profile and a few posts takes "
            "minutes, and people rarely do it the moment a notification arrives.",
        ),
        Option(
            "min_followers",
            5,
            "Fewest new followers before the pattern is judged: one or two "
            "quick follow-backs of acquaintances are normal.",
        ),
        Option(
            "threshold",
            0.5,
            "Share of new followers followed back quickly or by an "
            "automation that raises a warning: the account follows back most newcomers unseen.",
        ),
        Option(
            "error_threshold",
            0.8,
            "Share that raises an error: practically everyone is followed back automatically.",
        ),
    ),
)

FOLLOWED_SPAM = Rule(
    code="SN302",
    name="followed-spam-account",
    needs={DATA_FOLLOWS},
    summary="The account follows an account that looks like spam or a bot.",
    why=(
        "Whom you follow is public and says who you vouch for. A brand that follows "
        "spam and bot accounts looks careless or, worse, like part of a follow-for-follow "
        "scheme, and its followers see the spam it amplifies."
    ),
    severity=Severity.WARNING,
    example=_ACCOUNT + _SPAMMER + _FOLLOW_BACK,
    quiet_example=_ACCOUNT + _GENUINE + _FOLLOW_BACK,
    options=(
        Option(
            "min_signals",
            3,
            "How many spam signals must agree (a 'spam' tag is enough on its "
            "own). Cresci et al. (2015) showed single media rules such as Camisani-Calzolari's, "
            "StateOfSearch's and Socialbakers' misclassify many real accounts; several together "
            "are reliable.",
        ),
    ),
)

CUSTOMER_NOT_FOLLOWED = Rule(
    code="SN303",
    name="customer-not-followed-back",
    needs={DATA_FOLLOWERS, DATA_FOLLOWS},
    summary="A follower tagged as a customer is not followed back.",
    why=(
        "Care with follow-backs is about strangers. A customer who follows you is someone you "
        "already know; following back acknowledges the relationship and lets you see what "
        "they say about you."
    ),
    severity=Severity.INFO,
    example=_ACCOUNT + _CUSTOMER,
    quiet_example=_ACCOUNT
    + _CUSTOMER
    + (
        '{"type": "action", "id": "c3", "kind": "follow", "actor": "twitter:brand", '
        '"at": "2026-02-02T09:00:00Z", "target": "twitter:buyer"}\n'
    ),
    options=(
        Option(
            "grace_hours",
            24,
            "A customer who followed less than this before the data ends "
            "is not reported yet: a day leaves time to notice and follow back.",
        ),
    ),
)

RULES = (AUTO_FOLLOW, FOLLOWED_SPAM, CUSTOMER_NOT_FOLLOWED)

_AUTOMATION = re.compile(
    r"auto|bot\b|ifttt|zapier|crowdfire|tweepi|unfollowers|justunfollow|socialoomph|followback",
    re.IGNORECASE,
)


def is_automated(action: Action) -> bool:
    """Whether an action was performed by an automation, judging by its ``via``."""
    return action.via is not None and bool(_AUTOMATION.search(action.via))


@attrs.frozen(slots=True)
class NewFollower:
    """A follow of a subject's account by someone it did not already follow."""

    follow: Action
    back: Action | None

    @property
    def delay(self) -> timedelta | None:
        return self.back.at - self.follow.at if self.back is not None else None


def new_follower(timeline: Timeline, account_id: str, follow: Action) -> NewFollower | None:
    """The new follower that ``follow`` (the first follow of ``account_id`` by its actor)
    makes, with the follow-back that answered it; ``None`` when the account already
    followed them (then following is not a follow-back)."""
    follower = follow.actor
    if timeline.follows(account_id, follower, at=follow.at):
        return None
    back = next(
        (
            a
            for a in timeline.between(account_id, follower)
            if a.kind is ActionKind.FOLLOW and a.at >= follow.at
        ),
        None,
    )
    return NewFollower(follow, back)


def first_follow(timeline: Timeline, follower: str, account_id: str) -> Action | None:
    """The first follow of ``account_id`` by ``follower``."""
    return next(
        (a for a in timeline.between(follower, account_id) if a.kind is ActionKind.FOLLOW), None
    )


def new_followers(timeline: Timeline, account_id: str, own: frozenset[str]) -> list[NewFollower]:
    """First follows of ``account_id`` by others, each with the follow-back that answered it."""
    seen: set[str] = set()
    found = []
    for follow in timeline.followers_of(account_id):
        follower = follow.actor
        if follower in seen or follower in own:
            continue
        seen.add(follower)
        new = new_follower(timeline, account_id, follow)
        if new is not None:
            found.append(new)
    return found


def is_hasty(follower: NewFollower, quick: timedelta) -> bool:
    """SN301: whether the follow-back came within ``quick`` or through an automation."""
    return follower.back is not None and (
        cast(timedelta, follower.delay) <= quick or is_automated(follower.back)
    )


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge before a follow of an account that looks like spam (SN302), a follow-back
    that is one more of a habit of following back unseen (SN301), and an unfollow
    that leaves a customer who follows the subject unfollowed (SN303)."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind not in (ActionKind.FOLLOW, ActionKind.UNFOLLOW):
        return
    account_id, target = draft.actor, draft.target
    assert target is not None  # a follow or unfollow always has a target account
    own = frozenset(a.id for a in timeline.accounts_of(subject))
    if target in own:
        return
    network = timeline.network_of(account_id)
    following = timeline.follows(account_id, target, at=draft.at)
    if draft.kind is ActionKind.UNFOLLOW:
        if following and ctx.enabled("SN303"):
            yield from _review_unfollow(ctx, subject, network, draft, own)
        return
    if following:
        return  # already followed: the draft changes nothing
    follow = first_follow(timeline, target, account_id)
    new = (
        new_follower(timeline, account_id, follow)
        if follow is not None and follow.at <= draft.at
        else None
    )
    is_back = new is not None and new.back is None
    if ctx.enabled("SN302"):
        thresholds = SpamThresholds(min_signals=ctx.option("SN302", "min_signals", network))
        acted = timeline.by_actor(target)
        if acted:  # judged when it first acted, as SpamJudge does: the same for every draft
            key = (GUIDELINE, "spam", target, thresholds.min_signals)
            signals = ctx.cached(
                key,
                lambda: looks_like_spam(timeline, target, acted[0].at, thresholds),
                about=[target],
            )
        else:
            signals = looks_like_spam(timeline, target, draft.at, thresholds)
        if signals:
            earlier = first_follow(timeline, account_id, target)
            yield ctx.finding(
                "SN302",
                subject=subject,
                account=account_id,
                network=network,
                message=(
                    f"{'Following back' if is_back else 'Following'} {target}, an account that looks "
                    f"like spam or a bot: {', '.join(str(s) for s in signals)}."
                ),
                suggestion=(
                    f"Do not follow {target}; look at an account's profile and posts before following "
                    "it, and block or report it if it is spam."
                ),
                evidence=[*([earlier.id] if earlier is not None else []), draft.id],
                metrics={
                    "followed": target,
                    "signals": [s.name for s in signals],
                    "signal_count": len(signals),
                },
                severity=spam_severity(signals, thresholds),
            )
    if is_back and ctx.enabled("SN301"):
        assert new is not None  # is_back implies it
        yield from _review_follow_back(
            ctx, subject, network, draft, NewFollower(new.follow, draft), own
        )


def _review_follow_back(
    ctx: CheckContext,
    subject: str,
    network: str,
    draft: Action,
    answered: NewFollower,
    own: frozenset[str],
) -> Iterator[Finding]:
    quick = timedelta(minutes=ctx.option("SN301", "quick_minutes", network))
    if not is_hasty(answered, quick):
        return
    timeline = ctx.timeline

    def counts() -> tuple[int, int]:
        followers = [
            f
            for a in subject_networks(timeline, subject).get(network, ())
            for f in new_followers(timeline, a, own)
        ]
        return len(followers), sum(is_hasty(f, quick) for f in followers)

    followers, hasty = ctx.cached(
        (GUIDELINE, "follow-backs", subject, network, quick), counts, about=[subject]
    )
    hasty += 1  # the draft answers a new follower not followed back yet
    share = hasty / followers
    if followers < ctx.option("SN301", "min_followers", network) or share < ctx.option(
        "SN301", "threshold", network
    ):
        return
    minutes = cast(timedelta, answered.delay).total_seconds() / 60
    how = " through an automation" if is_automated(draft) else ""
    yield ctx.finding(
        "SN301",
        subject=subject,
        account=draft.actor,
        network=network,
        message=(
            f"Following {draft.target} back {minutes:.0f} minutes after it followed{how}: with it, "
            f"{hasty} of {followers} new followers ({percent(share)}) would be followed back "
            "too quickly to have looked at them."
        ),
        suggestion=(
            f"Look at {draft.target}'s profile and recent posts first, and follow back the people "
            "and customers you want to hear from; turn off automatic follow-back."
        ),
        evidence=[draft.id],
        metrics={"new_followers": followers, "quick_or_automated": hasty, "share": round(share, 3)},
        severity=Severity.ERROR
        if share >= ctx.option("SN301", "error_threshold", network)
        else Severity.WARNING,
    )


def _review_unfollow(
    ctx: CheckContext, subject: str, network: str, draft: Action, own: frozenset[str]
) -> Iterator[Finding]:
    timeline = ctx.timeline
    customer = draft.target
    assert customer is not None  # an unfollow always has a target account
    account = timeline.account(customer)
    if account is None or not account.has_tag("customer"):
        return
    account_ids = subject_networks(timeline, subject).get(network, ())
    if any(
        timeline.follows(other, customer, at=draft.at)
        for other in account_ids
        if other != draft.actor
    ):
        return  # another account of the subject still follows them
    grace = timedelta(hours=ctx.option("SN303", "grace_hours", network))
    firsts = [first_follow(timeline, customer, a) for a in account_ids]
    follows = [f for f in firsts if f is not None and f.at <= draft.at]
    followed = [
        f
        for f in follows
        if new_follower(timeline, cast(str, f.target), f) is not None and draft.at - f.at >= grace
    ]
    if not followed:
        return
    follow = min(followed, key=lambda f: (f.at, f.id))
    yield ctx.finding(
        "SN303",
        subject=subject,
        account=follow.target,
        network=network,
        message=(
            f"Unfollowing {customer}, a customer who follows {follow.target}: no account of the "
            "subject would follow them any more."
        ),
        suggestion=f"Keep following {customer}: a customer is someone you already know.",
        evidence=[follow.id, draft.id],
        metrics={"customer": customer},
    )


@check_function(GUIDELINE, RULES, review=review_draft)
def no_autofollow(ctx: CheckContext) -> Iterator[Finding]:
    """Auto-follow pattern, followed spam accounts and customers not followed back."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = frozenset(a.id for a in timeline.accounts_of(subject))
        for network, account_ids in subject_networks(timeline, subject).items():
            followers = [f for a in account_ids for f in new_followers(timeline, a, own)]
            followers.sort(key=lambda f: (f.follow.at, f.follow.id))
            _measure(ctx, subject, network, followers)
            if ctx.enabled("SN301"):
                yield from _auto_follow(ctx, subject, network, followers)
            if ctx.enabled("SN302"):
                yield from _followed_spam(ctx, subject, network, account_ids, followers)
            if ctx.enabled("SN303"):
                yield from _customers(ctx, subject, network, account_ids, followers)


def _measure(ctx: CheckContext, subject: str, network: str, followers: list[NewFollower]) -> None:
    if not followers:
        return
    backs = [f for f in followers if f.back is not None]
    ctx.measure(subject, network, "new_followers", len(followers))
    ctx.measure(subject, network, "follow_back_share", round(len(backs) / len(followers), 3))
    median = median_minutes(cast(timedelta, f.delay) for f in backs)
    if median is not None:
        ctx.measure(subject, network, "median_follow_back_minutes", median)


def _auto_follow(
    ctx: CheckContext, subject: str, network: str, followers: list[NewFollower]
) -> Iterator[Finding]:
    if len(followers) < ctx.option("SN301", "min_followers", network):
        return
    quick = timedelta(minutes=ctx.option("SN301", "quick_minutes", network))
    hasty = [f for f in followers if is_hasty(f, quick)]
    share = len(hasty) / len(followers)
    if share < ctx.option("SN301", "threshold", network):
        return
    severity = (
        Severity.ERROR
        if share >= ctx.option("SN301", "error_threshold", network)
        else Severity.WARNING
    )
    backs = [f for f in followers if f.back is not None]
    automated = sum(1 for f in hasty if is_automated(cast(Action, f.back)))
    median = median_minutes(cast(timedelta, f.delay) for f in hasty)
    how = f"a median of {median:g} minutes after being followed"
    if automated:
        how += f", {automated} of them through an automation"
    yield ctx.finding(
        "SN301",
        subject=subject,
        account=cast(Action, hasty[-1].back).actor,
        network=network,
        message=(
            f"Followed back {len(hasty)} of {len(followers)} new followers ({percent(share)}) "
            f"within {quick.total_seconds() / 60:g} minutes or automatically, {how}."
        ),
        suggestion=(
            "Turn off automatic follow-back. Look at each new follower's recent posts and "
            "profile first, and follow back the people and customers you want to hear from."
        ),
        evidence=[cast(Action, f.back).id for f in hasty],
        metrics={
            "new_followers": len(followers),
            "followed_back": len(backs),
            "quick_or_automated": len(hasty),
            "share": round(share, 3),
            "median_follow_back_minutes": median,
            "automated": automated,
        },
        severity=severity,
    )


def _followed_spam(
    ctx: CheckContext,
    subject: str,
    network: str,
    account_ids: tuple[str, ...],
    followers: list[NewFollower],
) -> Iterator[Finding]:
    timeline = ctx.timeline
    thresholds = SpamThresholds(min_signals=ctx.option("SN302", "min_signals", network))
    looks_like_spam = SpamJudge(timeline, thresholds)
    backs = {f.back.id for f in followers if f.back is not None}
    for account_id in account_ids:
        judged: set[str] = set()
        for follow in timeline.by_actor(account_id, ActionKind.FOLLOW):
            target = follow.target
            assert target is not None  # a follow always has a target account
            if target in judged or not timeline.follows(account_id, target):
                continue
            judged.add(target)
            signals = looks_like_spam(target)
            if not signals:
                continue
            verb = "Followed back" if follow.id in backs else "Follows"
            names = ", ".join(str(s) for s in signals)
            yield ctx.finding(
                "SN302",
                subject=subject,
                account=account_id,
                network=network,
                message=f"{verb} {target}, which looks like spam or a bot: {names}.",
                suggestion=(
                    f"Unfollow {target} (and block or report it if it is spam), and check "
                    "new followers' profiles and posts before following back."
                ),
                evidence=[follow.id],
                metrics={
                    "followed": target,
                    "signals": [s.name for s in signals],
                    "signal_count": len(signals),
                },
                severity=spam_severity(signals, thresholds),
            )


def spam_severity(signals: tuple[Signal, ...], thresholds: SpamThresholds) -> Severity:
    """SN302: an error when the account is tagged spam or many more signals agree than needed."""
    certain = signals[0].name == "tagged-spam" or len(signals) >= thresholds.min_signals + 2
    return Severity.ERROR if certain else Severity.WARNING


def _customers(
    ctx: CheckContext,
    subject: str,
    network: str,
    account_ids: tuple[str, ...],
    followers: list[NewFollower],
) -> Iterator[Finding]:
    timeline = ctx.timeline
    end: datetime | None = timeline.end
    grace = timedelta(hours=ctx.option("SN303", "grace_hours", network))
    reported: set[str] = set()
    for follower in followers:
        follow = follower.follow
        account = timeline.account(follow.actor)
        if account is None or not account.has_tag("customer") or follow.actor in reported:
            continue
        if end is None or end - follow.at < grace:
            continue
        if any(timeline.follows(own, follow.actor) for own in account_ids):
            continue
        reported.add(follow.actor)
        yield ctx.finding(
            "SN303",
            subject=subject,
            account=follow.target,
            network=network,
            message=f"{follow.actor} is a customer and follows {follow.target}, but is not followed back.",
            suggestion=f"Follow {follow.actor} back: a customer is someone you already know.",
            evidence=[follow.id],
            metrics={"customer": follow.actor},
        )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(no_autofollow)
