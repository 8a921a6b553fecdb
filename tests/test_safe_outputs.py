"""Outputs are safe in a spreadsheet and in a Markdown viewer, with hostile documents ingested through the real
pipeline (manifest metadata and article text both carry the payloads).

CSV/TSV: OWASP's CSV-injection rule: a text cell starting with =, +, -, @, tab or CR gets a leading single
quote; numbers (a score of -5) stay numbers.  Markdown: rendered with markdown-it (CommonMark, raw HTML on, as
permissive viewers do), no script, image, event handler or javascript: link may come out.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from detente.exports import export
from detente.exports._common import FORMULA_LEADS, safe_cell
from detente.report import build_report, md_text, render_markdown
from detente.store import Store

pytestmark = pytest.mark.model

# (file name, outlet, title, text): each article yields events, so its payloads reach every output.
HOSTILE = [
    ("formula.txt", "=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
     "Russia condemned Israel over the strikes on Monday, officials said. "
     "=1+1 is what the note said. Russia praised Iran for its support at the talks."),
    ("script.txt", "@SUM(1+1)*cmd|' /C calc'!A0", "<script>alert('title')</script>",
     "Iran praised Russia <script>alert('x')</script> for its help at the talks in Tehran on Monday. "
     "Russia condemned Israel <img src=x onerror=alert(1)> over the raid, officials said."),
    ("link.txt", "-2+3", "[click me](javascript:alert(1))",
     "Russia condemned Israel [click](javascript:alert(3)) over the strikes, officials said. "
     "Iran praised Russia ![x](javascript:alert(2)) for its help at the talks on Tuesday."),
]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, pipeline):
    from detente.jobs import ingest

    folder = tmp_path_factory.mktemp("hostile")
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "outlet", "published", "title"])
        for name, outlet, title, text in HOSTILE:
            (folder / name).write_text(text, encoding="utf-8")
            writer.writerow([name, outlet, "2024-03-01", title])
    db = folder / "hostile.duckdb"
    with Store(db) as store:
        summary = ingest([str(folder / name) for name, *_ in HOSTILE], store=store, pipeline=pipeline,
                         manifest=folder / "manifest.csv", date=dt.date(2024, 3, 1))
        assert summary.stored == len(HOSTILE), summary.to_dict()
        assert store.counts()["events"] >= 3
    return db


def _cells(path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def test_safe_csv_quotes_formula_cells_keeps_numbers(hostile_store, tmp_path) -> None:
    out = tmp_path / "events.csv"
    with Store(hostile_store, read_only=True) as store:
        assert export(store, "csv", out) >= 3
    rows = _cells(out, ",")
    header, body = rows[0], rows[1:]
    outlets = {row[header.index("outlet")] for row in body}
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in outlets and "'-2+3" in outlets
    for row in body:
        for name, cell in zip(header, row):
            if name != "score":
                assert not cell.startswith(FORMULA_LEADS), (name, cell)
    scores = [float(row[header.index("score")]) for row in body]  # still numbers, negative ones unquoted
    assert any(s < 0 for s in scores)


def test_safe_gdelt_tsv_quotes_text_cells_keeps_numbers(hostile_store, tmp_path) -> None:
    from detente.exports._gdelt import COLUMNS, NUMERIC_COLUMNS

    out = tmp_path / "events.tsv"
    with Store(hostile_store, read_only=True) as store:
        assert export(store, "gdelt", out) >= 1
    rows = _cells(out, "\t")
    assert rows and all(len(r) == len(COLUMNS) for r in rows)
    for row in rows:
        for name, cell in zip(COLUMNS, row):
            if name not in NUMERIC_COLUMNS:
                assert not cell.startswith(FORMULA_LEADS), (name, cell)
    goldstein = [float(r[COLUMNS.index("GoldsteinScale")]) for r in rows]
    assert any(g < 0 for g in goldstein)  # "-5" is a number, written as one


def test_safe_cell_rule() -> None:
    for lead in FORMULA_LEADS:
        assert safe_cell(lead + "x") == "'" + lead + "x"
    assert safe_cell(-3.5) == -3.5 and safe_cell(0) == 0 and safe_cell(None) is None
    assert safe_cell("Russia") == "Russia" and safe_cell("") == ""


def _rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def _tags(page: str) -> list[tuple[str, dict[str, str]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, {k: v or "" for k, v in attrs}))

    Collect().feed(page)
    return found


def test_safe_markdown_report_has_no_live_html(hostile_store, tmp_path) -> None:
    with Store(hostile_store, read_only=True) as store:
        data = build_report(store)
    markdown = render_markdown(data, assets=tmp_path / "report_files")
    for payload in ("<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "javascript:alert(3)"):
            assert payload in " ".join(str(i) for r in data["relations"] for i in r["items"]), \
            f"{payload} did not reach the report data (else this test proves nothing)"
    tags = _tags(_rendered(markdown))
    assert not [t for t, _ in tags if t in {"script", "iframe", "object", "embed", "svg", "style"}]
    for tag, attrs in tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src"):
            assert not attrs.get(key, "").lower().strip().startswith(("javascript:", "data:text")), (tag, attrs)
        if tag == "img":  # only the report's own charts
            assert attrs["src"].startswith("report_files/"), attrs
    assert "&lt;script&gt;" in markdown


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                     "[x](javascript:alert(1))", "![x](javascript:alert(1))",
                                     "<javascript:alert(1)>", "line\n<script>x</script>", "`code` *b* _i_ | #"])
def test_safe_md_text_is_inert(payload: str) -> None:
    page = _rendered("- " + md_text(payload))
    assert "<script" not in page and "<img" not in page and "href=" not in page and "<code" not in page
    assert "<em" not in page and "<strong" not in page


def test_safe_html_report_has_no_live_html(hostile_store) -> None:
    from detente.report import render_html

    with Store(hostile_store, read_only=True) as store:
        data = build_report(store)
    page = render_html(data)
    assert {o["outlet"] for o in data["outlets"]} >= {"@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"}  # payloads reach it
    tags = _tags(page)
    assert not [t for t, _ in tags if t in {"script", "iframe", "object", "embed", "img", "link", "base", "form"}]
    assert [t for t, _ in tags].count("style") == 1  # the report's own style sheet, nothing from an article
    for tag, attrs in tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), (tag, attrs)  # links only within the page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
