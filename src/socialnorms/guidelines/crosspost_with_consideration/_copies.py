"""Which of a subject's posts copy a post from another network.

Two ways, each one definition for the check and the review: what a post says of
itself (:func:`marked_copy`), and a post of another network whose text is nearly
the same, at most ``window_hours`` earlier, without a different link
(:func:`_latest_original`). The check finds the nearly-same texts of a whole
history with MinHash buckets (:class:`~socialnorms.core.similarity.NearDuplicates`); a
review compares the draft with the subject's posts of the window before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence, Set
from datetime import datetime, timedelta
from typing import cast

import attrs

from ...core.checks import CheckContext
from ...core.models import Action, Post
from ...core.similarity import NearDuplicates, jaccard, shingles, tokens
from ...core.timeline import Timeline
from .._common import actions_between
from ._shared import AUTHORED, TRUNCATED, Copy, all_networks, authored_posts, post_of
from .crossposts import Options


def marked_copy(
    ctx: CheckContext,
    action: Action,
    network: str,
    networks: set[str],
    tools: Sequence[str],
    authored: Sequence[tuple[Action, str]],
    times: Sequence[datetime],
    window: timedelta,
    named_in: dict[tuple[str | None, str], str | None] | None = None,
) -> Copy | None:
    """The copy ``action`` is by what it says of itself (``crosspost_of``, a source or
    ``via`` naming another network or a posting tool, a network's mark in its text),
    or ``None``. ``authored`` (with ``times``) holds the subject's posts up to it;
    ``named_in`` remembers which network each label names (labels repeat)."""
    if named_in is None:
        named_in = {}
    timeline = ctx.timeline
    post = post_of(action)
    reasons: list[str] = []
    original: Action | None = None
    origin: str | None = None
    if post.crosspost_of:
        reasons.append("crosspost_of")
        original = timeline.post_action(post.crosspost_of)
        source_post = timeline.post(post.crosspost_of)
        origin = (
            timeline.post_network(source_post)
            if source_post
            else post.crosspost_of.partition(":")[0] or None
        )
    for label in (post.source, action.via):
        key = (label, network)
        if key not in named_in:
            named_in[key] = _network_named(ctx, label, networks, network)
        named = named_in[key]
        if named is not None:
            reasons.append("source")
            origin = origin or named
        elif label and any(tool in label.casefold() for tool in tools):
            reasons.append("automation")
    profile = ctx.profile(network)
    if profile is not None and profile.has_crosspost_mark(post.text):
        reasons.append("mark")
    if not reasons:
        return None
    if origin == network:
        origin = None
    if original is None:
        original = _started_by(action, network, authored, times, window)
    return Copy(action, network, original, origin, tuple(dict.fromkeys(reasons)))


def find_copies(
    ctx: CheckContext,
    subject: str,
    authored: Sequence[tuple[Action, str]] | None = None,
    networks: Iterable[str] | None = None,
) -> dict[str, Copy]:
    """The subject's posts that copy a post from another network, by action id.

    ``authored`` is the subject's posts, replies and quotes with their networks, in
    time order, and ``networks`` every network of the timeline (both computed when
    not given).
    """
    timeline = ctx.timeline
    opts = Options.resolve(ctx)
    window = timedelta(hours=opts.window_hours)
    tools = _tools(opts)
    if authored is None:
        authored = authored_posts(timeline, subject)
    networks = set(all_networks(timeline) if networks is None else networks)
    networks.update(network for _action, network in authored)
    times = [action.at for action, _network in authored]
    copies: dict[str, Copy] = {}
    named_in: dict[tuple[str | None, str], str | None] = {}  # labels repeat: read each once

    for action, network in authored:
        copy = marked_copy(ctx, action, network, networks, tools, authored, times, window, named_in)
        if copy is not None:
            copies[action.id] = copy

    index = NearDuplicates(threshold=opts.similarity)
    by_id = {action.id: (action, network) for action, network in authored}
    for action, _network in authored:
        index.add(action.id, post_of(action).text)
    for group in index.groups():
        members = [by_id[cast(str, key)] for key in group]  # keys added are action ids
        for position, (action, network) in enumerate(members):
            earlier = _latest_original(
                timeline, action, network, reversed(members[:position]), window
            )
            if earlier is not None:
                copies[action.id] = _with_original(copies.get(action.id), action, network, earlier)
    return copies


def draft_copy(
    ctx: CheckContext, subject: str, draft: Action, network: str, known: Set[str]
) -> tuple[Copy | None, set[str]]:
    """The copy a draft would be, judged against the subject's posts of the
    ``window_hours`` before it, and the networks a label may name: ``known`` (every
    account's), those of those posts and the draft's own."""
    timeline = ctx.timeline
    opts = Options.resolve(ctx)
    window = timedelta(hours=opts.window_hours)
    accounts = [account.id for account in timeline.accounts_of(subject)]
    recent = [
        (action, timeline.post_network(post_of(action)))
        for action in actions_between(timeline, accounts, AUTHORED, draft.at - window, draft.at)
    ]
    networks = set(known) | {n for _action, n in recent} | {network}
    times = [action.at for action, _network in recent]
    copy = marked_copy(ctx, draft, network, networks, _tools(opts), recent, times, window)
    words = tokens(post_of(draft).text)
    if words:
        mine = shingles(words)
        similar = (
            (other, other_network)
            for other, other_network in reversed(recent)
            if other_network != network
            and (theirs := tokens(post_of(other).text))
            and jaccard(mine, shingles(theirs)) >= opts.similarity
        )
        earlier = _latest_original(timeline, draft, network, similar, window)
        if earlier is not None:
            copy = _with_original(copy, draft, network, earlier)
    return copy, networks


def _tools(opts: Options) -> tuple[str, ...]:
    return tuple(str(tool).casefold() for tool in opts.automation_sources)


def _latest_original(
    timeline: Timeline,
    action: Action,
    network: str,
    similar: Iterable[tuple[Action, str]],
    window: timedelta,
) -> tuple[Action, str] | None:
    """The original of a near-duplicate: the first of ``similar`` (the subject's
    earlier posts whose text is nearly the same, latest first) on another network, at
    most ``window`` before ``action``, whose links do not differ."""
    for other, other_network in similar:
        if action.at - other.at > window:
            break
        if other_network != network and _same_links(timeline, action, other):
            return other, other_network
    return None


def _with_original(
    copy: Copy | None, action: Action, network: str, earlier: tuple[Action, str]
) -> Copy:
    """``copy`` (or a new copy of ``action``) known to be a near-duplicate of ``earlier``."""
    other, other_network = earlier
    if copy is None:
        return Copy(action, network, other, other_network, ("near-duplicate",))
    return attrs.evolve(
        copy,
        original=copy.original or other,
        origin=copy.origin or other_network,
        reasons=(*copy.reasons, "near-duplicate"),
    )


def _started_by(
    copy: Action,
    network: str,
    authored: Sequence[tuple[Action, str]],
    times: Sequence[datetime],
    window: timedelta,
) -> Action | None:
    """The latest post on another network, at most ``window`` earlier, of which a
    copy cut short with an ellipsis is the beginning."""
    if not TRUNCATED.search(post_of(copy).text):
        return None
    kept = tokens(TRUNCATED.sub("", post_of(copy).text))[:-1]
    if not kept:
        return None
    first = bisect.bisect_left(times, copy.at - window)
    last = bisect.bisect_right(times, copy.at)
    for action, other_network in reversed(authored[first:last]):
        if (
            other_network != network
            and action is not copy
            and tokens(post_of(action).text)[: len(kept)] == kept
        ):
            return action
    return None


def _same_links(timeline: Timeline, a: Action, b: Action) -> bool:
    """False when both posts carry links and share none: the same words around a
    different link announce a different thing."""
    links_a, links_b = _links(timeline, post_of(a)), _links(timeline, post_of(b))
    return not (links_a and links_b) or bool(links_a & links_b)


def _links(timeline: Timeline, post: Post) -> set[str]:
    return {
        re.sub(r"^(?:https?://)?(?:www\.)?", "", link.casefold()).rstrip("/")
        for link in timeline.text(post).links
    }


def _names(ctx: CheckContext, network: str) -> set[str]:
    names = {network}
    profile = ctx.profile(network)
    if profile is not None:
        names.update(profile.ids)
        names.update(
            word for word in re.findall(r"[a-z0-9]+", profile.name.casefold()) if len(word) > 1
        )
    return names


def _network_named(
    ctx: CheckContext, label: str | None, networks: Iterable[str], own: str
) -> str | None:
    if not label:
        return None
    words = set(re.findall(r"[a-z0-9]+", label.casefold()))
    for network in sorted(networks):
        if network != own and words & _names(ctx, network):
            return network
    return None
