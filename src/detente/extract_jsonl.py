"""The stateless extractor behind ``detente extract``: JSONL in, JSONL out, no store.

Each input line is ``{"id", "text", "date"?, "outlet"?}``; each output line
is ``{"id", "actors": [...], "events": [...], "relations": [...], "sentences": [...]}``
in the JSON contract of the README, in input order, exactly one per input line.
A line that cannot be extracted (not UTF-8, too long, nested too deep, not a
JSON object, bad fields, or a failure inside the pipeline) yields
``{"id", "error", "actors": [], "events": [], "relations": [], "sentences": []}`` and the
stream goes on.  Output is always standard JSON (no NaN/Infinity) in valid UTF-8.
Lines are parsed in batches (``nlp.pipe``) for speed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from .model import DateBasis, Document, Rejected, check_date, normalise_text
from .nlp import BATCH_SIZE

# Longest text accepted per line: the same 5,000,000 cap as an ingested file (ingest.sources.MAX_BYTES).
MAX_TEXT_CHARS = 5_000_000
# Longest input line in bytes: the text cap plus room for JSON escapes and the other fields.  A longer
# line is answered with an error and skipped without being held in memory whole.
MAX_LINE_BYTES = 12_000_000
# Deepest JSON nesting accepted: a record is a flat object; deep nesting only exhausts the parser's stack.
MAX_DEPTH = 32
# Longest integer (in digits) accepted in a line: Python refuses to convert more than 4,300 digits.
MAX_INT_DIGITS = 100
# Longest id echoed back.
MAX_ID_CHARS = 1_000

_SURROGATE = re.compile("[\ud800-\udfff]")
_BRACKET = re.compile(r'[\[\]{}"\\]')


class LineError(ValueError):
    """A line that cannot be extracted, with the reason written on its output line."""


def _error(rid: Any, message: str) -> dict[str, Any]:
    return {"id": rid, "error": message, "actors": [], "events": [], "relations": [], "sentences": []}


def _clean_str(value: str) -> str:
    """Replace lone surrogates (which no UTF-8 output can carry) by U+FFFD, one for one, keeping offsets."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def json_depth(line: str) -> int:
    """The deepest bracket nesting of a JSON text, ignoring brackets inside strings (one linear scan:
    the parser itself recurses per level and would exhaust the stack first)."""
    depth = deepest = 0
    in_string = False
    i = 0
    n = len(line)
    while i < n:
        m = _BRACKET.search(line, i)
        if m is None:
            break
        ch = m.group()
        i = m.end()
        if in_string:
            if ch == "\\":
                i += 1  # skip the escaped character
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise LineError(f"integer of {len(text)} digits (more than {MAX_INT_DIGITS})")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise LineError(f"number {text[:20]} is out of range")
    return value


def _parse_constant(name: str) -> Any:
    raise LineError(f"{name} is not standard JSON")


def parse_line(line: str, n: int) -> dict[str, Any]:
    """One JSONL line as a record, checked for depth before parsing and for standard JSON.

    Raises:
        LineError: the line is nested too deep, not standard JSON, or not an object.
    """
    if json_depth(line) > MAX_DEPTH:
        raise LineError(f"line {n}: JSON nested deeper than {MAX_DEPTH}")
    try:
        obj = json.loads(line, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except LineError as exc:
        raise LineError(f"line {n}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise LineError(f"line {n}: not JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        raise LineError(f"line {n}: not JSON ({type(exc).__name__})") from None
    if not isinstance(obj, dict):
        raise LineError(f"line {n}: not a JSON object")
    return obj


def _id(record: dict[str, Any]) -> Any:
    """The record's id as echoed back: strings cleaned and bounded; numbers, booleans and null as given."""
    rid = record.get("id")
    if isinstance(rid, str):
        return _clean_str(rid[:MAX_ID_CHARS])
    if rid is None or isinstance(rid, (bool, int, float)):
        return rid
    return _clean_str(json.dumps(rid, ensure_ascii=False)[:MAX_ID_CHARS])  # an object or list id, as text


def _document(record: dict[str, Any]) -> Document:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LineError("'text' must be a non-empty string")
    if len(text) > MAX_TEXT_CHARS:
        raise LineError(f"'text' is longer than {MAX_TEXT_CHARS} characters")
    text = _clean_str(text)
    published = None
    basis = DateBasis.UNKNOWN
    if record.get("date"):
        try:
            published = check_date(dt.date.fromisoformat(str(record["date"])[:10]))
        except ValueError as exc:
            raise LineError(f"'date': {exc}") from None
        basis = DateBasis.OPTION
    outlet = record.get("outlet")
    outlet = _clean_str(str(outlet))[:500] if outlet else None
    # Offsets must index the caller's text, so the text is kept as given.
    return Document(id=Document.make_id(normalise_text(text)), text=text, outlet=outlet,
                    published=published, date_basis=basis)


def extract_records(records: Iterable[dict[str, Any]], pipeline: Any = None, *,
                    debug: bool = False) -> Iterator[dict[str, Any]]:
    """Extract every record; yields one output object per input record, in order."""
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline.load()
    it = iter(records)
    while True:
        chunk = list(islice(it, BATCH_SIZE))
        if not chunk:
            return
        docs: list[Document | None] = []
        errors: dict[int, str] = {}
        for i, record in enumerate(chunk):
            try:
                docs.append(_document(record))
            except (ValueError, TypeError) as exc:
                errors[i] = str(exc)
                docs.append(None)
        results = iter(pipeline.run([d for d in docs if d is not None], debug=debug))
        for i, record in enumerate(chunk):
            rid = _id(record) if isinstance(record, dict) else None
            if docs[i] is None:
                yield _error(rid, errors[i])
                continue
            out = next(results)
            if isinstance(out, Rejected):
                line = _error(rid, f"[{out.code}] {out.reason}")
                if out.traceback:
                    line["traceback"] = out.traceback
                yield line
            else:
                yield {"id": rid, **out.to_json()}


def extract_lines(lines: Iterable[str | bytes | LineError], pipeline: Any = None, *,
                  debug: bool = False) -> Iterator[dict[str, Any]]:
    """Parse JSONL lines and extract them: one output object per line, blank lines included.

    ``lines`` may hold text, raw bytes (decoded as UTF-8 here; a line that is not UTF-8 gets an error)
    or a ``LineError`` already found by the reader (``read_lines``).
    """

    def records() -> Iterator[dict[str, Any]]:
        for n, line in enumerate(lines, 1):
            try:
                if isinstance(line, LineError):
                    raise LineError(f"line {n}: {line}")
                if isinstance(line, bytes):
                    try:
                        line = line.decode("utf-8")
                    except UnicodeDecodeError:
                        raise LineError(f"line {n}: not UTF-8") from None
                if not line.strip():
                    raise LineError(f"line {n}: empty")
                yield parse_line(line, n)
            except LineError as exc:
                yield {"_error": str(exc)}

    yield from _passing_errors(records(), pipeline, debug)


def read_lines(stream: BinaryIO, max_bytes: int = MAX_LINE_BYTES) -> Iterator[bytes | LineError]:
    """The lines of a binary stream without their line ends; a line over ``max_bytes`` becomes a
    ``LineError`` and is skipped in bounded reads (never held whole)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield LineError(f"longer than {max_bytes} bytes")
            continue
        yield line.rstrip(b"\r\n") if line.endswith(b"\n") else line


def dump_line(obj: dict[str, Any]) -> str:
    """One output line: standard JSON (no NaN/Infinity), encodable as UTF-8, ending in a newline."""
    try:
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False)
        text.encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        rid = obj.get("id") if isinstance(obj.get("id"), (str, int)) else None
        text = json.dumps(_error(rid, f"output not serialisable: {type(exc).__name__}"), ensure_ascii=True)
    # Characters that some line splitters take as line ends (Python's str.splitlines, JavaScript before
    # ES2019) are written as escapes, so every reader sees exactly one line per output object.
    if any(ch in text for ch in _LINE_BREAKS):
        for ch in _LINE_BREAKS:
            text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text + "\n"


_LINE_BREAKS = ("\u2028", "\u2029", "\x85")


def _passing_errors(records: Iterator[dict[str, Any]], pipeline: Any, debug: bool) -> Iterator[dict[str, Any]]:
    """Route records with a parse error around the extractor, keeping input order."""
    buffer: list[dict[str, Any]] = []
    for record in records:
        buffer.append(record)
        if len(buffer) >= BATCH_SIZE:
            yield from _flush(buffer, pipeline, debug)
            buffer = []
    if buffer:
        yield from _flush(buffer, pipeline, debug)


def _flush(buffer: list[dict[str, Any]], pipeline: Any, debug: bool) -> Iterator[dict[str, Any]]:
    good = [r for r in buffer if "_error" not in r]
    results = iter(extract_records(good, pipeline, debug=debug)) if good else iter(())
    for r in buffer:
        if "_error" in r:
            yield _error(None, r["_error"])
        else:
            yield next(results)
