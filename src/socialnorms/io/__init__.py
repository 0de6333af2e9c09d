"""Reading activity into accounts and actions, and the reader registry.

Readers are plugins (the ``register_readers`` hook). The activity format
(:mod:`socialnorms.io.activity`) is built in; network plugins add readers for the
exports people download from their networks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..core.models import Account, Action

__all__ = [
    "Coverage",
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
    subject: str | None = None
    """The subject an archive belongs to, when the archive does not say."""
    timezone: str | None = None
    """The zone of timestamps that carry none (some exports), as an IANA name."""


COVERAGE_LEVELS = ("full", "partial", "none")


@attrs.frozen(slots=True)
class Coverage:
    """What an input lets one guideline judge, and why not more.

    An export holds part of the picture (an outbox has no inbound mentions, a
    follower list has no dates); a coverage statement keeps a quiet report from
    being read as good behaviour where the input could not show bad.
    """

    guideline: str
    level: str = attrs.field(validator=attrs.validators.in_(COVERAGE_LEVELS))
    """``full``, ``partial`` or ``none``."""
    reason: str

    def __str__(self) -> str:
        return f"coverage: {self.guideline}: {self.level}: {self.reason}"


def _accounts(value: Iterable[Account]) -> tuple[Account, ...]:
    return tuple(value)


def _actions(value: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(value)


def _skipped(value: Iterable[SkippedRecord]) -> tuple[SkippedRecord, ...]:
    return tuple(value)


def _coverage(value: Any) -> tuple[Coverage, ...]:
    return tuple(sorted(set(value), key=lambda c: (c.guideline, c.level, c.reason)))


@attrs.frozen(slots=True)
class ReadResult:
    """What a reader produced: accounts, actions, the records it skipped, and what
    the input lets each guideline judge (empty when the input is complete, as the
    activity format is by its writer's word)."""

    accounts: tuple[Account, ...] = attrs.field(default=(), converter=_accounts)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_actions)
    skipped: tuple[SkippedRecord, ...] = attrs.field(default=(), converter=_skipped)
    coverage: tuple[Coverage, ...] = attrs.field(default=(), converter=_coverage)


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
