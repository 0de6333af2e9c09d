"""What the rules of personalize-invitations share: an invitation as they judge it, the
scopes the package builds for them, and what the data knows about a recipient (the
hints their suggestions give)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import attrs

from ...core.checks import CheckContext
from ...core.models import Account, Action, ActionKind
from ...core.similarity import tokens
from ...core.timeline import Timeline
from ._notes import Personalization, personalization, recipient_names


@attrs.frozen(slots=True)
class Invitation:
    """An invitation the subject sent (or drafts), with what the rules found in its note."""

    action: Action
    recipient: str
    names: tuple[str, ...]
    """The ways the note can name the recipient (:func:`recipient_names`)."""
    kind: str | None = None
    """``empty``, ``default``, ``template`` or ``None`` for a personal note."""
    personal: Personalization | None = None
    """How personal the note is; only for a personal note."""

    @classmethod
    def of(cls, timeline: Timeline, action: Action) -> Invitation:
        recipient = target(action)
        return cls(action, recipient, recipient_names(timeline.account(recipient), recipient))

    @property
    def personalization(self) -> Personalization:
        """How personal the note is, for an invitation already known to be scored."""
        assert self.personal is not None
        return self.personal


@attrs.frozen(slots=True)
class FollowUps:
    """The invitations an account had accepted, judged by whether it wrote to the person
    within the follow-up window."""

    window: timedelta
    accepted: int = 0
    followed: int = 0
    pending: int = 0
    """Acceptances too close to the end of the data to judge."""
    missing: tuple[Action, ...] = ()
    """The acceptances left without a word, in time order."""

    @property
    def judged(self) -> int:
        return self.followed + len(self.missing)


@attrs.frozen(slots=True)
class AccountScope:
    """One account of a subject, with its invitations and acceptances judged once for
    every rule."""

    subject: str
    account: Account
    own: frozenset[str]
    """The ids of every account of the subject."""
    invitations: tuple[Invitation, ...]
    follow_ups: FollowUps

    @property
    def network(self) -> str:
        return self.account.network


@attrs.frozen(slots=True)
class DraftScope:
    """A draft invitation of a subject's account, with what its note is (``kind``)."""

    subject: str
    network: str
    own: frozenset[str]
    invitation: Invitation


def target(action: Action) -> str:
    """The target of an invite or a reply, which always has one:
    :class:`~socialnorms.core.models.Action` refuses either without a target."""
    assert action.target is not None
    return action.target


def network_name(ctx: CheckContext, network: str) -> str:
    """The name of ``network`` as its profile gives it, else its id."""
    profile = ctx.profile(network)
    return profile.name if profile is not None else network


def score_note(
    timeline: Timeline, invitation: Invitation, sender: Sequence[str]
) -> Personalization:
    """How personal the note of ``invitation`` is, knowing the recipient's bio and posts;
    ``sender`` are the names of the account that sends it."""
    return personalization(
        invitation.action.message or "",
        invitation.names,
        _known_words(timeline, invitation.recipient),
        sender,
    )


def _known_words(timeline: Timeline, recipient: str) -> frozenset[str]:
    account = timeline.account(recipient)
    texts = [account.bio] if account is not None and account.bio else []
    texts.extend(
        action.post.text for action in timeline.by_actor(recipient) if action.post is not None
    )
    return frozenset(word for text in texts for word in tokens(text) if len(word) >= 4)


# -- what the data knows about a recipient -------------------------------------------------------


def first_name(timeline: Timeline, recipient: str) -> str:
    account = timeline.account(recipient)
    if account is not None and account.name:
        return account.name.split()[0]
    handle = (
        account.handle if account is not None and account.handle else recipient.partition(":")[2]
    )
    return "@" + handle.lstrip("@") if handle else recipient


def hint(timeline: Timeline, own: frozenset[str], recipient: str) -> str:
    """What a personal note to ``recipient`` could mention, from what the data knows."""
    account = timeline.account(recipient)
    who = first_name(timeline, recipient)
    facts = []
    if account is not None and account.bio:
        bio = " ".join(account.bio.split())
        facts.append(f"what they do (“{bio[:70]}{'…' if len(bio) > 70 else ''}”)")
    shared = _shared(timeline, own, recipient)
    if shared:
        facts.append(shared)
    if not facts:
        facts.append("where you met or what you talked about")
    return f"{who}: {' and '.join(facts)}"


def hints(timeline: Timeline, own: frozenset[str], recipients: Sequence[str]) -> str:
    """:func:`hint` for the first three ``recipients``, joined for a suggestion."""
    return "; ".join(hint(timeline, own, recipient) for recipient in recipients[:3])


def _shared(timeline: Timeline, own: frozenset[str], recipient: str) -> str | None:
    """The latest interaction between the subject and the recipient in the timeline."""
    for action in reversed(timeline.by_actor(recipient)):
        if action.post is not None and action.kind.creates_post:
            mentioned = set(timeline.text(action.post).mentions)
            parent = (
                timeline.post(action.target)
                if action.kind is ActionKind.REPLY and action.target
                else None
            )
            if mentioned & own or (parent is not None and parent.author in own):
                return f"the {action.kind.value} they wrote you on {action.at:%d %B} (“{_short(action.post.text)}”)"
        if action.kind in (ActionKind.REPOST, ActionKind.LIKE) and action.target:
            post = timeline.post(action.target)
            if post is not None and post.author in own:
                return f"the {action.kind.value} they gave your post “{_short(post.text)}”"
    return None


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
