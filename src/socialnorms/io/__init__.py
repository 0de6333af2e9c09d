"""Reading activity into accounts and actions, and the reader registry.

Readers are plugins (the ``register_readers`` hook). The activity format
(:mod:`socialnorms.io.activity`) is built in; network plugins add readers for the
exports people download from their networks.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..core.models import Account, Action
from ..core.ruleparts import DATA_KIND

__all__ = [
    "Coverage",
    "CoverageStatement",
    "DataCoverage",
    "InputError",
    "ReadOptions",
    "ReadResult",
    "Reader",
    "SkippedRecord",
    "choose_reader",
]


class InputError(ValueError):
    """Input that cannot be read, located: ``FILE:LINE: field: problem``."""

    def __init__(self, file: str, line: int | None, field: str | None, problem: str) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        super().__init__(str(SkippedRecord(file, line, field, problem)))


@attrs.frozen(slots=True)
class SkippedRecord:
    """A bad record that tolerant reading skipped, with where and why."""

    file: str
    line: int | None
    field: str | None
    problem: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.problem}" if self.field else f"{where}: {self.problem}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "field": self.field, "problem": self.problem}


@attrs.frozen(slots=True)
class ReadOptions:
    """How to read: strict or tolerant, and facts the input may not carry."""

    tolerant: bool = False
    """Skip, count and list bad records instead of stopping at the first."""
    owner: str | None = None
    """Whose export it is: the subject its owner's account belongs to, and the
    owner's name when the export does not say whose it is (``--owner``)."""
    timezone: str | None = None
    """The zone of timestamps that carry none (some exports), as an IANA name."""
    subject: str | None = attrs.field(default=None, kw_only=True)
    """Deprecated alias of :attr:`owner`, read when ``owner`` is not given."""

    def __attrs_post_init__(self) -> None:
        if self.subject is not None:
            warnings.warn(
                "ReadOptions(subject=...) is deprecated; use ReadOptions(owner=...)",
                DeprecationWarning,
                stacklevel=3,
            )
            if self.owner is None:
                object.__setattr__(self, "owner", self.subject)


COVERAGE_LEVELS = ("full", "partial", "none")


@attrs.frozen(slots=True)
class DataCoverage:
    """How much of one kind of data an input holds, and why not more.

    An export holds part of the picture (an outbox has no inbound mentions, a
    follower list has no dates). A reader says so per kind of data
    (:data:`~socialnorms.core.ruleparts.DATA_KINDS`); the report turns it into a note for
    every guideline whose rules need that kind (:attr:`socialnorms.Rule.needs`), so a
    quiet report is not read as good behaviour where the input could not show bad.
    """

    data: str = attrs.field(validator=attrs.validators.matches_re(DATA_KIND))
    """The kind of data, e.g. ``followers`` (kebab-case)."""
    level: str = attrs.field(validator=attrs.validators.in_(COVERAGE_LEVELS))
    """``full``, ``partial`` or ``none``: how much of that data the read result holds."""
    reason: str = attrs.field(validator=attrs.validators.min_len(1))
    """What is missing and why, in words a report's reader understands."""

    def __str__(self) -> str:
        return f"{self.data}: {self.level}: {self.reason}"


@attrs.frozen(slots=True)
class Coverage:
    """What an input lets one guideline judge, and why not more.

    Readers state coverage over kinds of data (:class:`DataCoverage`); a statement
    naming a guideline is for what no kind of data says, such as ``all`` for the
    whole input, and is noted in the report as it is.
    """

    guideline: str
    level: str = attrs.field(validator=attrs.validators.in_(COVERAGE_LEVELS))
    """``full``, ``partial`` or ``none``."""
    reason: str

    def __str__(self) -> str:
        return f"coverage: {self.guideline}: {self.level}: {self.reason}"


CoverageStatement = Coverage | DataCoverage
"""A coverage statement: over one guideline, or over one kind of data."""


def _accounts(value: Iterable[Account]) -> tuple[Account, ...]:
    return tuple(value)


def _actions(value: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(value)


def _skipped(value: Iterable[SkippedRecord]) -> tuple[SkippedRecord, ...]:
    return tuple(value)


def _statement_order(statement: CoverageStatement) -> tuple[str, str, str, str]:
    if isinstance(statement, DataCoverage):
        return ("data", statement.data, statement.level, statement.reason)
    return ("guideline", statement.guideline, statement.level, statement.reason)


def _coverage(value: Iterable[CoverageStatement]) -> tuple[CoverageStatement, ...]:
    return tuple(sorted(set(value), key=_statement_order))


@attrs.frozen(slots=True)
class ReadResult:
    """What a reader produced: accounts, actions, the records it skipped, and what
    the input holds of each kind of data or lets a guideline judge (empty when the
    input is complete, as the activity format is by its writer's word)."""

    accounts: tuple[Account, ...] = attrs.field(default=(), converter=_accounts)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_actions)
    skipped: tuple[SkippedRecord, ...] = attrs.field(default=(), converter=_skipped)
    coverage: tuple[CoverageStatement, ...] = attrs.field(default=(), converter=_coverage)


@attrs.frozen(slots=True)
class Reader:
    """An input format: how to recognise it and how to read it."""

    name: str
    """Format name, as ``--from NAME`` takes it."""
    description: str
    detect: Callable[[Path], bool]
    """Whether a file or folder is in this format (cheap: look at names and the first bytes)."""
    read: Callable[[Path, ReadOptions], ReadResult]


def choose_reader(path: Path, readers: Mapping[str, Reader], name: str | None = None) -> Reader:
    """The reader named ``name``, or the one whose ``detect`` accepts ``path``."""
    if name is not None:
        try:
            return readers[name]
        except KeyError:
            known = ", ".join(readers) or "none"
            raise InputError(
                str(path), None, None, f"unknown input format {name!r}; installed: {known}"
            ) from None
    for reader in readers.values():
        try:
            if reader.detect(path):
                return reader
        except OSError:
            continue
    known = ", ".join(readers) or "none"
    raise InputError(
        str(path), None, None, f"not a format any installed reader recognises ({known})"
    )
