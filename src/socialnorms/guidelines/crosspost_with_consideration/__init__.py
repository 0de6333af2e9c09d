"""Guideline ``crosspost-with-consideration``: a message copied to another network
should suit that network's audience, its form and its threads.

Cross-posts are found two ways: posts that say they are copies (``crosspost_of``,
a ``source`` or ``via`` naming another network or a posting tool, a mark another
network leaves in text), and posts of one subject on two networks whose texts are
the same or nearly the same within a window (MinHash buckets, see
:mod:`socialnorms.core.similarity`). A copy that fits is fine: the rules report what
does not fit.

One module per rule. A rule with ``NEEDS_PROFILE`` false judges the subject's posts
across its networks (a :class:`SubjectScope`); the others judge the posts on one
network against its profile (a :class:`NetworkScope`), and a network without a
profile is skipped with a note. The check finds the subject's copies once and
gives every enabled rule its scope; the review does the same for one draft.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...core.checks import CheckContext, Finding, Rule, check_function
from ...core.hookspecs import hookimpl
from ...core.models import Action
from . import (
    crossposts,
    flooding,
    foreign_syntax,
    hashtag_overload,
    off_purpose_post,
    over_length,
    reply_out_of_context,
)
from ._copies import draft_copy, find_copies, marked_copy
from ._shared import (
    AUTHORED,
    Copy,
    NetworkScope,
    SubjectScope,
    all_networks,
    authored_posts,
    post_of,
)

__all__ = [
    "CROSSPOSTS",
    "FLOODING",
    "FOREIGN_SYNTAX",
    "GUIDELINE",
    "HASHTAG_OVERLOAD",
    "OFF_PURPOSE",
    "OUT_OF_CONTEXT",
    "OVER_LENGTH",
    "RULES",
    "RULE_MODULES",
    "Copy",
    "NetworkScope",
    "SubjectScope",
    "crosspost_with_consideration",
    "find_copies",
    "marked_copy",
    "register_checks",
    "review_draft",
]

GUIDELINE = "crosspost-with-consideration"

RULE_MODULES = (
    crossposts,
    off_purpose_post,
    reply_out_of_context,
    over_length,
    foreign_syntax,
    hashtag_overload,
    flooding,
)
RULES: tuple[Rule, ...] = tuple(module.RULE for module in RULE_MODULES)

CROSSPOSTS = crossposts.RULE
OFF_PURPOSE = off_purpose_post.RULE
OUT_OF_CONTEXT = reply_out_of_context.RULE
OVER_LENGTH = over_length.RULE
FOREIGN_SYNTAX = foreign_syntax.RULE
HASHTAG_OVERLOAD = hashtag_overload.RULE
FLOODING = flooding.RULE

_ACROSS_NETWORKS = tuple(module for module in RULE_MODULES if not module.NEEDS_PROFILE)
_PER_NETWORK = tuple(module for module in RULE_MODULES if module.NEEDS_PROFILE)


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
    if subject is None or draft.kind not in AUTHORED:
        return
    network = timeline.post_network(post_of(draft))
    # Every account's networks are fixed, so they are kept for good.
    known = ctx.cached((GUIDELINE, "networks"), lambda: all_networks(timeline), about=())
    copy, networks = draft_copy(ctx, subject, draft, network, known)
    copies = {draft.id: copy} if copy is not None else {}
    across = SubjectScope(subject, ((draft, network),), copies)
    for module in _ACROSS_NETWORKS:
        if ctx.enabled(module.RULE.code):
            yield from module.review(ctx, draft, across)
    profile = ctx.profile(network)
    if profile is None:
        _note_no_profile(ctx, network)
        return
    scope = NetworkScope(subject, network, profile, (draft,), copies, networks)
    for module in _PER_NETWORK:
        if ctx.enabled(module.RULE.code):
            yield from module.review(ctx, draft, scope)


@check_function(GUIDELINE, RULES, review=review_draft)
def crosspost_with_consideration(ctx: CheckContext) -> Iterator[Finding]:
    """Cross-posts that do not suit the network they land on."""
    timeline = ctx.timeline
    networks = all_networks(timeline)
    for subject in timeline.subjects:
        authored = authored_posts(timeline, subject)
        copies = find_copies(ctx, subject, authored, networks)
        by_network: dict[str, list[Action]] = defaultdict(list)
        for action, network in authored:
            by_network[network].append(action)
        for network in sorted(by_network):
            count = sum(1 for copy in copies.values() if copy.network == network)
            ctx.measure(subject, network, "posts", len(by_network[network]))
            ctx.measure(subject, network, "crossposts", count)
        across = SubjectScope(subject, authored, copies)
        for module in _ACROSS_NETWORKS:
            if ctx.enabled(module.RULE.code):
                yield from module.check(ctx, across)
        for network in sorted(by_network):
            profile = ctx.profile(network)
            if profile is None:
                _note_no_profile(ctx, network)
                continue
            scope = NetworkScope(subject, network, profile, by_network[network], copies, networks)
            for module in _PER_NETWORK:
                if ctx.enabled(module.RULE.code):
                    yield from module.check(ctx, scope)


def _note_no_profile(ctx: CheckContext, network: str) -> None:
    if any(ctx.enabled(module.RULE.code) for module in _PER_NETWORK):
        ctx.note(
            f"no profile for network {network!r}: its topics, length limit, mention "
            "syntax, hashtag norm and posting rhythm were not checked"
        )


@hookimpl
def register_checks(register) -> None:
    register(crosspost_with_consideration)
