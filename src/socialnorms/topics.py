"""Topics that posts are about, for judging whether a post fits a network's audience.

Plugins register :class:`Topic` values through the ``register_topics`` hook; two
registrations of the same topic name add up their terms.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Topic"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _terms(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise TypeError(f"Topic.terms: expected a list of words or phrases, got {value!r}")
    terms = []
    for term in value:
        if not isinstance(term, str) or not term.strip():
            raise ValueError(f"Topic.terms: expected non-empty strings, got {term!r}")
        terms.append(" ".join(term.casefold().split()))
    return tuple(sorted(set(terms)))


@attrs.frozen(slots=True)
class Topic:
    """A subject a post can be about, recognised by its terms (words or phrases)."""

    name: str = attrs.field()
    terms: tuple[str, ...] = attrs.field(converter=_terms)
    description: str = ""

    @name.validator
    def _name(self, _attribute: attrs.Attribute, value: object) -> None:
        if not isinstance(value, str) or not _NAME.match(value):
            raise ValueError(f"Topic.name: expected a kebab-case name like 'sports', got {value!r}")

    def extended(self, other: Topic) -> Topic:
        """This topic with the terms of ``other`` (of the same name) added."""
        return attrs.evolve(self, terms=(*self.terms, *other.terms),
                            description=self.description or other.description)
