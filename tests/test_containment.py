"""Issue 10: no input stops a batch.  Each failing input the issue lists is a regression case here."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from detente.extract_jsonl import dump_line, extract_lines, json_depth, read_lines
from detente.ingest.dates import resolve_relative
from detente.ingest.sources import MAX_BYTES, decode_bytes, iter_documents, make_document, read_bounded
from detente.model import MAX_EVIDENCE_CHARS, Document, Extraction, Rejected, evidence_window
from detente.nlp import MAX_SENTENCE_TOKENS, parse_documents, split_text

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[1]

ENGLISH = ("Russia condemned Israel on Tuesday over the strikes in Gaza, the foreign ministry said. "
           "The two countries have been at odds for months, and officials said talks would continue.")


def _standard(line: str) -> dict:
    """Parse one output line as standard JSON (NaN/Infinity refused) from valid UTF-8."""
    line.encode("utf-8")  # raises on lone surrogates

    def refuse(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name}")

    return json.loads(line, parse_constant=refuse)


def _extract(pipeline, lines: list[bytes]) -> list[dict]:
    raw = b"\n".join(lines) + b"\n"
    return [_standard(dump_line(o)) for o in extract_lines(read_lines(io.BytesIO(raw)), pipeline)]


# -- one input aborts the whole run ---------------------------------------------------------------------
def test_two_countries_said_is_not_an_attribute_error(pipeline):
    # "the two countries said": naming the speaker reads the actor pairs, which must exist by then
    text = ("Russia and Ukraine held talks in Istanbul on Monday. "
            "The two countries said they would exchange prisoners next week.")
    out = list(pipeline.run([Document(id="pairs", text=text, published=dt.date(2024, 3, 4))]))
    assert isinstance(out[0], Extraction), out[0]


def test_extract_lone_surrogate_gives_utf8_and_the_stream_goes_on(pipeline):
    lines = [b'{"id": "a", "text": "Russia condemned Israel \\ud800 on Monday."}',
             b'{"id": "\\udc00", "text": "China criticised Japan."}',
             json.dumps({"id": "c", "text": ENGLISH}).encode()]
    out = _extract(pipeline, lines)
    assert [o["id"] for o in out] == ["a", "\ufffd", "c"]
    assert out[0]["actors"] and "error" not in out[0]


def test_extract_deep_nesting_is_refused_before_parsing(pipeline):
    deep = b"[" * 1000 + b"]" * 1000
    obj = b'{"id": "d", "text": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    out = _extract(pipeline, [deep, obj, json.dumps({"id": "ok", "text": ENGLISH}).encode()])
    assert "nested deeper" in out[0]["error"] and "nested deeper" in out[1]["error"]
    assert out[2]["id"] == "ok" and "error" not in out[2]
    assert json_depth('{"a": "[[[[[[", "b": [1, [2]]}') == 3  # brackets inside strings do not count


@pytest.mark.parametrize("raw_id", [b"NaN", b"Infinity", b"-Infinity", b"1e999", b"9" * 4300, b"9" * 5000])
def test_extract_ids_out_of_range_give_standard_json(pipeline, raw_id):
    out = _extract(pipeline, [b'{"id": ' + raw_id + b', "text": "Russia condemned Israel."}',
                              b'{"id": 7, "text": "Russia condemned Israel."}'])
    assert out[0]["error"] and out[0]["id"] is None
    assert out[1]["id"] == 7 and "error" not in out[1]


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1799-12-31"])
def test_extract_dates_out_of_range_are_an_error_line(pipeline, date):
    out = _extract(pipeline, [json.dumps({"id": "x", "text": "Russia condemned Israel last week.", "date": date}).encode()])
    assert "outside" in out[0]["error"]


def test_relative_dates_at_the_calendar_edges_do_not_overflow():
    assert resolve_relative("It happened last week.", dt.date(1, 1, 1)) is None
    assert resolve_relative("It happened yesterday.", dt.date.min) is None
    assert resolve_relative("It happened last year.", dt.date(2024, 5, 1)).date == dt.date(2023, 1, 1)


def test_extract_invalid_utf8_blank_and_overlong_lines_each_get_one_answer(pipeline):
    raw = b'\xff\xfe{"id": 1}\n\n{"id": 2, "text": "' + b"x" * 300 + b'"}\n{"id": 3, "text": "Russia condemned Israel."}\n'
    out = [_standard(dump_line(o)) for o in extract_lines(read_lines(io.BytesIO(raw), max_bytes=200), pipeline)]
    assert [o.get("error", "").split(": ", 1)[-1] for o in out[:3]] == ["not UTF-8", "empty", "longer than 200 bytes"]
    assert out[3]["id"] == 3 and "error" not in out[3]


def test_extract_failure_inside_the_pipeline_is_an_error_line(pipeline, monkeypatch):
    real = pipeline.coder.code

    def code(parsed, *a, **kw):
        if "explode" in parsed.document.text:
            raise RuntimeError("boom\nsecond line")
        return real(parsed, *a, **kw)

    monkeypatch.setattr(pipeline.coder, "code", code)
    out = _extract(pipeline, [json.dumps({"id": i, "text": t}).encode()
                              for i, t in enumerate(["Russia condemned Israel.", "Russia will explode.", ENGLISH])])
    assert out[1]["error"].startswith("[R10] extraction failed: RuntimeError: boom second line")
    assert "error" not in out[0] and "error" not in out[2] and out[2]["events"]


# -- long texts and long sentences ----------------------------------------------------------------------
def test_split_text_cuts_at_paragraphs_and_keeps_every_character():
    text = ("A paragraph of news. " * 40 + "\n\n") * 30
    pieces = split_text(text, 2_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 2_000 for p in pieces) and all(p.endswith("\n\n") for p in pieces[:-1])
    assert "".join(split_text("x" * 5_000, 1_000)) == "x" * 5_000  # no break anywhere: cut at the limit


def test_text_over_the_parser_limit_is_parsed_in_pieces(pipeline, monkeypatch):
    # A 1.5 MB file passes the 5 MB cap and spaCy's 1,000,000-character limit no longer applies: here the
    # limit is lowered so the test stays fast; the pieces are joined into one Doc over the same text.
    monkeypatch.setattr(pipeline.nlp, "max_length", 30_000)
    text = "\n\n".join([ENGLISH] * 300)
    assert len(text) > 50_000
    parsed = next(parse_documents([Document(id="long", text=text, published=dt.date(2024, 1, 2))], pipeline.nlp))
    assert parsed.doc.text == text
    assert all(parsed.document.text[s.start:s.end] == s.text for s in parsed.sentences)
    out = list(pipeline.run([Document(id="long", text=text, published=dt.date(2024, 1, 2))]))
    assert isinstance(out[0], Extraction) and len(out[0].events) >= 300


def test_file_of_1_5_mb_is_read_not_rejected():
    raw = ("\n\n".join([ENGLISH] * 8_000)).encode()
    assert 1_000_000 < len(raw) < MAX_BYTES
    doc = make_document(raw, source="big.txt", is_html=False)
    assert len(doc.text) > 1_000_000


def test_run_on_sentence_is_capped_before_parsing(pipeline):
    clause = "Russia condemned Israel, China criticised Japan, Iran threatened Saudi Arabia"
    text = ", ".join([clause] * 120) + "."
    doc = pipeline.nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    # without the cap the parser takes the whole run as one sentence
    with pipeline.nlp.select_pipes(disable=["detente_sentence_cap"]):
        assert max(len(s) for s in pipeline.nlp(text).sents) > MAX_SENTENCE_TOKENS


def test_evidence_is_bounded_and_sentences_listed_once(pipeline):
    clause = "Russia condemned Israel and China criticised Japan and Iran threatened Saudi Arabia"
    text = " and ".join([clause] * 60) + "."
    x = next(pipeline.run([Document(id="run", text=text, published=dt.date(2024, 1, 2))]))
    out = x.to_json()
    assert out["events"]
    assert all(len(e["evidence"]["text"]) <= MAX_EVIDENCE_CHARS for e in out["events"])
    assert sorted({e["sentence"] for e in out["events"]}) == [s["idx"] for s in out["sentences"]]
    for e in out["events"]:
        a, b = e["evidence"]["span"]
        assert text[a:b] == e["evidence"]["text"]
    assert evidence_window("short one", 10, 12) == ("short one", 10, 19)


# -- files ---------------------------------------------------------------------------------------------
def _collect(paths, **kw):
    items = list(iter_documents([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejected)]


def test_symlink_loop_and_fifo_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path, tmp_path / "loop")  # a folder linking to itself: not entered
    os.mkfifo(tmp_path / "pipe.txt")
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("waited on a FIFO")))
    signal.alarm(20)
    try:
        docs, rejected = _collect([tmp_path])
    finally:
        signal.alarm(0)
    assert len(docs) == 1
    reasons = {Path(r.source).name: (r.code, r.reason) for r in rejected}
    assert reasons["a.txt"] == ("R09", "not a regular file (symlink loop)")
    assert reasons["pipe.txt"] == ("R09", "not a regular file (FIFO)")


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(2_000_000_000)  # sparse: 2 GB that were never written
    with pytest.raises(Exception) as info:
        read_bounded(big)
    assert getattr(info.value, "reject", None) == "R04"


def test_file_name_with_invalid_utf8_is_read_and_shown_escaped(tmp_path, pipeline):
    from detente.jobs import ingest
    from detente.store import Store

    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(tmp_path)], store=store, pipeline=pipeline, date=dt.date(2024, 1, 2))
        assert summary.stored == 1, summary.to_dict()
        (source,) = [r["source_path"] for r in store.query("SELECT source_path FROM documents")]
    assert source.endswith("bad\\xff.txt")


def test_bad_manifest_row_is_rejected_and_the_rest_ingested(tmp_path, pipeline):
    from detente.jobs import ingest
    from detente.store import Store

    (tmp_path / "x.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "m.csv").write_text("path,published\nx.txt,2024-01-02\ny.txt,9999-12-31\n,\n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([], store=store, pipeline=pipeline, manifest=tmp_path / "m.csv")
    assert summary.stored == 1
    assert sorted(r.code for r in summary.rejected) == ["R11", "R11"]


def test_ingest_failure_inside_the_pipeline_is_listed_and_the_batch_goes_on(tmp_path, pipeline, monkeypatch):
    from detente.jobs import ingest
    from detente.store import Store

    real = pipeline.resolver.resolve

    def resolve(parsed, **kw):
        if "explode" in parsed.document.text:
            raise KeyError("boom")
        return real(parsed, **kw)

    monkeypatch.setattr(pipeline.resolver, "resolve", resolve)
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH + " The talks may explode, the minister said.", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(tmp_path)], store=store, pipeline=pipeline, date=dt.date(2024, 1, 2), debug=True)
    assert summary.stored == 1
    (bad,) = summary.rejected
    assert bad.code == "R10" and bad.source.endswith("b.txt") and "KeyError" in bad.reason
    assert "Traceback" in bad.traceback and "traceback" in bad.to_dict()


# -- encodings -----------------------------------------------------------------------------------------
SAMPLES = {  # generated text in each script, and the codec that writes it
    "shift_jis": "ロシアはイスラエルを非難した。外務省は声明を発表し、停戦を求めた。東京で会談が行われた。" * 4,
    "gb18030": "俄罗斯谴责以色列。外交部发表声明，呼吁停火。会谈在北京举行，双方同意继续对话。" * 4,
    "big5": "俄羅斯譴責以色列。外交部發表聲明，呼籲停火。會談在台北舉行，雙方同意繼續對話。" * 4,
    "koi8_r": "Россия осудила Израиль. Министерство иностранных дел призвало к прекращению огня. " * 4,
    "euc_kr": "러시아는 이스라엘을 비난했다. 외교부는 성명을 발표하고 휴전을 촉구했다. 회담은 서울에서 열렸다. " * 4,
    "iso8859_7": "Η Ρωσία καταδίκασε το Ισραήλ. Το υπουργείο Εξωτερικών ζήτησε κατάπαυση του πυρός. " * 4,
}


@pytest.mark.parametrize("codec", sorted(SAMPLES))
def test_html_declared_charset_is_honoured(codec):
    text = SAMPLES[codec]
    html = f'<html><head><meta charset="{codec.replace("_", "-")}"><title>t</title></head><body><p>{text}</p></body></html>'
    assert text in decode_bytes(html.encode(codec), "page.html", html=True)
    http_equiv = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={codec}"></head><body>{text}</body></html>'
    assert text in decode_bytes(http_equiv.encode(codec), "page.html", html=True)


@pytest.mark.parametrize("codec", sorted(SAMPLES))
def test_undeclared_charset_is_detected(codec):
    text = SAMPLES[codec]
    assert decode_bytes(text.encode(codec), "page.txt") == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf-32-le"])
def test_utf16_and_utf32_with_a_bom_are_read(codec):
    bom = {"utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe", "utf-32-be": b"\x00\x00\xfe\xff",
           "utf-32-le": b"\xff\xfe\x00\x00"}.get(codec, b"")
    doc = make_document(bom + ENGLISH.encode(codec), source="u.txt", is_html=False)
    assert doc.text.startswith("Russia condemned Israel")


# -- command line --------------------------------------------------------------------------------------
def _cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], input=stdin, capture_output=True,
                          env=env, timeout=300)


def test_cli_missing_inputs_are_a_clear_error_not_a_traceback(tmp_path):
    for args in (["extract", str(tmp_path / "nope.jsonl")],
                 ["ingest", "--manifest", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "s.duckdb")]):
        result = _cli(*args)
        assert result.returncode != 0
        assert b"Traceback" not in result.stderr and b"error" in result.stderr, result.stderr[-500:]


def test_cli_extract_invalid_utf8_on_stdin_answers_every_line():
    result = _cli("extract", stdin=b'\xff\xfe\n{"id": 2, "text": "Russia condemned Israel."}\n{"id": 3, "text": "x\\ud800"}\n')
    assert result.returncode == 0, result.stderr[-500:]
    lines = [_standard(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [o["id"] for o in lines] == [None, 2, 3]
    assert "\n" not in dump_line({"id": "a\u2028b\x85c\u2029"})[:-1]
    assert dump_line({"id": "a\u2028b"}).splitlines() == ['{"id": "a\\u2028b"}']
    assert json.loads(dump_line({"id": "a\u2028b\x85"}))["id"] == "a\u2028b\x85"
    assert lines[0]["error"] == "line 1: not UTF-8" and lines[1]["actors"]
