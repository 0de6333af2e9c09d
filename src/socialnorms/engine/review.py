"""Nudge before posting: judge one draft action against an indexed history.

A :class:`Reviewer` holds a history (a Timeline, or files read as
:meth:`Checker.read <socialnorms.Checker.read>` reads them) and keeps it warm::

    reviewer = Reviewer("acme.jsonl")
    for nudge in reviewer(draft):          # what posting the draft would cause
        print(nudge.message, nudge.suggestion)
    reviewer.add(draft)                    # it was posted: the history grows

Each check that has the incremental form (``review``, see
:class:`~socialnorms.core.checks.ReviewingCheck`) judges the draft; a check without it
is skipped with a note in :attr:`Reviewer.notes`.

Reviews may run in several threads at once; :meth:`Reviewer.add` waits until the
reviews under way are done and holds new ones back while it changes the history
(a readers-writer lock), so a review sees the history either before or after an
add, never half of it.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Collection, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from ..core.checks import Check, CheckContext, Finding, Rule, can_review
from ..core.config import Config
from ..core.models import Action
from ..core.timeline import Timeline
from .checker import Checker
from .plugins import get_plugin_manager
from .registry import RegisteredRule, Registry

__all__ = ["Reviewer", "agrees", "habit_codes"]

History = Timeline | str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def habit_codes(rules: Iterable[Rule | RegisteredRule]) -> frozenset[str]:
    """The codes of the rules (or registered rules) that judge a habit over a window
    of many actions (:attr:`Rule.habit <socialnorms.Rule.habit>`)."""
    return frozenset(
        rule.code
        for item in rules
        if (rule := item.rule if isinstance(item, RegisteredRule) else item).habit
    )


def _installed_habits() -> frozenset[str]:
    """:func:`habit_codes` of the rules of the shared plugin manager (every installed plugin)."""
    return habit_codes(Registry(get_plugin_manager()).rules.values())


def agrees(nudge: Finding, finding: Finding, habits: Collection[str] | None = None) -> bool:
    """Whether ``finding`` (from ``check`` of the history plus the draft) is the finding
    ``nudge`` (from a review of the draft) announced.

    They agree when they have the same ``code``, ``subject`` and ``network`` and,
    unless the rule judges a habit, ``finding``'s evidence holds the first evidence
    of ``nudge`` (the draft itself, or the action the draft leaves waiting, such as
    an unanswered mention). A habit rule's nudge names the window ending with the
    draft, which need not be the window ``check`` reports, so its evidence is not
    compared.

    ``habits`` are the codes of the rules that judge a habit: pass
    :attr:`Reviewer.habits` (the rules of the reviewer's checker with
    :attr:`Rule.habit <socialnorms.Rule.habit>`). By default they are those of
    every installed plugin's rules.
    """
    if (nudge.code, nudge.subject, nudge.network) != (
        finding.code,
        finding.subject,
        finding.network,
    ):
        return False
    if not nudge.evidence:
        return True
    if habits is None:
        habits = _installed_habits()
    return nudge.code in habits or nudge.evidence[0] in finding.evidence


def __getattr__(name: str) -> frozenset[str]:
    if name == "HABIT_RULES":
        warnings.warn(
            "socialnorms.engine.review.HABIT_RULES is deprecated: rules say it themselves "
            "(Rule.habit); use Reviewer.habits or habit_codes(rules)",
            DeprecationWarning,
            stacklevel=2,
        )
        return _installed_habits()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _ReadWriteLock:
    """Many readers at once, or one writer; a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            while self._writing or self._writers_waiting:
                self._condition.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                if not self._readers:
                    self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._condition.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class Reviewer:
    """Reviews draft actions against a history before they are posted.

    ``history`` is a :class:`~socialnorms.Timeline` (the Reviewer adds to it from
    then on: give it one you no longer change yourself), a path or a list of paths.
    ``checker`` gives the plugins and configuration (default: every installed
    plugin, ``config``); the configuration's rule selection applies to reviews as
    to checks.

    Calling the Reviewer with a draft returns the findings posting it would cause
    or make worse, sorted as a report sorts them; :meth:`add` records what was
    actually posted. Building it reads and indexes the history once; each check's
    costly summaries are computed at the first review that needs them and kept
    until an added action concerns them (see :meth:`CheckContext.cached
    <socialnorms.CheckContext.cached>`).
    """

    def __init__(
        self,
        history: History,
        *,
        checker: Checker | None = None,
        config: Config | None = None,
        tolerant: bool = False,
    ) -> None:
        self.checker = checker or Checker(config=config)
        #: Codes of the checker's rules that judge a habit over a window
        #: (:attr:`Rule.habit <socialnorms.Rule.habit>`): pass them to :func:`agrees`.
        self.habits: frozenset[str] = habit_codes(self.checker.registry.rules.values())
        if isinstance(history, Timeline):
            timeline = history
        else:
            timeline, _skipped = self.checker.read(history, tolerant=tolerant)
        self._timeline = timeline
        self._lock = _ReadWriteLock()
        self._cache: dict[Hashable, object] = {}
        self._about: dict[str | None, set[Hashable]] = {}
        self._about_lock = threading.Lock()
        self._notes: dict[str, None] = {}
        self._notes_lock = threading.Lock()
        self._checks: list[tuple[Check, str]] = []
        config = self.checker.config
        for check, plugin in self.checker.registry.checks:
            if not any(
                config.selects(rule.code, check.guideline, name=rule.name) for rule in check.rules
            ):
                continue
            if can_review(check):
                self._checks.append((check, plugin))
            else:
                self._note(
                    f"{check.guideline}: check of plugin {plugin!r} has no review (the incremental "
                    "form), so drafts are not judged against it; run a full check for it"
                )

    @property
    def timeline(self) -> Timeline:
        """The history, with every added action. Read it when no :meth:`add` runs."""
        return self._timeline

    @property
    def notes(self) -> tuple[str, ...]:
        """What the reviews could not judge: checks without a review, networks
        without a profile, drafts by accounts of no subject."""
        with self._notes_lock:
            return tuple(self._notes)

    def _note(self, text: str) -> None:
        with self._notes_lock:
            self._notes.setdefault(text, None)

    def __call__(self, draft: Action) -> list[Finding]:
        """The findings posting ``draft`` would cause or make worse, each a nudge with
        its suggestion; ``[]`` for a considerate draft.

        Raises :class:`ValueError` when the history already holds an action with the
        draft's id (a posted action is added with :meth:`add`, not reviewed).
        """
        draft = self.checker._canonical_post_network(draft)
        checker = self.checker
        found: list[Finding] = []
        with self._lock.reading():
            timeline = self._timeline
            if timeline.action(draft.id) is not None:
                raise ValueError(
                    f"action.id: {draft.id!r} is already in the history; a draft needs a new id"
                )
            if timeline.subject_of(draft.actor) is None:
                self._note(
                    f"drafts by {draft.actor} are not reviewed: it is not an account of any subject"
                )
                return []
            for check, plugin in self._checks:
                ctx = CheckContext(
                    timeline,
                    check=check,
                    networks=checker.registry.networks,
                    config=checker.config,
                    topics=checker.topics,
                    draft=draft,
                    cache=self._cache,
                    depends=self._depends,
                )
                found.extend(checker._run(check, plugin, ctx))
                for text in ctx.notes:
                    self._note(f"{check.guideline}: {text}")
        found.sort(key=Finding.sort_key)
        return found

    def add(self, action: Action) -> None:
        """Record an action that was posted (or happened): the history grows by it,
        each index updated in place, and later reviews see it.

        Raises :class:`ValueError`, and changes nothing, when the id is taken or the
        action's post conflicts with a known one.
        """
        action = self.checker._canonical_post_network(action)
        with self._lock.writing():
            self._timeline.append(action)
            for name in (*self._concerned(action), None):
                for key in self._about.pop(name, ()):
                    self._cache.pop(key, None)

    def _depends(self, key: Hashable, about: Iterable[str] | None) -> None:
        """Remember which accounts or subjects a cached value is about (``None``: all)."""
        with self._about_lock:
            for name in (None,) if about is None else about:
                self._about.setdefault(name, set()).add(key)

    def _concerned(self, action: Action) -> set[str]:
        """The accounts and subjects an added action concerns (see ``CheckContext.cached``)."""
        timeline = self._timeline
        names = {action.actor}
        if action.target is not None:
            names.add(action.target)
            parent = timeline.post(action.target)
            if parent is not None and parent.author:
                names.add(parent.author)
        if action.post is not None:
            if action.post.author:
                names.add(action.post.author)
            names.update(timeline.text(action.post.id).mentions)
        names.update(
            {subject for name in names if (subject := timeline.subject_of(name)) is not None}
        )
        return names

    def __repr__(self) -> str:
        return f"<Reviewer {len(self._timeline)} actions, {len(self._checks)} reviewing checks>"
