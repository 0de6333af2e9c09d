"""What the rules of crosspost-with-consideration share: a copy, the scopes a rule
judges, the subject's posts, and how findings show posts and networks."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set

import attrs

from ...core.checks import CheckContext
from ...core.models import Action, ActionKind, Post
from ...core.profiles import NetworkProfile
from ...core.timeline import Timeline

#: The kinds of action that publish a text of the subject's own.
AUTHORED = (ActionKind.POST, ActionKind.REPLY, ActionKind.QUOTE)

#: An ellipsis at the end of a text, perhaps followed by a link: a text cut short.
TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*\(?(?:https?://\S+)?\)?\s*$")


@attrs.frozen(slots=True)
class Copy:
    """A post of a subject that copies a post from another network."""

    action: Action
    """The action that published the copy."""
    network: str
    """Where the copy landed."""
    original: Action | None
    """The action that published the original, when the timeline has it."""
    origin: str | None
    """The network copied from, when known."""
    reasons: tuple[str, ...]
    """How the copy was recognised: ``crosspost_of``, ``source``, ``mark``, ``automation``,
    ``near-duplicate``."""


@attrs.frozen(slots=True)
class SubjectScope:
    """What a rule judged across a subject's networks gets: the posts to judge, each
    with the network it landed on, and the subject's copies by action id. The check
    passes every post of the subject in time order; a review, the draft alone."""

    subject: str
    authored: Sequence[tuple[Action, str]]
    copies: Mapping[str, Copy]


@attrs.frozen(slots=True)
class NetworkScope:
    """What a rule judged against one network's profile gets: the subject's posts on
    that network to judge (the check: all of them, in time order; a review: the
    draft), the subject's copies by action id, and the networks a copy may come from."""

    subject: str
    network: str
    profile: NetworkProfile
    actions: Sequence[Action]
    copies: Mapping[str, Copy]
    networks: Set[str]


def post_of(action: Action) -> Post:
    """The post of an authored action (post, reply or quote), which always has one:
    :class:`~socialnorms.core.models.Action` refuses such an action without a post."""
    assert action.post is not None
    return action.post


def authored_posts(timeline: Timeline, subject: str) -> list[tuple[Action, str]]:
    """The subject's posts, replies and quotes with the network each landed on, in
    time order."""
    found = []
    for account in timeline.accounts_of(subject):
        for kind in AUTHORED:
            for action in timeline.by_actor(account.id, kind):
                found.append((action, timeline.post_network(post_of(action))))
    found.sort(key=lambda item: (item[0].at, item[0].id))
    return found


def all_networks(timeline: Timeline) -> set[str]:
    """The networks of every account of the timeline."""
    return {account.network for account in timeline.accounts.values()}


def display(ctx: CheckContext, network: str | None) -> str:
    """The name a finding gives a network: its profile's, else its id."""
    if network is None:
        return "another network"
    profile = ctx.profile(network)
    return profile.name if profile is not None else network


def quote(text: str, limit: int = 60) -> str:
    """A post's text in quotes, on one line, cut at ``limit`` characters."""
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1].rstrip()}…”"


def origin_phrase(ctx: CheckContext, copy: Copy | None) -> str:
    """`` (copied from X)`` for a copy, nothing for a post of its own."""
    if copy is None:
        return ""
    return f" (copied from {display(ctx, copy.origin)})"
