"""SN403 ``no-follow-up``: accepted invitations not followed by a message.

A message to the person, a reply to them or a mention of them within
``follow_up_days`` of the acceptance is a follow-up. Judged by the check only: an
acceptance is the other person's action, so no draft of the account breaks the rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Account, Action, ActionKind
from ...core.ruleparts import DATA_INVITATIONS, RuleOptions, option, rule_examples
from ...core.timeline import Timeline
from ._shared import AccountScope, FollowUps, first_name, hints, target


class Options(RuleOptions):
    follow_up_days: float = option(
        7,
        "Days after the acceptance within which a message, reply or mention to the person "
        "counts as a follow-up. A week leaves room for busy schedules while the connection "
        "is still fresh in both minds. Acceptances closer than this to the end of the data "
        "are not judged.",
    )
    min_missing_share: float = option(
        0.5,
        "The finding is a warning when at least this share of the judged acceptances had no "
        "follow-up, and for information below it: forgetting one in many is human.",
    )


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)
_THANK = "Thank them for connecting and continue the conversation"

RULE = Rule(
    code="SN403",
    name="no-follow-up",
    needs={DATA_INVITATIONS},
    summary="Accepted invitations not followed by a message.",
    why=(
        "An accepted invitation opens a door. Writing soon after, to thank the person and "
        "pick up what you talked about, turns a connection into a relationship; silence "
        "makes the invitation look like collecting contacts."
    ),
    instead=f"{_THANK}.",
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def follow_ups(ctx: CheckContext, account: Account, accepted: Sequence[Action]) -> FollowUps:
    """The invitations of ``account`` that were ``accepted``, judged: followed up within
    the window, left without a word, or too recent to tell."""
    window = timedelta(days=Options.resolve(ctx, account.network).follow_up_days)
    if not accepted:
        return FollowUps(window)
    timeline = ctx.timeline
    missing: list[Action] = []
    followed = pending = 0
    replies = _replies_by_author(timeline, account.id)
    for acceptance in accepted:
        times = [
            at
            for at in _written_to(timeline, account.id, acceptance.actor, replies)
            if at >= acceptance.at
        ]
        if times and times[0] - acceptance.at <= window:
            followed += 1
        elif timeline.end is not None and timeline.end - acceptance.at < window and not times:
            pending += 1
        else:
            missing.append(acceptance)
    return FollowUps(window, len(accepted), followed, pending, tuple(missing))


def _replies_by_author(timeline: Timeline, account: str) -> dict[str, list[datetime]]:
    """When ``account`` replied to each author, by author."""
    found: dict[str, list[datetime]] = defaultdict(list)
    for action in timeline.by_actor(account, ActionKind.REPLY):
        parent = timeline.post(target(action))
        if parent is not None and parent.author:
            found[parent.author].append(action.at)
    return found


def _written_to(
    timeline: Timeline, account: str, recipient: str, replies: dict[str, list[datetime]]
) -> list[datetime]:
    """When ``account`` wrote to ``recipient``: messages, replies to them, mentions of them."""
    times = [a.at for a in timeline.between(account, recipient) if a.kind is ActionKind.MESSAGE]
    times.extend(a.at for a in timeline.mentions_of(recipient) if a.actor == account)
    times.extend(replies.get(recipient, ()))
    return sorted(times)


def check(ctx: CheckContext, scope: AccountScope) -> Iterator[Finding]:
    """The acceptances one account left without a word, as one finding: a warning
    from ``min_missing_share`` of the judged ones."""
    tally = scope.follow_ups
    missing = tally.missing
    if not missing:
        return
    timeline = ctx.timeline
    share = len(missing) / tally.judged
    window = tally.window
    days = (
        window.days
        if window.days * 86400 == window.total_seconds()
        else round(window.total_seconds() / 86400, 1)
    )
    names = ", ".join(first_name(timeline, a.actor) for a in missing[:5]) + (
        ", …" if len(missing) > 5 else ""
    )
    examples = hints(timeline, scope.own, [a.actor for a in missing])
    opts = Options.resolve(ctx, scope.network)
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=scope.account.id,
        message=(
            f"{len(missing)} of {tally.judged} accepted invitations had no message within "
            f"{days} days ({names})"
        ),
        suggestion=f"{_THANK}; mention {examples}.",
        evidence=[a.id for a in missing],
        metrics={
            "accepted": tally.judged,
            "without_follow_up": len(missing),
            "pending": tally.pending,
            "share": round(share, 3),
        },
        severity=Severity.WARNING if share >= opts.min_missing_share else Severity.INFO,
    )
