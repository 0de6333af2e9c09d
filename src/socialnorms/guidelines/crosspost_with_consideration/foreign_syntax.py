"""SN204 foreign-syntax: mentions in another network's form, which do not link where
the post lands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action
from ...core.profiles import NetworkProfile
from ...core.ruleparts import DATA_OWN_POSTS, rule_examples
from ._shared import NetworkScope, origin_phrase, post_of, quote

__all__ = ["RULE", "check", "review"]

NEEDS_PROFILE = True

_INSTEAD = "Mention people by their {account}, or by name when they are not on {network}."

_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN204",
    name="foreign-syntax",
    needs={DATA_OWN_POSTS},
    summary="Mentions written in another network's syntax, which do not work where they land.",
    why=(
        "Handles are written differently on each network. A handle in another network's "
        "form does not link to anyone where the copy lands; it shows the post was pasted "
        "from elsewhere."
    ),
    instead=_INSTEAD.format(account="account on the network", network="it"),
    example=_EXAMPLE,
    quiet_example=_QUIET,
)


def check(ctx: CheckContext, scope: NetworkScope) -> Iterator[Finding]:
    """A finding per post of the subject with mentions in another network's form."""
    others = _other_profiles(ctx, scope)
    for action in scope.actions:
        finding = _judge(ctx, scope, others, action)
        if finding is not None:
            yield finding


def review(ctx: CheckContext, draft: Action, scope: NetworkScope) -> Iterator[Finding]:
    """A nudge when the draft mentions people in another network's form."""
    finding = _judge(ctx, scope, _other_profiles(ctx, scope), draft)
    if finding is not None:
        yield finding


def _other_profiles(ctx: CheckContext, scope: NetworkScope) -> list[NetworkProfile]:
    """The profiles whose mention syntax a post may have brought along: those of the
    networks a label may name and of the networks copies came from."""
    origins = {copy.origin for copy in scope.copies.values() if copy.origin}
    others = []
    for other in sorted(scope.networks | origins):
        other_profile = ctx.profile(other)
        if other_profile is not None and other_profile.id != scope.profile.id:
            others.append(other_profile)
    return others


def _judge(
    ctx: CheckContext, scope: NetworkScope, others: Sequence[NetworkProfile], action: Action
) -> Finding | None:
    profile = scope.profile
    text = post_of(action).text
    foreign = _foreign_mentions(text, profile, others)
    if not foreign:
        return None
    shown = ", ".join(f"{mention} ({name})" for mention, name in foreign)
    return ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=action.actor,
        message=(
            f"{quote(text)}{origin_phrase(ctx, scope.copies.get(action.id))} mentions {shown} "
            f"in a form {profile.name} does not link"
        ),
        suggestion=_INSTEAD.format(account=f"{profile.name} account", network=profile.name),
        evidence=[action.id],
        metrics={"mentions": [mention for mention, _name in foreign]},
    )


def _foreign_mentions(
    text: str, profile: NetworkProfile, others: Sequence[NetworkProfile]
) -> list[tuple[str, str]]:
    """The mentions of ``text`` in the form of one of ``others`` that are not inside a
    mention of the network's own form, with the name of the network whose form each is."""
    own: list[tuple[int, int]] | None = None  # read only when another form matches
    found: dict[str, str] = {}
    for other in others:
        for match in other.mention_matches(text):
            if own is None:
                own = [mine.span() for mine in profile.mention_matches(text)]
            start, end = match.span()
            if any(s <= start and end <= e for s, e in own):
                continue
            found.setdefault(match.group(0), other.name)
    return sorted(found.items())
