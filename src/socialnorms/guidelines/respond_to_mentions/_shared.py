"""How respond-to-mentions reads a subject's mentions and its answers to them: what
both rules judge, and what the check and the review of a draft share."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import cast

import attrs

from ...core.models import Action, ActionKind, Post
from ...core.timeline import Timeline
from .._common import actions_between, median_minutes

GUIDELINE = "respond-to-mentions"


@attrs.frozen(slots=True)
class Scope:
    """One subject on one network, with the times both rules judge answers by."""

    subject: str
    network: str
    account_ids: tuple[str, ...]
    expected: timedelta
    """How soon people expect an answer on the network."""
    horizon: timedelta
    """How long after a mention an answer still counts: the answer window, or the
    expected time when that is longer."""

    @property
    def hours(self) -> float:
        """The expected response time in hours, as messages say it."""
        return self.expected.total_seconds() / 3600

    def is_due(self, mention: Action, now: datetime) -> bool:
        """Whether an answer to ``mention`` was due by ``now``."""
        return now - mention.at >= self.expected

    def on_time(self, delay: timedelta) -> bool:
        """Whether an answer ``delay`` after its mention came as soon as expected."""
        return delay <= self.expected


@attrs.frozen(slots=True)
class Mention:
    """A mention of, or reply to, a subject's account, and what the subject did about it."""

    action: Action
    answer: Action | None
    acknowledged: bool
    """Liked, reposted or quoted by the subject: an acknowledgement, not an answer."""

    @property
    def delay(self) -> timedelta | None:
        return self.answer.at - self.action.at if self.answer is not None else None


@attrs.frozen(slots=True)
class Mentions:
    """The mentions of one scope by the end of the data, as the check judges them."""

    scope: Scope
    due: tuple[Mention, ...]
    """The mentions an answer was due to, in time order."""
    pending: int
    """Mentions the data ends too soon after to judge."""
    answered: tuple[Mention, ...]
    on_time: tuple[Mention, ...]
    acknowledged_only: tuple[Mention, ...]
    """Not answered, only liked, reposted or quoted."""
    median_minutes: float | None
    """The median time to answer, of the answered ones."""
    rate: float | None
    """The share of due mentions answered, ``None`` when none was due."""

    @classmethod
    def judged(cls, scope: Scope, due: Sequence[Mention], pending: int) -> Mentions:
        """The figures of ``due``: which were answered, on time, only acknowledged."""
        answered = tuple(m for m in due if m.answer is not None)
        return cls(
            scope=scope,
            due=tuple(due),
            pending=pending,
            answered=answered,
            on_time=tuple(m for m in answered if scope.on_time(cast(timedelta, m.delay))),
            acknowledged_only=tuple(m for m in due if m.answer is None and m.acknowledged),
            median_minutes=median_minutes(cast(timedelta, m.delay) for m in answered),
            rate=len(answered) / len(due) if due else None,
        )


def post_of(action: Action) -> Post:
    """The post of a post, reply or quote, which always has one: :class:`Action`
    refuses such an action without a post."""
    return cast(Post, action.post)


def target_of(action: Action) -> str:
    """The target of an action of a kind that always has one (every kind but a post):
    :class:`Action` refuses such an action without a target."""
    return cast(str, action.target)


class Answers:
    """Where a subject's answers on one network can be looked up quickly."""

    def __init__(
        self, timeline: Timeline, account_ids: tuple[str, ...], since: datetime | None = None
    ) -> None:
        """``since``, when given, keeps only the answers from then on (enough to judge
        the mentions made since)."""
        self.replies: dict[str, list[Action]] = defaultdict(list)
        self.mentioning: dict[str, list[Action]] = defaultdict(list)
        self.acknowledged: set[str] = set()

        def by(account_id: str, kind: ActionKind) -> Sequence[Action]:
            if since is None:
                return timeline.by_actor(account_id, kind)
            return actions_between(timeline, (account_id,), (kind,), since)

        for account_id in account_ids:
            for kind in (ActionKind.REPLY, ActionKind.POST, ActionKind.QUOTE):
                for action in by(account_id, kind):
                    if kind is ActionKind.REPLY:
                        self.replies[target_of(action)].append(action)
                        continue  # a reply in another thread answers that thread only
                    if kind is ActionKind.QUOTE:
                        self.acknowledged.add(target_of(action))
                    for mentioned in timeline.text(post_of(action)).mentions:
                        self.mentioning[mentioned].append(action)
            for message in by(account_id, ActionKind.MESSAGE):
                self.mentioning[target_of(message)].append(message)  # answered privately
            for kind in (ActionKind.LIKE, ActionKind.REPOST):
                self.acknowledged.update(target_of(a) for a in by(account_id, kind))
        for index in (self.replies, self.mentioning):
            for actions in index.values():
                actions.sort(key=lambda a: (a.at, a.id))
        self.mention_times = {key: [a.at for a in acts] for key, acts in self.mentioning.items()}

    def first(self, timeline: Timeline, mention: Action, until: datetime) -> Action | None:
        """The subject's first answer to ``mention`` before ``until``: a reply to the post or
        to a reply in its thread, a new post or quote mentioning its author, or a direct
        message to its author."""
        candidates: list[Action] = []
        post = post_of(mention)
        thread = [post.id, *(post_of(r).id for r in timeline.replies_to(post.id))]
        for post_id in thread:
            candidates.extend(self.replies.get(post_id, ()))
        by_author = self.mentioning.get(mention.actor, ())
        if by_author:
            start = bisect.bisect_right(self.mention_times[mention.actor], mention.at)
            candidates.extend(by_author[start : start + 1])
        answers = [a for a in candidates if mention.at < a.at <= until]
        return min(answers, key=lambda a: (a.at, a.id), default=None)


def incoming(timeline: Timeline, account_ids: tuple[str, ...], own: frozenset[str]) -> list[Action]:
    """Posts, replies and quotes by others that mention or reply to the accounts, in time order."""
    found: dict[str, Action] = {}
    for account_id in account_ids:
        for action in timeline.mentions_of(account_id):
            found[action.id] = action
        for kind in (ActionKind.POST, ActionKind.REPLY, ActionKind.QUOTE):
            for own_post in timeline.by_actor(account_id, kind):
                for reply in timeline.replies_to(post_of(own_post).id):
                    found[reply.id] = reply
    return sorted(
        (a for a in found.values() if a.actor not in own and not closing_word(timeline, a, own)),
        key=lambda a: (a.at, a.id),
    )


def closing_word(timeline: Timeline, action: Action, own: frozenset[str]) -> bool:
    """Whether ``action`` answers the subject's own answer to its author without asking
    anything more ("thanks!"): the conversation was answered, the last word is theirs."""
    if action.kind is not ActionKind.REPLY or "?" in post_of(action).text:
        return False
    parent = timeline.post(target_of(action))
    if parent is None or parent.author not in own or parent.in_reply_to is None:
        return False
    grandparent = timeline.post(parent.in_reply_to)
    return grandparent is not None and grandparent.author == action.actor


def who(timeline: Timeline, account_id: str) -> str:
    """An account's handle, else its id."""
    account = timeline.account(account_id)
    return account.handle if account is not None and account.handle else account_id


def snippet(text: str, limit: int = 60) -> str:
    """The start of a post's text, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def addressed(timeline: Timeline, action: Action, account_ids: tuple[str, ...]) -> str:
    """Which of the subject's accounts a mention or reply was aimed at."""
    parent = (
        timeline.post(action.target) if action.kind is ActionKind.REPLY and action.target else None
    )
    if parent is not None and parent.author in account_ids:
        return parent.author
    mentioned = [m for m in timeline.text(post_of(action)).mentions if m in account_ids]
    return mentioned[0] if mentioned else account_ids[0]
