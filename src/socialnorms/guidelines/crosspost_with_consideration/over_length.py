"""SN203 over-length: a post longer than the network allows, or a copy cut short to fit."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action
from ...core.profiles import NetworkProfile
from ...core.ruleparts import DATA_OWN_POSTS, rule_examples
from ...core.similarity import tokens
from ._shared import TRUNCATED, Copy, NetworkScope, origin_phrase, post_of, quote

__all__ = ["RULE", "check", "review"]

NEEDS_PROFILE = True

_INSTEAD = (
    "Write a shorter version for {network}: the point in one or two "
    "sentences and a link to the full text."
)

_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN203",
    name="over-length",
    needs={DATA_OWN_POSTS},
    summary="A post longer than the network allows, or a copy cut short to fit.",
    why=(
        "A text written for a network with room to spare is cut short, or refused, on one "
        "with a tight limit. A copy that ends mid-sentence tells readers it was not written "
        "for them."
    ),
    instead=_INSTEAD.format(network="the network"),
    example=_EXAMPLE,
    quiet_example=_QUIET,
)


def check(ctx: CheckContext, scope: NetworkScope) -> Iterator[Finding]:
    """A finding per post of the subject too long for the network, or cut short."""
    for action in scope.actions:
        finding = _judge(ctx, scope, action)
        if finding is not None:
            yield finding


def review(ctx: CheckContext, draft: Action, scope: NetworkScope) -> Iterator[Finding]:
    """A nudge when the draft is too long for the network, or cut short."""
    finding = _judge(ctx, scope, draft)
    if finding is not None:
        yield finding


def _judge(ctx: CheckContext, scope: NetworkScope, action: Action) -> Finding | None:
    profile = scope.profile
    copy = scope.copies.get(action.id)
    text = post_of(action).text
    length = profile.syntax.length(text)
    if not profile.fits_length(text):
        problem = f"is {length} characters long; {profile.name} allows {profile.max_length}"
    elif copy is not None and TRUNCATED.search(text) and _cut_to_fit(copy, text, length, profile):
        problem = f"was cut short to fit {profile.name} and ends mid-thought"
    else:
        return None
    return ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=action.actor,
        message=f"{quote(text)}{origin_phrase(ctx, copy)} {problem}",
        suggestion=_INSTEAD.format(network=profile.name),
        evidence=[action.id],
        metrics={"length": length, "max_length": profile.max_length},
    )


def _cut_to_fit(copy: Copy, text: str, length: int, profile: NetworkProfile) -> bool:
    """Whether a copy ending in an ellipsis is the start of a longer original, or,
    when the original is not in the data, fills most of the network's limit."""
    if copy.original is None:
        return profile.max_length is not None and length >= 0.8 * profile.max_length
    kept = tokens(TRUNCATED.sub("", text))
    whole = tokens(post_of(copy.original).text)
    return 0 < len(kept) < len(whole) and tuple(whole[: len(kept) - 1]) == tuple(kept[:-1])
