"""The Ray engine: ``detente ingest --engine ray [--address ADDR]``.

The flow (the stages are the same functions the in-process job calls; nothing below them imports Ray):

1. the driver lists the inputs (``detente.ingest.sources.plan_inputs``: folders walked, the manifest read, no
   article read) and makes a ``ray.data`` dataset of them;
2. ``map_batches`` reads them in Ray tasks with the in-process reader (``sources.read_input``: the same size
   and file-type checks, the safe fetch for URLs, a bad input becomes its ``Rejected``), so the files and URLs
   must be reachable from the workers (a shared or cloud file system on a cluster); the dataset of documents
   stays in Ray's object store.  Only standard input (``-``) is read on the driver, which alone has it.
   (Not ``ray.data.read_binary_files``: one unreadable file fails its whole dataset there, a FIFO blocks its
   task and nothing caps a file's size before it is read; detente's reader contains each input.);
3. the driver fetches only the documents' ids and metadata and decides what to extract with the in-process
   job's own check (``detente.jobs.to_extract``: duplicates, metadata updates, a new date extracted again);
4. ``map_batches`` runs ``_Extractor`` on an actor pool: each actor loads the ``Pipeline`` once in
   ``__init__`` and turns a batch of the chosen documents into the store's Arrow tables, sent back as Parquet
   bytes (workers need no shared file system with the driver);
5. the driver writes them as Parquet partitions (layout in ``detente.store.parquet``), then, as the one
   writer, loads them into DuckDB in one transaction, and merges events once over the whole store.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest.sources import InputItem, Meta
from ..jobs import BATCH_DOCS, IngestSummary
from ..model import DateBasis, Document, Rejected

# Documents per map_batches call: a few spaCy batches, so the per-call overhead of Ray (about 10 ms) is small
# against the extraction (about 0.1 s per article here), while every worker still gets several batches.
RAY_BATCH_DOCS = 16
# Inputs per reading task: reading is I/O and HTML parsing, much cheaper than extraction.
RAY_READ_BATCH = 64


def _require_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # the optional extra is not installed
        raise ConfigError("the Ray engine needs the 'ray' extra: pip install 'detente[ray]'") from exc
    return ray


def document_to_json(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def document_from_json(text: str) -> Document:
    d = json.loads(text)
    d["published"] = dt.date.fromisoformat(d["published"]) if d.get("published") else None
    d["date_basis"] = DateBasis(d.get("date_basis") or "unknown")
    return Document(**d)


def input_to_json(item: InputItem) -> str:
    meta = {k: getattr(item.meta, k) for k in Meta.__slots__}
    meta["published"] = meta["published"].isoformat() if meta["published"] else None
    return json.dumps({"target": item.target, "source": item.source, "meta": meta}, ensure_ascii=False)


def input_from_json(text: str) -> InputItem:
    d = json.loads(text)
    meta = d["meta"]
    meta["published"] = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    return InputItem(d["target"], d["source"], Meta(**meta))


def _read_result(result: Document | Rejected) -> tuple[str, str, str]:
    """(kind, metadata JSON, document JSON) of one read input; a document's metadata is it without its text."""
    if isinstance(result, Rejected):
        return "rejected", json.dumps(result.to_dict()), ""
    return "doc", json.dumps({**result.to_dict(), "text": ""}, ensure_ascii=False), document_to_json(result)


def _read_inputs(batch: dict[str, Any], *, date: dt.date | None, allow_private: bool,
                 debug: bool) -> dict[str, list[Any]]:
    """A ``map_batches`` task: read a batch of inputs with the in-process reader (``sources.read_input``)."""
    from ..ingest.sources import read_input

    out: dict[str, list[Any]] = {"n": [], "kind": [], "meta": [], "doc": []}
    for n, text, ready in zip(batch["n"], batch["input"], batch["ready"]):
        if ready:  # read on the driver (standard input)
            kind, meta, doc = json.loads(str(ready))
        else:
            kind, meta, doc = _read_result(read_input(input_from_json(str(text)), date=date,
                                                      allow_private=allow_private, debug=debug))
        for column, value in zip(out, (int(n), kind, meta, doc)):
            out[column].append(value)
    return out


def _keep_rows(batch: dict[str, Any], *, keep: frozenset[int]) -> dict[str, list[Any]]:
    """A ``map_batches`` task: the documents the driver chose to extract."""
    chosen = [i for i, n in enumerate(batch["n"]) if int(n) in keep]
    return {"n": [int(batch["n"][i]) for i in chosen], "doc": [str(batch["doc"][i]) for i in chosen]}


class _Extractor:
    """A Ray actor: loads the pipeline once, then extracts batches of documents into Parquet bytes."""

    def __init__(self) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline.load()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from ..store.parquet import extraction_tables, tables_to_parquet

        docs = [document_from_json(str(t)) for t in batch["doc"]]
        extractions, rejected = [], []
        run = getattr(self.pipeline, "run", None)
        # overlap off: each actor asks Ray for one CPU (a second encoder thread would take another's)
        results = run(docs, overlap=False) if run is not None else self.pipeline.extract(docs)
        for r in results:
            (rejected if isinstance(r, Rejected) else extractions).append(r)
        names, payloads = [], []
        if extractions:
            for name, data in tables_to_parquet(extraction_tables(extractions)).items():
                names.append(name)
                payloads.append(data)
        for r in rejected:
            names.append("!rejected")
            payloads.append(json.dumps(r.to_dict()).encode("utf-8"))
        names.append("!counts")
        payloads.append(json.dumps({"docs": len(docs), "extracted": len(extractions),
                                    "ids": [x.document.id for x in extractions],
                                    "events": sum(len(x.events) for x in extractions)}).encode("utf-8"))
        return {"name": names, "payload": payloads}


def start(address: str | None = None, *, num_cpus: int | None = None) -> float:
    """Connect to a Ray cluster (``address``: ``auto``, ``ray://host:10001`` or ``host:6379``) or start a local
    runtime; returns the seconds it took.  Does nothing when Ray is already initialised."""
    ray = _require_ray()
    if ray.is_initialized():
        return 0.0
    started = time.perf_counter()
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    if address:
        kwargs["address"] = address
    else:
        import os

        # Local workers import the same detente as this process (which may be a source tree on PYTHONPATH).
        src = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
        kwargs["num_cpus"] = num_cpus
        kwargs["runtime_env"] = {"env_vars": {"PYTHONPATH": path}}
    ray.init(**kwargs)
    ray.data.DataContext.get_current().enable_progress_bars = False
    return time.perf_counter() - started


def ingest_ray(
    paths: Iterable[str],
    *,
    store: Any,
    manifest: Path | None = None,
    date: dt.date | None = None,
    outlet: str | None = None,
    stdin: io.TextIOBase | None = None,
    progress: Callable[[int], None] | None = None,
    allow_private: bool = False,
    workers: int = 2,
    address: str | None = None,
    parquet_dir: Path | None = None,
    debug: bool = False,
) -> IngestSummary:
    """Ingest with reading and extraction on Ray; same result as ``detente.jobs.ingest`` (see the module
    docstring).

    Args:
        workers: extraction actors (each loads the pipeline: about 400 MB).
        address: an existing Ray cluster; None starts a local runtime with ``workers`` CPUs.
        parquet_dir: where the partitions are written (kept); None uses a temporary directory.
        debug: keep the traceback of each unexpected per-input failure in its ``Rejected``.
    """
    from ..ingest.sources import plan_inputs, read_input
    from ..jobs import to_extract
    from ..network.dedup import merge_events
    from ..store.metadata import forget_documents
    from ..store.parquet import load_partitions, write_partition

    ray = _require_ray()
    if workers < 1:
        raise ConfigError("--workers must be at least 1 with the Ray engine")
    summary = IngestSummary()
    started = time.perf_counter()
    start(address, num_cpus=workers)
    pending = store.merge_pending()  # a run killed before its merge left reports unmerged: this run merges all
    written: list[str] = []
    rows: list[dict[str, Any]] = []
    for n, item in enumerate(plan_inputs(paths, manifest=manifest, outlet=outlet)):
        if isinstance(item, Rejected):
            summary.rejected.append(item)
            continue
        ready = ""
        if item.target == "-":  # standard input exists on the driver only
            ready = json.dumps(_read_result(read_input(item, date=date, stdin=stdin, debug=debug)))
        rows.append({"n": n, "input": input_to_json(item), "ready": ready})
    if not rows:
        if pending:
            merge_events(store, None)
        summary.seconds = time.perf_counter() - started
        return summary

    read = ray.data.from_items(rows, override_num_blocks=-(-len(rows) // RAY_READ_BATCH)).map_batches(
        _read_inputs, fn_kwargs={"date": date, "allow_private": allow_private, "debug": debug},
        batch_size=RAY_READ_BATCH, batch_format="numpy", num_cpus=1).materialize()

    # What to extract: the in-process job's check, on the documents' metadata (their texts stay in Ray).
    listed = []
    for batch in read.select_columns(["n", "kind", "meta"]).iter_batches(batch_size=None, batch_format="numpy"):
        listed += [(int(n), str(k), str(m)) for n, k, m in zip(batch["n"], batch["kind"], batch["meta"])]
    listed.sort()  # input order, as in-process: the first of two copies is the one kept
    docs: list[tuple[int, Document]] = []
    for n, kind, meta in listed:
        if kind == "rejected":
            summary.rejected.append(Rejected(**json.loads(meta)))
        else:
            summary.read += 1
            docs.append((n, document_from_json(meta)))
    seen: set[str] = set()
    redo: set[str] = set()
    keep: set[int] = set()
    for i in range(0, len(docs), BATCH_DOCS):
        chunk = docs[i:i + BATCH_DOCS]
        chosen = {id(d) for d in to_extract(store, [d for _, d in chunk], seen=seen, redo=redo, summary=summary)}
        keep |= {n for n, d in chunk if id(d) in chosen}

    if keep:
        # small runs: smaller batches, so every worker gets one; never more actors than batches
        size = max(1, min(RAY_BATCH_DOCS, -(-len(keep) // workers)))
        blocks = -(-len(keep) // size)
        # materialised before the actor pool starts: its actors hold every CPU of a small runtime, so a task
        # still to run upstream of them would wait for ever
        chosen_docs = read.map_batches(_keep_rows, fn_kwargs={"keep": frozenset(keep)}, batch_format="numpy",
                                       num_cpus=1).repartition(blocks).materialize()
        out = chosen_docs.map_batches(_Extractor, batch_size=size, concurrency=min(workers, blocks), num_cpus=1,
                                      batch_format="numpy")
        extracted: list[str] = []
        with tempfile.TemporaryDirectory(prefix="detente-ray-") as tmp:
            target = Path(parquet_dir) if parquet_dir else Path(tmp)
            batch_no = 0
            for batch in out.iter_batches(batch_size=None, batch_format="numpy"):
                for name, payload in zip(batch["name"], batch["payload"]):
                    name, payload = str(name), bytes(payload)
                    if name == "!rejected":
                        summary.rejected.append(Rejected(**json.loads(payload)))
                    elif name == "!counts":  # the last row of an extraction batch
                        batch_no += 1
                        counts = json.loads(payload)
                        summary.events += counts["events"]
                        extracted += counts["ids"]
                        if progress:
                            progress(counts["docs"])
                    else:  # one file per table per extraction batch
                        write_partition(target, name, batch_no, payload)
            # A document extracted again replaces its stored rows only once its new extraction succeeded.
            again = [i for i in extracted if i in redo]
            forget_documents(store, again)
            summary.reextracted += len(again)
            if extracted:
                store.mark_merge_pending()  # cleared by the merge: a run killed before it merges on the next run
            summary.stored = load_partitions(store, target)
            written = list(getattr(store, "written_items", []))
    if summary.stored or summary.updated or store.merge_pending():
        # incremental: the reports just loaded (all unmerged ones when a killed run left some)
        merge_events(store, None if pending else written)
    summary.stored -= summary.reextracted  # extracted again, not new
    summary.seconds = time.perf_counter() - started
    return summary
