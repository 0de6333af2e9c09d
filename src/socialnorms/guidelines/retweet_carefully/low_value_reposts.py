"""SN103 low-value-reposts: many reposts carry nothing for the audience: no link, no
media, hardly any words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_SHARED_POSTS, option, rule_examples
from ...core.timeline import Timeline
from .._common import percent
from .._habit import HabitOptions, Item, counts_toward, draft_window, trailing_actions, worst_window
from ._shared import Scope, habit_finding, nudge, shared_post

__all__ = ["RULE", "Options", "check", "low_value_item", "review"]


class Options(HabitOptions):
    """The window, what a repost of substance holds, and the share of empty reposts
    in the window that is a habit."""

    minimum_option = "min_shares"

    window_days: float = option(
        30,
        "Length of the sliding window the share is measured over: a "
        "month, as for SN101, long enough to show a habit rather than a busy day.",
    )
    min_shares: int = option(
        5,
        "Fewest reposts in a window before the share is judged; with "
        "fewer, a couple of quick cheers would already look like a habit.",
    )
    min_words: int = option(
        8,
        "A shared post with no link and no media needs at least this many "
        "words (mentions, hashtags and links aside) to count as substance: enough for a "
        "sentence that says something, more than a thank-you or a cheer.",
    )
    threshold: float = option(
        0.5,
        "Share of low-value reposts that raises a warning: half the "
        "reposts carry nothing for the audience.",
    )
    error_threshold: float = option(
        0.75,
        "Share that raises an error: three reposts in four give the audience nothing.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN103",
    name="low-value-reposts",
    needs={DATA_SHARED_POSTS},
    habit=True,
    summary="Many reposts carry nothing for the audience: no link, no media, hardly any words.",
    why=(
        "A repost puts someone else's post in every follower's feed. A bare thank-you or "
        "a one-line cheer has no information in it for them, so a habit of such reposts "
        "fills their feed with noise."
    ),
    instead=(
        "Before reposting, ask what a follower learns from it. Answer short thank-yous "
        "directly, and repost posts that carry a link, a picture or an idea."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STRIP = re.compile(r"(?:https?://|www\.)\S+|[@#][\w.-]+")
_REPOSTS = (ActionKind.REPOST,)


def _substance(text: str) -> int:
    return len(_WORD.findall(_STRIP.sub(" ", text)))


def low_value_item(
    timeline: Timeline, action: Action, own: frozenset[str], min_words: int
) -> bool | None:
    """Whether a repost shares a post with no link, no media and fewer than
    ``min_words`` words; ``None`` when it does not count (a quote, an unknown or own post)."""
    if action.kind is not ActionKind.REPOST:
        return None  # a quote adds the account's own words
    post = shared_post(timeline, action)
    if post is None or post.author in own:
        return None
    return not timeline.text(post).links and not post.media and _substance(post.text) < min_words


def _judged(
    timeline: Timeline, actions: Iterable[Action], own: frozenset[str], min_words: int
) -> list[Item]:
    return [
        (a, f) for a in actions if (f := low_value_item(timeline, a, own, min_words)) is not None
    ]


def check(ctx: CheckContext, scope: Scope) -> Iterator[Finding]:
    """The window where the share of low-value reposts is highest, if it is a habit."""
    opts = Options.resolve(ctx, scope.network)
    found = worst_window(_judged(ctx.timeline, scope.shares, scope.own, opts.min_words), opts)
    if found is None:
        return
    evidence = found.flagged
    yield habit_finding(
        ctx,
        RULE,
        scope,
        found,
        (
            f"{len(evidence)} of {len(found.items)} reposts ({percent(found.share)}) share "
            f"posts with no link, no media and fewer than {opts.min_words} words."
        ),
        {
            "low_value_reposts": len(evidence),
            "reposts": len(found.items),
            "share": round(found.share, 3),
        },
    )


def review(ctx: CheckContext, draft: Action, scope: Scope) -> Iterator[Finding]:
    """A nudge when a draft repost of an empty post makes the window that ends with
    it a habit of low-value reposts."""
    timeline = ctx.timeline
    opts = Options.resolve(ctx, scope.network)
    mine = _judged(timeline, (draft,), scope.own, opts.min_words)
    if not counts_toward(mine, opts):
        return
    recent = trailing_actions(timeline, scope.account_ids, _REPOSTS, opts, draft.at)
    found = draft_window(_judged(timeline, recent, scope.own, opts.min_words), mine, opts)
    if found is not None:
        yield nudge(
            ctx,
            RULE,
            scope,
            draft,
            found,
            opts.window_days,
            "This repost shares a post with no link, no media and fewer than "
            f"{opts.min_words} words",
            "reposts",
            "empty for the audience",
        )
