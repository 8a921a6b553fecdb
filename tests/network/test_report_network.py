"""The report's network parts: shifts, balance, charts, and escaping, on the seeds and a hostile input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from detente.report import build_report, render_html, render_markdown, svg_series
from detente.store import Store

from ._synthetic import add_event, new_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from one_shape import assert_one_shape as _assert_one_shape  # noqa: E402


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


def test_report_html_summary_outlets_and_date_ranges(tmp_path):
    from ._synthetic import add_claim

    store = new_store(tmp_path / "summary.duckdb")
    add_event(store, "n1", "RUS", "ISR", "ACCUSE", -5, "2023-01-10", outlet="TASS", doc="d1", text="blame")
    add_event(store, "n2", "ISR", "RUS", "ACCUSE", -3, "2023-04-20", outlet="Al-Monitor", doc="d2", text="blame back")
    add_claim(store, "c1", "IRN", "RUS", 1, "2023-02-01", outlet="TASS", doc="d1", text="friends")
    add_event(store, "b1", "RUS", "ISR", "SUPPORT", 6, "2015-06-01", basis="background", outlet="TASS", doc="d1",
              text="old ties")
    add_event(store, "u1", "RUS", "IRN", "SUPPORT", 6, None, basis="background", precision="before-publication",
              outlet="<i>Odd</i> Outlet", doc="d3", text="<img src=x onerror=alert(1)> once")
    for doc, outlet, day in (("d1", "TASS", "2023-02-02"), ("d2", "Al-Monitor", "2023-04-21"),
                             ("d3", "<i>Odd</i> Outlet", None)):
        store.con.execute("INSERT INTO documents (id, title, outlet, published, text) VALUES (?, ?, ?, ?, '')",
                          [doc, f"title {doc}", outlet, day])
    data = build_report(store)
    store.close()
    period = data["period"]
    # news dates leave out the background told about 2015; background and undated are counted apart
    assert (str(period["news_first"]), str(period["news_last"])) == ("2023-01-10", "2023-04-20")
    assert (str(period["first"]), period["background"], period["undated"], period["reports"]) == (
        "2015-06-01", 2, 1, 5)
    outlets = {o["outlet"]: o for o in data["outlets"]}
    assert (outlets["TASS"]["documents"], outlets["TASS"]["events"], outlets["TASS"]["stated"]) == (1, 2, 1)
    assert outlets["Al-Monitor"]["events"] == 1 and outlets["<i>Odd</i> Outlet"]["first"] is None
    page = render_html(data)
    # styled and self-contained: inline CSS, a phone viewport, nothing loaded from anywhere
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page and "<style>" in page
    assert "<link" not in page and "<script" not in page and "src=" not in page.replace("src=x", "")
    assert "@import" not in page and "url(" not in page
    assert "https://" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # the summary of the period, the outlets and a date range per relation
    assert "News dated from <b>2023-01-10</b> to <b>2023-04-20</b>" in page
    assert "dated as early as 2015-06-01" in page and "1 have no date" in page
    assert '<td data-label="published">2023-02-02</td>' in page
    assert '<td data-label="dates">2015-06-01 – 2023-04-20</td>' in page  # Israel – Russia
    assert '<td data-label="background / undated">1 / 0</td>' in page
    # article text and outlet names stay text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<i>Odd</i>" not in page and "&lt;i&gt;Odd&lt;/i&gt; Outlet" in page


def _report_json(db, *flags):
    from typer.testing import CliRunner

    from detente.cli import app

    result = CliRunner().invoke(app, ["report", "--db", str(db), *flags], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_report_json_has_one_shape_for_actors_and_pairs_on_the_seeds(seed_store):
    data = _report_json(seed_store, "--format", "json")
    assert data == _report_json(seed_store, "--json")
    kinds = _assert_one_shape(data)
    assert {("relations", "a"), ("relations", "said_by"), ("balance", "triad"), ("balance", "b"), ("series", "a"),
            ("network", "nodes"), ("network", "b")} <= kinds
    said = [i["said_by"] for r in data["relations"] for i in r["items"] if i["said_by"]]
    # speakers resolved to an actor carry its id; an unnamed voice ("Political analysts believe that ...") its words
    assert said and any(s["id"] for s in said) and all(s["id"] or s["name"] for s in said)
    assert any(t["pressure"] for t in data["balance"])
    assert all(p["a"] == s["a"] and p["b"] == s["b"] for s in data["series"] for p in s["points"])


def test_report_json_shifts_are_pairs_of_id_and_name(tmp_path):
    store = new_store(tmp_path / "shift.duckdb")
    for i in range(4):
        add_event(store, f"a{i}", "RUS", "ISR", "SUPPORT", 5, f"2022-0{i + 1}-10", text=f"coop {i}")
        add_event(store, f"c{i}", "RUS", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-10", text=f"blame {i}")
    store.close()
    data = _report_json(tmp_path / "shift.duckdb", "--format", "json")
    _assert_one_shape(data)
    assert data["shifts"] and {data["shifts"][0]["a"]["name"], data["shifts"][0]["b"]["name"]} == {"Russia", "Israel"}
    assert data["shifts"][0]["items"] and all("said_by" in i for i in data["shifts"][0]["items"])
