"""SN205 hashtag-overload: more hashtags than the network's norm, on a copy (or twice
as many on any post)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action
from ...core.ruleparts import DATA_OWN_POSTS, rule_examples
from ._shared import NetworkScope, origin_phrase, post_of, quote

__all__ = ["RULE", "check", "review"]

NEEDS_PROFILE = True

_INSTEAD = "Keep the {count} most relevant {hashtags} for {network}{tags}."

_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN205",
    name="hashtag-overload",
    needs={DATA_OWN_POSTS},
    summary="A copied post with more hashtags than the network's norm (any post with twice as many).",
    why=(
        "How many hashtags read as normal differs by network: a block of tags that helps "
        "discovery on one network reads as stuffing on another and buries the message."
    ),
    instead=_INSTEAD.format(count="few", hashtags="hashtags", network="the network", tags=""),
    example=_EXAMPLE,
    quiet_example=_QUIET,
)


def check(ctx: CheckContext, scope: NetworkScope) -> Iterator[Finding]:
    """A finding per post of the subject with more hashtags than the network's norm."""
    if scope.profile.hashtag_norm is None:
        return
    for action in scope.actions:
        finding = _judge(ctx, scope, scope.profile.hashtag_norm, action)
        if finding is not None:
            yield finding


def review(ctx: CheckContext, draft: Action, scope: NetworkScope) -> Iterator[Finding]:
    """A nudge when the draft carries more hashtags than the network's norm."""
    if scope.profile.hashtag_norm is None:
        return
    finding = _judge(ctx, scope, scope.profile.hashtag_norm, draft)
    if finding is not None:
        yield finding


def _judge(ctx: CheckContext, scope: NetworkScope, norm: int, action: Action) -> Finding | None:
    """A copy may carry ``norm`` hashtags, a post of its own twice as many."""
    post = post_of(action)
    copy = scope.copies.get(action.id)
    tags = ctx.timeline.text(post).hashtags
    limit = norm if copy is not None else 2 * norm
    if len(tags) <= limit:
        return None
    name = scope.profile.name
    return ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=action.actor,
        message=(
            f"{quote(post.text)}{origin_phrase(ctx, copy)} carries {len(tags)} hashtags; "
            f"on {name} more than {norm} read as stuffing"
        ),
        suggestion=_INSTEAD.format(
            count=norm,
            hashtags=f"hashtag{'s' if norm != 1 else ''}",
            network=name,
            tags=f" (of #{' #'.join(tags[:6])})",
        ),
        evidence=[action.id],
        metrics={"hashtags": len(tags), "hashtag_norm": norm},
    )
