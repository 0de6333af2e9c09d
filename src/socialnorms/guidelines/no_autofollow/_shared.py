"""How no-autofollow reads a subject's followers and follow-backs: what its rules
share, in the check and in the review of a draft follow or unfollow."""

from __future__ import annotations

from datetime import timedelta

import attrs

from ...core.models import Action, ActionKind
from ...core.timeline import Timeline

GUIDELINE = "no-autofollow"


@attrs.frozen(slots=True)
class NewFollower:
    """A follow of a subject's account by someone it did not already follow."""

    follow: Action
    back: Action | None

    @property
    def delay(self) -> timedelta | None:
        return self.back.at - self.follow.at if self.back is not None else None


@attrs.frozen(slots=True)
class Scope:
    """One subject on one network."""

    subject: str
    network: str
    account_ids: tuple[str, ...]
    """The subject's accounts on the network, sorted."""
    own: frozenset[str]
    """Every account of the subject, on any network."""


@attrs.frozen(slots=True)
class Followers:
    """The new followers of a subject on one network, as the check judges them."""

    scope: Scope
    new: tuple[NewFollower, ...]
    """In the order they followed."""


@attrs.frozen(slots=True)
class Draft:
    """A draft follow or unfollow by one of a subject's accounts, of an account that
    is not the subject's, which changes whether it follows that account."""

    scope: Scope
    target: str
    follow_back: NewFollower | None
    """For a follow: the new follower the draft follows back (``back`` is the draft),
    when it is one; ``None`` for a plain follow or an unfollow."""


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
