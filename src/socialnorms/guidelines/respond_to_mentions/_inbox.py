"""What a subject received in the stretch of time before a draft, read as the check
reads the whole history (:func:`incoming`, spam left out, :meth:`Answers.first`),
but from the timeline's indexes of that stretch only: fast enough for a review."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs

from ...core.checks import CheckContext
from ...core.models import Action, ActionKind
from ...core.signals import SpamJudge
from ...core.timeline import Timeline
from ._shared import GUIDELINE, Answers, Scope, closing_word, post_of, target_of


@attrs.frozen(slots=True)
class Inbox:
    """The mentions a subject received on one network in a stretch of time, and which
    of them the history answers."""

    received: tuple[Action, ...]
    """Mentions and replies from genuine accounts, in time order."""
    answer: dict[str, Action | None]
    """The first answer of each mention (by action id) within the answer window."""
    by_post: dict[str, Action]
    by_author: dict[str, list[Action]]
    answers: Answers


def inbox(ctx: CheckContext, scope: Scope, since: datetime, until: datetime) -> Inbox:
    """The mentions of ``scope``'s accounts from ``since`` to ``until``, with their answers."""
    timeline = ctx.timeline
    account_ids = scope.account_ids
    own = frozenset(a.id for a in timeline.accounts_of(scope.subject))
    found: dict[str, Action] = {}
    for account_id in account_ids:
        found.update((a.id, a) for a in _between(timeline.mentions_of(account_id), since, until))
    for reply in _between(timeline.by_kind(ActionKind.REPLY), since, until):
        parent = timeline.post_action(target_of(reply))
        if parent is not None and parent.actor in account_ids:  # a reply to the account's own post
            found[reply.id] = reply

    def genuine(actor: str) -> bool:
        spam = ctx.cached(
            (GUIDELINE, "spam", actor), lambda: _looks_like_spam(timeline, actor), about=[actor]
        )
        return not spam

    received = tuple(
        sorted(
            (
                a
                for a in found.values()
                if a.actor not in own and not closing_word(timeline, a, own) and genuine(a.actor)
            ),
            key=lambda a: (a.at, a.id),
        )
    )
    answers = Answers(timeline, account_ids, since)
    by_author: dict[str, list[Action]] = defaultdict(list)
    for action in received:
        by_author[action.actor].append(action)
    return Inbox(
        received=received,
        answer={a.id: answers.first(timeline, a, a.at + scope.horizon) for a in received},
        by_post={post_of(a).id: a for a in received},
        by_author=by_author,
        answers=answers,
    )


def _looks_like_spam(timeline: Timeline, account_id: str) -> bool:
    """As :class:`SpamJudge` judges: at the account's first action."""
    return bool(SpamJudge(timeline)(account_id))


def _between(actions: Sequence[Action], since: datetime, until: datetime) -> Sequence[Action]:
    start = bisect.bisect_left(actions, since, key=_time)
    return actions[start : bisect.bisect_right(actions, until, lo=start, key=_time)]


def _time(action: Action) -> datetime:
    return action.at


def answered_by(
    timeline: Timeline, inbox: Inbox, draft: Action, horizon: timedelta
) -> list[Action]:
    """The mentions the draft would be the first answer to, as :meth:`Answers.first`
    judges answers: a reply in their thread, or the next post, quote or message to
    their author."""
    candidates: list[Action] = []
    if draft.kind is ActionKind.REPLY:
        parent = timeline.post(target_of(draft))
        for post_id in (draft.target, parent.in_reply_to if parent is not None else None):
            if post_id in inbox.by_post:
                candidates.append(inbox.by_post[post_id])
    else:
        if draft.kind is ActionKind.MESSAGE:
            authors = [target_of(draft)]
        elif draft.kind in (ActionKind.POST, ActionKind.QUOTE):
            authors = list(timeline.text(post_of(draft)).mentions)
        else:
            authors = []
        for author in authors:
            earlier = inbox.answers.mention_times.get(author, ())
            latest = (
                earlier[bisect.bisect_left(earlier, draft.at) - 1]
                if earlier and earlier[0] < draft.at
                else None
            )
            candidates.extend(
                m for m in inbox.by_author.get(author, ()) if latest is None or m.at >= latest
            )
    return sorted(
        {
            m.id: m
            for m in candidates
            if inbox.answer[m.id] is None and m.at < draft.at <= m.at + horizon
        }.values(),
        key=lambda m: (m.at, m.id),
    )
