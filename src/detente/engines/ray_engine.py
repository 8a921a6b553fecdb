"""The Ray engine: ``detente ingest --engine ray [--address ADDR]``.

The flow (the stages are the same functions the in-process job calls; nothing below them imports Ray):

1. the driver reads the inputs with ``detente.ingest.sources.iter_documents`` (files, folders, manifests,
   URLs through the safe fetch), drops documents already in the store or seen earlier in the run, and
   builds a ``ray.data`` dataset of the documents (one JSON record each, so any worker can rebuild them);
2. ``map_batches`` runs ``_Extractor`` on an actor pool: each actor loads the ``Pipeline`` once in
   ``__init__`` and turns a batch of documents into the store's Arrow tables, sent back as Parquet bytes
   (workers need no shared file system with the driver);
3. the driver writes them as Parquet partitions (layout in ``detente.store.parquet``), then, as the one
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
from ..jobs import IngestSummary
from ..model import DateBasis, Document, Rejected

# Documents per map_batches call: a few spaCy batches, so the per-call overhead of Ray (about 10 ms) is small
# against the extraction (about 0.1 s per article here), while every worker still gets several batches.
RAY_BATCH_DOCS = 16


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
        results = run(docs) if run is not None else self.pipeline.extract(docs)
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
) -> IngestSummary:
    """Ingest with extraction on Ray; same result as ``detente.jobs.ingest`` (see the module docstring).

    Args:
        workers: extraction actors (each loads the pipeline: about 400 MB).
        address: an existing Ray cluster; None starts a local runtime with ``workers`` CPUs.
        parquet_dir: where the partitions are written (kept); None uses a temporary directory.
    """
    from ..ingest.sources import iter_documents
    from ..network.dedup import merge_events
    from ..store.parquet import load_partitions, write_partition

    ray = _require_ray()
    if workers < 1:
        raise ConfigError("--workers must be at least 1 with the Ray engine")
    summary = IngestSummary()
    started = time.perf_counter()
    start(address, num_cpus=workers)
    seen: set[str] = set()
    records: list[dict[str, str]] = []
    for item in iter_documents(paths, manifest=manifest, date=date, outlet=outlet, stdin=stdin,
                               allow_private=allow_private):
        if isinstance(item, Rejected):
            summary.rejected.append(item)
            continue
        summary.read += 1
        if item.id in seen or store.has_documents([item.id]):
            summary.duplicates += 1
            continue
        seen.add(item.id)
        records.append({"doc": document_to_json(item)})
    if records:
        # small runs: smaller batches, so every worker gets one; never more actors than batches
        size = max(1, min(RAY_BATCH_DOCS, -(-len(records) // workers)))
        blocks = -(-len(records) // size)
        dataset = ray.data.from_items(records, override_num_blocks=blocks)
        out = dataset.map_batches(_Extractor, batch_size=size, concurrency=min(workers, blocks), num_cpus=1,
                                  batch_format="numpy")
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
                        if progress:
                            progress(counts["docs"])
                    else:  # one file per table per extraction batch
                        write_partition(target, name, batch_no, payload)
            summary.stored = load_partitions(store, target)
    if summary.stored:
        # incremental: the reports just loaded (all unmerged ones when a killed run left some)
        merge_events(store, None if store.merge_pending() else store.written_items)
    summary.seconds = time.perf_counter() - started
    return summary
