"""SN402 ``weak-personalization``: personal notes that name nobody and nothing you share.

A note that is neither empty, nor the stock text, nor a template is scored (see
:func:`~socialnorms.guidelines.personalize_invitations.personalization`): 0.3 for
the recipient's name, 0.5 for a shared context, 0.2 for a specific topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from statistics import mean

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action
from ...core.ruleparts import DATA_INVITATIONS, Chart, RuleOptions, option, rule_examples
from ._notes import Personalization, recipient_names
from ._shared import AccountScope, DraftScope, first_name, hint, hints, score_note


class Options(RuleOptions):
    min_score: float = option(
        0.5,
        "A note scores 0.3 for the recipient's name, 0.5 for a shared context and 0.2 for a "
        "specific topic; below 0.5 it is weak. A shared context alone passes; a name alone "
        "does not, since a mail merge adds names.",
    )
    min_weak: int = option(
        2,
        "From this many weak notes, making at least half of the personal notes, the finding "
        "is a warning; otherwise it is for information.",
    )


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
    code="SN402",
    name="weak-personalization",
    needs={DATA_INVITATIONS},
    charts=(
        Chart(
            ident="personalization",
            title="Invitation personalisation score",
            measurement="personalization_score",
            kind="bar",
            desc="How personal the subject's invitations were, per network, from 0 (a stock or "
            "template note) to 1 (names the person and a shared context).",
            absent="No invitation personalisation was measured (no invitations, or the check did not run).",
            unit="number",
            max_value=1.0,
        ),
    ),
    summary="Personal notes that name nobody and nothing you share.",
    why=(
        "A note that names the recipient and the context you share (an event, a place, a "
        "conversation, a piece of their work) shows you know who you are inviting. Without "
        "those, a personal-looking note is as easy to decline as the stock one."
    ),
    instead="Name the person and what you share.",
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def _is_weak(personal: Personalization, opts: Options) -> bool:
    return personal.score < opts.min_score


def check(ctx: CheckContext, scope: AccountScope) -> Iterator[Finding]:
    """The weak personal notes of one account, as one finding: a warning from
    ``min_weak`` of them when they are at least half of its personal notes."""
    opts = Options.resolve(ctx, scope.network)
    personal = [inv for inv in scope.invitations if inv.personal is not None]
    weak = [inv for inv in personal if _is_weak(inv.personalization, opts)]
    if not weak:
        return
    missing = Counter(lack for inv in weak for lack in inv.personalization.missing)
    warn = len(weak) >= opts.min_weak and len(weak) * 2 >= len(personal)
    average = round(mean(inv.personalization.score for inv in weak), 2)
    examples = hints(ctx.timeline, scope.own, [inv.recipient for inv in weak])
    lacks = ", ".join(f"{what} ({count})" for what, count in missing.most_common())
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=scope.account.id,
        message=(
            f"{len(weak)} of {len(personal)} personal invitation notes score below "
            f"{opts.min_score} (average {average}); they lack {lacks}"
        ),
        suggestion=f"{RULE.instead} For example, mention {examples}.",
        evidence=[inv.action.id for inv in weak],
        metrics={
            "weak": len(weak),
            "personal": len(personal),
            "mean_score": average,
            "missing": dict(sorted(missing.items())),
        },
        severity=Severity.WARNING if warn else Severity.INFO,
    )


def review(ctx: CheckContext, draft: Action, scope: DraftScope) -> Iterator[Finding]:
    """Nudge before sending a personal-looking note that names nobody and nothing shared."""
    invitation = scope.invitation
    if invitation.kind is not None:
        return
    timeline = ctx.timeline
    sender = recipient_names(timeline.account(draft.actor), draft.actor)
    personal = score_note(timeline, invitation, sender)
    opts = Options.resolve(ctx, scope.network)
    if not _is_weak(personal, opts):
        return
    who = first_name(timeline, invitation.recipient)
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=draft.actor,
        network=scope.network,
        message=(
            f"This invitation note to {who} scores {personal.score:g} of 1 (below "
            f"{opts.min_score:g}): it lacks {', '.join(personal.missing)}."
        ),
        suggestion=f"{RULE.instead} For example, mention {hint(timeline, scope.own, invitation.recipient)}.",
        evidence=[draft.id],
        metrics={"score": personal.score, "missing": list(personal.missing)},
    )
