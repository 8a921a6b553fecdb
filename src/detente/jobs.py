"""Jobs that run the whole flow: inputs -> documents -> extraction -> store -> merged events.

This module sits above the stages (it is the one place that calls ingest,
the pipeline, the store and the network together), so no stage imports a
later one.  ``ingest`` streams documents (one batch of ``BATCH_DOCS`` in
memory at a time), extracts each batch, and writes it with
``store_extractions``: one transaction, then the event merging.  Per-document
failures are caught here and only here: a rejected input comes back as a
``Rejected`` record with its reason; the rest of the batch goes on.  The
HTTP API stores its single documents through ``store_extractions`` too.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest.sources import iter_documents
from .model import Document, Extraction, Rejected
from .network.dedup import merge_events

# Documents per extraction/store batch: big enough that the Arrow insert and
# the transaction cost are amortised, small enough to stream 10k articles.
BATCH_DOCS = 64


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": [r.to_dict() for r in self.rejected],
            "n_rejected": len(self.rejected),
            "events": self.events,
            "seconds": round(self.seconds, 3),
        }


def _batches(items: Iterable[Document | Rejected], size: int, summary: IngestSummary) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, Rejected):
            summary.rejected.append(item)
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_extractions(store: Any, extractions: list[Extraction]) -> int:
    """Write extractions (documents already stored are skipped) and re-merge events; returns how many were new."""
    written = store.write(extractions)
    if written:
        merge_events(store)  # one real-world event counted once across the whole store
    return int(written)


def ingest(
    paths: Iterable[str],
    *,
    store: Any,
    pipeline: Any,
    manifest: Path | None = None,
    date: dt.date | None = None,
    outlet: str | None = None,
    stdin: io.TextIOBase | None = None,
    progress: Callable[[int], None] | None = None,
    allow_private: bool = False,
) -> IngestSummary:
    """Ingest articles into ``store``; returns counts and the rejected inputs with reasons."""
    import time

    summary = IngestSummary()
    started = time.perf_counter()
    docs = iter_documents(paths, manifest=manifest, date=date, outlet=outlet, stdin=stdin, allow_private=allow_private)
    for batch in _batches(docs, BATCH_DOCS, summary):
        known = store.has_documents([d.id for d in batch])
        unique: dict[str, Document] = {}
        for d in batch:
            if d.id in known or d.id in unique:
                summary.duplicates += 1
            else:
                unique[d.id] = d
        extractions: list[Extraction] = list(pipeline.extract(unique.values()))
        summary.stored += store_extractions(store, extractions)
        summary.events += sum(len(x.events) for x in extractions)
        if progress:
            progress(len(batch))
    summary.seconds = time.perf_counter() - started
    return summary
