"""The stateless extractor behind ``detente extract``: JSONL in, JSONL out, no store.

Each input line is ``{"id", "text", "date"?, "outlet"?}``; each output line
is ``{"id", "actors": [...], "events": [...], "relations": [...]}`` in the
JSON contract of the README, in input order.  A malformed line yields
``{"id", "error", "actors": [], "events": [], "relations": []}`` and the
stream goes on.  Lines are parsed in batches (``nlp.pipe``) for speed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .model import DateBasis, Document, normalise_text
from .nlp import BATCH_SIZE


def _document(record: dict[str, Any]) -> Document:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    published = None
    basis = DateBasis.UNKNOWN
    if record.get("date"):
        published = dt.date.fromisoformat(str(record["date"])[:10])
        basis = DateBasis.OPTION
    outlet = record.get("outlet")
    # Offsets must index the caller's text, so the text is kept as given.
    return Document(id=Document.make_id(normalise_text(text)), text=text, outlet=str(outlet) if outlet else None,
                    published=published, date_basis=basis)


def extract_records(records: Iterable[dict[str, Any]], pipeline: Any = None) -> Iterator[dict[str, Any]]:
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
        results = iter(pipeline.extract([d for d in docs if d is not None]))
        for i, record in enumerate(chunk):
            rid = record.get("id") if isinstance(record, dict) else None
            if docs[i] is None:
                yield {"id": rid, "error": errors[i], "actors": [], "events": [], "relations": []}
                continue
            out = next(results).to_json()
            yield {"id": rid, **out}


def extract_lines(lines: Iterable[str], pipeline: Any = None) -> Iterator[dict[str, Any]]:
    """Parse JSONL lines and extract them; a line that is not a JSON object yields an error object."""

    def records() -> Iterator[dict[str, Any]]:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {"id": None, "_error": f"line {n}: not JSON ({exc.msg})"}
                continue
            if not isinstance(obj, dict):
                yield {"id": None, "_error": f"line {n}: not a JSON object"}
                continue
            yield obj

    for record in _passing_errors(records(), pipeline):
        yield record


def _passing_errors(records: Iterator[dict[str, Any]], pipeline: Any) -> Iterator[dict[str, Any]]:
    """Route records with a parse error around the extractor, keeping input order."""
    buffer: list[dict[str, Any]] = []
    for record in records:
        buffer.append(record)
        if len(buffer) >= BATCH_SIZE:
            yield from _flush(buffer, pipeline)
            buffer = []
    if buffer:
        yield from _flush(buffer, pipeline)


def _flush(buffer: list[dict[str, Any]], pipeline: Any) -> Iterator[dict[str, Any]]:
    good = [r for r in buffer if "_error" not in r]
    results = iter(extract_records(good, pipeline))
    for r in buffer:
        if "_error" in r:
            yield {"id": r.get("id"), "error": r["_error"], "actors": [], "events": [], "relations": []}
        else:
            yield next(results)
