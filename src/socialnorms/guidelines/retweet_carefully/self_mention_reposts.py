"""SN101 self-mention-reposts: most of what the account reposts or quotes is other
people mentioning it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, Post
from ...core.ruleparts import DATA_SHARED_POSTS, Chart, option, rule_examples
from ...core.timeline import Timeline
from .._common import month, percent
from .._habit import HabitOptions, Item, counts_toward, draft_window, trailing_actions, worst_window
from ._shared import SHARING, Scope, habit_finding, nudge, shared_post

__all__ = ["RULE", "Options", "check", "measure", "review", "self_mention_item"]


class Options(HabitOptions):
    """The window, and the share of self-mention reposts in it that is a habit."""

    minimum_option = "min_shares"

    window_days: float = option(
        30,
        "Length of the sliding window the share is measured over. "
        "A month holds enough reposts to show a habit and is short enough to show a change.",
    )
    min_shares: int = option(
        5,
        "Fewest reposts and quotes in a window before a share is judged; "
        "with fewer, two thank-you reposts would already look like a habit.",
    )
    threshold: float = option(
        0.5,
        "Share of self-mention reposts that raises a warning. The rule of "
        "thirds (Hootsuite) keeps self-promotion to a third of what you share; at half, "
        "self-praise is clearly the account's main kind of sharing.",
    )
    error_threshold: float = option(
        0.75,
        "Share that raises an error: three in four shares are about the account itself.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN101",
    name="self-mention-reposts",
    needs={DATA_SHARED_POSTS},
    charts=(
        Chart(
            ident="self-mention",
            title="Share of reposts that mention the subject, per month",
            measurement="self_mention_share",
            kind="line",
            desc="Monthly share of the subject's reposts that share posts mentioning the subject.",
            absent="No self-mention shares were measured (no reposts, or the check did not run).",
            unit="share",
            max_value=1.0,
        ),
    ),
    habit=True,
    summary="Most of what the account reposts or quotes is other people mentioning it.",
    why=(
        "Passing on every compliment you receive tells followers that the account is "
        "there to talk about itself. Followers came for things that interest them; "
        "a feed of second-hand praise gives them nothing and reads as vanity."
    ),
    instead=(
        "Thank people for praise with a reply or a like instead of a repost, and repost "
        "what your followers would find useful: news, guides and other people's work."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)


def _about_subject(timeline: Timeline, post: Post, own: frozenset[str]) -> bool:
    """Whether a post by someone else mentions, replies to or quotes the subject."""
    if own.intersection(timeline.text(post).mentions):
        return True
    for parent in (post.in_reply_to, post.quotes):
        if parent:
            original = timeline.post(parent)
            if original is not None and original.author in own:
                return True
    return False


def self_mention_item(timeline: Timeline, action: Action, own: frozenset[str]) -> bool | None:
    """Whether a repost or quote shares someone else's post about the subject;
    ``None`` when it does not count (shared post unknown, or the subject's own)."""
    post = shared_post(timeline, action)
    if post is None or post.author in own:
        return None
    return _about_subject(timeline, post, own)


def _judged(timeline: Timeline, actions: Iterable[Action], own: frozenset[str]) -> list[Item]:
    # Unknown shared posts cannot be judged; own ones are SN102's concern.
    return [(a, f) for a in actions if (f := self_mention_item(timeline, a, own)) is not None]


def _items(ctx: CheckContext, scope: Scope) -> list[Item]:
    """The check's judged shares, once for the measurement and the finding."""
    key = (ctx.check.guideline, RULE.code, scope.subject, scope.network)
    return ctx.cached(key, lambda: _judged(ctx.timeline, scope.shares, scope.own))


def measure(ctx: CheckContext, scope: Scope) -> None:
    """The share of self-mention reposts per month (``self_mention_share``), recorded
    whether or not the rule is selected."""
    monthly: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for action, flagged in _items(ctx, scope):
        counts = monthly[month(action.at)]
        counts[0] += flagged
        counts[1] += 1
    for period, (mentions, total) in sorted(monthly.items()):
        ctx.measure(
            scope.subject, scope.network, "self_mention_share", round(mentions / total, 3), period
        )


def check(ctx: CheckContext, scope: Scope) -> Iterator[Finding]:
    """The window where the share of self-mention reposts is highest, if it is a habit."""
    found = worst_window(_items(ctx, scope), Options.resolve(ctx, scope.network))
    if found is None:
        return
    evidence = found.flagged
    yield habit_finding(
        ctx,
        RULE,
        scope,
        found,
        (
            f"{len(evidence)} of {len(found.items)} reposts and quotes in {found.days} days "
            f"({percent(found.share)}) share posts that mention or answer the account itself."
        ),
        {
            "self_mention_reposts": len(evidence),
            "shares": len(found.items),
            "share": round(found.share, 3),
            "days": found.days,
        },
    )


def review(ctx: CheckContext, draft: Action, scope: Scope) -> Iterator[Finding]:
    """A nudge when a draft repost or quote of praise makes the window that ends
    with it a habit of self-mention reposts."""
    timeline = ctx.timeline
    opts = Options.resolve(ctx, scope.network)
    mine = _judged(timeline, (draft,), scope.own)
    if not counts_toward(mine, opts):
        return
    recent = trailing_actions(timeline, scope.account_ids, SHARING, opts, draft.at)
    found = draft_window(_judged(timeline, recent, scope.own), mine, opts)
    if found is not None:
        yield nudge(
            ctx,
            RULE,
            scope,
            draft,
            found,
            opts.window_days,
            f"This {draft.kind.value} shares a post that praises or mentions the account itself",
            "reposts and quotes",
            "about the account",
        )
