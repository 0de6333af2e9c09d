"""SN102 self-centred-sharing: reposts and links point almost only at the account's
own posts and websites."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind, Post
from ...core.ruleparts import DATA_OWN_POSTS, DATA_SHARED_POSTS, option, rule_examples
from ...core.timeline import Timeline
from .._common import percent
from .._habit import HabitOptions, Item, counts_toward, draft_window, trailing_actions, worst_window
from ._shared import SHARING, Scope, habit_finding, host, nudge, shared_post

__all__ = ["RULE", "Options", "check", "review", "self_centred_items"]


class Options(HabitOptions):
    """The window, and the share of the subject's own items in it that is a habit."""

    window_days: float = option(
        30,
        "Length of the sliding window the share is measured over: a "
        "month, as for SN101, long enough to show a habit rather than a busy day.",
    )
    min_items: int = option(
        6,
        "Fewest shared items (reposts, quotes and links) in a window before "
        "the share is judged; a handful of posts about a launch is not yet a habit.",
    )
    threshold: float = option(
        0.8,
        "Share of own items that raises a warning. The 80/20 rule of "
        "content marketing keeps promotion near 20%; we warn only at the mirror image, "
        "80% own, so that a brand's normal publishing stays quiet.",
    )
    error_threshold: float = option(
        0.95,
        "Share that raises an error: practically nothing of anyone else is shared.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN102",
    name="self-centred-sharing",
    needs={DATA_SHARED_POSTS, DATA_OWN_POSTS},
    habit=True,
    summary="Reposts and links point almost only at the account's own posts and websites.",
    why=(
        "An account that only ever shares its own posts and its own site is an advert, "
        "not a member of a community. Sharing what others make earns attention for your "
        "own work; sharing only your own work spends it."
    ),
    instead=(
        "Mix in other people's work: repost or link a useful article, a customer's story "
        "or a peer's post for every one or two of your own."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)


def _is_own_link(url: str, domains: frozenset[str]) -> bool:
    found = host(url)
    return any(found == d or found.endswith("." + d) for d in domains)


def self_centred_items(
    timeline: Timeline, action: Action, own: frozenset[str], domains: frozenset[str]
) -> list[bool]:
    """The shared items of one action, each flagged when it is the subject's own:
    a repost or quote of a post (own when by the subject or linking its site), and
    each link of a post or quote (own when on the subject's site)."""
    items = []
    if action.kind in SHARING:
        post = shared_post(timeline, action)
        if post is not None and post.author is not None:
            links = timeline.text(post).links
            own_link = bool(domains) and any(_is_own_link(link, domains) for link in links)
            items.append(post.author in own or own_link)
    if domains and action.kind in (ActionKind.POST, ActionKind.QUOTE):  # replies converse
        post = cast(Post, action.post)  # a post or quote always has one
        items.extend(_is_own_link(link, domains) for link in timeline.text(post).links)
    return items


def _judged(timeline: Timeline, actions: Iterable[Action], scope: Scope) -> list[Item]:
    return [
        (action, flagged)
        for action in actions
        for flagged in self_centred_items(timeline, action, scope.own, scope.domains)
    ]


def _kinds(scope: Scope) -> tuple[ActionKind, ...]:
    """The kinds of action with items: posts only have some when the subject has a site."""
    return (*SHARING, ActionKind.POST) if scope.domains else SHARING


def check(ctx: CheckContext, scope: Scope) -> Iterator[Finding]:
    """The window where the share of the subject's own items is highest, if it is a habit."""
    timeline = ctx.timeline
    posts = (
        [
            a
            for account_id in scope.account_ids
            for a in timeline.by_actor(account_id, ActionKind.POST)
        ]
        if scope.domains
        else []
    )
    items = _judged(timeline, (*scope.shares, *posts), scope)
    items.sort(key=lambda item: (item[0].at, item[0].id))
    found = worst_window(items, Options.resolve(ctx, scope.network))
    if found is None:
        return
    own_items = found.flagged
    yield habit_finding(
        ctx,
        RULE,
        scope,
        found,
        (
            f"{len(own_items)} of {len(found.items)} shared posts and links "
            f"({percent(found.share)}) point at the account's own posts or websites."
        ),
        {
            "own": len(own_items),
            "items": len(found.items),
            "share": round(found.share, 3),
            "own_domains": sorted(scope.domains),
        },
    )


def review(ctx: CheckContext, draft: Action, scope: Scope) -> Iterator[Finding]:
    """A nudge when a draft that points at the subject's own posts or site makes the
    window that ends with it a habit of self-centred sharing."""
    timeline = ctx.timeline
    opts = Options.resolve(ctx, scope.network)
    mine = _judged(timeline, (draft,), scope)
    if not counts_toward(mine, opts):
        return
    recent = trailing_actions(timeline, scope.account_ids, _kinds(scope), opts, draft.at)
    found = draft_window(_judged(timeline, recent, scope), mine, opts)
    if found is not None:
        yield nudge(
            ctx,
            RULE,
            scope,
            draft,
            found,
            opts.window_days,
            f"This {draft.kind.value} points at the account's own posts or website",
            "shared posts and links",
            "the account's own",
        )
