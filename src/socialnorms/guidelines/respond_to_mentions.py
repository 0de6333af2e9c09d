"""Guideline ``respond-to-mentions``: answer the people who mention you or reply to you.

Rules SN501-SN502, plus response rate and response time as measurements for every
subject and network, whether or not anything is wrong.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import cast

import attrs

from ..core.checks import CheckContext, Finding, Option, Rule, Severity, check_function
from ..core.hookspecs import hookimpl
from ..core.models import Action, ActionKind, Post
from ..core.ruleparts import DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS, Chart
from ..core.signals import SpamJudge
from ..core.timeline import Timeline
from ._common import actions_between, median_minutes, percent, subject_networks

GUIDELINE = "respond-to-mentions"

_ACCOUNT = '{"type": "account", "id": "twitter:brand", "network": "twitter", "subject": "brand"}\n'
_QUESTIONS = [
    "@brand do you ship to Norway?",
    "@brand is the blue kettle back in stock?",
    "hi @brand, my order never arrived",
    "@brand can I return an opened box?",
    "@brand what are your weekend hours?",
]


def _mentions(answered: set[int]) -> str:
    lines = []
    for i, text in enumerate(_QUESTIONS, start=1):
        lines.append(
            f'{{"type": "action", "id": "m{i}", "kind": "post", "actor": "twitter:asker{i}", '
            f'"at": "2026-02-0{i}T09:00:00Z", "post": {{"id": "twitter:q{i}", "text": "{text}"}}}}\n'
        )
        if i in answered:
            lines.append(
                f'{{"type": "action", "id": "r{i}", "kind": "reply", "actor": "twitter:brand", '
                f'"at": "2026-02-0{i}T11:00:00Z", "target": "twitter:q{i}", '
                f'"post": {{"id": "twitter:a{i}", "text": "@asker{i} yes, details by DM"}}}}\n'
            )
    lines.append(
        '{"type": "action", "id": "later", "kind": "post", "actor": "twitter:brand", '
        '"at": "2026-02-12T09:00:00Z", "post": {"id": "twitter:news", "text": "New in store"}}\n'
    )
    return "".join(lines)


UNANSWERED = Rule(
    code="SN501",
    name="unanswered-mention",
    needs={DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS},
    charts=(
        Chart(
            ident="response-time",
            title="Median response time to mentions",
            measurement="median_response_minutes",
            kind="bar",
            desc="Median time between a mention and the subject's reply, per network.",
            absent="No response times were measured (no mentions to answer, or the check did not run).",
            unit="minutes",
        ),
    ),
    summary="A genuine account mentioned or replied to the account and got no answer in time.",
    why=(
        "Someone who addresses you in public is starting a conversation. Answering shows "
        "that a person is listening, keeps the exchange going, and lets their followers see "
        "you; silence tells everyone the account only broadcasts."
    ),
    severity=Severity.INFO,
    example=_ACCOUNT + _mentions(set()),
    quiet_example=_ACCOUNT + _mentions({1, 2, 3, 4, 5}),
    options=(
        Option(
            "default_response_hours",
            24,
            "Expected response time on a network whose profile "
            "is not installed. Surveys put people's expectation far lower (Lithium/Millward "
            "Brown 2013: 53% expect an answer to a tweet within an hour); a day is the lenient "
            "bound any network's audience would accept. An installed network profile's "
            "response_time wins.",
        ),
    ),
)

LOW_RESPONSE_RATE = Rule(
    code="SN502",
    name="low-response-rate",
    needs={DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS},
    charts=(
        Chart(
            ident="response-rate",
            title="Share of mentions answered",
            measurement="response_rate",
            kind="bar",
            desc="Share of mentions of the subject that received a reply, per network.",
            absent="No response rates were measured.",
            unit="share",
            max_value=1.0,
        ),
    ),
    summary="The account answers too few of the mentions and replies it receives.",
    why=(
        "One missed mention is an accident; answering only a few of them is a habit that "
        "turns a social account into a notice board. Replies the author engages with also "
        "weigh far more than likes in feed ranking, so answering raises the account's reach."
    ),
    severity=Severity.WARNING,
    example=_ACCOUNT + _mentions({1}),
    quiet_example=_ACCOUNT + _mentions({1, 2, 3, 5}),
    options=(
        Option(
            "threshold",
            0.5,
            "Response rate below which a warning is raised: the account "
            "leaves most people unanswered. Brands answered about one message in nine in "
            "Sprout Social's 2016 index, which audiences resented; half is a modest bar.",
        ),
        Option(
            "error_threshold",
            0.25,
            "Rate below which the finding is an error: three in four people are ignored.",
        ),
        Option(
            "min_mentions",
            3,
            "Fewest mentions due an answer before the rate is judged; "
            "with one or two, a single miss is the whole picture.",
        ),
        Option(
            "answer_window_days",
            7,
            "How long after a mention an answer still counts "
            "toward the response rate, even if it came late.",
        ),
    ),
)

RULES = (UNANSWERED, LOW_RESPONSE_RATE)


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


def _post(action: Action) -> Post:
    """The post of a post, reply or quote, which always has one: :class:`Action`
    refuses such an action without a post."""
    return cast(Post, action.post)


def _target(action: Action) -> str:
    """The target of an action of a kind that always has one (every kind but a post):
    :class:`Action` refuses such an action without a target."""
    return cast(str, action.target)


class _Answers:
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
                        self.replies[_target(action)].append(action)
                        continue  # a reply in another thread answers that thread only
                    if kind is ActionKind.QUOTE:
                        self.acknowledged.add(_target(action))
                    for mentioned in timeline.text(_post(action)).mentions:
                        self.mentioning[mentioned].append(action)
            for message in by(account_id, ActionKind.MESSAGE):
                self.mentioning[_target(message)].append(message)  # answered privately
            for kind in (ActionKind.LIKE, ActionKind.REPOST):
                self.acknowledged.update(_target(a) for a in by(account_id, kind))
        for index in (self.replies, self.mentioning):
            for actions in index.values():
                actions.sort(key=lambda a: (a.at, a.id))
        self.mention_times = {key: [a.at for a in acts] for key, acts in self.mentioning.items()}

    def first(self, timeline: Timeline, mention: Action, until: datetime) -> Action | None:
        """The subject's first answer to ``mention`` before ``until``: a reply to the post or
        to a reply in its thread, a new post or quote mentioning its author, or a direct
        message to its author."""
        candidates: list[Action] = []
        post = _post(mention)
        thread = [post.id, *(_post(r).id for r in timeline.replies_to(post.id))]
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
                for reply in timeline.replies_to(_post(own_post).id):
                    found[reply.id] = reply
    return sorted(
        (a for a in found.values() if a.actor not in own and not _closing_word(timeline, a, own)),
        key=lambda a: (a.at, a.id),
    )


def _closing_word(timeline: Timeline, action: Action, own: frozenset[str]) -> bool:
    """Whether ``action`` answers the subject's own answer to its author without asking
    anything more ("thanks!"): the conversation was answered, the last word is theirs."""
    if action.kind is not ActionKind.REPLY or "?" in _post(action).text:
        return False
    parent = timeline.post(_target(action))
    if parent is None or parent.author not in own or parent.in_reply_to is None:
        return False
    grandparent = timeline.post(parent.in_reply_to)
    return grandparent is not None and grandparent.author == action.actor


def response_time(ctx: CheckContext, network: str) -> timedelta:
    """The network profile's expected response time, else the configured default (noted)."""
    profile = ctx.profile(network)
    if profile is not None:
        return profile.response_time
    hours = ctx.option("SN501", "default_response_hours", network)
    ctx.note(
        f"no profile for network {network!r} is installed; "
        f"expected response time {hours:g} hours (option default_response_hours)."
    )
    return timedelta(hours=hours)


@attrs.frozen(slots=True)
class _Inbox:
    """What a subject received on one network since a moment, and which of it the
    history answers: enough to review a draft, built from the indexes of that stretch."""

    received: tuple[Action, ...]
    """Mentions and replies from genuine accounts, in time order."""
    times: tuple[datetime, ...]
    answer: dict[str, Action | None]
    """The first answer of each mention (by action id) within the answer window."""
    by_post: dict[str, Action]
    by_author: dict[str, list[Action]]
    answers: _Answers


def _inbox(
    ctx: CheckContext,
    subject: str,
    account_ids: tuple[str, ...],
    since: datetime,
    until: datetime,
    horizon: timedelta,
) -> _Inbox:
    """As the check reads the mentions (``incoming``, spam left out, ``_Answers.first``),
    for the mentions from ``since`` to ``until`` only."""
    timeline = ctx.timeline
    own = frozenset(a.id for a in timeline.accounts_of(subject))
    found: dict[str, Action] = {}
    for account_id in account_ids:
        found.update((a.id, a) for a in _between(timeline.mentions_of(account_id), since, until))
    for reply in _between(timeline.by_kind(ActionKind.REPLY), since, until):
        parent = timeline.post_action(_target(reply))
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
                if a.actor not in own and not _closing_word(timeline, a, own) and genuine(a.actor)
            ),
            key=lambda a: (a.at, a.id),
        )
    )
    answers = _Answers(timeline, account_ids, since)
    by_author: dict[str, list[Action]] = defaultdict(list)
    for action in received:
        by_author[action.actor].append(action)
    return _Inbox(
        received=received,
        times=tuple(a.at for a in received),
        answer={a.id: answers.first(timeline, a, a.at + horizon) for a in received},
        by_post={_post(a).id: a for a in received},
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


def _answered_by(
    timeline: Timeline, inbox: _Inbox, draft: Action, horizon: timedelta
) -> list[Action]:
    """The mentions the draft would be the first answer to, as :meth:`_Answers.first`
    judges answers: a reply in their thread, or the next post, quote or message to
    their author."""
    candidates: list[Action] = []
    if draft.kind is ActionKind.REPLY:
        parent = timeline.post(_target(draft))
        for post_id in (draft.target, parent.in_reply_to if parent is not None else None):
            if post_id in inbox.by_post:
                candidates.append(inbox.by_post[post_id])
    else:
        if draft.kind is ActionKind.MESSAGE:
            authors = [_target(draft)]
        elif draft.kind in (ActionKind.POST, ActionKind.QUOTE):
            authors = list(timeline.text(_post(draft)).mentions)
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


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge when a draft answers a mention later than the network expects, and when
    a post, quote or repost would go out while people wait for an answer past it (SN501).
    The response rate (SN502) is a habit no single draft of the account lowers."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or not ctx.enabled("SN501"):
        return
    network = timeline.network_of(draft.actor)
    account_ids = subject_networks(timeline, subject).get(network, (draft.actor,))
    expected = response_time(ctx, network)
    horizon = max(timedelta(days=ctx.option("SN502", "answer_window_days", network)), expected)
    inbox = _inbox(ctx, subject, account_ids, draft.at - horizon, draft.at, horizon)
    hours = expected.total_seconds() / 3600
    answered = _answered_by(timeline, inbox, draft, horizon)
    for mention in answered:
        delay = draft.at - mention.at
        if delay <= expected:
            continue
        who = _who(timeline, mention.actor)
        yield ctx.finding(
            "SN501",
            subject=subject,
            account=_addressed(timeline, mention, account_ids),
            network=network,
            message=(
                f"This {draft.kind.value} answers {who} "
                f'("{_snippet(_post(mention).text)}") '
                f"{delay.total_seconds() / 3600:.0f} hours after "
                f"they wrote; people expect an answer within {hours:g} hours."
            ),
            suggestion=f"Thank {who} for waiting, and check mentions at least every {hours:g} hours.",
            evidence=[mention.id, draft.id],
            metrics={
                "author": mention.actor,
                "expected_hours": hours,
                "hours_to_answer": round(delay.total_seconds() / 3600, 1),
            },
            at=mention.at,
        )
    if draft.kind not in (ActionKind.POST, ActionKind.QUOTE, ActionKind.REPOST):
        return
    start = bisect.bisect_left(inbox.times, draft.at - horizon)
    stop = bisect.bisect_right(inbox.times, draft.at - expected)
    waiting = [
        m for m in inbox.received[start:stop] if inbox.answer[m.id] is None and m not in answered
    ]
    if not waiting:
        return
    names = ", ".join(dict.fromkeys(_who(timeline, m.actor) for m in waiting[:5]))
    names += ", …" if len(waiting) > 5 else ""
    people = "person has" if len(waiting) == 1 else "people have"
    yield ctx.finding(
        "SN501",
        subject=subject,
        account=draft.actor,
        network=network,
        message=(
            f"{len(waiting)} {people} waited more than {hours:g} hours for an answer ({names}); "
            f"this {draft.kind.value} would go out before they hear back."
        ),
        suggestion=f"Answer {names} first, even briefly; then post.",
        evidence=[m.id for m in waiting],
        metrics={
            "waiting": len(waiting),
            "expected_hours": hours,
            "oldest_hours": round((draft.at - waiting[0].at).total_seconds() / 3600, 1),
        },
        at=draft.at,
    )


@check_function(GUIDELINE, RULES, review=review_draft)
def respond_to_mentions(ctx: CheckContext) -> Iterator[Finding]:
    """Unanswered mentions and the response rate, per subject and network."""
    timeline = ctx.timeline
    end = timeline.end
    looks_like_spam = SpamJudge(timeline)
    for subject in timeline.subjects:
        own = frozenset(a.id for a in timeline.accounts_of(subject))
        for network, account_ids in subject_networks(timeline, subject).items():
            received = [
                a for a in incoming(timeline, account_ids, own) if not looks_like_spam(a.actor)
            ]
            if not received or end is None:  # never None: the data holds these actions
                continue
            expected = response_time(ctx, network)
            window = timedelta(days=ctx.option("SN502", "answer_window_days", network))
            answers = _Answers(timeline, account_ids)
            due: list[Mention] = []
            pending = 0
            for action in received:
                answer = answers.first(timeline, action, action.at + max(window, expected))
                if answer is None and end - action.at < expected:
                    pending += 1  # the data ends before the answer was due
                    continue
                due.append(Mention(action, answer, _post(action).id in answers.acknowledged))
            yield from _judge(ctx, subject, network, account_ids, due, pending, expected)


def _who(timeline: Timeline, account_id: str) -> str:
    account = timeline.account(account_id)
    return account.handle if account is not None and account.handle else account_id


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _addressed(timeline: Timeline, action: Action, account_ids: tuple[str, ...]) -> str:
    """Which of the subject's accounts a mention or reply was aimed at."""
    parent = (
        timeline.post(action.target) if action.kind is ActionKind.REPLY and action.target else None
    )
    if parent is not None and parent.author in account_ids:
        return parent.author
    mentioned = [m for m in timeline.text(_post(action)).mentions if m in account_ids]
    return mentioned[0] if mentioned else account_ids[0]


def _judge(
    ctx: CheckContext,
    subject: str,
    network: str,
    account_ids: tuple[str, ...],
    due: list[Mention],
    pending: int,
    expected: timedelta,
) -> Iterator[Finding]:
    answered = [m for m in due if m.answer is not None]
    on_time = [m for m in answered if cast(timedelta, m.delay) <= expected]
    acknowledged_only = [m for m in due if m.answer is None and m.acknowledged]
    median = median_minutes(cast(timedelta, m.delay) for m in answered)
    rate = len(answered) / len(due) if due else None
    if rate is not None:
        ctx.measure(subject, network, "response_rate", round(rate, 3))
        ctx.measure(subject, network, "on_time_rate", round(len(on_time) / len(due), 3))
    if median is not None:
        ctx.measure(subject, network, "median_response_minutes", median)
    ctx.measure(subject, network, "mentions", len(due))
    ctx.measure(subject, network, "answered", len(answered))
    ctx.measure(subject, network, "acknowledged_only", len(acknowledged_only))
    ctx.measure(subject, network, "pending", pending)
    hours = expected.total_seconds() / 3600
    missed = [m for m in due if m.answer is None or cast(timedelta, m.delay) > expected]
    if ctx.enabled("SN501"):
        for m in missed:
            action = m.action
            late = (
                f"answered only after {cast(timedelta, m.delay).total_seconds() / 3600:.0f} hours"
                if m.answer
                else "never answered"
            )
            like = (
                "; it was liked or reposted, which acknowledges but does not answer"
                if m.acknowledged and not m.answer
                else ""
            )
            yield ctx.finding(
                "SN501",
                subject=subject,
                account=_addressed(ctx.timeline, action, account_ids),
                network=network,
                message=(
                    f"{_who(ctx.timeline, action.actor)} "
                    f"{'replied to' if action.kind is ActionKind.REPLY else 'mentioned'} the account "
                    f'("{_snippet(_post(action).text)}") and was {late} '
                    f"(expected within {hours:g} hours){like}."
                ),
                suggestion=(
                    f"Reply to {_who(ctx.timeline, action.actor)}, even briefly, "
                    f"and within {hours:g} hours next time."
                ),
                evidence=[action.id] + ([m.answer.id] if m.answer else []),
                metrics={
                    "author": action.actor,
                    "expected_hours": hours,
                    "hours_to_answer": round(cast(timedelta, m.delay).total_seconds() / 3600, 1)
                    if m.answer
                    else None,
                    "acknowledged": m.acknowledged,
                },
                at=action.at,
            )
    if not ctx.enabled("SN502") or rate is None:
        return
    if len(due) < ctx.option("SN502", "min_mentions", network):
        return
    if rate >= ctx.option("SN502", "threshold", network):
        return
    severity = (
        Severity.ERROR
        if rate < ctx.option("SN502", "error_threshold", network)
        else Severity.WARNING
    )
    unanswered = [m for m in due if m.answer is None]
    timing = (
        f"; the answers came after a median of {median:g} minutes" if median is not None else ""
    )
    yield ctx.finding(
        "SN502",
        subject=subject,
        account=account_ids[0] if len(account_ids) == 1 else None,
        network=network,
        message=(
            f"Answered {len(answered)} of {len(due)} mentions and replies from genuine accounts "
            f"({percent(rate)}){timing}; {len(acknowledged_only)} got only a like or repost."
        ),
        suggestion=(
            f"Go through the {len(unanswered)} unanswered mentions and reply; then check "
            f"mentions at least every {hours:g} hours, and answer rather than only like or repost."
        ),
        evidence=[m.action.id for m in unanswered],
        metrics={
            "mentions": len(due),
            "answered": len(answered),
            "on_time": len(on_time),
            "acknowledged_only": len(acknowledged_only),
            "response_rate": round(rate, 3),
            "median_response_minutes": median,
            "pending": pending,
        },
        severity=severity,
    )


@hookimpl
def register_checks(register) -> None:
    register(respond_to_mentions)
