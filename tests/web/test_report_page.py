"""The HTML report in headless Chromium: it fits a phone and loads nothing from anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def report_file(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from detente.report import build_report, render_html
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        page = render_html(build_report(store))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


# Every chart label that leaves its SVG's box (a chart clips it): its text and how far out it is.
_LABELS_OUTSIDE = """() => [...document.querySelectorAll('svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()])
    .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5
                       || r.bottom > box.bottom + 0.5)
    .map(([text, r]) => `${text}: ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of ${
                         Math.round(box.width)}`);
})"""


def _assert_fits(tab: Any, width: int) -> None:
    """No sideways scrolling, nothing wider than the screen, and every chart label inside its chart's box."""
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    wide = tab.evaluate("[...document.querySelectorAll('body *')].filter(e => "
                        "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                        ".map(e => e.tagName + ' ' + e.textContent.slice(0, 40))")
    assert wide == []
    assert tab.evaluate("document.querySelectorAll('svg text').length") > 0  # the check has labels to look at
    assert tab.evaluate(_LABELS_OUTSIDE) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_report_fits_the_screen_and_loads_nothing(browser_context: Any, report_file: Path, width: int,
                                                   tmp_path: Path) -> None:
    tab = browser_context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.set_viewport_size({"width": width, "height": 844})
        tab.goto(report_file.as_uri())
        _assert_fits(tab, width)
        # styled: the inline style sheet applies (headings, the figures grid), text readable on a phone
        assert tab.evaluate("getComputedStyle(document.querySelector('.figures')).display") == "grid"
        assert tab.evaluate("parseFloat(getComputedStyle(document.querySelector('ul.evidence li')).fontSize)") >= 13
        # a summary of the period, the outlets and the relations with their date ranges
        summary = tab.locator("#summary").inner_text()
        assert "News dated from" in summary and "documents" in summary
        assert {"Al-Monitor", "The Spectator"} <= set(tab.locator("#outlets td:first-child").all_text_contents())
        israel_russia = tab.locator("#relations tbody tr", has_text="Israel – Russia").first
        assert israel_russia.locator('td[data-label="dates"]').inner_text().startswith("2022-")
        shot = tab.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=False)
        assert shot[:4] == b"\x89PNG"
    finally:
        tab.close()
    assert requests == [report_file.as_uri()]  # the page itself and nothing else: it works offline


LONG = "Islamic Revolutionary Guard Corps Aerospace Force and Its Regional Command"


@pytest.fixture(scope="module")
def long_names_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report with very long actor names (a chart title, network labels on both sides) and a shift at the right
    end of its chart, written through ``detente report --format html --output``."""
    from typer.testing import CliRunner

    from detente.cli import app
    from network._synthetic import add_event, new_store

    folder = tmp_path_factory.mktemp("long-names")
    store = new_store(folder / "long.duckdb")
    store.con.execute("UPDATE nodes SET name = ? WHERE id = 'IRN'", [LONG])
    store.con.execute("UPDATE nodes SET name = ? WHERE id = 'USA'", [LONG.replace("Islamic", "United")])
    for i in range(4):  # friendly for four years, then hostile for four months: the shift is near the right end
        add_event(store, f"a{i}", "IRN", "ISR", "SUPPORT", 5, f"{2019 + i}-03-10", text=f"coop {i}")
        add_event(store, f"c{i}", "IRN", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-10", text=f"blame {i}")
    for other in ("RUS", "UKR", "USA"):
        add_event(store, f"x{other}", "IRN", other, "CONSULT", 1, "2023-01-05", text=f"talks {other}")
    store.close()
    path = folder / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(folder / "long.duckdb"), "--format", "html",
                                      "--output", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("width", [390, 1280])
def test_report_chart_labels_stay_inside_their_charts(browser_context: Any, long_names_report: Path,
                                                       width: int) -> None:
    tab = browser_context.new_page()
    try:
        tab.set_viewport_size({"width": width, "height": 844})
        tab.goto(long_names_report.as_uri())
        _assert_fits(tab, width)
        labels = tab.locator("#network svg text").all_text_contents()
        assert labels.count(LONG) == 1 and labels.count(LONG.replace("Islamic", "United")) == 1  # in full
        series = tab.locator("svg").nth(1)
        assert series.locator("text", has_text="shift 2023-").count() == 1
        title = series.locator("text").first.text_content()
        assert title.endswith("…") and title.startswith("Islamic Revolutionary")  # cut to fit; in full on hover
        assert LONG in series.locator("title").first.text_content()
    finally:
        tab.close()
