"""Readers state what their input holds of each kind of data; the report notes it for
every guideline whose rules need that kind, a plugin's guideline too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialnorms import (
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_LIKES,
    DATA_MENTIONS_RECEIVED,
    DATA_OWN_POSTS,
    Checker,
    Config,
    Rule,
    check_function,
    hookimpl,
)
from socialnorms.engine.coverage import combined_level, coverage_notes
from socialnorms.engine.partition import parse_records
from socialnorms.io import Coverage, DataCoverage, Reader, ReadOptions, ReadResult
from socialnorms.io.activity import read_activity, write_activity
from socialnorms.io.export import ExportReading
from socialnorms.testing import isolated_plugin_manager, registered

NEEDS = {
    "follow-care": [frozenset({DATA_FOLLOWS, DATA_FOLLOWERS}), frozenset({DATA_FOLLOWS})],
    "answer-people": [frozenset({DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS})],
    "house-style": [frozenset()],
}


def none(kind: str, reason: str) -> DataCoverage:
    return DataCoverage(kind, "none", reason)


def test_a_missing_kind_is_noted_for_every_guideline_whose_rules_need_it():
    notes = coverage_notes([none(DATA_OWN_POSTS, "the archive has no posts")], NEEDS)
    assert notes == ["coverage: answer-people: none: the archive has no posts"]


def test_a_guideline_judges_as_much_as_its_rules_together():
    followers = none(DATA_FOLLOWERS, "no followers list")
    assert coverage_notes([followers], NEEDS) == [
        "coverage: follow-care: partial: no followers list"  # its second rule needs follows only
    ]
    follows = DataCoverage(DATA_FOLLOWS, "partial", "follows without dates")
    assert coverage_notes([followers, follows], NEEDS) == [
        "coverage: follow-care: partial: no followers list; follows without dates"
    ]
    assert coverage_notes([followers, none(DATA_FOLLOWS, "no follows")], NEEDS) == [
        "coverage: follow-care: none: no followers list; no follows"
    ]


def test_full_data_gives_no_note_but_explains_a_kind_other_inputs_lack():
    full = DataCoverage(DATA_FOLLOWS, "full", "follows are dated")
    assert coverage_notes([full], NEEDS) == []
    other = none(DATA_FOLLOWS, "this export has no follows")
    assert coverage_notes([full, other], NEEDS) == [
        "coverage: follow-care: partial: this export has no follows; follows are dated"
    ]


def test_data_no_rule_needs_and_rules_that_need_nothing_give_no_note():
    assert coverage_notes([none(DATA_LIKES, "likes are not read")], NEEDS) == []
    assert coverage_notes([none(DATA_OWN_POSTS, "no posts")], {"house-style": [frozenset()]}) == []


def test_a_statement_naming_a_guideline_is_noted_as_it_is():
    named = Coverage("answer-people", "partial", "an outbox has no inbound replies")
    whole = Coverage("all", "partial", "3 activities without a time were left out")
    notes = coverage_notes([named, whole, none(DATA_MENTIONS_RECEIVED, "no mentions")], NEEDS)
    assert notes == [
        "coverage: all: partial: 3 activities without a time were left out",
        "coverage: answer-people: none: no mentions",
        "coverage: answer-people: partial: an outbox has no inbound replies",
    ]


def test_one_reason_given_by_two_inputs_is_given_once():
    twice = [none(DATA_FOLLOWERS, "no followers list"), none(DATA_FOLLOWERS, "no followers list")]
    assert coverage_notes(twice, NEEDS) == ["coverage: follow-care: partial: no followers list"]


@pytest.mark.parametrize(
    ("levels", "together"),
    [
        (["full", "full"], "full"),
        (["none", "none"], "none"),
        (["full", "none"], "partial"),
        (["partial"], "partial"),
        ([], "none"),
    ],
)
def test_levels_together(levels, together):
    assert combined_level(levels) == together


KINDS = st.sampled_from([DATA_FOLLOWS, DATA_FOLLOWERS, DATA_OWN_POSTS, DATA_LIKES, "reactions"])
STATEMENTS = st.lists(
    st.one_of(
        st.builds(
            DataCoverage,
            KINDS,
            st.sampled_from(["full", "partial", "none"]),
            st.sampled_from(["a", "b", "c d"]),
        ),
        st.builds(
            Coverage,
            st.sampled_from(["follow-care", "all"]),
            st.sampled_from(["full", "partial", "none"]),
            st.just("said by name"),
        ),
    ),
    max_size=8,
)


@given(statements=STATEMENTS, data=st.data())
def test_notes_do_not_depend_on_the_order_of_statements(statements, data):
    shuffled = data.draw(st.permutations(statements))
    assert coverage_notes(shuffled, NEEDS) == coverage_notes(statements, NEEDS)


@given(statements=STATEMENTS)
def test_a_note_gives_only_reasons_about_data_its_guideline_needs(statements):
    named = {str(s) for s in statements if isinstance(s, Coverage)}
    for note in coverage_notes(statements, NEEDS):
        _, guideline, level, reasons = note.split(": ", 3)
        if note in named:
            continue
        needed = set().union(*NEEDS[guideline])
        about = {s.reason for s in statements if isinstance(s, DataCoverage) and s.data in needed}
        assert level != "full" and set(reasons.split("; ")) <= about


def test_data_coverage_is_validated():
    with pytest.raises(ValueError):
        DataCoverage("Followers", "none", "not kebab-case")
    with pytest.raises(ValueError):
        DataCoverage(DATA_FOLLOWERS, "most", "not a level")
    with pytest.raises(ValueError):
        DataCoverage(DATA_FOLLOWERS, "none", "")


# -- the activity format's header -------------------------------------------------------


def test_the_header_keeps_both_kinds_of_statement(tmp_path: Path):
    statements = [
        Coverage("answer-people", "none", "no mentions"),
        DataCoverage(DATA_FOLLOWERS, "partial", "followers without dates"),
    ]
    path = tmp_path / "converted.jsonl"
    write_activity(path, coverage=statements)
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["coverage"] == [
        {"guideline": "answer-people", "level": "none", "reason": "no mentions"}
    ]
    assert header["data_coverage"] == [
        {"data": DATA_FOLLOWERS, "level": "partial", "reason": "followers without dates"}
    ]
    assert read_activity(path).coverage == ReadResult(coverage=statements).coverage
    assert parse_records([header]).coverage == tuple(statements)


def test_a_header_of_an_older_version_reads_as_before(tmp_path: Path):
    path = tmp_path / "old.jsonl"
    item = {"guideline": "answer-people", "level": "none", "reason": "no mentions"}
    header = {"type": "header", "format": "socialnorms-activity", "version": 1, "coverage": [item]}
    path.write_text(json.dumps(header) + "\n", encoding="utf-8")
    assert read_activity(path).coverage == (Coverage("answer-people", "none", "no mentions"),)


@pytest.mark.parametrize(
    "items",
    [
        [{"data": DATA_FOLLOWERS, "level": "none"}],
        [{"data": "Followers!", "level": "none", "reason": "not kebab-case"}],
        "all",
    ],
)
def test_a_bad_data_coverage_item_is_located(tmp_path: Path, items: Any):
    path = tmp_path / "bad.jsonl"
    header = {"type": "header", "format": "socialnorms-activity", "version": 1}
    path.write_text(json.dumps({**header, "data_coverage": items}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1: header\.data_coverage"):
        read_activity(path)


# -- a plugin's rule gets the notes of a plugin's reader ------------------------------------

FOLLOWER_RULE = Rule(
    code="TOY001",
    name="unthanked-follower",
    summary="A new follower is not thanked.",
    why="Toy rule of a plugin, for the tests.",
    needs={DATA_FOLLOWERS},
)
QUIET_RULE = Rule(
    code="TOY101",
    name="quiet-rule",
    summary="Never finds anything.",
    why="Toy rule of a plugin, for the tests.",
    needs={DATA_FOLLOWS},
)


@check_function("thank-followers", [FOLLOWER_RULE])
def thank_followers(ctx):
    return ()


@check_function("toy-follows", [QUIET_RULE])
def toy_follows(ctx):
    return ()


def read_outbox(path: Path, options: ReadOptions) -> ReadResult:
    reading = ExportReading("toynet", options)
    reading.account("toynet:me", subject="me")
    reading.holds(DATA_FOLLOWERS, "none", "the outbox lists no followers")
    reading.holds(DATA_FOLLOWS, "full", "every follow is in the outbox, dated")
    return reading.result()


class ToyPlugin:
    @hookimpl
    def register_checks(self, register):
        register(thank_followers)
        register(toy_follows)

    @hookimpl
    def register_readers(self, register):
        register(Reader("toy-outbox", "a toy outbox", lambda p: p.suffix == ".toy", read_outbox))


@pytest.fixture
def toy_pm():
    pm = isolated_plugin_manager()
    with registered(pm, ToyPlugin(), "toy"):
        yield pm


def test_a_plugin_rule_that_needs_followers_hears_that_they_are_missing(toy_pm, tmp_path):
    outbox = tmp_path / "me.toy"
    outbox.write_text("", encoding="utf-8")
    report = Checker(plugin_manager=toy_pm).check(outbox)
    assert [n for n in report.notes if n.startswith("coverage:")] == [
        "coverage: thank-followers: none: the outbox lists no followers"
    ]


def test_only_the_selected_rules_hear_of_missing_data(toy_pm, tmp_path):
    outbox = tmp_path / "me.toy"
    outbox.write_text("", encoding="utf-8")
    checker = Checker(plugin_manager=toy_pm, config=Config(select=["TOY101"]))
    assert checker.rule_needs() == {"toy-follows": [frozenset({DATA_FOLLOWS})]}
    assert not [n for n in checker.check(outbox).notes if n.startswith("coverage:")]
