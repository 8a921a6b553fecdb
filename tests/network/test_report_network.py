"""The report's network parts: shifts, balance, charts, and escaping, on the seeds and a hostile input."""

from __future__ import annotations

import json

from detente.report import build_report, render_html, render_markdown, svg_series
from detente.store import Store

from ._synthetic import add_event, new_store


def test_report_seeds_has_balance_charts_and_marks_background(seed_store, tmp_path):
    with Store(seed_store, read_only=True) as store:
        data = build_report(store)
    json.dumps(data, default=str)
    tones = {frozenset((r["a"]["id"], r["b"]["id"])): r["score"] for r in data["relations"]}
    assert tones[frozenset(("RUS", "IRN"))] > 0 and tones[frozenset(("RUS", "PSEREB:hamas"))] > 0
    assert tones[frozenset(("RUS", "ISR"))] < 0
    rus_isr = next(r for r in data["relations"] if {r["a"]["id"], r["b"]["id"]} == {"RUS", "ISR"})
    assert rus_isr["n_background"] > 0 and rus_isr["n_undated"] > 0
    assert data["dedup"]["events"] < data["dedup"]["reports"]
    md = render_markdown(data)
    assert "## Balance" in md and "data:image/svg+xml;base64," in md
    # background evidence is shown as such, with no made-up day
    assert "before publication (background)" in md and " background, " in md
    md_files = render_markdown(data, assets=tmp_path / "report_files")
    assert "report_files/network.svg" in md_files and (tmp_path / "report_files" / "network.svg").exists()
    page = render_html(data)
    assert page.count("<svg") >= 2 and "before publication (background)" in page


def test_report_shifts_section(tmp_path):
    store = new_store(tmp_path / "shift.duckdb")
    for i in range(4):
        add_event(store, f"a{i}", "RUS", "ISR", "SUPPORT", 5, f"2022-0{i + 1}-10", text=f"coop {i}")
        add_event(store, f"c{i}", "RUS", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-10", text=f"blame {i}")
    add_event(store, "y0", "RUS", "ISR", "SUPPORT", 5, "2021-01-01", basis="stated", precision="year", text="in 2021")
    data = build_report(store)
    store.close()
    md = render_markdown(data)
    assert "## Shifts" in md and "Shifts" in render_html(data)
    assert "- 2021 · SUPPORT" in md  # a year is shown as a year, not as 1 January


def test_report_escapes_article_text_in_html_and_svg(tmp_path):
    store = new_store(tmp_path / "x.duckdb")
    for i in range(6):
        add_event(store, f"e{i}", "RUS", "ISR", "ACCUSE", -2, f"2023-0{i + 1}-01",
                  text=f"<script>alert({i})</script> & more")
    data = build_report(store)
    store.close()
    page = render_html(data)
    assert "<script>" not in page and "&lt;script&gt;" in page
    series = data["series"][0] | {"a": {"id": "X", "name": "<b>X</b>"}}
    assert "<b>X</b>" not in svg_series(series)
