"""SN206 flooding: more posts within 24 hours on a network than its audience welcomes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import timedelta

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_OWN_POSTS, RuleOptions, option, rule_examples
from .._common import actions_between
from ._shared import AUTHORED, NetworkScope, post_of

__all__ = ["RULE", "Options", "check", "review"]

NEEDS_PROFILE = True

_INSTEAD = (
    "Spread the posts out or keep the best {limit}; a scheduler can space them over the week."
)

_DAY = timedelta(days=1)


class Options(RuleOptions):
    """Which posts count towards a flood."""

    count_replies: bool = option(
        False,
        "Whether replies count as posts. They do not by default: answering people is "
        "conversation, which the audience sees in threads, not a flood of the feed.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN206",
    name="flooding",
    needs={DATA_OWN_POSTS},
    summary="More posts in a day on a network than its audience welcomes.",
    why=(
        "Followers chose to hear from an account, not to have their feed taken over by it. "
        "Past a network's usual rhythm, extra posts crowd out everyone else and lead people "
        "to mute or unfollow."
    ),
    instead=_INSTEAD.format(limit="few"),
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)


def check(ctx: CheckContext, scope: NetworkScope) -> Iterator[Finding]:
    """A finding per stretch in which some 24 hours hold more posts of one account
    than the network's ``flood_posts_per_day`` (stretches cut into weeks)."""
    return _floods(ctx, scope, scope.actions)


def review(ctx: CheckContext, draft: Action, scope: NetworkScope) -> Iterator[Finding]:
    """A nudge when the draft would be one post too many in the 24 hours up to it."""
    kinds = _counted(Options.resolve(ctx, scope.network))
    if draft.kind not in kinds:
        return
    day = [
        action
        for action in actions_between(ctx.timeline, [draft.actor], kinds, draft.at - _DAY, draft.at)
        if ctx.timeline.post_network(post_of(action)) == scope.network
    ]
    for finding in _floods(ctx, scope, [*day, draft]):
        if draft.id in finding.evidence:
            yield finding


def _counted(opts: Options) -> tuple[ActionKind, ...]:
    """The kinds of post that count towards a flood."""
    return AUTHORED if opts.count_replies else (ActionKind.POST, ActionKind.QUOTE)


def _floods(ctx: CheckContext, scope: NetworkScope, actions: Sequence[Action]) -> Iterator[Finding]:
    profile = scope.profile
    if profile.flood_posts_per_day is None:
        return
    limit = profile.flood_posts_per_day
    kinds = _counted(Options.resolve(ctx, scope.network))
    by_account: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        if action.kind in kinds:
            by_account[action.actor].append(action)
    for account, posts in sorted(by_account.items()):
        for episode, peak in _episodes(posts, limit, _DAY):
            ctx.measure(scope.subject, scope.network, "max_posts_per_day", peak)
            first, last = episode[0].at, episode[-1].at
            yield ctx.finding(
                RULE.code,
                subject=scope.subject,
                account=account,
                message=(
                    f"{peak} posts within 24 hours on {profile.name} "
                    f"({first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC, {len(episode)} in the stretch); "
                    f"its audience welcomes at most {limit} a day"
                ),
                suggestion=_INSTEAD.format(limit=limit),
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
