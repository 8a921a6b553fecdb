"""Reading inputs: files, folders, manifests, HTML, standard input, and every kind of bad input."""

import datetime as dt
import io
import json

import pytest

from detente.ingest.sources import MAX_BYTES, Meta, iter_documents, make_document, read_manifest
from detente.model import DateBasis, Document, Rejected

ENGLISH = "Russia and Iran signed an agreement on Tuesday, officials in both capitals said after the talks. " * 3


def _collect(paths, **kw):
    items = list(iter_documents([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejected)]


@pytest.mark.parametrize(
    "name, payload, code",
    [
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "R02"),
        ("empty.txt", b"   \n\n ", "R03"),
        ("french.txt", ("Le gouvernement a annoncé une nouvelle politique pour les citoyens et les entreprises du pays. " * 5).encode(), "R05"),
        ("big.txt", b"a " * (MAX_BYTES // 2 + 10), "R04"),
        ("image.png", b"\x89PNG....", "R06"),
        ("only-furniture.txt", b"Already a subscriber? Log in\nSubscribe to our newsletter\n", "R03"),
    ],
)
def test_sources_bad_input_rejected_with_reason_and_batch_goes_on(tmp_path, name, payload, code):
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / name).write_bytes(payload)
    docs, rejected = _collect([tmp_path / "good.txt", tmp_path / name])
    assert len(docs) == 1
    assert [r.code for r in rejected] == [code]
    assert rejected[0].reason  # a one-line reason


def test_sources_missing_file_is_rejected_not_raised(tmp_path):
    docs, rejected = _collect([tmp_path / "nope.txt"])
    assert docs == [] and rejected[0].code == "R01"


def test_sources_folder_is_recursive_and_reads_each_file_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ENGLISH + " More.", encoding="utf-8")
    docs, rejected = _collect([tmp_path, tmp_path / "two.txt"])
    assert len(docs) == 2 and not rejected


def test_sources_manifest_csv_gives_outlet_and_date_relative_paths(tmp_path):
    (tmp_path / "x.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "m.csv").write_text("path,outlet,published,title\nx.txt,Wire,2023-10-27,T\n", encoding="utf-8")
    docs, _ = _collect([], manifest=tmp_path / "m.csv")
    assert docs[0].outlet == "Wire" and docs[0].published == dt.date(2023, 10, 27)
    assert docs[0].date_basis == DateBasis.MANIFEST and docs[0].title == "T"


def test_sources_manifest_jsonl_and_paths_beside_it(tmp_path):
    (tmp_path / "x.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "y.txt").write_text(ENGLISH + " Again.", encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(json.dumps({"path": "x.txt", "outlet": "Wire"}) + "\n", encoding="utf-8")
    docs, _ = _collect([tmp_path / "x.txt", tmp_path / "y.txt"], manifest=tmp_path / "m.jsonl")
    assert sorted(d.outlet or "" for d in docs) == ["", "Wire"]


def test_sources_manifest_bad_row_is_rejected_and_the_rest_kept(tmp_path):
    (tmp_path / "m.csv").write_text("path,published\nx.txt,last tuesday\ny.txt,2024-01-02\n,\n", encoding="utf-8")
    rows = read_manifest(tmp_path / "m.csv")
    bad = [r for r in rows if isinstance(r, Rejected)]
    assert [r.source.rsplit(" ", 2)[-2:] for r in bad] == [["row", "2"], ["row", "4"]]
    assert all(r.code == "R11" for r in bad)
    good = [r for r in rows if not isinstance(r, Rejected)]
    assert len(good) == 1 and good[0][1].published == dt.date(2024, 1, 2)


def test_sources_stdin():
    docs = list(iter_documents(["-"], stdin=io.StringIO(ENGLISH), date=dt.date(2024, 1, 2)))
    assert isinstance(docs[0], Document) and docs[0].published == dt.date(2024, 1, 2)
    assert docs[0].date_basis == DateBasis.OPTION


def test_sources_html_goes_through_trafilatura():
    html = (
        "<html><head><title>Talks in Moscow</title><meta property='og:site_name' content='Example News'>"
        "<meta name='date' content='2023-10-26'></head><body><nav>Home | World | Subscribe</nav>"
        f"<article><h1>Talks in Moscow</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        "<footer>Copyright Example News</footer></body></html>"
    )
    doc = make_document(html.encode(), source="page.html", is_html=True)
    assert "Russia and Iran signed" in doc.text and "Copyright" not in doc.text
    assert doc.published == dt.date(2023, 10, 26) and doc.date_basis == DateBasis.HTML


def test_sources_manifest_wins_over_page_metadata():
    html = f"<html><head><meta name='date' content='2020-01-01'></head><body><article><p>{ENGLISH}</p></article></body></html>"
    doc = make_document(html.encode(), source="p.html", is_html=True, meta=Meta(published=dt.date(2023, 5, 5)))
    assert doc.published == dt.date(2023, 5, 5) and doc.date_basis == DateBasis.MANIFEST


def test_sources_same_text_same_id_despite_whitespace():
    a = make_document(ENGLISH.encode(), source="a", is_html=False)
    b = make_document(("\n\n" + ENGLISH.replace(". ", ".  ") + "\n").encode(), source="b", is_html=False)
    assert a.id == b.id


def test_sources_cp1252_text_is_read():
    doc = make_document(("Erdo\xf0an " + ENGLISH).encode("cp1252"), source="w.txt", is_html=False)
    assert "Russia and Iran" in doc.text


def test_sources_manifest_given_as_a_path_is_rejected_with_a_hint(tmp_path):
    """A first-hour trap: `detente ingest manifest.csv` instead of `--manifest manifest.csv`."""
    (tmp_path / "m.csv").write_text("path,outlet,published,title\nx.txt,Wire,2023-10-27,T\n", encoding="utf-8")
    docs, rejected = _collect([tmp_path / "m.csv"])
    assert not docs and rejected[0].code == "R06" and "--manifest" in rejected[0].reason
