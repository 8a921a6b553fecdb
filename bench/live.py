"""Part "live": ingest through a running server while 8 readers use it (GitHub issue 14).

A real ``detente serve --token`` subprocess on 127.0.0.1 owns a fresh store.  The articles are read in this
process and sent with ``detente.live.ServerClient`` (what ``detente ingest`` does when a server owns the
store), in two arms, each on a fresh store and server:

* ``alone``: the ingest with nobody reading;
* ``busy``: the same ingest while ``readers`` threads loop over the dashboard's reads
  (``/api/network``, ``/api/relations``, ``/api/documents``, ``/api/timeline``, ``/api/health``), each with its
  own HTTP connection, from the start of the ingest to its end.

Reported: ingest articles/s in each arm and their ratio (busy / alone), the number of reads and failed reads
(any status other than 200, or a transport error), and read latency p50/p95/max, overall and per route.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from . import corpus

TOKEN = "bench-token"
READ_PATHS = ("/api/network", "/api/relations", "/api/documents", "/api/timeline", "/api/health")


def _Server(db: Path, log: Path) -> Any:
    """``detente serve`` over a new store, writes on with the bench's token."""
    from detente.serve_process import ServeProcess
    from detente.store import Store

    Store(db).close()
    return ServeProcess(db, log, token=TOKEN, start_seconds=120)


def _arm(info: corpus.CorpusInfo, folder: Path, tag: str, readers: int, log: Any) -> dict[str, Any]:
    import httpx

    from detente.ingest.sources import iter_documents
    from detente.live import ServerClient

    server = _Server(folder / f"{tag}.duckdb", folder / f"{tag}.log")
    latencies: list[tuple[str, float]] = []
    failures: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def read_loop(i: int) -> None:
        with httpx.Client(base_url=server.url, timeout=60, trust_env=False) as client:
            n = i
            while not stop.is_set():
                path = READ_PATHS[n % len(READ_PATHS)]
                n += 1
                t = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                    why = path
                except httpx.HTTPError as exc:
                    ok, why = False, f"{path}: {type(exc).__name__}"
                with lock:
                    latencies.append((path, time.perf_counter() - t))
                    if not ok:
                        failures.append(why)

    try:
        # the pipeline is loaded by the first job: warm it on one article so both arms time the same work
        warm = ServerClient(server.url, TOKEN)
        warm.ingest(iter_documents([str(info.folder / "warm.txt")]))
        warm.close()
        threads = [threading.Thread(target=read_loop, args=(i,)) for i in range(readers)]
        for t in threads:
            t.start()
        client = ServerClient(server.url, TOKEN)
        started = time.perf_counter()
        job = client.ingest(iter_documents([], manifest=info.manifest))
        seconds = time.perf_counter() - started
        client.close()
        stop.set()
        for t in threads:
            t.join(timeout=120)
    finally:
        stop.set()
        server.stop()
    out: dict[str, Any] = {"seconds": round(seconds, 2), "articles_per_s": round(info.n / seconds, 3),
                           "stored": job["counts"]["stored"], "status": job["status"]}
    if readers:
        lat = sorted(x for _, x in latencies)
        out |= {"reads": len(lat), "failed_reads": len(failures), "failures": failures[:5],
                **_quantiles(lat, "read_"),
                # which reads make the tail: the whole-store aggregations or the cheap ones (health)
                "per_route": {p: {"reads": len(xs), **_quantiles(xs)} for p in READ_PATHS
                              if (xs := sorted(x for q, x in latencies if q == p))}}
    log(f"  {tag}: {out}")
    return out


def _quantiles(lat: list[float], prefix: str = "") -> dict[str, float]:
    """p50, p95 and max in ms of sorted latencies in seconds."""
    return {f"{prefix}p50_ms": round(1000 * statistics.median(lat), 1),
            f"{prefix}p95_ms": round(1000 * lat[int(0.95 * (len(lat) - 1))], 1),
            f"{prefix}max_ms": round(1000 * lat[-1], 1)}


def run(n_docs: int = 300, *, readers: int = 8, seed: int = 0, workdir: Path | None = None,
        log: Any = None) -> dict[str, Any]:
    say = log or (lambda msg: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-live-", dir=workdir) as tmp:
        folder = Path(tmp)
        info = corpus.write_corpus(folder / "corpus", n_docs, seed=seed)
        (info.folder / "warm.txt").write_text(corpus.make_article(n_docs + 1, seed=seed).text, encoding="utf-8")
        alone = _arm(info, folder, "alone", 0, say)
        busy = _arm(info, folder, "busy", readers, say)
    return {"articles": n_docs, "readers": readers, "alone": alone, "busy": busy,
            "ratio_busy_to_alone": round(busy["articles_per_s"] / alone["articles_per_s"], 3)}
