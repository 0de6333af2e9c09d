"""What every reader of a network's export shares: collecting accounts and actions,
locating bad records, honouring tolerant reading, and stating what the export holds
of each kind of data.

A reader makes one :class:`ExportReading`, feeds it what it finds and returns
:meth:`ExportReading.result`. Bad records raise a located
:class:`~socialnorms.io.InputError` (strict) or are skipped and listed (tolerant).
"""

from __future__ import annotations

import fnmatch
import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import attrs

from ..core.models import Account, Action
from . import (
    Coverage,
    CoverageStatement,
    DataCoverage,
    InputError,
    ReadOptions,
    ReadResult,
    SkippedRecord,
)
from .archive import Archive

__all__ = ["UNKNOWN_FILE", "ExportReading", "bad", "html_to_text", "parse_time", "require"]


class ExportReading:
    """Accounts and actions read from one export, with its skipped records and coverage."""

    def __init__(self, network: str, options: ReadOptions) -> None:
        self.network = network
        self.options = options
        self.accounts: dict[str, Account] = {}
        self.actions: list[Action] = []
        self.skipped: list[SkippedRecord] = []
        self.coverage: list[CoverageStatement] = []
        self._action_ids: set[str] = set()

    def fail(self, file: str, line: int | None, field: str | None, problem: str) -> None:
        """A bad record: raise (strict) or skip and list it (tolerant)."""
        if not self.options.tolerant:
            raise InputError(file, line, field, problem)
        self.skipped.append(SkippedRecord(file, line, field, problem))

    @contextmanager
    def record(self, file: str, line: int | None = None) -> Iterator[None]:
        """Read one record: a ``field: problem`` error inside becomes a located one."""
        try:
            yield
        except _Bad as bad:
            self.fail(file, line, bad.field, bad.problem)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, InputError):
                raise
            field, problem = _split(exc)
            self.fail(file, line, field, problem)

    def account(self, account_id: str, **fields: Any) -> str:
        """Add an account (or fill what an earlier copy lacked); return its id."""
        known = self.accounts.get(account_id)
        if known is None:
            self.accounts[account_id] = Account(id=account_id, network=self.network, **fields)
        else:
            missing = {
                k: v for k, v in fields.items() if v is not None and getattr(known, k) in (None, ())
            }
            if missing:
                self.accounts[account_id] = attrs.evolve(known, **missing)
        return account_id

    def act(self, kind: str, actor: str, at: datetime, **fields: Any) -> Action:
        """Add an action; an id already used is made unique with a suffix."""
        action = Action(kind=kind, actor=actor, at=at, **fields)
        if action.id in self._action_ids:
            number = 2
            while f"{action.id}~{number}" in self._action_ids:
                number += 1
            action = attrs.evolve(action, id=f"{action.id}~{number}")
        self._action_ids.add(action.id)
        self.actions.append(action)
        return action

    def owner_unknown(self, file: str, looked_in: str) -> InputError:
        """The error when nothing in the export says whose it is: ``looked_in`` names
        the files that would have said, and the message the option that does."""
        return InputError(
            file,
            None,
            None,
            f"no {looked_in} says whose export this is; name its owner with --owner NAME "
            "(ReadOptions(owner=...) from Python)",
        )

    def holds(self, data: str, level: str, reason: str) -> None:
        """State how much of the kind of data ``data`` (``followers``, see
        :data:`~socialnorms.core.ruleparts.DATA_KINDS`) this export holds: ``full``,
        ``partial`` or ``none``, and why. Kinds left unstated are taken as full."""
        self.coverage.append(DataCoverage(data, level, reason))

    def cover(self, guideline: str, level: str, reason: str) -> None:
        """State what this export lets ``guideline`` judge; prefer :meth:`holds`, which
        reaches every guideline whose rules need the data, a plugin's too."""
        self.coverage.append(Coverage(guideline, level, reason))

    def account_for(self, archive: Archive, known: Mapping[str, str]) -> None:
        """Name in the coverage every member of ``archive`` that was not read, and why.

        ``known`` maps patterns of member paths (``fnmatch``, e.g. ``data/ad-*.js``
        or ``*.jpg``) to why such files are left out; a member no pattern matches is
        left out as a file this reader does not know. One statement per reason; a
        folder holding more than a few left-out files is named once, with a count.
        """
        by_reason: dict[str, list[str]] = defaultdict(list)
        for name in archive.names():
            if name in archive.read_names:
                continue
            reason = next(
                (why for pattern, why in known.items() if fnmatch.fnmatchcase(name, pattern)),
                UNKNOWN_FILE,
            )
            by_reason[reason].append(name)
        for reason, names in sorted(by_reason.items()):
            self.cover("all", "partial", f"left out {_listed(names)}: {reason}")

    def result(self) -> ReadResult:
        return ReadResult(
            accounts=sorted(self.accounts.values(), key=lambda a: a.id),
            actions=sorted(self.actions, key=lambda a: (a.at, a.id)),
            skipped=self.skipped,
            coverage=self.coverage,
        )


UNKNOWN_FILE = "not a file this reader knows"
"""Why a member no reader pattern names is left out."""

_FOLDER_AT = 4
"""A folder holding this many left-out files of one reason is named once, with a count."""


def _listed(names: list[str]) -> str:
    """``a.js, b.js`` or ``media/ (120 files)`` for the members ``names``."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_folder[name.rpartition("/")[0]].append(name)
    parts: list[str] = []
    for folder, members in sorted(by_folder.items()):
        if folder and len(members) >= _FOLDER_AT:
            parts.append(f"{folder}/ ({len(members)} files)")
        else:
            parts.extend(members)
    return ", ".join(parts)


class _Bad(Exception):
    def __init__(self, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def bad(field: str | None, problem: str) -> _Bad:
    """An error for :meth:`ExportReading.record` to locate: ``raise bad("created_at", "...")``."""
    return _Bad(field, problem)


def _split(exc: Exception) -> tuple[str | None, str]:
    if isinstance(exc, KeyError):
        return str(exc.args[0]) if exc.args else None, "required"
    text = str(exc)
    field, sep, problem = text.partition(": ")
    if sep and " " not in field:
        return field, problem
    return None, text


def require(data: Any, key: str, kind: type | tuple[type, ...] = str, where: str = "") -> Any:
    """``data[key]``, which must be a ``kind``; else a located error naming ``where + key``."""
    name = f"{where}{key}"
    if not isinstance(data, dict):
        raise _Bad(where.rstrip(".") or None, f"expected an object, got {type(data).__name__}")
    if key not in data or data[key] is None:
        raise _Bad(name, "required")
    value = data[key]
    if not isinstance(value, kind):
        wanted = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise _Bad(name, f"expected {wanted}, got {value!r}")
    return value


def parse_time(value: Any, field: str, parse: Callable[[str], datetime]) -> datetime:
    """``parse(value)`` as an aware datetime, or a located error naming ``field``."""
    if not isinstance(value, str):
        raise _Bad(field, f"expected a timestamp, got {value!r}")
    try:
        moment = parse(value)
    except ValueError:
        raise _Bad(field, f"not a timestamp this export uses: {value!r}") from None
    if moment.tzinfo is None:
        raise _Bad(field, f"timestamp has no zone: {value!r}")
    return moment


_BREAKS = re.compile(r"<\s*br\s*/?\s*>|</p>\s*<p[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def html_to_text(markup: str) -> str:
    """Plain text of a post's HTML: paragraphs and line breaks become newlines."""
    text = _BREAKS.sub("\n", markup)
    return html.unescape(_TAGS.sub("", text)).strip()
