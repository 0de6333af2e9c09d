"""SN302 ``followed-spam-account``: the account follows an account that looks like spam.

The spam and bot signals live in :mod:`socialnorms.core.signals`; an account is judged
as of its first action in the data, so the check and a review agree on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_FOLLOWS, RuleOptions, option, rule_examples
from ...core.signals import Signal, SpamJudge, SpamThresholds, looks_like_spam
from ._shared import GUIDELINE, Draft, Followers, first_follow


class Options(RuleOptions):
    min_signals: int = option(
        3,
        "How many spam signals must agree (a 'spam' tag is enough on its "
        "own). Cresci et al. (2015) showed single media rules such as Camisani-Calzolari's, "
        "StateOfSearch's and Socialbakers' misclassify many real accounts; several together "
        "are reliable.",
    )

    @property
    def thresholds(self) -> SpamThresholds:
        """The spam thresholds these options set."""
        return SpamThresholds(min_signals=self.min_signals)


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
    code="SN302",
    name="followed-spam-account",
    needs={DATA_FOLLOWS},
    summary="The account follows an account that looks like spam or a bot.",
    why=(
        "Whom you follow is public and says who you vouch for. A brand that follows "
        "spam and bot accounts looks careless or, worse, like part of a follow-for-follow "
        "scheme, and its followers see the spam it amplifies."
    ),
    instead=(
        "Look at an account's profile and posts before following it, and block or "
        "report it if it is spam."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def spam_severity(signals: tuple[Signal, ...], thresholds: SpamThresholds) -> Severity:
    """An error when the account is tagged spam or many more signals agree than needed."""
    certain = signals[0].name == "tagged-spam" or len(signals) >= thresholds.min_signals + 2
    return Severity.ERROR if certain else Severity.WARNING


def _metrics(target: str, signals: tuple[Signal, ...]) -> dict[str, Any]:
    return {
        "followed": target,
        "signals": [s.name for s in signals],
        "signal_count": len(signals),
    }


def check(ctx: CheckContext, followers: Followers) -> Iterator[Finding]:
    """Each account the subject's accounts follow at the end of the data that looks like spam."""
    timeline, scope = ctx.timeline, followers.scope
    thresholds = Options.resolve(ctx, scope.network).thresholds
    spam = SpamJudge(timeline, thresholds)
    backs = {f.back.id for f in followers.new if f.back is not None}
    for account_id in scope.account_ids:
        judged: set[str] = set()
        for follow in timeline.by_actor(account_id, ActionKind.FOLLOW):
            target = follow.target
            assert target is not None  # a follow always has a target account
            if target in judged or not timeline.follows(account_id, target):
                continue
            judged.add(target)
            signals = spam(target)
            if not signals:
                continue
            verb = "Followed back" if follow.id in backs else "Follows"
            names = ", ".join(str(s) for s in signals)
            yield ctx.finding(
                RULE.code,
                subject=scope.subject,
                account=account_id,
                network=scope.network,
                message=f"{verb} {target}, which looks like spam or a bot: {names}.",
                suggestion=(
                    f"Unfollow {target} (and block or report it if it is spam), and check "
                    "new followers' profiles and posts before following back."
                ),
                evidence=[follow.id],
                metrics=_metrics(target, signals),
                severity=spam_severity(signals, thresholds),
            )


def review(ctx: CheckContext, draft: Action, scope: Draft) -> Iterator[Finding]:
    """Nudge before a follow of an account that looks like spam."""
    if draft.kind is not ActionKind.FOLLOW:
        return
    timeline, target = ctx.timeline, scope.target
    thresholds = Options.resolve(ctx, scope.scope.network).thresholds
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
    if not signals:
        return
    earlier = first_follow(timeline, draft.actor, target)
    back = "Following back" if scope.follow_back is not None else "Following"
    yield ctx.finding(
        RULE.code,
        subject=scope.scope.subject,
        account=draft.actor,
        network=scope.scope.network,
        message=(
            f"{back} {target}, an account that looks "
            f"like spam or a bot: {', '.join(str(s) for s in signals)}."
        ),
        suggestion=(
            f"Do not follow {target}; look at an account's profile and posts before following "
            "it, and block or report it if it is spam."
        ),
        evidence=[*([earlier.id] if earlier is not None else []), draft.id],
        metrics=_metrics(target, signals),
        severity=spam_severity(signals, thresholds),
    )
