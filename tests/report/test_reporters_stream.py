"""Reporters that stream give the same text as when they render whole."""

from __future__ import annotations

from hypothesis import given, settings

from socialnorms.report.reporters import BUILTIN_REPORTERS
from socialnorms.testing.strategies import reports


@settings(max_examples=30, deadline=None)
@given(reports())
def test_streamed_pieces_join_into_the_rendered_text(report):
    streaming = [reporter for reporter in BUILTIN_REPORTERS if reporter.stream is not None]
    assert streaming, "the json reporter streams"
    for reporter in streaming:
        assert "".join(reporter.stream(report)) == reporter.render(report)
