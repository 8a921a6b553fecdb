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


@pytest.mark.parametrize("width", [390, 1280])
def test_report_fits_the_screen_and_loads_nothing(browser_context: Any, report_file: Path, width: int,
                                                   tmp_path: Path) -> None:
    tab = browser_context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.set_viewport_size({"width": width, "height": 844})
        tab.goto(report_file.as_uri())
        # no sideways scrolling at any width, a phone's included
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        # (inside a chart, the SVG box clips its own labels: only the box itself must fit)
        wide = tab.evaluate("[...document.querySelectorAll('body *')].filter(e => !e.parentElement.closest('svg')"
                            " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                            ".map(e => e.tagName)")
        assert wide == []
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
