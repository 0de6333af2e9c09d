"""Partitioning a timeline by subject: the slice of the data one subject's checks read.

Checking every partition on its own and merging the runs gives the findings,
measurements and notes of checking the whole timeline at once; this is what
``socialnorms check --jobs N``, :mod:`socialnorms.engine.dask` and the Spark recipe in
``docs/scaling.md`` build on.

The partition of a subject holds

- **every account record** of the timeline (they are few next to the actions, and
  mentions resolve to the same accounts only when every handle is known);
  accounts of other subjects lose their ``subject``, so that the checks judge the
  partition's subjects only;
- the **subject's own actions**, and the actions **aimed at its accounts** (follows,
  invitations, acceptances, messages) or **at its posts** (replies, quotes,
  reposts, likes), and the posts, replies and quotes that **mention** its accounts;
- the replies to those mentions and replies (the threads an answer may land in),
  the posts its actions share or answer, and the post a cross-post copies with
  the post that one answers;
- what the checks read of the accounts it interacted with: of accounts that
  mention it or reply to it (is the mention from spam?) and of accounts it still
  follows (does it follow spam?), their first action and their posts, replies
  and quotes; of accounts it invited or that accepted its invitations (what do
  their bio and posts say?), every action;
- for every post in the partition, every action that carries that post, so a
  post reads exactly as in the whole timeline (copies of one post are merged);
- the first and last action of the whole timeline, so that "the data ends here"
  is the same moment (answers not yet due are pending, not missing).

Actions of accounts without a subject are in the partitions of the subjects they
concern and nowhere else: the built-in checks judge subjects only, and never yield
a finding without one. A plugin check that judges the whole timeline (a finding
with no subject) sees only one partition at a time; such findings are kept once
(see :func:`merge_runs`), and a check that needs every action at once should be
run without partitioning. A timeline without subjects is one partition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ..core.models import _ACCOUNT_TARGETS, _CREATING, _POST_TARGETS, Account, Action, ActionKind
from ..core.timeline import Timeline, _action_order
from ..io import CoverageStatement, InputError
from ..io.activity import (
    _BadRecord,
    account_record,
    action_record,
    header_coverage,
    parse_account,
    parse_action,
)
from .checker import CheckRun

__all__ = [
    "Parsed",
    "Partition",
    "Partitioner",
    "merge_runs",
    "parse_records",
    "partitions",
    "subject_groups",
]


def _subjects(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _accounts(values: Iterable[Account]) -> tuple[Account, ...]:
    return tuple(values)


def _actions(values: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Partition:
    """The slice of a timeline that the checks of ``subjects`` read.

    Values pickle, so a partition can be sent to another process as it is; or
    written as activity records with :meth:`records`.
    """

    subjects: tuple[str, ...] = attrs.field(converter=_subjects)
    accounts: tuple[Account, ...] = attrs.field(converter=_accounts)
    actions: tuple[Action, ...] = attrs.field(converter=_actions)

    def records(self) -> Iterator[dict[str, Any]]:
        """The partition as activity-format records: accounts, then actions in time order."""
        for account in self.accounts:
            yield account_record(account)
        for action in self.actions:
            yield action_record(action)

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], name: str = "records") -> Partition:
        """A partition from its activity records, in any order (as :meth:`records`
        writes them); its subjects are those its accounts name."""
        parsed = parse_records(records, name)
        subjects = sorted({a.subject for a in parsed.accounts if a.subject is not None})
        return cls(subjects, parsed.accounts, parsed.actions)

    def __len__(self) -> int:
        return len(self.actions)


@attrs.frozen(slots=True)
class Parsed:
    """The accounts, actions and coverage statements of some activity records."""

    accounts: tuple[Account, ...]
    actions: tuple[Action, ...]
    coverage: tuple[CoverageStatement, ...] = ()


def parse_records(records: Iterable[Mapping[str, Any]], name: str = "records") -> Parsed:
    """Accounts and actions from activity-format records (dictionaries), and the
    coverage statements of a header record.

    Raises :class:`~socialnorms.io.InputError` naming ``name``, the record's number
    (from 1) and the field, as reading a file does.
    """
    accounts: list[Account] = []
    actions: list[Action] = []
    coverage: list[CoverageStatement] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            raise InputError(
                name, number, "record", f"expected an object, got {type(record).__name__}"
            )
        kind = record.get("type")
        try:
            if kind == "action":
                actions.append(parse_action(record))
            elif kind == "account":
                accounts.append(parse_account(record))
            elif kind == "header":
                coverage.extend(header_coverage(record))
            else:
                raise _BadRecord("type", f'expected "account" or "action", got {kind!r}')
        except _BadRecord as bad:
            raise InputError(name, number, bad.field, bad.problem) from None
    return Parsed(tuple(accounts), tuple(actions), tuple(coverage))


class Partitioner:
    """Cuts one timeline into partitions; indexes the timeline's posts once.

    ::

        partitioner = Partitioner(timeline)
        part = partitioner.partition(["acme"])
    """

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        carriers: dict[str, list[Action]] = defaultdict(list)
        for action in timeline.actions:
            if action.post is not None:
                carriers[action.post.id].append(action)
        authored: dict[str, list[str]] = defaultdict(list)
        for post in timeline.posts.values():
            if post.author is not None:
                authored[post.author].append(post.id)
        self._carriers = carriers
        self._authored = authored

    def actions_of(self, subject: str) -> dict[str, Action]:
        """The actions the checks of ``subject`` read, by id (see the module's docs)."""
        timeline = self.timeline
        own = [account.id for account in timeline.accounts_of(subject)]
        own_set = frozenset(own)
        chunks: list[Sequence[Action]] = []  # what is taken, deduplicated at the end
        take = chunks.append
        posts: set[str] = set()  # posts read: every action carrying them is taken
        counterparts: set[str] = set()  # accounts whose every action is taken
        judged: set[str] = set()  # accounts judged as spam or not: their first action and posts

        own_posts: set[str] = set()
        for account_id in own:
            mine = timeline.by_actor(account_id)
            take(mine)
            for action in mine:
                kind = action.kind
                if action.post is not None and kind in _CREATING:
                    own_posts.add(action.post.id)
                target = action.target
                if kind in _POST_TARGETS:
                    assert target is not None  # an Action aimed at a post has a target
                    posts.add(target)
                elif kind is ActionKind.INVITE:
                    assert target is not None  # an Action aimed at an account has a target
                    counterparts.add(target)
                elif kind is ActionKind.FOLLOW:
                    assert target is not None  # an Action aimed at an account has a target
                    if timeline.follows(account_id, target):
                        judged.add(target)
            for kind in _ACCOUNT_TARGETS:
                aimed = timeline.aimed_at(account_id, kind)
                take(aimed)
                if kind is ActionKind.ACCEPT:
                    counterparts.update(action.actor for action in aimed)
            take(timeline.mentions_of(account_id))
            own_posts.update(self._authored.get(account_id, ()))
        incoming = [action for account_id in own for action in timeline.mentions_of(account_id)]
        for post_id in own_posts:
            for kind in _POST_TARGETS:
                take(timeline.aimed_at(post_id, kind))
            incoming.extend(timeline.replies_to(post_id))
            post = timeline.post(post_id)
            if post is not None:
                posts.update(p for p in (post.in_reply_to, post.quotes, post.crosspost_of) if p)
                if post.crosspost_of:
                    posts.update(self._parents(post.crosspost_of))
        posts.update(own_posts)
        for action in incoming:
            if action.actor not in own_set:
                judged.add(action.actor)
                assert action.post is not None  # mentions and replies create posts
                take(timeline.replies_to(action.post.id))
        for account_id in counterparts - own_set:
            take(timeline.by_actor(account_id))
        for account_id in judged - counterparts - own_set:
            acted = timeline.by_actor(account_id)
            take(acted[:1])
            for kind in _CREATING:
                take(timeline.by_actor(account_id, kind))
        if timeline.actions:
            take((timeline.actions[0], timeline.actions[-1]))
        found = {action.id: action for chunk in chunks for action in chunk}
        posts.update(action.post.id for action in found.values() if action.post is not None)
        carriers = self._carriers
        found.update(
            (action.id, action) for post_id in posts for action in carriers.get(post_id, ())
        )
        return found

    def _parents(self, post_id: str) -> set[str]:
        """The posts that ``post_id`` (a post a cross-post copies) answers or quotes."""
        post = self.timeline.post(post_id)
        found = {p for p in (post.in_reply_to, post.quotes) if p} if post is not None else set()
        original = self.timeline.post_action(post_id)
        if original is not None and original.target is not None:
            found.add(original.target)
        return found

    def accounts_for(self, subjects: Iterable[str]) -> tuple[Account, ...]:
        """Every account record; those of subjects not in ``subjects`` lose their subject."""
        wanted = frozenset(subjects)
        return tuple(
            account
            if account.subject is None or account.subject in wanted
            else attrs.evolve(account, subject=None)
            for account in self.timeline.accounts.values()
        )

    def partition(self, subjects: Iterable[str]) -> Partition:
        """One partition for several subjects: the union of their slices.

        No subjects, on a timeline without any, is the whole timeline.
        """
        subjects = tuple(sorted(set(subjects)))
        if not subjects and not self.timeline.subjects:
            return Partition((), self.timeline.accounts.values(), self.timeline.actions)
        found: dict[str, Action] = {}
        for subject in subjects:
            found.update(self.actions_of(subject))
        actions = sorted(found.values(), key=_action_order)
        return Partition(subjects, self.accounts_for(subjects), actions)

    def groups(self, parts: int | None = None) -> list[tuple[str, ...]]:
        """:func:`subject_groups` of the timeline."""
        return subject_groups(self.timeline, parts)

    def partitions(self, parts: int | None = None) -> list[Partition]:
        """Partitions of every subject, in subject order (see :meth:`groups`)."""
        return [self.partition(group) for group in self.groups(parts)]


def subject_groups(timeline: Timeline, parts: int | None = None) -> list[tuple[str, ...]]:
    """The subjects in sorted order, cut into at most ``parts`` runs of neighbours
    with about equal activity (default: every subject alone). A timeline without
    subjects is one group of none."""
    subjects = timeline.subjects
    if not subjects:
        return [()]
    if parts is None or parts >= len(subjects):
        return [(subject,) for subject in subjects]
    weights = [_weight(timeline, subject) for subject in subjects]
    total = sum(weights)
    groups: list[tuple[str, ...]] = []
    group: list[str] = []
    size = 0
    for subject, weight in zip(subjects, weights, strict=False):
        group.append(subject)
        size += weight
        if len(groups) < parts - 1 and size * parts >= total * (len(groups) + 1):
            groups.append(tuple(group))
            group = []
    if group:
        groups.append(tuple(group))
    return groups


def _weight(timeline: Timeline, subject: str) -> int:
    """About how much checking a subject takes: its own and incoming activity."""
    return (
        sum(
            len(timeline.by_actor(a.id)) + len(timeline.mentions_of(a.id))
            for a in timeline.accounts_of(subject)
        )
        + 1
    )


def partitions(timeline: Timeline, parts: int | None = None) -> list[Partition]:
    """The partitions of ``timeline`` by subject; see :meth:`Partitioner.partitions`."""
    return Partitioner(timeline).partitions(parts)


def merge_runs(parts: Sequence[Sequence[CheckRun]]) -> list[CheckRun]:
    """Merge the check runs of partitions (given in subject order) into the runs of
    the whole timeline.

    Every partition ran the same checks in the same order. Findings and
    measurements are joined; notes keep the order of their first appearance, as a
    check's notes do in one run. A finding without a subject (made by a check that
    judges the whole timeline) is kept once.

    A check that failed in some partition failed on the whole timeline too, at the
    first failing subject: it keeps that partition's error as its only finding,
    and the measurements and notes it made up to there.
    """
    if not parts:
        return []
    merged: list[CheckRun] = []
    for index, first in enumerate(parts[0]):
        runs = [part[index] for part in parts]
        if any(run.guideline != first.guideline for run in runs):
            raise ValueError("merge_runs: the partitions did not run the same checks")
        failed = next((position for position, run in enumerate(runs) if run.failed), None)
        if failed is not None:
            runs = runs[: failed + 1]
            findings: Iterable[Any] = runs[-1].findings
        else:
            findings = [f for run in runs for f in run.findings if f.subject is not None]
            findings.extend(
                dict.fromkeys(f for run in runs for f in run.findings if f.subject is None)
            )
        notes = dict.fromkeys(note for run in runs for note in run.notes)
        measurements = [m for run in runs for m in run.measurements]
        merged.append(
            CheckRun(
                first.guideline,
                tuple(findings),
                tuple(notes),
                tuple(measurements),
                failed is not None,
            )
        )
    return merged
