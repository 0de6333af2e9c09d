"""Every view of the report of the bundled example, examples/acme.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import socialnorms
from socialnorms import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "acme.jsonl"


@pytest.fixture(scope="module")
def report() -> Report:
    return socialnorms.check(EXAMPLE)


def test_example_volume_and_scores(report):
    timeline = socialnorms.load(EXAMPLE)
    assert report.volume["acme"] == {
        network: sum(
            len(timeline.by_actor(a.id))
            for a in timeline.accounts_of("acme")
            if a.network == network
        )
        for network in ("linkedin", "mastodon", "twitter")
    }
    table = report.scores()
    assert table.get("acme").actions == sum(report.volume["acme"].values())
    for network in report.volume["acme"]:
        assert table.get("acme", network) is not None
    data = json.loads(report.to_json())
    assert data["scores"]["subjects"][0]["subject"] == "acme"
    assert Report.from_json(report.to_json()) == report


def test_example_renders_in_every_format(report):
    html = report.to_html()
    assert html.startswith("<!DOCTYPE html>") and "<title>socialnorms report: acme</title>" in html
    assert html.count("<svg") >= (1 if report.findings else 0)
    markdown = report.to_markdown()
    assert "| acme | all | all |" in markdown
    assert markdown.count("<details>") == sum(1 for f in report.findings if f.evidence or f.metrics)
    notebook = report._repr_html_()
    assert 'aria-label="acme: score' in notebook
    assert len(report.to_records()) == len(report.findings)


def test_example_html_is_the_same_when_read_back_from_json_with_the_installed_charts(report):
    assert report.charts, "the built-in rules declare charts"
    read_back = Report.from_json(report.to_json())
    assert read_back.charts is None
    assert socialnorms.Checker().with_charts(read_back).to_html() == report.to_html()


def test_example_dataframe(report):
    pytest.importorskip("pandas")
    frame = report.to_dataframe()
    assert len(frame) == len(report.findings)
    assert str(frame["at"].dtype) == "datetime64[ns, UTC]"
