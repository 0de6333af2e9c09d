"""What the input could not show, as report notes.

Readers state how much of each kind of data their input holds
(:class:`~socialnorms.io.DataCoverage`); rules declare the kinds they need
(:attr:`~socialnorms.Rule.needs`). :func:`coverage_notes` brings the two together
into at most one note per guideline, ``coverage: GUIDELINE: LEVEL: REASONS``, so
that a quiet report is not read as good behaviour where the input could not show bad.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..io import Coverage, CoverageStatement, DataCoverage

__all__ = ["combined_level", "coverage_notes"]

_RANK = {"none": 0, "partial": 1, "full": 2}


def combined_level(levels: Iterable[str]) -> str:
    """The level of several parts together: ``full`` when every part is full,
    ``none`` when every part is none (or there is none), else ``partial``."""
    found = set(levels)
    if found <= {"none"}:
        return "none"
    return "full" if found == {"full"} else "partial"


def coverage_notes(
    statements: Iterable[CoverageStatement], needs: Mapping[str, Iterable[frozenset[str]]]
) -> list[str]:
    """The report notes of readers' coverage ``statements``, sorted.

    ``needs`` maps each guideline checked to the needs of each of its rules. A
    statement that names a guideline is noted as it is. Statements over kinds of
    data give one note per guideline that cannot be judged in full:

    - a kind of data is held as its statements are together (several inputs may
      state one kind; a kind no statement names is held in full);
    - a rule judges as much as the scarcest kind it needs, and a guideline as its
      rules together (rules that declare no needs take no part);
    - the note gives the guideline's level and the reasons of every statement over
      a kind it needs that is not held in full, each once.

    Data no rule needs gives no note.
    """
    statements = tuple(statements)
    notes = {str(s) for s in statements if isinstance(s, Coverage)}
    by_kind: dict[str, list[DataCoverage]] = defaultdict(list)
    for statement in statements:
        if isinstance(statement, DataCoverage):
            by_kind[statement.data].append(statement)
    held = {kind: combined_level(s.level for s in found) for kind, found in by_kind.items()}
    for guideline, rule_needs in needs.items():
        judged = [kinds for kinds in rule_needs if kinds]
        if not judged:
            continue
        level = combined_level(
            min((held.get(kind, "full") for kind in kinds), key=_RANK.__getitem__)
            for kinds in judged
        )
        if level == "full":
            continue
        short = {kind for kinds in judged for kind in kinds if held.get(kind, "full") != "full"}
        why = sorted(
            (s for kind in short for s in by_kind[kind]),
            key=lambda s: (_RANK[s.level], s.data, s.reason),
        )
        reasons = "; ".join(dict.fromkeys(s.reason for s in why))
        notes.add(f"coverage: {guideline}: {level}: {reasons}")
    return sorted(notes)
