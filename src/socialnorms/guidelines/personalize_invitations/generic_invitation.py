"""SN401 ``generic-invitation``: invitations without a note, with the network's stock
text, or from one template.

Generic invitations are found without a list of phrases: an empty note, a
network's stock text (from its profile, compared after normalisation and
tolerant to small edits), or one text sent to several people with only names
and small details changed (names, capitalised words and numbers are replaced by
placeholders, and the shapes are grouped with MinHash buckets, see
:mod:`socialnorms.core.similarity`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import cast

import attrs

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_INVITATIONS, RuleOptions, option, rule_examples
from ...core.similarity import NearDuplicates, jaccard, shingles, tokens
from ._shared import AccountScope, DraftScope, Invitation, first_name, hint, hints, network_name


class Options(RuleOptions):
    min_generic: int = option(
        2,
        "From this many generic invitations the finding is a warning; a single one is "
        "reported for information. One stock note among personal ones is a slip, two are a "
        "habit.",
    )
    min_template_recipients: int = option(
        3,
        "A note counts as a template when its shape (names, capitalised words and numbers "
        "replaced) was sent to at least this many people. Two similar notes can be "
        "coincidence, three are a mail merge.",
    )
    template_similarity: float = option(
        0.7,
        "Jaccard similarity of word triples of two shapes from which they are one template. "
        "0.7 lets a changed detail (a job title, a city in lower case, an added word) through "
        "while keeping notes that share only a polite opening apart.",
    )
    default_similarity: float = option(
        0.85,
        "How close a note must be to one of the network's stock texts (sequence ratio after "
        "normalisation) to count as the stock text: 0.85 tolerates a name added in front or "
        "a punctuation change.",
    )


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)
_WHAT_TO_SAY = "say where you met or what you talked about, and why you want to stay in touch."

RULE = Rule(
    code="SN401",
    name="generic-invitation",
    needs={DATA_INVITATIONS},
    summary="Invitations without a note, with the network's stock text, or from one template.",
    why=(
        "An invitation that could have been sent to anyone tells the recipient nothing about "
        "why they should accept. Stock and template notes are the ones people refuse, leave "
        "unanswered or mark as spam; a line about where you met makes the difference."
    ),
    instead=f"Write each invitation for its recipient: {_WHAT_TO_SAY}",
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)

UNSURE = "unsure"
"""The kind of a draft whose note is near, not equal to, the account's other notes:
only the check's grouping of every note can tell whether they are one template."""


# -- what kind of note -----------------------------------------------------------------------


def _shape(message: str, names: Sequence[str]) -> tuple[str, ...]:
    """The words of a note with the recipient's names, capitalised words and numbers
    replaced by placeholders: equal shapes mean one template."""
    text = unicodedata.normalize("NFKC", message)
    for name in sorted(names, key=len, reverse=True):
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)" if name.isascii() else re.escape(name)
        text = re.sub(pattern, " Name ", text, flags=re.IGNORECASE)
    shaped = []
    for word in re.findall(r"\w+|[^\w\s]", text):
        if word.isdigit():
            shaped.append("<n>")
        elif word[0].isupper():
            shaped.append("<name>")
        elif word[0].isalnum() or word[0] == "_":
            shaped.append(word.casefold())
    return tuple(shaped) or tokens(message)


def _is_default(shape: Sequence[str], defaults: Sequence[tuple[str, ...]], ratio: float) -> bool:
    joined = " ".join(shape)
    return any(
        joined == " ".join(default) or _similar(joined, " ".join(default), ratio)
        for default in defaults
    )


def _similar(text: str, other: str, ratio: float) -> bool:
    """Whether the sequence ratio of the two texts reaches ``ratio``. The cheap upper
    bounds of the ratio are tried first: most notes are far from every stock text."""
    matcher = SequenceMatcher(None, text, other)
    return (
        matcher.real_quick_ratio() >= ratio
        and matcher.quick_ratio() >= ratio
        and matcher.ratio() >= ratio
    )


def stock_texts(ctx: CheckContext, network: str) -> tuple[list[tuple[str, ...]], float]:
    """The shapes of the network's stock invitation texts, and how similar counts as one.
    Without a profile of the network there are none, and (with the rule selected) the
    report says so."""
    profile = ctx.profile(network)
    if profile is None and ctx.enabled(RULE.code):
        ctx.note(
            f"no profile for network {network!r}: invitations there were not compared "
            "with its stock texts"
        )
    defaults = (
        [_shape(text, ()) for text in profile.default_invitations] if profile is not None else []
    )
    return defaults, Options.resolve(ctx, network).default_similarity


def plain_kind(
    message: str, names: Sequence[str], defaults: Sequence[tuple[str, ...]], ratio: float
) -> tuple[str | None, tuple[str, ...] | None]:
    """SN401, on one invitation alone: ``empty`` (no note), ``default`` (the network's
    stock text) or ``None``, with the note's shape (``None`` when empty). Whether it
    comes from a template is judged against the account's other invitations."""
    if not any(char.isalnum() for char in message):
        return "empty", None
    shape = _shape(message, names)
    if defaults and _is_default(shape, defaults, ratio):
        return "default", shape
    return None, shape


def classified(
    ctx: CheckContext, invitations: Sequence[Invitation], network: str
) -> list[Invitation]:
    """The invitations one account sent on ``network``, each with its kind: the shapes
    of the personal-looking notes sent to enough people are grouped into templates."""
    opts = Options.resolve(ctx, network)
    defaults, ratio = stock_texts(ctx, network)
    shapes: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    for invitation in invitations:
        kind, shape = plain_kind(invitation.action.message or "", invitation.names, defaults, ratio)
        if shape is not None:
            shapes[invitation.action.id] = shape
        if kind is not None:
            kinds[invitation.action.id] = kind
    groups = NearDuplicates(threshold=opts.template_similarity)
    for invitation in invitations:
        if invitation.action.id in shapes and invitation.action.id not in kinds:
            groups.add_tokens(invitation.action.id, shapes[invitation.action.id])
    recipients = {invitation.action.id: invitation.recipient for invitation in invitations}
    for group in groups.groups():
        # the keys added are action ids
        if len({recipients[cast(str, key)] for key in group}) >= opts.min_template_recipients:
            for key in group:
                kinds[cast(str, key)] = "template"
    return [
        attrs.evolve(invitation, kind=kinds.get(invitation.action.id)) for invitation in invitations
    ]


def draft_kind(ctx: CheckContext, draft: Invitation, network: str) -> str | None:
    """The kind of a draft invitation's note: as :func:`plain_kind`, or ``template`` when
    it has the very shape of notes the account sent to enough other people, or
    :data:`UNSURE` when it is only near one of them."""
    kind, shape = plain_kind(draft.action.message or "", draft.names, *stock_texts(ctx, network))
    if kind is not None:
        return kind
    assert shape is not None  # plain_kind gives a shape whenever the kind is None
    actor = draft.action.actor
    timeline = ctx.timeline
    opts = Options.resolve(ctx, network)

    def sent() -> list[tuple[str, tuple[str, ...], frozenset[str]]]:
        defaults, ratio = stock_texts(ctx, network)
        found = []
        for action in timeline.by_actor(actor, ActionKind.INVITE):
            other = Invitation.of(timeline, action)
            other_kind, other_shape = plain_kind(action.message or "", other.names, defaults, ratio)
            if other_kind is None:
                assert other_shape is not None
                found.append((other.recipient, other_shape, shingles(other_shape)))
        return found

    notes = ctx.cached((ctx.check.guideline, "sent", actor, network), sent, about=[actor])
    same = {recipient for recipient, other, _shingles in notes if other == shape}
    if len(same | {draft.recipient}) >= opts.min_template_recipients:
        return "template"
    mine = shingles(shape)
    if any(jaccard(mine, theirs) >= opts.template_similarity for _r, _other, theirs in notes):
        return UNSURE
    return None


# -- findings ----------------------------------------------------------------------------------


def check(ctx: CheckContext, scope: AccountScope) -> Iterator[Finding]:
    """The generic invitations of one account, as one finding: a warning from
    ``min_generic`` of them, else for information."""
    invitations = scope.invitations
    generic = [inv for inv in invitations if inv.kind]
    if not generic:
        return
    kinds = Counter(inv.kind for inv in generic)
    parts = []
    if kinds["empty"]:
        parts.append(f"{kinds['empty']} without a note")
    if kinds["default"]:
        parts.append(f"{kinds['default']} with {network_name(ctx, scope.network)}'s stock text")
    if kinds["template"]:
        parts.append(f"{kinds['template']} from a template with only the name changed")
    opts = Options.resolve(ctx, scope.network)
    examples = hints(ctx.timeline, scope.own, [inv.recipient for inv in generic])
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=scope.account.id,
        message=f"{len(generic)} of {len(invitations)} invitations were generic: {', '.join(parts)}",
        suggestion=f"{RULE.instead} For example, mention {examples}.",
        evidence=[inv.action.id for inv in generic],
        metrics={
            "invitations": len(invitations),
            "generic": len(generic),
            "empty": kinds["empty"],
            "default_text": kinds["default"],
            "template": kinds["template"],
        },
        severity=Severity.WARNING if len(generic) >= opts.min_generic else Severity.INFO,
    )


def review(ctx: CheckContext, draft: Action, scope: DraftScope) -> Iterator[Finding]:
    """Nudge before sending an invitation without a note, with the network's stock
    text, or from the account's template."""
    kind = scope.invitation.kind
    if kind is None:
        return
    who = first_name(ctx.timeline, scope.invitation.recipient)
    what = {
        "empty": "has no note",
        "default": f"uses {network_name(ctx, scope.network)}'s stock text",
        "template": "is the account's template with only the name changed",
    }[kind]
    example = hint(ctx.timeline, scope.own, scope.invitation.recipient)
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=draft.actor,
        network=scope.network,
        message=f"This invitation to {who} {what}.",
        suggestion=f"Write it for {who}: {_WHAT_TO_SAY} For example, mention {example}.",
        evidence=[draft.id],
        metrics={"kind": kind},
    )
