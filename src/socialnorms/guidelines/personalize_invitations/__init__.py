"""Guideline ``personalize-invitations``: an invitation should say why this person,
and an accepted one should be followed by a conversation.

Rules SN401-SN403, one module each. The check judges each account's invitations once
(the kind of each note, how personal the personal ones are) and its acceptances
(followed up or not), records the guideline's figures whichever rules are selected,
and lets each selected rule report. The review judges a draft invitation with the
same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from statistics import mean

import attrs

from ...core.checks import Check, CheckContext, Finding, check_function
from ...core.hookspecs import hookimpl
from ...core.models import Account, Action, ActionKind
from . import generic_invitation, no_follow_up, weak_personalization
from ._notes import Personalization, personalization, recipient_names
from ._shared import AccountScope, DraftScope, Invitation, score_note
from .generic_invitation import plain_kind

__all__ = [
    "GENERIC",
    "GUIDELINE",
    "NO_FOLLOW_UP",
    "RULES",
    "RULE_MODULES",
    "WEAK",
    "Personalization",
    "personalization",
    "personalize_invitations",
    "plain_kind",
    "recipient_names",
    "register_checks",
    "review_draft",
]

GUIDELINE = "personalize-invitations"

RULE_MODULES = (
    generic_invitation,
    weak_personalization,
    no_follow_up,
)
RULES = tuple(m.RULE for m in RULE_MODULES)
GENERIC = generic_invitation.RULE
WEAK = weak_personalization.RULE
NO_FOLLOW_UP = no_follow_up.RULE


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge before sending an invitation without a note, with the network's stock text
    or from the account's template (SN401), or with a note that names nobody and
    nothing shared (SN402)."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind is not ActionKind.INVITE:
        return
    network = timeline.network_of(draft.actor)
    invitation = Invitation.of(timeline, draft)
    kind = generic_invitation.draft_kind(ctx, invitation, network)
    if kind == generic_invitation.UNSURE:
        return  # nearly the same as another note: only the whole check can group it
    own = frozenset(account.id for account in timeline.accounts_of(subject))
    scope = DraftScope(subject, network, own, attrs.evolve(invitation, kind=kind))
    for module in RULE_MODULES:
        review = getattr(module, "review", None)
        if review is not None and ctx.enabled(module.RULE.code):
            yield from review(ctx, draft, scope)


@check_function(GUIDELINE, RULES, review=review_draft)
def personalize_invitations(ctx: CheckContext) -> Iterator[Finding]:
    """Generic and weakly personal invitations, and acceptances left without a word."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = frozenset(account.id for account in timeline.accounts_of(subject))
        for account in timeline.accounts_of(subject):
            sent = timeline.by_actor(account.id, ActionKind.INVITE)
            accepted = timeline.aimed_at(account.id, ActionKind.ACCEPT)
            if not sent and not accepted:
                continue
            scope = AccountScope(
                subject,
                account,
                own,
                _judged(ctx, account, sent),
                no_follow_up.follow_ups(ctx, account, accepted),
            )
            _measure(ctx, scope)
            for module in RULE_MODULES:
                if ctx.enabled(module.RULE.code):
                    yield from module.check(ctx, scope)


def _judged(ctx: CheckContext, account: Account, sent: Sequence[Action]) -> tuple[Invitation, ...]:
    """The invitations ``account`` sent, each with the kind of its note and, for a
    personal note, how personal it is."""
    if not sent:
        return ()
    timeline = ctx.timeline
    sender = recipient_names(account, account.id)
    invitations = [Invitation.of(timeline, action) for action in sent]
    return tuple(
        attrs.evolve(invitation, personal=score_note(timeline, invitation, sender))
        if invitation.kind is None
        else invitation
        for invitation in generic_invitation.classified(ctx, invitations, account.network)
    )


def _measure(ctx: CheckContext, scope: AccountScope) -> None:
    subject, network = scope.subject, scope.network
    invitations = scope.invitations
    if invitations:
        scores = [inv.personal.score if inv.personal else 0.0 for inv in invitations]
        ctx.measure(subject, network, "invitations", len(invitations))
        ctx.measure(
            subject, network, "generic_invitations", sum(1 for inv in invitations if inv.kind)
        )
        ctx.measure(subject, network, "personalization_score", round(mean(scores), 3))
    follow_ups = scope.follow_ups
    if follow_ups.accepted:
        ctx.measure(subject, network, "accepted_invitations", follow_ups.accepted)
        if follow_ups.judged:
            rate = round(follow_ups.followed / follow_ups.judged, 3)
            ctx.measure(subject, network, "follow_up_rate", rate)


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(personalize_invitations)
