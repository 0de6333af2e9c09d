"""Guideline ``crosspost-with-consideration``: a message copied to another network
should suit that network's audience, its form and its threads.

Cross-posts are found two ways: posts that say they are copies (``crosspost_of``,
a ``source`` or ``via`` naming another network or a posting tool, a mark another
network leaves in text), and posts of one subject on two networks whose texts are
the same or nearly the same within a window (MinHash buckets, see
:mod:`socialnorms.core.similarity`). A copy that fits is fine: the rules report what
does not fit.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

import attrs

from ..core.checks import CheckContext, Finding, Option, Rule, Severity, check_function
from ..core.hookspecs import hookimpl
from ..core.models import Action, ActionKind, Post
from ..core.profiles import NetworkProfile
from ..core.ruleparts import DATA_OTHER_NETWORKS, DATA_OWN_POSTS
from ..core.similarity import NearDuplicates, jaccard, shingles, tokens
from ..core.text import normalize_handle
from ..core.timeline import Timeline
from ._common import actions_between

__all__ = ["RULES", "Copy", "crosspost_with_consideration", "find_copies", "register_checks"]

GUIDELINE = "crosspost-with-consideration"

_AUTHORED = (ActionKind.POST, ActionKind.REPLY, ActionKind.QUOTE)

_ACCOUNTS = (
    '{"type": "account", "id": "twitter:acme", "network": "twitter", "subject": "acme", "handle": "@acme"}\n'
    '{"type": "account", "id": "linkedin:acme", "network": "linkedin", "subject": "acme", "handle": "acme"}\n'
)

CROSSPOSTS = Rule(
    code="SN200",
    name="crossposts",
    needs={DATA_OWN_POSTS, DATA_OTHER_NETWORKS},
    summary="Posts copied from one network to another (for information).",
    why=(
        "Copying a message to every network is not wrong in itself, but each copy lands "
        "before a different audience. Knowing how much of an account's output is copied "
        "is the starting point for judging whether the copies suit where they land."
    ),
    severity=Severity.INFO,
    example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "twitter:p1", "text": "Our spring catalogue is out today https://acme.example/spring"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:01:00Z", '
    '"post": {"id": "linkedin:p1", "text": "Our spring catalogue is out today https://acme.example/spring"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "twitter:p1", "text": "Our spring catalogue is out today https://acme.example/spring"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:30:00Z", '
    '"post": {"id": "linkedin:p1", "text": "This season our product team rebuilt the catalogue around repairability. '
    'Here is what changed and why: https://acme.example/spring"}}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "window_hours",
                24,
                "Two near-identical posts on different networks count as a cross-post when they "
                "are at most this many hours apart (and do not point at different links). A day "
                "covers schedulers that stagger a campaign across time zones; a repeat days later "
                "is a re-run, not a copy.",
            ),
            Option(
                "similarity",
                0.7,
                "Jaccard similarity of word triples (links dropped) from which two texts are "
                "'nearly the same'. At 0.7 a changed link, emoji or hashtag still matches, while a "
                "text rewritten for the audience does not.",
            ),
            Option(
                "automation_sources",
                (
                    "buffer",
                    "hootsuite",
                    "ifttt",
                    "zapier",
                    "dlvr.it",
                    "crossposter",
                    "bridgy",
                    "moa",
                ),
                "Posting tools whose name in a post's source or via marks it as a copy. These "
                "tools exist to publish one text on several networks at once.",
                type=(list, tuple),
            ),
        ),
    ),
)

OFF_PURPOSE = Rule(
    code="SN201",
    name="off-purpose-post",
    needs={DATA_OWN_POSTS},
    summary="A post whose topic the network's audience does not come for.",
    why=(
        "Each network has its own audience and reason for being there. Chatter that "
        "entertains followers on one network reads as noise, or as unprofessional, where "
        "people come for their work; it spends the attention of an audience that did not "
        "ask for it."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-07T21:00:00Z", '
    '"post": {"id": "twitter:s1", "text": "What a match! Two goals in stoppage time, the derby is ours #football"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-07T21:01:00Z", '
    '"post": {"id": "linkedin:s1", "text": "What a match! Two goals in stoppage time, the derby is ours #football", '
    '"source": "Twitter"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-07T21:00:00Z", '
    '"post": {"id": "twitter:s1", "text": "What a match! Two goals in stoppage time, the derby is ours #football"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-08T09:00:00Z", '
    '"post": {"id": "linkedin:b1", "text": "We are hiring a data analyst to help our marketing team measure '
    'campaign results. Apply here: https://acme.example/jobs"}}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "min_confidence",
                0.35,
                "A post is off-purpose when the topic model's score for a topic, times the weight "
                "the network's profile gives that topic as unwelcome, reaches this value. 0.35 asks "
                "for a clear topic on a clearly unwelcome one; a passing word does not count.",
            ),
            Option(
                "min_unwelcome",
                0.7,
                "Only topics the profile marks as clearly unwelcome (this weight or more) are "
                "judged. Lower weights mark topics the audience tolerates in moderation, such as a "
                "brand's news on a network that dislikes advertising; one post on them is no breach.",
            ),
            Option(
                "min_posts",
                2,
                "Native posts (not copies) are reported as a warning from this many posts on one "
                "unwelcome topic; a single one is reported for information. Copies are always a "
                "warning: they are exactly the thoughtless forwarding the guideline is about.",
            ),
        ),
    ),
)

OUT_OF_CONTEXT = Rule(
    code="SN202",
    name="reply-out-of-context",
    needs={DATA_OWN_POSTS, DATA_OTHER_NETWORKS},
    summary="A reply or addressed text that lands on a network where its thread does not exist.",
    why=(
        "A reply makes sense under the message it answers. Forwarded to another network it "
        "arrives without that conversation: readers see an answer to a question they never "
        "saw, addressed to someone who may not even be there."
    ),
    example=_ACCOUNTS
    + '{"type": "account", "id": "twitter:jane", "network": "twitter", "handle": "@jane"}\n'
    '{"type": "action", "id": "q1", "kind": "post", "actor": "twitter:jane", "at": "2026-03-07T08:00:00Z", '
    '"post": {"id": "twitter:q1", "text": "@acme can we pick this up next week?"}}\n'
    '{"type": "action", "id": "r1", "kind": "reply", "actor": "twitter:acme", "at": "2026-03-07T08:20:00Z", '
    '"target": "twitter:q1", "post": {"id": "twitter:r1", "text": "@jane sure, Tuesday at 3 works for us!"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-07T08:20:30Z", '
    '"post": {"id": "linkedin:r1", "text": "@jane sure, Tuesday at 3 works for us!", "source": "Twitter"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "account", "id": "twitter:jane", "network": "twitter", "handle": "@jane"}\n'
    '{"type": "action", "id": "q1", "kind": "post", "actor": "twitter:jane", "at": "2026-03-07T08:00:00Z", '
    '"post": {"id": "twitter:q1", "text": "@acme can we pick this up next week?"}}\n'
    '{"type": "action", "id": "r1", "kind": "reply", "actor": "twitter:acme", "at": "2026-03-07T08:20:00Z", '
    '"target": "twitter:q1", "post": {"id": "twitter:r1", "text": "@jane sure, Tuesday at 3 works for us!"}}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "thread_marker",
                r"(?:^|\s)\(?(\d{1,2})\s?/\s?(\d{1,2})\)?(?:\s|$)",
                "Regular expression of a thread marker such as '1/5'; the first group is the part, "
                "the second the number of parts. A copied part whose siblings were not copied "
                "along is out of context.",
            ),
        ),
    ),
)

OVER_LENGTH = Rule(
    code="SN203",
    name="over-length",
    needs={DATA_OWN_POSTS},
    summary="A post longer than the network allows, or a copy cut short to fit.",
    why=(
        "A text written for a network with room to spare is cut short, or refused, on one "
        "with a tight limit. A copy that ends mid-sentence tells readers it was not written "
        "for them."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "linkedin:p1", "text": "'
    + "Repairability is part of how we design our packs. "
    * 7
    + '"}}\n'
    '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:01:00Z", '
    '"post": {"id": "twitter:p1", "text": "'
    + "Repairability is part of how we design our packs. " * 7
    + '"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "linkedin:p1", "text": "'
    + "Repairability is part of how we design our packs. "
    * 7
    + '"}}\n'
    '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:01:00Z", '
    '"post": {"id": "twitter:p1", "text": "Repairability is part of how we design our packs: '
    'https://acme.example/repair"}}\n',
)

FOREIGN_SYNTAX = Rule(
    code="SN204",
    name="foreign-syntax",
    needs={DATA_OWN_POSTS},
    summary="Mentions written in another network's syntax, which do not work where they land.",
    why=(
        "Handles are written differently on each network. A handle in another network's "
        "form does not link to anyone where the copy lands; it shows the post was pasted "
        "from elsewhere."
    ),
    example=(
        '{"type": "account", "id": "twitter:acme", "network": "twitter", "subject": "acme", "handle": "@acme"}\n'
        '{"type": "account", "id": "mastodon:acme", "network": "mastodon", "subject": "acme", '
        '"handle": "acme@mastodon.social"}\n'
        '{"type": "action", "id": "m1", "kind": "post", "actor": "mastodon:acme", "at": "2026-03-02T09:00:00Z", '
        '"post": {"id": "mastodon:p1", "text": "Thanks @jane@fosstodon.org for the trail photos!"}}\n'
        '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:01:00Z", '
        '"post": {"id": "twitter:p1", "text": "Thanks @jane@fosstodon.org for the trail photos!"}}\n'
    ),
    quiet_example=(
        '{"type": "account", "id": "twitter:acme", "network": "twitter", "subject": "acme", "handle": "@acme"}\n'
        '{"type": "account", "id": "mastodon:acme", "network": "mastodon", "subject": "acme", '
        '"handle": "acme@mastodon.social"}\n'
        '{"type": "action", "id": "m1", "kind": "post", "actor": "mastodon:acme", "at": "2026-03-02T09:00:00Z", '
        '"post": {"id": "mastodon:p1", "text": "Thanks @jane@fosstodon.org for the trail photos!"}}\n'
        '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:01:00Z", '
        '"post": {"id": "twitter:p1", "text": "Thanks @jane for the trail photos!"}}\n'
    ),
)

HASHTAG_OVERLOAD = Rule(
    code="SN205",
    name="hashtag-overload",
    needs={DATA_OWN_POSTS},
    summary="A copied post with more hashtags than the network's norm (any post with twice as many).",
    why=(
        "How many hashtags read as normal differs by network: a block of tags that helps "
        "discovery on one network reads as stuffing on another and buries the message."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "twitter:p1", "text": "New trail guide #hiking #outdoors #trails #gear #adventure #nature"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:01:00Z", '
    '"post": {"id": "linkedin:p1", "text": "New trail guide #hiking #outdoors #trails #gear #adventure #nature"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "t1", "kind": "post", "actor": "twitter:acme", "at": "2026-03-02T09:00:00Z", '
    '"post": {"id": "twitter:p1", "text": "New trail guide for the spring #hiking"}}\n'
    '{"type": "action", "id": "l1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-02T09:01:00Z", '
    '"post": {"id": "linkedin:p1", "text": "New trail guide for the spring #hiking"}}\n',
)

FLOODING = Rule(
    code="SN206",
    name="flooding",
    needs={DATA_OWN_POSTS},
    summary="More posts in a day on a network than its audience welcomes.",
    why=(
        "Followers chose to hear from an account, not to have their feed taken over by it. "
        "Past a network's usual rhythm, extra posts crowd out everyone else and lead people "
        "to mute or unfollow."
    ),
    example=_ACCOUNTS
    + "".join(
        f'{{"type": "action", "id": "l{i}", "kind": "post", "actor": "linkedin:acme", '
        f'"at": "2026-03-02T{8 + i:02d}:00:00Z", "post": {{"id": "linkedin:p{i}", '
        f'"text": "Update number {i} on our spring collection"}}}}\n'
        for i in range(8)
    ),
    quiet_example=_ACCOUNTS
    + "".join(
        f'{{"type": "action", "id": "l{i}", "kind": "post", "actor": "linkedin:acme", '
        f'"at": "2026-03-{2 + i:02d}T09:00:00Z", "post": {{"id": "linkedin:p{i}", '
        f'"text": "Update number {i} on our spring collection"}}}}\n'
        for i in range(8)
    ),
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "count_replies",
                False,
                "Whether replies count as posts. They do not by default: answering people is "
                "conversation, which the audience sees in threads, not a flood of the feed.",
            ),
        ),
    ),
)

RULES = (
    CROSSPOSTS,
    OFF_PURPOSE,
    OUT_OF_CONTEXT,
    OVER_LENGTH,
    FOREIGN_SYNTAX,
    HASHTAG_OVERLOAD,
    FLOODING,
)

_MEMBER_RULES = ("SN201", "SN203", "SN204", "SN205", "SN206")


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


def _post(action: Action) -> Post:
    """The post of an authored action (post, reply or quote), which always has one:
    :class:`~socialnorms.core.models.Action` refuses such an action without a post."""
    assert action.post is not None
    return action.post


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


def _authored(timeline: Timeline, subject: str) -> list[tuple[Action, str]]:
    found = []
    for account in timeline.accounts_of(subject):
        for kind in _AUTHORED:
            for action in timeline.by_actor(account.id, kind):
                found.append((action, timeline.post_network(_post(action))))
    found.sort(key=lambda item: (item[0].at, item[0].id))
    return found


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
    post = _post(action)
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
    window = timedelta(hours=ctx.option("SN200", "window_hours"))
    tools = tuple(str(tool).casefold() for tool in ctx.option("SN200", "automation_sources"))
    if authored is None:
        authored = _authored(timeline, subject)
    networks = set(_all_networks(timeline) if networks is None else networks)
    networks.update(network for _action, network in authored)
    times = [action.at for action, _network in authored]
    copies: dict[str, Copy] = {}
    named_in: dict[tuple[str | None, str], str | None] = {}  # labels repeat: read each once

    for action, network in authored:
        copy = marked_copy(ctx, action, network, networks, tools, authored, times, window, named_in)
        if copy is not None:
            copies[action.id] = copy

    index = NearDuplicates(threshold=ctx.option("SN200", "similarity"))
    by_id = {action.id: (action, network) for action, network in authored}
    for action, _network in authored:
        index.add(action.id, _post(action).text)
    for group in index.groups():
        members = [by_id[cast(str, key)] for key in group]  # keys added are action ids
        for position, (action, network) in enumerate(members):
            earlier = None
            for other, other_network in reversed(members[:position]):
                if action.at - other.at > window:
                    break
                if other_network != network and _same_links(timeline, action, other):
                    earlier = (other, other_network)
                    break
            if earlier is None:
                continue
            other, other_network = earlier
            known = copies.get(action.id)
            if known is None:
                copies[action.id] = Copy(action, network, other, other_network, ("near-duplicate",))
            else:
                copies[action.id] = attrs.evolve(
                    known,
                    original=known.original or other,
                    origin=known.origin or other_network,
                    reasons=(*known.reasons, "near-duplicate"),
                )
    return copies


def _started_by(
    copy: Action,
    network: str,
    authored: Sequence[tuple[Action, str]],
    times: Sequence[datetime],
    window: timedelta,
) -> Action | None:
    """The latest post on another network, at most ``window`` earlier, of which a
    copy cut short with an ellipsis is the beginning."""
    if not _TRUNCATED.search(_post(copy).text):
        return None
    kept = tokens(_TRUNCATED.sub("", _post(copy).text))[:-1]
    if not kept:
        return None
    first = bisect.bisect_left(times, copy.at - window)
    last = bisect.bisect_right(times, copy.at)
    for action, other_network in reversed(authored[first:last]):
        if (
            other_network != network
            and action is not copy
            and tokens(_post(action).text)[: len(kept)] == kept
        ):
            return action
    return None


def _same_links(timeline: Timeline, a: Action, b: Action) -> bool:
    """False when both posts carry links and share none: the same words around a
    different link announce a different thing."""
    links_a, links_b = _links(timeline, _post(a)), _links(timeline, _post(b))
    return not (links_a and links_b) or bool(links_a & links_b)


def _links(timeline: Timeline, post: Post) -> set[str]:
    return {
        re.sub(r"^(?:https?://)?(?:www\.)?", "", link.casefold()).rstrip("/")
        for link in timeline.text(post).links
    }


def _all_networks(timeline: Timeline) -> set[str]:
    return {account.network for account in timeline.accounts.values()}


def _display(ctx: CheckContext, network: str | None) -> str:
    if network is None:
        return "another network"
    profile = ctx.profile(network)
    return profile.name if profile is not None else network


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1].rstrip()}…”"


def _origin_phrase(ctx: CheckContext, copy: Copy | None) -> str:
    if copy is None:
        return ""
    return f" (copied from {_display(ctx, copy.origin)})"


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge before a post, reply or quote that would not suit the network it lands on:
    out of its thread (SN202), off the audience's purpose (SN201), too long, in another
    network's mention syntax or with too many hashtags (SN203-SN205), or one post too
    many that day (SN206). Whether it is a copy is judged against the subject's posts
    of the ``window_hours`` before it. The tally of copies (SN200) is information,
    not a nudge. A label (``source``, ``via``) is read against the networks of every
    account and of the subject's posts in that window."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind not in _AUTHORED:
        return
    network = timeline.post_network(_post(draft))
    window = timedelta(hours=ctx.option("SN200", "window_hours"))
    tools = tuple(str(tool).casefold() for tool in ctx.option("SN200", "automation_sources"))
    accounts = [account.id for account in timeline.accounts_of(subject)]
    recent = [
        (action, timeline.post_network(_post(action)))
        for action in actions_between(timeline, accounts, _AUTHORED, draft.at - window, draft.at)
    ]
    # The networks a label may name: every account's (fixed, so kept for good), and
    # those of the subject's recent posts.
    networks = ctx.cached((GUIDELINE, "networks"), lambda: _all_networks(timeline), about=())
    networks = networks | {n for _action, n in recent} | {network}
    times = [action.at for action, _network in recent]
    copy = marked_copy(ctx, draft, network, networks, tools, recent, times, window)
    earlier = _near_original(ctx, draft, network, recent, window)
    if earlier is not None:
        other, other_network = earlier
        if copy is None:
            copy = Copy(draft, network, other, other_network, ("near-duplicate",))
        else:
            copy = attrs.evolve(
                copy,
                original=copy.original or other,
                origin=copy.origin or other_network,
                reasons=(*copy.reasons, "near-duplicate"),
            )
    copies = {draft.id: copy} if copy is not None else {}
    if ctx.enabled("SN202"):
        marker = re.compile(ctx.option("SN202", "thread_marker"))
        parts_on: dict[tuple[str, str], set[int]] = defaultdict(set)
        if copy is not None and marker.search(
            _post(draft).text
        ):  # the only case that asks for the parts
            for action, _network in [*_authored(timeline, subject), (draft, network)]:
                match = marker.search(_post(action).text)
                if match:
                    parts_on[action.actor, match.group(2)].add(int(match.group(1)))
        own_networks = {account.network for account in timeline.accounts_of(subject)}
        reason = _why_out_of_context(ctx, draft, network, copy, marker, parts_on, own_networks)
        if reason is not None:
            yield _out_of_context_finding(ctx, subject, draft, network, copy, reason)
    profile = ctx.profile(network)
    if profile is None:
        _note_no_profile(ctx, network)
        return
    yield from _off_purpose(ctx, subject, network, profile, [draft], copies)
    yield from _form(ctx, subject, network, profile, [draft], copies, networks)
    counted = (
        _AUTHORED
        if ctx.option("SN206", "count_replies", network)
        else (ActionKind.POST, ActionKind.QUOTE)
    )
    if draft.kind in counted:
        day = [
            action
            for action in actions_between(
                timeline, [draft.actor], counted, draft.at - timedelta(days=1), draft.at
            )
            if timeline.post_network(_post(action)) == network
        ]
        for finding in _flooding(ctx, subject, network, profile, [*day, draft]):
            if draft.id in finding.evidence:
                yield finding


def _note_no_profile(ctx: CheckContext, network: str) -> None:
    if any(ctx.enabled(code) for code in _MEMBER_RULES):
        ctx.note(
            f"no profile for network {network!r}: its topics, length limit, mention "
            "syntax, hashtag norm and posting rhythm were not checked"
        )


def _near_original(
    ctx: CheckContext,
    draft: Action,
    network: str,
    recent: Sequence[tuple[Action, str]],
    window: timedelta,
) -> tuple[Action, str] | None:
    """The latest of the subject's posts on another network, at most ``window`` before
    the draft, whose text is nearly the same and whose links do not differ."""
    words = tokens(_post(draft).text)
    if not words:
        return None
    mine = shingles(words)
    threshold = ctx.option("SN200", "similarity")
    for other, other_network in reversed(recent):
        if other_network == network or draft.at - other.at > window:
            continue
        theirs = tokens(_post(other).text)
        if (
            theirs
            and jaccard(mine, shingles(theirs)) >= threshold
            and _same_links(ctx.timeline, draft, other)
        ):
            return other, other_network
    return None


@check_function(GUIDELINE, RULES, review=review_draft)
def crosspost_with_consideration(ctx: CheckContext) -> Iterator[Finding]:
    """Cross-posts that do not suit the network they land on."""
    timeline = ctx.timeline
    networks = _all_networks(timeline)
    for subject in timeline.subjects:
        authored = _authored(timeline, subject)
        copies = find_copies(ctx, subject, authored, networks)
        by_network: dict[str, list[Action]] = defaultdict(list)
        for action, network in authored:
            by_network[network].append(action)
        for network in sorted(by_network):
            count = sum(1 for copy in copies.values() if copy.network == network)
            ctx.measure(subject, network, "posts", len(by_network[network]))
            ctx.measure(subject, network, "crossposts", count)
        yield from _crossposts(ctx, subject, copies)
        yield from _out_of_context(ctx, subject, authored, copies)
        for network in sorted(by_network):
            profile = ctx.profile(network)
            if profile is None:
                _note_no_profile(ctx, network)
                continue
            actions = by_network[network]
            yield from _off_purpose(ctx, subject, network, profile, actions, copies)
            yield from _form(ctx, subject, network, profile, actions, copies, networks)
            yield from _flooding(ctx, subject, network, profile, actions)


def _crossposts(ctx: CheckContext, subject: str, copies: dict[str, Copy]) -> Iterator[Finding]:
    if not ctx.enabled("SN200"):
        return
    grouped: dict[tuple[str, str], list[Copy]] = defaultdict(list)
    for copy in copies.values():
        grouped[copy.action.actor, copy.network].append(copy)
    for (account, network), found in sorted(grouped.items()):
        found.sort(key=lambda copy: (copy.action.at, copy.action.id))
        origins = Counter(_display(ctx, copy.origin) for copy in found)
        where = ", ".join(f"{count} from {name}" for name, count in sorted(origins.items()))
        total = len(ctx.timeline.by_actor(account, ActionKind.POST)) + len(
            ctx.timeline.by_actor(account, ActionKind.QUOTE)
        )
        yield ctx.finding(
            "SN200",
            subject=subject,
            account=account,
            message=f"{len(found)} posts on {_display(ctx, network)} are copies ({where}), of {total} posts there",
            suggestion=(
                "Copies are fine when they suit the audience; check that each one reads as if "
                f"it were written for {_display(ctx, network)}."
            ),
            evidence=[copy.action.id for copy in found],
            metrics={"crossposts": len(found), "posts": total},
        )


# -- reply out of context ------------------------------------------------------------------

_LEADING_HANDLE = re.compile(r"^\s*[.]?@([\w.\-]+(?:@[\w.\-]+)?)")
_RETWEET = re.compile(r"(?:^|\s)RT @\w+", re.IGNORECASE)


def _out_of_context(
    ctx: CheckContext, subject: str, authored: Sequence[tuple[Action, str]], copies: dict[str, Copy]
) -> Iterator[Finding]:
    if not ctx.enabled("SN202"):
        return
    timeline = ctx.timeline
    marker = re.compile(ctx.option("SN202", "thread_marker"))
    own_networks = {account.network for account in timeline.accounts_of(subject)}
    parts_on: dict[tuple[str, str], set[int]] = defaultdict(set)
    for action, _network in authored:
        match = marker.search(_post(action).text)
        if match:
            parts_on[action.actor, match.group(2)].add(int(match.group(1)))
    for action, network in authored:
        copy = copies.get(action.id)
        reason = _why_out_of_context(ctx, action, network, copy, marker, parts_on, own_networks)
        if reason is not None:
            yield _out_of_context_finding(ctx, subject, action, network, copy, reason)


def _out_of_context_finding(
    ctx: CheckContext, subject: str, action: Action, network: str, copy: Copy | None, reason: str
) -> Finding:
    metrics = {"network": network}
    if copy is not None and copy.original is not None:
        metrics["copy_of"] = copy.original.id
    return ctx.finding(
        "SN202",
        subject=subject,
        account=action.actor,
        message=f"{_quote(_post(action).text)} on {_display(ctx, network)} {reason}",
        suggestion=(
            "Keep replies in the thread they belong to. If the answer is worth sharing "
            f"on {_display(ctx, network)}, write a stand-alone post that says what the "
            "question was."
        ),
        evidence=[action.id],
        metrics=metrics,
    )


def _why_out_of_context(
    ctx: CheckContext,
    action: Action,
    network: str,
    copy: Copy | None,
    marker: re.Pattern[str],
    parts_on: dict[tuple[str, str], set[int]],
    own_networks: set[str],
) -> str | None:
    timeline = ctx.timeline
    post = _post(action)
    if action.kind is ActionKind.REPLY:
        assert action.target is not None  # Action gives every reply a target
        parent = timeline.post(action.target)
        if parent is not None and timeline.post_network(parent) != network:
            where = _display(ctx, timeline.post_network(parent))
            return f"replies to a post on {where}, a thread its readers cannot see"
        return None
    if copy is not None and copy.original is not None:
        original = copy.original
        if original.kind is ActionKind.REPLY or _post(original).in_reply_to:
            # a reply has a target; otherwise in_reply_to is set (the test above)
            parent = timeline.post(cast(str, original.target or _post(original).in_reply_to))
            whom = _author_handle(timeline, parent)
            return (
                f"copies a reply{whom} from {_display(ctx, copy.origin)}; "
                "the conversation it answers is not there"
            )
    if copy is not None and _RETWEET.search(post.text):
        return "copies a repost marked RT; the post it shares is on another network"
    leading = _LEADING_HANDLE.match(post.text)
    if leading:
        handle = leading.group(1)
        mentioned = timeline.text(post).mentions
        target = mentioned[0] if mentioned else f"{network}:{normalize_handle(handle)}"
        if timeline.account(target) is None:
            elsewhere = _handle_elsewhere(timeline, handle, network, own_networks)
            if elsewhere is not None or copy is not None:
                where = f" (an account on {_display(ctx, elsewhere)})" if elsewhere else ""
                return f"is addressed to @{handle}{where}, who has no account here to read it"
    match = marker.search(post.text)
    if match and copy is not None:
        total = int(match.group(2))
        present = parts_on.get((action.actor, match.group(2)), set())
        if total > 1 and not set(range(1, total + 1)) <= present:
            return (
                f"is part {match.group(1)} of a {total}-part thread whose other parts are not here"
            )
    return None


def _author_handle(timeline: Timeline, post: Post | None) -> str:
    if post is None or not post.author:
        return ""
    account = timeline.account(post.author)
    handle = (
        account.handle if account is not None and account.handle else post.author.partition(":")[2]
    )
    return f" to @{normalize_handle(handle)}" if handle else ""


def _handle_elsewhere(
    timeline: Timeline, handle: str, network: str, own_networks: set[str]
) -> str | None:
    key = normalize_handle(handle)
    for other in sorted(own_networks - {network}):
        account = timeline.account(f"{other}:{key}")
        if account is not None:
            return other
    return None


# -- off-purpose ---------------------------------------------------------------------------


def _off_purpose(
    ctx: CheckContext,
    subject: str,
    network: str,
    profile: NetworkProfile,
    actions: Sequence[Action],
    copies: dict[str, Copy],
) -> Iterator[Finding]:
    if not ctx.enabled("SN201") or not profile.unwelcome_topics:
        return
    model = getattr(ctx, "topics", None)
    if model is None or len(model) == 0:
        ctx.note("no topics are installed: off-purpose posts were not checked")
        return
    threshold = ctx.option("SN201", "min_confidence", network)
    least_weight = ctx.option("SN201", "min_unwelcome", network)
    min_posts = ctx.option("SN201", "min_posts", network)
    hits: dict[tuple[str, str], list[tuple[Action, float, tuple[str, ...]]]] = defaultdict(list)
    for action in actions:
        if action.kind is ActionKind.REPLY:
            continue
        for match in model.classify(_post(action).text):
            unwelcome = profile.unwelcome_topics.get(match.topic, 0.0)
            welcome = profile.welcome_topics.get(match.topic, 0.0)
            if (
                unwelcome >= least_weight
                and unwelcome > welcome
                and match.score * unwelcome >= threshold
            ):
                hits[action.actor, match.topic].append((action, match.score, match.terms))
    for (account, topic), found in sorted(hits.items()):
        copied = [action for action, _score, _terms in found if action.id in copies]
        terms = tuple(dict.fromkeys(term for _a, _s, found_terms in found for term in found_terms))
        origins = sorted({_display(ctx, copies[a.id].origin) for a in copied})
        severity = Severity.WARNING if copied or len(found) >= min_posts else Severity.INFO
        if not copied:
            copy_note = ""
        elif len(found) == 1:
            copy_note = f", copied from {', '.join(origins)}"
        else:
            copy_note = f", {len(copied)} of them copied from {', '.join(origins)}"
        yield ctx.finding(
            "SN201",
            subject=subject,
            account=account,
            message=(
                f"{len(found)} post{'s' if len(found) != 1 else ''} about {topic} on "
                f"{_display(ctx, network)}{copy_note}; its audience does not come for {topic} "
                f"(terms: {', '.join(terms[:6])})"
            ),
            suggestion=(
                f"Keep {topic} for the networks whose audience enjoys it"
                + (
                    f" ({profile.purpose.rstrip('.')} is what people come to {profile.name} for)"
                    if profile.purpose
                    else ""
                )
                + "; turn off automatic forwarding for such posts."
            ),
            evidence=[action.id for action, _score, _terms in found],
            metrics={
                "topic": topic,
                "posts": len(found),
                "copied": len(copied),
                "unwelcome_weight": profile.unwelcome_topics[topic],
                "max_score": round(max(score for _a, score, _t in found), 3),
                "terms": list(terms),
            },
            severity=severity,
        )


# -- form ----------------------------------------------------------------------------------


def _form(
    ctx: CheckContext,
    subject: str,
    network: str,
    profile: NetworkProfile,
    actions: Sequence[Action],
    copies: dict[str, Copy],
    networks: set[str],
) -> Iterator[Finding]:
    timeline = ctx.timeline
    others = []
    for other in sorted(networks | {c.origin for c in copies.values() if c.origin}):
        other_profile = ctx.profile(other)
        if other_profile is not None and other_profile.id != profile.id:
            others.append(other_profile)
    lengths, mentions, hashtags = ctx.enabled("SN203"), ctx.enabled("SN204"), ctx.enabled("SN205")
    for action in actions:
        post = _post(action)
        copy = copies.get(action.id)
        if lengths:
            yield from _length(ctx, subject, action, profile, copy)
        if mentions:
            foreign = _foreign_mentions(post.text, profile, others)
            if foreign:
                shown = ", ".join(f"{mention} ({name})" for mention, name in foreign)
                yield ctx.finding(
                    "SN204",
                    subject=subject,
                    account=action.actor,
                    message=(
                        f"{_quote(post.text)}{_origin_phrase(ctx, copy)} mentions {shown} in a form "
                        f"{profile.name} does not link"
                    ),
                    suggestion=(
                        f"Mention people by their {profile.name} account, or by name when they are "
                        f"not on {profile.name}."
                    ),
                    evidence=[action.id],
                    metrics={"mentions": [mention for mention, _name in foreign]},
                )
        if hashtags and profile.hashtag_norm is not None:
            tags = timeline.text(post).hashtags
            limit = profile.hashtag_norm if copy is not None else 2 * profile.hashtag_norm
            if len(tags) > limit:
                yield ctx.finding(
                    "SN205",
                    subject=subject,
                    account=action.actor,
                    message=(
                        f"{_quote(post.text)}{_origin_phrase(ctx, copy)} carries {len(tags)} hashtags; "
                        f"on {profile.name} more than {profile.hashtag_norm} read as stuffing"
                    ),
                    suggestion=(
                        f"Keep the {profile.hashtag_norm} most relevant hashtag"
                        f"{'s' if profile.hashtag_norm != 1 else ''} for {profile.name} "
                        f"(of #{' #'.join(tags[:6])})."
                    ),
                    evidence=[action.id],
                    metrics={"hashtags": len(tags), "hashtag_norm": profile.hashtag_norm},
                )


_TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*\(?(?:https?://\S+)?\)?\s*$")


def _length(
    ctx: CheckContext, subject: str, action: Action, profile: NetworkProfile, copy: Copy | None
) -> Iterator[Finding]:
    text = _post(action).text
    length = profile.syntax.length(text)
    if not profile.fits_length(text):
        problem = f"is {length} characters long; {profile.name} allows {profile.max_length}"
    elif copy is not None and _TRUNCATED.search(text) and _cut_to_fit(copy, text, length, profile):
        problem = f"was cut short to fit {profile.name} and ends mid-thought"
    else:
        return
    yield ctx.finding(
        "SN203",
        subject=subject,
        account=action.actor,
        message=f"{_quote(text)}{_origin_phrase(ctx, copy)} {problem}",
        suggestion=(
            f"Write a shorter version for {profile.name}: the point in one or two "
            "sentences and a link to the full text."
        ),
        evidence=[action.id],
        metrics={"length": length, "max_length": profile.max_length},
    )


def _cut_to_fit(copy: Copy, text: str, length: int, profile: NetworkProfile) -> bool:
    """Whether a copy ending in an ellipsis is the start of a longer original, or,
    when the original is not in the data, fills most of the network's limit."""
    if copy.original is None:
        return profile.max_length is not None and length >= 0.8 * profile.max_length
    kept = tokens(_TRUNCATED.sub("", text))
    whole = tokens(_post(copy.original).text)
    return 0 < len(kept) < len(whole) and tuple(whole[: len(kept) - 1]) == tuple(kept[:-1])


def _foreign_mentions(
    text: str, profile: NetworkProfile, others: Sequence[NetworkProfile]
) -> list[tuple[str, str]]:
    own = [match.span() for match in profile.mention_matches(text)]
    found: dict[str, str] = {}
    for other in others:
        for match in other.mention_matches(text):
            start, end = match.span()
            if any(s <= start and end <= e for s, e in own):
                continue
            found.setdefault(match.group(0), other.name)
    return sorted(found.items())


# -- flooding ------------------------------------------------------------------------------


def _flooding(
    ctx: CheckContext,
    subject: str,
    network: str,
    profile: NetworkProfile,
    actions: Sequence[Action],
) -> Iterator[Finding]:
    if not ctx.enabled("SN206") or profile.flood_posts_per_day is None:
        return
    limit = profile.flood_posts_per_day
    replies = ctx.option("SN206", "count_replies", network)
    by_account: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        if replies or action.kind is not ActionKind.REPLY:
            by_account[action.actor].append(action)
    day = timedelta(days=1)
    for account, posts in sorted(by_account.items()):
        for episode, peak in _episodes(posts, limit, day):
            ctx.measure(subject, network, "max_posts_per_day", peak)
            first, last = episode[0].at, episode[-1].at
            yield ctx.finding(
                "SN206",
                subject=subject,
                account=account,
                message=(
                    f"{peak} posts within 24 hours on {profile.name} "
                    f"({first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC, {len(episode)} in the stretch); "
                    f"its audience welcomes at most {limit} a day"
                ),
                suggestion=(
                    f"Spread the posts out or keep the best {limit}; a scheduler can space "
                    "them over the week."
                ),
                evidence=[action.id for action in episode],
                metrics={
                    "peak_posts_per_day": peak,
                    "flood_posts_per_day": limit,
                    "posts": len(episode),
                },
            )


def _episodes(
    posts: Sequence[Action], limit: int, span: timedelta
) -> Iterator[tuple[list[Action], int]]:
    """Stretches in which some ``span`` holds more than ``limit`` posts, with their peak.
    A stretch longer than a week is cut into weeks, so that each finding stays readable."""
    longest = 7 * span
    start = 0
    episode: list[Action] = []
    covered = -1
    peak = 0
    for end, action in enumerate(posts):
        while action.at - posts[start].at >= span:
            start += 1
        count = end - start + 1
        if count > limit:
            if episode and (start > covered or action.at - episode[0].at >= longest):
                yield episode, peak
                episode, peak = [], 0
            episode.extend(posts[max(start, covered + 1) : end + 1])
            covered = end
            peak = max(peak, count)
    if episode:
        yield episode, peak


@hookimpl
def register_checks(register) -> None:
    register(crosspost_with_consideration)
