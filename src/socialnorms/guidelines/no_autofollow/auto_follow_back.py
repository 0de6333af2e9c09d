"""SN301 ``auto-follow-back``: the account follows back most new followers unseen.

A habit (:mod:`.._habit`) over the whole history: each new follower is an item,
flagged when followed back within minutes or through an automation. The check
reports the share of flagged ones; the review nudges a draft follow-back that is
one more of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import cast

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action
from ...core.ruleparts import DATA_FOLLOWERS, DATA_FOLLOWS, Chart, option, rule_examples
from .._common import median_minutes, percent
from .._habit import HabitOptions, Item, counts_toward, draft_window, worst_window
from ._shared import GUIDELINE, Draft, Followers, NewFollower, Scope, new_followers


class Options(HabitOptions):
    minimum_option = "min_followers"

    quick_minutes: float = option(
        15,
        "A follow-back sooner than this after the follow is too quick "
        "to have looked at the follower's posts: reading a profile and a few posts takes "
        "minutes, and people rarely do it the moment a notification arrives.",
    )
    min_followers: int = option(
        5,
        "Fewest new followers before the pattern is judged: one or two "
        "quick follow-backs of acquaintances are normal.",
    )
    threshold: float = option(
        0.5,
        "Share of new followers followed back quickly or by an "
        "automation that raises a warning: the account follows back most newcomers unseen.",
    )
    error_threshold: float = option(
        0.8, "Share that raises an error: practically everyone is followed back automatically."
    )

    @property
    def quick(self) -> timedelta:
        """How soon a follow-back is too quick to have looked at the follower."""
        return timedelta(minutes=self.quick_minutes)


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
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
    instead=(
        "Turn off automatic follow-back. Look at each new follower's recent posts and "
        "profile first, and follow back the people and customers you want to hear from."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)

_AUTOMATION = re.compile(
    r"auto|bot\b|ifttt|zapier|crowdfire|tweepi|unfollowers|justunfollow|socialoomph|followback",
    re.IGNORECASE,
)


def is_automated(action: Action) -> bool:
    """Whether an action was performed by an automation, judging by its ``via``."""
    return action.via is not None and bool(_AUTOMATION.search(action.via))


def is_hasty(follower: NewFollower, quick: timedelta) -> bool:
    """Whether the follow-back came within ``quick`` or through an automation."""
    return follower.back is not None and (
        cast(timedelta, follower.delay) <= quick or is_automated(follower.back)
    )


#: The items of a subject's new followers, and the position of each follow among them.
_Items = tuple[tuple[Item, ...], dict[str, int]]


def _item(follower: NewFollower, quick: timedelta) -> Item:
    """A new follower as the habit judges it: its follow, flagged when followed back hastily."""
    return follower.follow, is_hasty(follower, quick)


def check(ctx: CheckContext, followers: Followers) -> Iterator[Finding]:
    """The share of new followers followed back too quickly, when it makes a habit."""
    scope, new = followers.scope, followers.new
    opts = Options.resolve(ctx, scope.network)
    quick = opts.quick
    window = worst_window([_item(f, quick) for f in new], opts)
    if window is None:
        return
    # Without window_days the window is the whole history: every new follower.
    hasty = [f for f in new if is_hasty(f, quick)]
    backs = [f for f in new if f.back is not None]
    automated = sum(1 for f in hasty if is_automated(cast(Action, f.back)))
    median = median_minutes(cast(timedelta, f.delay) for f in hasty)
    how = f"a median of {median:g} minutes after being followed"
    if automated:
        how += f", {automated} of them through an automation"
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=cast(Action, hasty[-1].back).actor,
        network=scope.network,
        message=(
            f"Followed back {len(hasty)} of {len(new)} new followers ({percent(window.share)}) "
            f"within {quick.total_seconds() / 60:g} minutes or automatically, {how}."
        ),
        evidence=[cast(Action, f.back).id for f in hasty],
        metrics={
            "new_followers": len(new),
            "followed_back": len(backs),
            "quick_or_automated": len(hasty),
            "share": round(window.share, 3),
            "median_follow_back_minutes": median,
            "automated": automated,
        },
        severity=window.severity,
    )


def _earlier_items(ctx: CheckContext, scope: Scope, quick: timedelta) -> _Items:
    """The items of every new follower of the history, and where each follow is among
    them (kept until the subject acts)."""
    timeline = ctx.timeline

    def items() -> _Items:
        found = tuple(
            _item(f, quick)
            for a in scope.account_ids
            for f in new_followers(timeline, a, scope.own)
        )
        return found, {action.id: n for n, (action, _flagged) in enumerate(found)}

    key = (GUIDELINE, "follow-backs", scope.subject, scope.network, quick)
    cached: _Items = ctx.cached(key, items, about=[scope.subject])
    return cached


def review(ctx: CheckContext, draft: Action, scope: Draft) -> Iterator[Finding]:
    """Nudge before a follow-back that is one more of a habit of following back unseen."""
    answered = scope.follow_back
    if answered is None:
        return
    opts = Options.resolve(ctx, scope.scope.network)
    quick = opts.quick
    draft_items = [_item(answered, quick)]
    if not counts_toward(draft_items, opts):
        return
    items, position = _earlier_items(ctx, scope.scope, quick)
    # The follower the draft answers was not followed back: its item is the draft's now.
    at = position[answered.follow.id]
    earlier = items[:at] + items[at + 1 :]
    window = draft_window(earlier, draft_items, opts)
    if window is None:
        return
    followers, hasty = len(window.items), len(window.flagged)
    minutes = cast(timedelta, answered.delay).total_seconds() / 60
    how = " through an automation" if is_automated(draft) else ""
    yield ctx.finding(
        RULE.code,
        subject=scope.scope.subject,
        account=draft.actor,
        network=scope.scope.network,
        message=(
            f"Following {draft.target} back {minutes:.0f} minutes after it followed{how}: with it, "
            f"{hasty} of {followers} new followers ({percent(window.share)}) would be followed back "
            "too quickly to have looked at them."
        ),
        suggestion=(
            f"Look at {draft.target}'s profile and recent posts first, and follow back the people "
            "and customers you want to hear from; turn off automatic follow-back."
        ),
        evidence=[draft.id],
        metrics={
            "new_followers": followers,
            "quick_or_automated": hasty,
            "share": round(window.share, 3),
        },
        severity=window.severity,
    )
