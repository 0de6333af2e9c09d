"""The HTML report in a real headless browser: it loads cleanly, draws its charts, and
a screenshot is written to the test's tmp folder.

Needs Debian's ``chromium`` (``.ci/run`` installs it); skipped with the reason where
no Chromium is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from socialnorms import Report

BROWSER = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium installed (.ci/run installs Debian's chromium with apt-get)",
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
PNG = b"\x89PNG\r\n\x1a\n"


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            BROWSER,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def open_in_browser(report: Report, tmp_path: Path, width: int) -> tuple[str, Path]:
    page = tmp_path / "report.html"
    page.write_text(report.to_html(), encoding="utf-8")
    shot = tmp_path / f"report-{width}.png"
    run = browse(page, tmp_path / "profile", f"--window-size={width},2400", f"--screenshot={shot}")
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "the page logged to the console:\n" + "\n".join(console)
    dom = browse(page, tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    return dom.stdout, shot


@pytest.mark.parametrize("width", [1000, 390])  # a laptop and a phone
def test_report_opens_cleanly_with_its_charts(scenario_report, tmp_path, width):
    dom, shot = open_in_browser(scenario_report, tmp_path, width)
    assert dom.count('<svg xmlns="http://www.w3.org/2000/svg" class="sn-chart"') == 7
    assert "<polyline" in dom and 'id="chart-response-time"' in dom
    data = shot.read_bytes()
    assert data.startswith(PNG) and len(data) > 10_000
    # the width of the PNG (bytes 16-20 of its header) is the window's: nothing forced a wider page
    assert int.from_bytes(data[16:20], "big") == width


def test_clean_report_opens_cleanly(clean_report, tmp_path):
    dom, shot = open_in_browser(clean_report, tmp_path, 800)
    assert "No findings: nothing broke the checked norms." in dom
    assert shot.read_bytes().startswith(PNG)
