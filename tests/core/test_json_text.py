"""Indented report text is exactly what the standard library writes."""

from __future__ import annotations

import json
from collections import OrderedDict

from hypothesis import given
from hypothesis import strategies as st

from socialnorms.core._json import iter_indented


def dumps_indented(value, indent=2):
    """The whole text, joined from its pieces."""
    return "".join(iter_indented(value, indent))


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=2)
    ),
    max_leaves=30,
)


@given(_VALUES, st.integers(min_value=0, max_value=4))
def test_same_text_as_the_standard_library(value, indent):
    assert dumps_indented(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)


def test_subclasses_are_written_as_the_standard_library_writes_them():
    value = {"a": [OrderedDict(b=1, c=[True, None]), "é\u2028\x00"], "d": {}}
    assert dumps_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(st.lists(_VALUES, max_size=4), st.integers(min_value=0, max_value=3))
def test_generators_are_written_as_the_lists_they_yield(members, indent):
    assert dumps_indented({"a": (m for m in members)}, indent) == json.dumps(
        {"a": members}, indent=indent, ensure_ascii=False
    )


@given(
    _VALUES | st.dictionaries(st.text(max_size=3), _VALUES, max_size=4),
    st.integers(min_value=0, max_value=3),
)
def test_the_pieces_join_into_the_whole_text(value, indent):
    assert "".join(iter_indented(value, indent)) == json.dumps(
        value, indent=indent, ensure_ascii=False
    )
