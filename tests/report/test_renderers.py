"""Every way a report is shown: HTML page, Markdown, notebook views, records, DataFrames, CLI."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms import Chart, Checker, Measurement, Report
from socialnorms.cli import main
from socialnorms.io.activity import dumps_activity
from socialnorms.report.reporters import BUILTIN_REPORTERS
from socialnorms.report.svg import bar_chart, line_chart

from .conftest import finding, timeline


class Page(HTMLParser):
    """Collects tags, text and unbalanced tags of an HTML document."""

    VOID = frozenset(
        {
            "meta",
            "br",
            "img",
            "input",
            "link",
            "hr",
            "line",
            "rect",
            "circle",
            "polygon",
            "polyline",
            "path",
        }
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


# -- the HTML page ---------------------------------------------------------------------------


def test_html_page_is_self_contained_and_well_formed(scenario_report):
    html = scenario_report.to_html()
    page = Page(html)
    assert page.stack == []
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert page.all("html")[0]["lang"] == "en"
    assert any(a.get("name") == "viewport" for a in page.all("meta"))
    assert "<title>socialnorms report: acme, globex</title>" in html


def test_html_page_draws_every_chart_with_an_accessible_name(scenario_report):
    page = Page(scenario_report.to_html())
    charts = [a for a in page.all("svg")]
    assert (
        len(charts) == 7
    )  # findings, response time, response rate, self-mention, 2 follow-back, invitations
    for chart in charts:
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        assert any(a.get("id") == title_id for a in page.all("title"))
        assert any(a.get("id") == desc_id for a in page.all("desc"))
    ids = {a.get("id") for a in page.all("figure")}
    assert {
        "chart-findings",
        "chart-response-time",
        "chart-self-mention",
        "chart-follow-back-latency",
        "chart-personalization",
    } <= ids
    assert len(page.all("polyline")) == 1  # one series: acme on twitter, over three months


def test_html_findings_grouped_by_guideline_with_evidence_one_click_away(scenario_report):
    html = scenario_report.to_html()
    page = Page(html)
    headings = [t for t in re.findall(r"<h3>([a-z-]+) <span", html)]
    assert headings == sorted(headings) and "retweet-carefully" in headings
    details = len(page.all("details"))
    assert details >= len(scenario_report.findings) - 1  # the plugin error has no evidence
    assert "<code>a3</code>" in html
    # severity is a word and an icon, not only a colour
    assert "▲</span> warning" in html and "✖</span> error" in html and "ℹ</span> info" in html
    # the data behind each chart is a real table with header cells
    assert page.all("th") and all(a.get("scope") in ("col", "row") for a in page.all("th"))


def test_html_escapes_what_the_data_says(scenario_report):
    html = scenario_report.to_html()
    assert "<b>here</b>" not in html
    assert "&lt;b&gt;here&lt;/b&gt; &amp; there" in html


def test_html_says_which_charts_have_no_data(clean_report):
    html = clean_report.to_html()
    page = Page(html)
    assert len(page.all("svg")) == 1  # only the response rate was measured
    assert "No response times were measured" in html
    assert "No self-mention shares were measured" in html
    assert "No findings: nothing broke the checked norms." in html
    assert "No findings to chart." in html


def test_html_is_deterministic(scenario_report):
    again = Checker().with_charts(Report.from_json(scenario_report.to_json()))
    assert again.to_html() == scenario_report.to_html()


def test_empty_report_renders():
    for render in (Report().to_html, Report().to_markdown, Report()._repr_html_):
        assert "No findings" in render() or "No subjects" in render()


# -- charts ----------------------------------------------------------------------------------


def test_bar_chart_lengths_follow_values_and_values_are_written():
    drawing = bar_chart([("a", 10.0), ("b", 5.0), ("c", 0.0)], title="T", desc="D", ident="x")
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', drawing)]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] <= 1
    for value in (">10<", ">5<", ">0<"):
        assert value in drawing


def test_line_chart_series_differ_by_more_than_colour():
    drawing = line_chart(
        [
            ("one", [("2026-01", 0.2), ("2026-02", 0.4)]),
            ("two", [("2026-02", 0.1), ("2026-01", 0.3)]),
        ],
        title="T",
        desc="D",
        ident="y",
        max_value=1.0,
    )
    assert 'stroke-dasharray="6 3"' in drawing  # the second series is dashed
    assert "<circle" in drawing and "<rect" in drawing  # and has its own marker shape
    assert ">one<" in drawing and ">two<" in drawing  # and is named in the legend
    # the x axis is in period order whatever the order of the points
    assert drawing.index(">2026-01<") < drawing.index(">2026-02<")


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_has_scores_findings_by_guideline_and_folded_evidence(scenario_report):
    text = scenario_report.to_markdown()
    assert text.startswith("# Etiquette report\n")
    assert "| acme | all | all | **63.5** (fair) |" in text
    sections = re.findall(r"^### ([a-z-]+) \((\d+)\)$", text, re.MULTILINE)
    assert ("retweet-carefully", "2") in sections
    assert [s for s, _ in sections] == sorted(s for s, _ in sections)
    assert text.count("<details>") == text.count("</details>") == len(scenario_report.findings)
    assert "▲ **warning** `SN101`" in text
    assert "&lt;b&gt;here&lt;/b&gt;" in text and "<b>" not in text
    assert "## Notes" in text


def test_markdown_table_cells_cannot_break_the_table():
    from socialnorms.report.reporters.markdown import _cell

    assert _cell("a|b\nc") == "a\\|b c"


def test_markdown_of_a_clean_report(clean_report):
    text = clean_report.to_markdown()
    assert "No findings" in text and "**100** (good)" in text and "<details>" not in text


# -- notebooks -------------------------------------------------------------------------------


def test_report_notebook_view_has_cards_and_findings_but_no_document_shell(scenario_report):
    html = scenario_report._repr_html_()
    page = Page(html)
    assert page.stack == []
    assert "<html" not in html and "<script" not in html
    cards = [a for a in page.all("article")]
    assert [c["aria-label"] for c in cards] == [
        "acme: score 63.5 of 100",
        "globex: score 53.6 of 100",
    ]
    assert "<h4>retweet-carefully" in html
    assert "<summary>7 charts of findings and measurements</summary>" in html
    assert "were measured" not in html  # the notebook leaves out what has no data, silently
    # styles are scoped to the report's container, not the notebook around it
    rules = re.findall(r"}([^{}]+){", "}" + html.split("<style>")[1].split("</style>")[0])
    assert all(r.strip().startswith(".sn") for sel in rules for r in sel.split(","))
    assert repr(scenario_report).startswith("<Report 940 actions")


def test_finding_and_score_table_render_in_notebooks(scenario_report):
    first = scenario_report.findings[0]
    html = first._repr_html_()
    assert Page(html).stack == [] and first.code in html and "<details>" in html
    table = scenario_report.scores()
    html = table._repr_html_()
    assert Page(html).stack == [] and html.count("<tr>") == len(table) + 1
    text = repr(table)
    assert text.startswith("<ScoreTable overall 53.1") and "acme twitter: 69.2 (fair" in text


# -- records and DataFrames ------------------------------------------------------------------


def test_records_are_plain_values_one_per_finding(scenario_report):
    records = scenario_report.to_records()
    assert len(records) == len(scenario_report.findings)
    first = records[0]
    assert first["severity"] in {"info", "warning", "error"}
    assert first["at"].tzinfo is not None and isinstance(first["evidence"], list)
    assert Report().to_records() == []


def test_dataframe_has_typed_columns(scenario_report):
    pd = pytest.importorskip("pandas")
    frame = scenario_report.to_dataframe()
    assert len(frame) == len(scenario_report.findings)
    assert str(frame["at"].dtype) == "datetime64[ns, UTC]"
    assert (
        isinstance(frame["severity"].dtype, pd.CategoricalDtype) and frame["severity"].cat.ordered
    )
    assert list(frame["severity"].cat.categories) == ["info", "warning", "error"]
    assert isinstance(frame["guideline"].dtype, pd.CategoricalDtype)
    assert frame["code"].dtype == "string"
    worst = frame[frame["severity"] >= "warning"]
    assert len(worst) == sum(1 for f in scenario_report.findings if f.severity.value != "info")
    per_guideline = frame.groupby("guideline", observed=True).size()
    assert per_guideline["retweet-carefully"] == 2


def test_empty_dataframe_keeps_its_types():
    pytest.importorskip("pandas")
    frame = Report().to_dataframe()
    assert frame.empty and str(frame["at"].dtype) == "datetime64[ns, UTC]"
    assert list(frame.columns)[:4] == ["code", "rule", "guideline", "severity"]


def test_score_dataframe(scenario_report):
    pytest.importorskip("pandas")
    frame = scenario_report.scores().to_dataframe()
    assert len(frame) == len(scenario_report.scores())
    assert frame["score"].dtype == "float64" and frame["actions"].dtype == "int64"
    overall = frame[frame["subject"].isna()]
    assert overall["score"].item() == 53.1


def test_missing_pandas_names_the_extra(scenario_report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"socialnorms\[pandas\]"):
        scenario_report.to_dataframe()
    with pytest.raises(ModuleNotFoundError, match=r"socialnorms\[pandas\]"):
        scenario_report.scores().to_dataframe()


# -- reporters and the command line ----------------------------------------------------------


def test_markdown_and_html_are_registered_reporters():
    names = [r.name for r in BUILTIN_REPORTERS]
    assert {"markdown", "html"} <= set(names)


@pytest.mark.parametrize(
    ("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("markdown", "# Etiquette report")]
)
def test_cli_formats(tmp_path, fmt, marker):
    tl = timeline()
    path = tmp_path / "activity.jsonl"
    path.write_text(dumps_activity(tl.accounts.values(), tl.actions), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", fmt])
    assert result.exit_code in (0, 1), result.output
    assert result.output.startswith(marker)
    assert "acme" in result.output


def test_charts_scale_to_round_numbers_and_skip_values_that_are_not_numbers(scenario_report):
    from socialnorms.report.svg import _nice_max

    assert [_nice_max(v) for v in (0, 0.7, 1, 3, 7, 1440, float("nan"))] == [
        1,
        1,
        1,
        5,
        10,
        2000,
        1,
    ]
    assert _nice_max(5e-324) == 1  # a subnormal value's power of ten would underflow to 0
    broken = Checker().with_charts(
        Report(
            subjects=("acme",),
            measurements=[
                Measurement(
                    "respond-to-mentions",
                    "acme",
                    "twitter",
                    "median_response_minutes",
                    float("nan"),
                )
            ],
        )
    )
    assert "No response times were measured" in broken.to_html()


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)

# A chart of each kind and unit, for the measurements the property below draws.
ANY_CHARTS = {
    "house-style": tuple(
        Chart(
            ident=name.replace("_", "-"),
            title=f"<b>{name}</b>",
            measurement=name,
            kind=kind,
            desc="D & <i>d</i>",
            absent="none",
            unit=unit,
        )
        for name, kind, unit in (
            ("share_a", "line", "share"),
            ("minutes_b", "bar", "minutes"),
            ("number_c", "bar", "number"),
        )
    )
}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.builds(
            finding,
            code=st.sampled_from(["SN101", "XY123"]),
            guideline=st.sampled_from(["retweet-carefully", "house-style"]),
            severity=st.sampled_from(["info", "warning", "error"]),
            subject=st.one_of(st.none(), text.filter(bool)),
            network=st.one_of(st.none(), text.filter(bool)),
            message=text,
            suggestion=text,
            evidence=st.lists(text, max_size=3),
        ),
        max_size=6,
    ),
    st.lists(
        st.builds(
            Measurement,
            guideline=st.just("house-style"),
            subject=text,
            network=st.one_of(st.none(), text),
            name=st.sampled_from(["share_a", "minutes_b", "number_c"]),
            value=st.floats(min_value=-1e6, max_value=1e6),
            period=st.one_of(st.none(), text),
        ),
        max_size=6,
    ),
)
def test_any_report_renders_well_formed_and_escaped(found, measured):
    report = Report(
        findings=found,
        measurements=measured,
        subjects=sorted({f.subject for f in found if f.subject}),
        charts=ANY_CHARTS,
    )
    for html in (report.to_html(), report._repr_html_(), report.scores()._repr_html_()):
        assert Page(html).stack == []
        assert "<b>" not in html and "<i>" not in html  # chart titles and descriptions too
        for f in found:
            if "<" in f.message:
                assert f.message not in html
    markdown = report.to_markdown()
    assert markdown.count("<details>") == markdown.count("</details>")
