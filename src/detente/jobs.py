"""Jobs that run the whole flow: inputs -> documents -> extraction -> store -> merged events.

This module sits above the stages (it is the one place that calls ingest,
the pipeline, the store and the network together), so no stage imports a
later one.  ``ingest`` streams documents (one batch of ``BATCH_DOCS`` in
memory at a time), extracts each batch, and writes it with
``store_extractions``: one transaction, then the event merging.  Per-document
failures are caught at the one boundary (``Pipeline.run``; reading in
``iter_documents``): a rejected input comes back as a ``Rejected`` record with
its code and reason, listed in ``IngestSummary.rejected`` (what a job status
shows); the rest of the batch goes on.  A merge interrupted by a kill is
recorded in the store and run again by the next ingest.  The HTTP API stores
its single documents through ``store_extractions`` too.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest.sources import iter_documents
from .model import DateBasis, Document, Extraction, Rejected
from .network.dedup import merge_events
from .store.metadata import document_metadata, forget_documents, update_document_metadata

# Documents per extraction/store batch: big enough that the Arrow insert and
# the transaction cost are amortised, small enough to stream 10k articles.
BATCH_DOCS = 64
# Stored batches (of ``BATCH_DOCS`` documents read) between two ``Store.release_memory`` calls (a checkpoint,
# and DuckDB's cache of the file's blocks dropped), so that a long ingest's memory does not grow with the store.  Every batch: between
# two releases DuckDB held 70-110 MB (rows not yet checkpointed, cached blocks), and what its automatic
# checkpoints freed stayed with the process until the next release, more in each cycle; the next batch's parse
# (about 280 MB for 32 articles) landed on top of it.  Released every batch, the peak while a 10,000-article
# ingest writes its batches is 1.08x a 1,000-article one's; 1,000 articles ran at 3.76 articles/s against 3.60
# (bench/README.md).
RELEASE_EVERY = 1


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    # documents already stored whose metadata the inputs changed: {"id", "source", "fields": {name: new}}
    updated: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0
    reextracted: int = 0  # of ``updated``: extracted again because their publication date changed

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "n_updated": len(self.updated),
            "rejected": [r.to_dict() for r in self.rejected],
            "n_rejected": len(self.rejected),
            "events": self.events,
            "seconds": round(self.seconds, 3),
        }


def metadata_changes(stored: dict[str, Any], doc: Document) -> dict[str, Any]:
    """What ``doc``'s inputs (manifest, HTML, ``--outlet``/``--date``) say that differs from the stored document.

    Only a given value counts: an input without an outlet never erases a stored one, and a date read from the
    text (``inferred``) never replaces a stated one.
    """
    changes: dict[str, Any] = {}
    for name in ("outlet", "title", "url"):
        value = getattr(doc, name)
        if value and value != stored[name]:
            changes[name] = value
    given = (DateBasis.MANIFEST.value, DateBasis.HTML.value, DateBasis.OPTION.value)
    if doc.published is not None and doc.date_basis.value in given and (
            doc.published != stored["published"] or stored["date_basis"] not in given):
        changes["published"] = doc.published.isoformat()
    return changes


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


def store_extractions(store: Any, extractions: list[Extraction], *, merge: bool = True) -> int:
    """Write extractions (documents already stored are skipped) and merge their events; returns how many were new.

    Merging is incremental (``network.dedup.merge_events``): the new reports are compared with candidates of
    the same pair and dates only, so it costs what the batch adds.  ``merge=False`` leaves it to the caller.
    """
    pending = store.merge_pending()  # left by a run killed before its merge
    if extractions:
        store.mark_merge_pending()  # cleared by the merge: a run killed before it merges on the next run
    written = store.write(extractions)
    if written and merge:  # one real-world event counted once across the whole store
        merge_events(store, None if pending else store.written_items)
    return int(written)


def to_extract(store: Any, batch: list[Document], *, seen: set[str], redo: set[str],
               summary: IngestSummary) -> list[Document]:
    """Of a batch of read documents, the ones to extract (every engine's one duplicate check).

    A document seen earlier in the run, or stored with the same metadata, is a duplicate; a stored one whose
    inputs give a new outlet, title or URL is updated in place; a new publication date sends it to extraction
    again (added to ``redo``: its stored rows go once the new extraction succeeded).  Updates are listed in
    ``summary.updated``.  Only the metadata of ``batch`` is read (a document's text may be left empty).
    """
    known = store.has_documents([d.id for d in batch])
    stored = document_metadata(store, [d.id for d in batch if d.id in known and d.id not in seen])
    out = []
    for d in batch:
        if d.id in seen:
            summary.duplicates += 1
            continue
        seen.add(d.id)
        if d.id not in known:
            out.append(d)
            continue
        changes = metadata_changes(stored[d.id], d)
        if not changes:
            summary.duplicates += 1
            continue
        summary.updated.append({"id": d.id, "source": d.source_path or d.url, "fields": changes})
        if "published" in changes:  # its events' dates hang on it: extract it again
            redo.add(d.id)
            out.append(d)
        else:
            update_document_metadata(store, d.id, changes)
    return out


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
    workers: int = 1,
    debug: bool = False,
) -> IngestSummary:
    """Ingest articles into ``store``; returns counts and the rejected inputs with reasons.

    Args:
        workers: extraction processes.  With more than one, batches are extracted in forked worker
            processes that share the already loaded pipeline (copy-on-write), while this process reads
            the inputs and is the store's only writer (DuckDB allows one writer per file).  At most
            ``2 * workers`` batches are in flight, so memory does not grow with the corpus.
        debug: keep the traceback of each unexpected per-document failure in its ``Rejected``.
    """
    import time

    from . import heap

    heap.bound()  # the C heap of a long ingest must not grow with the corpus (see detente.heap)
    summary = IngestSummary()
    started = time.perf_counter()
    docs = iter_documents(paths, manifest=manifest, date=date, outlet=outlet, stdin=stdin, allow_private=allow_private,
                          debug=debug)
    seen: set[str] = set()
    redo: set[str] = set()  # stored documents to extract again (their publication date changed)

    def fresh(batch: list[Document]) -> list[Document]:
        return to_extract(store, batch, seen=seen, redo=redo, summary=summary)

    # A run killed before its merge left reports unmerged (the flag says so): this run's merge takes them all.
    pending = store.merge_pending()
    written: list[str] = []
    unreleased = 0  # documents read since the last release of DuckDB's memory

    def finish(batch_size: int, results: list[Extraction | Rejected]) -> None:
        nonlocal unreleased
        extractions = [x for x in results if isinstance(x, Extraction)]
        summary.rejected.extend(x for x in results if isinstance(x, Rejected))
        # A document extracted again replaces its stored rows only once its new extraction succeeded.
        again = [x.document.id for x in extractions if x.document.id in redo]
        forget_documents(store, again)
        summary.reextracted += len(again)
        summary.stored += store_extractions(store, extractions, merge=False)
        written.extend(getattr(store, "written_items", []))
        summary.events += sum(len(x.events) for x in extractions)
        del extractions, results
        # Counted in documents, not calls: `--workers` stores a worker's batch of 16 at a time, and a release
        # (a checkpoint) after each of those cost it time (96 articles with two workers: 13.9 s, 12.9 s now).
        unreleased += batch_size
        if unreleased >= BATCH_DOCS * RELEASE_EVERY and hasattr(store, "release_memory"):
            unreleased = 0
            store.release_memory()  # DuckDB's cache of the growing file (see Store.release_memory)
        heap.trim()  # the batch's arrays are freed: return their pages
        if progress:
            progress(batch_size)

    if workers <= 1:
        _run_streamed(docs, summary, pipeline, fresh, finish, debug)
    else:
        _run_parallel(docs, summary, pipeline, workers, fresh, finish, debug)
    if summary.stored or summary.updated or store.merge_pending():
        # once, at the end (a run killed before it leaves the flag: the next run merges); incremental: the
        # reports written by this run against candidates in the store, in chunks of bounded memory
        merge_events(store, None if pending else written)
    summary.stored -= summary.reextracted  # extracted again, not new
    summary.seconds = time.perf_counter() - started
    return summary


def _run_streamed(docs: Iterable[Document | Rejected], summary: IngestSummary, pipeline: Any,
                  fresh: Callable[[list[Document]], list[Document]],
                  finish: Callable[[int, list[Extraction | Rejected]], None], debug: bool) -> None:
    """One stream through the pipeline for the whole run, stored a batch (``BATCH_DOCS`` read) at a time.

    One stream, not one per batch: the pipeline's encoder thread works on a chunk while the next one is
    parsed (``Pipeline.run``), and a stream cut at every batch would leave it idle at each cut while the
    next batch waits for it.  The pipeline reads a chunk ahead of what it yields, so a batch's documents are
    checked against the store (``fresh``) before the previous batch is written: a document repeated across
    the two is caught by the run's ``seen`` set, as within one batch.
    """
    counts: deque[tuple[int, int]] = deque()  # per batch read: (documents read, documents sent to extraction)

    def chosen() -> Iterator[Document]:
        for batch in _batches(docs, BATCH_DOCS, summary):
            todo = fresh(batch)
            counts.append((len(batch), len(todo)))
            yield from todo

    results: list[Extraction | Rejected] = []

    def flush() -> None:  # every batch whose results are all in, in order
        while counts and len(results) >= counts[0][1]:
            read, n = counts.popleft()
            done = results[:n]
            del results[:n]
            finish(read, done)

    for result in pipeline.run(chosen(), debug=debug):
        results.append(result)
        flush()
    flush()


# Documents per batch sent to a worker process: small enough to keep both cores busy on a few hundred
# articles, large enough that pickling the results stays a small share of the time.
WORKER_BATCH_DOCS = 16
_WORKER_PIPELINE: Any = None


def _extract_in_worker(batch: list[Document], debug: bool = False) -> list[Extraction | Rejected]:
    # overlap off: the workers are one process per core already (a second thread each would only contend)
    return list(_WORKER_PIPELINE.run(batch, debug=debug, overlap=False))


def _run_parallel(docs: Iterable[Document | Rejected], summary: IngestSummary, pipeline: Any, workers: int,
                  fresh: Callable[[list[Document]], list[Document]],
                  finish: Callable[[int, list[Extraction | Rejected]], None], debug: bool = False) -> None:
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline  # inherited by the forked workers: the model is loaded once, in this process
    pending: deque[tuple[int, Future[list[Extraction | Rejected]]]] = deque()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for batch in _batches(docs, WORKER_BATCH_DOCS, summary):
            new = fresh(batch)
            pending.append((len(batch), pool.submit(_extract_in_worker, new, debug)))
            while len(pending) >= 2 * workers:
                size, future = pending.popleft()
                finish(size, future.result())
        while pending:
            size, future = pending.popleft()
            finish(size, future.result())
    _WORKER_PIPELINE = None
