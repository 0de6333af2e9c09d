"""SN202 reply-out-of-context: a reply, an addressed text or a part of a thread that
lands on a network where its conversation is not."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import cast

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action, ActionKind, Post
from ...core.ruleparts import (
    DATA_OTHER_NETWORKS,
    DATA_OWN_POSTS,
    RuleOptions,
    option,
    rule_examples,
)
from ...core.text import normalize_handle
from ...core.timeline import Timeline
from ._shared import Copy, SubjectScope, authored_posts, display, post_of, quote

__all__ = ["RULE", "Options", "check", "review"]

NEEDS_PROFILE = False

_INSTEAD = (
    "Keep replies in the thread they belong to. If the answer is worth sharing "
    "on {network}, write a stand-alone post that says what the question was."
)

_LEADING_HANDLE = re.compile(r"^\s*[.]?@([\w.\-]+(?:@[\w.\-]+)?)")
_RETWEET = re.compile(r"(?:^|\s)RT @\w+", re.IGNORECASE)


class Options(RuleOptions):
    """How a part of a thread is recognised."""

    thread_marker: str = option(
        r"(?:^|\s)\(?(\d{1,2})\s?/\s?(\d{1,2})\)?(?:\s|$)",
        "Regular expression of a thread marker such as '1/5'; the first group is the part, "
        "the second the number of parts. A copied part whose siblings were not copied "
        "along is out of context.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN202",
    name="reply-out-of-context",
    needs={DATA_OWN_POSTS, DATA_OTHER_NETWORKS},
    summary="A reply or addressed text that lands on a network where its thread does not exist.",
    why=(
        "A reply makes sense under the message it answers. Forwarded to another network it "
        "arrives without that conversation: readers see an answer to a question they never "
        "saw, addressed to someone who may not even be there."
    ),
    instead=_INSTEAD.format(network="another network"),
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)

#: The parts of threads each account posted: (account, number of parts) -> parts.
ThreadParts = Mapping[tuple[str, str], Set[int]]


def check(ctx: CheckContext, scope: SubjectScope) -> Iterator[Finding]:
    """A finding per post of the subject that is out of context where it landed."""
    marker = re.compile(Options.resolve(ctx).thread_marker)
    parts = _thread_parts(marker, (action for action, _network in scope.authored))
    for action, network in scope.authored:
        finding = _judge(ctx, scope, action, network, marker, parts)
        if finding is not None:
            yield finding


def review(ctx: CheckContext, draft: Action, scope: SubjectScope) -> Iterator[Finding]:
    """A nudge when the draft would be out of context; the subject's other thread
    parts are gathered only for a copy that is a part itself."""
    marker = re.compile(Options.resolve(ctx).thread_marker)
    ((_draft, network),) = scope.authored
    parts: ThreadParts = {}
    if draft.id in scope.copies and marker.search(post_of(draft).text):
        history = (action for action, _n in authored_posts(ctx.timeline, scope.subject))
        parts = _thread_parts(marker, [*history, draft])
    finding = _judge(ctx, scope, draft, network, marker, parts)
    if finding is not None:
        yield finding


def _thread_parts(marker: re.Pattern[str], actions: Iterable[Action]) -> ThreadParts:
    parts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for action in actions:
        match = marker.search(post_of(action).text)
        if match:
            parts[action.actor, match.group(2)].add(int(match.group(1)))
    return parts


def _judge(
    ctx: CheckContext,
    scope: SubjectScope,
    action: Action,
    network: str,
    marker: re.Pattern[str],
    parts: ThreadParts,
) -> Finding | None:
    copy = scope.copies.get(action.id)
    reason = _why_out_of_context(ctx, scope.subject, action, network, copy, marker, parts)
    if reason is None:
        return None
    metrics = {"network": network}
    if copy is not None and copy.original is not None:
        metrics["copy_of"] = copy.original.id
    return ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=action.actor,
        message=f"{quote(post_of(action).text)} on {display(ctx, network)} {reason}",
        suggestion=_INSTEAD.format(network=display(ctx, network)),
        evidence=[action.id],
        metrics=metrics,
    )


def _why_out_of_context(
    ctx: CheckContext,
    subject: str,
    action: Action,
    network: str,
    copy: Copy | None,
    marker: re.Pattern[str],
    parts: ThreadParts,
) -> str | None:
    timeline = ctx.timeline
    post = post_of(action)
    if action.kind is ActionKind.REPLY:
        assert action.target is not None  # Action gives every reply a target
        parent = timeline.post(action.target)
        if parent is not None and timeline.post_network(parent) != network:
            where = display(ctx, timeline.post_network(parent))
            return f"replies to a post on {where}, a thread its readers cannot see"
        return None
    if copy is not None and copy.original is not None:
        original = copy.original
        if original.kind is ActionKind.REPLY or post_of(original).in_reply_to:
            # a reply has a target; otherwise in_reply_to is set (the test above)
            parent = timeline.post(cast(str, original.target or post_of(original).in_reply_to))
            whom = _author_handle(timeline, parent)
            return (
                f"copies a reply{whom} from {display(ctx, copy.origin)}; "
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
            elsewhere = _handle_elsewhere(timeline, subject, handle, network)
            if elsewhere is not None or copy is not None:
                where = f" (an account on {display(ctx, elsewhere)})" if elsewhere else ""
                return f"is addressed to @{handle}{where}, who has no account here to read it"
    match = marker.search(post.text)
    if match and copy is not None:
        total = int(match.group(2))
        present = parts.get((action.actor, match.group(2)), set())
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


def _handle_elsewhere(timeline: Timeline, subject: str, handle: str, network: str) -> str | None:
    """The first other network of the subject where ``handle`` has an account."""
    key = normalize_handle(handle)
    own_networks = {account.network for account in timeline.accounts_of(subject)}
    for other in sorted(own_networks - {network}):
        account = timeline.account(f"{other}:{key}")
        if account is not None:
            return other
    return None
