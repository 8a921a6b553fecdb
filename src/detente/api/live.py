"""The server's own writer: ingest jobs sent by the CLI, feed polling, and the read snapshot.

``detente serve --token`` owns the store.  One worker thread does every server-side write, in order:

- **ingest jobs** (``POST /api/jobs``, then ``/documents`` batches, then ``/finish``): each batch is extracted
  outside the read-write lock (readers keep being served), then written in one short exclusive step; the
  events are merged once when the job finishes.  ``GET /api/jobs[/{id}]`` shows status, counts and the
  rejected inputs with their reasons.
- **feed polls** (``detente.feeds``): due feeds are polled every ``poll_tick`` seconds.
- A second thread keeps ``STORE.snapshot.duckdb`` (``detente.live``) a few seconds behind the store, for CLI
  reads in other processes.

Extraction shares the app's pipeline, so it runs under ``ServerState.ingest_lock`` like ``POST /api/ingest``.
A poll's articles are extracted the same way as a job's (``_extract``), and the poll shows as a job of source
``feeds`` while it extracts.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam
from pydantic import BaseModel, Field

from ..model import DateBasis, Document, Rejected
from ..store import readers
from .schemas import Records
from .state import ServerState, get_state, require_token

log = logging.getLogger(__name__)

MAX_DOCS_PER_REQUEST = 64
MAX_TEXT_CHARS = 5_000_000
# The snapshot is checked this often and refreshed when something changed, but while a job is still running at
# most every SNAPSHOT_BUSY_S: the copy holds the shared side of the read-write lock, so a writer waiting behind it
# holds up new readers too (the lock lets a waiting writer go first).
SNAPSHOT_EVERY_S = 2.0
SNAPSHOT_BUSY_S = 30.0
JOBS_KEPT = 200


class DocumentIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT_CHARS)
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=4000)
    source_path: str | None = Field(None, max_length=4000)
    published: dt.date | None = None
    date_basis: DateBasis = DateBasis.UNKNOWN
    date_text: str | None = Field(None, max_length=500)
    language: str = Field("en", max_length=20)
    id: str | None = None  # ignored: recomputed from the text


class RejectedIn(BaseModel):
    source: str = Field(max_length=4000)
    reason: str = Field(max_length=2000)
    code: str = Field(max_length=10)


class JobDocuments(BaseModel):
    documents: list[DocumentIn] = Field(default_factory=list, max_length=MAX_DOCS_PER_REQUEST)
    rejected: list[RejectedIn] = Field(default_factory=list, max_length=10_000)


class JobCreate(BaseModel):
    source: str = Field("api", max_length=100)


class FeedIn(BaseModel):
    url: str = Field(max_length=4000)
    outlet: str | None = Field(None, max_length=500)
    kind: str = Field("auto", pattern="^(auto|rss|sitemap)$")
    interval_s: int = Field(900, ge=60, le=7 * 86_400)


class Job:
    def __init__(self, source: str) -> None:
        self.id = uuid.uuid4().hex[:12]
        self.source = source
        self.status = "receiving"  # receiving -> finishing -> done | failed
        self.created = dt.datetime.now(dt.timezone.utc)
        self.finished: dt.datetime | None = None
        self.read = self.stored = self.duplicates = self.events = self.processed = self.received = 0
        self.rejected: list[dict[str, str]] = []
        self.error: str | None = None
        self.seen: set[str] = set()
        self.started = time.perf_counter()
        self.seconds = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "status": self.status,
                "created": self.created.isoformat(timespec="seconds"),
                "finished": self.finished.isoformat(timespec="seconds") if self.finished else None,
                "received": self.received, "processed": self.processed,
                "counts": {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                           "events": self.events, "rejected": len(self.rejected)},
                "rejected": list(self.rejected), "error": self.error, "seconds": round(self.seconds, 3)}


_WORKER_PIPELINE: Any = None


def _init_extractor() -> None:
    """In the extraction process: load the pipeline once."""
    global _WORKER_PIPELINE
    from ..pipeline import Pipeline

    _WORKER_PIPELINE = Pipeline.load()


def _extract(docs: list[Document]) -> list[Any]:
    run = getattr(_WORKER_PIPELINE, "run", None)
    return list(run(docs) if run is not None else _WORKER_PIPELINE.extract(docs))


class LiveService:
    """The worker and snapshot threads of a server that owns its store (see the module docstring)."""

    def __init__(self, state: ServerState, db: Path, *, poll_tick: float = 30.0) -> None:
        self.state = state
        self.db = Path(db)
        self.poll_tick = poll_tick
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.tasks: queue.Queue[tuple[str, Any, Any]] = queue.Queue()
        self.stop_event = threading.Event()
        self.threads: list[threading.Thread] = []
        self.generation = 0
        # Job extraction runs in a separate process (spawned, the pipeline loaded there once), so the server's
        # readers do not wait for the GIL while spaCy works; a test-supplied pipeline runs in the worker thread.
        self.extract_in_process = state.load_pipeline.__name__ == "load_default_pipeline"
        self.pool: Any = None

    @property
    def writer(self) -> bool:
        return not self.state.read_only

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.writer or self.threads:
            return
        self.snapshot()
        for target in (self._work, self._keep_snapshot, self._schedule_polls):
            t = threading.Thread(target=target, name=f"detente-{target.__name__.strip('_')}", daemon=True)
            t.start()
            self.threads.append(t)

    def stop(self) -> None:
        from ..live import remove_server_files, snapshot_path

        # Here, in the app's shutdown, rather than after uvicorn.run: uvicorn re-raises SIGTERM/SIGINT once it
        # has shut down, so code after it does not run.
        remove_server_files(self.db)
        if not self.threads:
            return
        self.stop_event.set()
        self.tasks.put(("stop", None, None))
        for t in self.threads:
            t.join(timeout=30)
        self.threads = []
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        snapshot_path(self.db).unlink(missing_ok=True)

    # -- jobs ------------------------------------------------------------------------------------
    def create_job(self, source: str) -> Job:
        job = Job(source)
        with self.lock:
            self.jobs[job.id] = job
            if len(self.jobs) > JOBS_KEPT:  # forget the oldest finished jobs
                for old in [j for j in self.jobs.values() if j.status in {"done", "failed"}][:len(self.jobs) - JOBS_KEPT]:
                    del self.jobs[old.id]
        return job

    def job(self, job_id: str) -> Job:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no ingest job {job_id}")
        return job

    def add(self, job: Job, body: JobDocuments) -> int:
        if job.status != "receiving":
            raise HTTPException(409, f"job {job.id} is {job.status}: it takes no more documents")
        docs = []
        for d in body.documents:
            if not d.text.strip():
                job.rejected.append(Rejected(d.source_path or d.url or "?", "empty after cleaning", "R03").to_dict())
                continue
            fields = d.model_dump(exclude={"id"})
            docs.append(Document(id=Document.make_id(d.text), **fields))
        job.rejected.extend(r.model_dump() for r in body.rejected)
        job.received += len(docs)
        if docs:
            self.tasks.put(("docs", job, docs))
        return len(docs)

    def finish(self, job: Job) -> None:
        if job.status == "receiving":
            job.status = "finishing"
            self.tasks.put(("finish", job, None))

    def _work(self) -> None:
        while True:
            kind, job, payload = self.tasks.get()
            if kind == "stop":
                return
            try:
                if kind == "docs":
                    if job.status != "failed":
                        self._ingest(job, payload)
                elif kind == "finish":
                    self._finish(job)
                elif kind == "poll":
                    summary = self._poll(force=bool(payload and payload.get("force")))
                    if payload is not None:
                        payload["summary"] = summary
                        payload["done"].set()
            except Exception as exc:  # noqa: BLE001 - one failed job or poll must not stop the worker
                log.exception("server-side %s failed", kind)
                if kind == "poll" and payload is not None:  # the caller waiting on it gets the error, not a hang
                    payload["error"] = f"{type(exc).__name__}: {exc}"
                    payload["done"].set()
                if job is not None:
                    job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
                    job.finished = dt.datetime.now(dt.timezone.utc)

    def _ingest(self, job: Job, docs: list[Document]) -> None:
        from ..jobs import store_extractions

        state = self.state
        with state.ingest_lock:
            known = state.root.has_documents([d.id for d in docs])
            fresh = []
            for d in docs:
                job.read += 1
                if d.id in known or d.id in job.seen:
                    job.duplicates += 1
                else:
                    job.seen.add(d.id)
                    fresh.append(d)
            extractions = []
            if fresh:
                for r in self._extract(fresh):
                    if isinstance(r, Rejected):
                        job.rejected.append(r.to_dict())
                    else:
                        extractions.append(r)
            if extractions:
                with state.access.writing():  # the short exclusive step: readers wait only for the insert
                    job.stored += store_extractions(state.root, extractions, merge=False)
                self.generation += 1
            job.events += sum(len(x.events) for x in extractions)
            job.processed += len(docs)

    def _extract(self, docs: list[Document]) -> list[Any]:
        if not self.extract_in_process:
            pipeline = self.state.pipeline()
            run = getattr(pipeline, "run", None)
            return list(run(docs) if run is not None else pipeline.extract(docs))
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_extractor)
        result: list[Any] = self.pool.submit(_extract, docs).result()
        return result

    def _finish(self, job: Job) -> None:
        from ..network.dedup import merge_events

        if job.status == "failed":
            return
        if job.stored:
            with self.state.ingest_lock, self.state.access.writing():
                merge_events(self.state.root)
            self.generation += 1
        job.status = "done"
        job.finished = dt.datetime.now(dt.timezone.utc)
        job.seconds = time.perf_counter() - job.started

    # -- feeds -----------------------------------------------------------------------------------
    def _schedule_polls(self) -> None:
        while not self.stop_event.wait(self.poll_tick):
            self.tasks.put(("poll", None, None))

    def _poll(self, force: bool = False) -> dict[str, Any]:
        """One poll cycle; its articles are extracted by the job runner (``_extract``: the extraction process,
        as for ingest jobs) as a job of source ``feeds`` (listed by ``GET /api/jobs``), never in a thread of this
        process, so readers are served while a poll extracts."""
        from ..feeds.poll import Poller

        state = self.state
        job: Job | None = None

        def extract(docs: list[Document]) -> list[Any]:
            nonlocal job
            if job is None:  # a cycle with nothing new (304s, known URLs) makes no job
                job = self.create_job("feeds")
            job.received += len(docs)
            job.read += len(docs)
            results = self._extract(docs)
            for r in results:
                if isinstance(r, Rejected):
                    job.rejected.append(r.to_dict())
                else:
                    job.stored += 1  # the poller stores every extraction it gets (it skipped known texts)
                    job.events += len(r.events)
            job.processed += len(docs)
            return results

        try:
            with state.ingest_lock:
                poller = Poller(state.root, state.pipeline, allow_private=state.allow_private_urls,
                                write=state.access.writing, extract=extract)
                summary = poller.poll_once(force=force)
        except Exception as exc:
            if job is not None:
                job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
                job.finished = dt.datetime.now(dt.timezone.utc)
            raise
        if job is not None:
            job.status, job.finished = "done", dt.datetime.now(dt.timezone.utc)
            job.seconds = time.perf_counter() - job.started
        if summary.feeds:
            self.generation += 1
        return {**summary.to_dict(), "job": job.id if job is not None else None}

    def poll_now(self, *, force: bool, timeout: float = 600.0) -> dict[str, Any]:
        """Run a poll cycle on the worker (after the tasks queued before it) and return its summary."""
        request: dict[str, Any] = {"force": force, "done": threading.Event()}
        self.tasks.put(("poll", None, request))
        if not request["done"].wait(timeout):
            raise HTTPException(504, f"the poll cycle did not finish within {timeout:g} s; it goes on in the server")
        if "error" in request:
            raise HTTPException(500, f"the poll cycle failed: {request['error']}")
        return request["summary"]

    def feed_write(self, fn: Any) -> Any:
        """Run ``fn(store)`` as a short write on the owning connection."""
        with self.state.ingest_lock, self.state.access.writing():
            result = fn(self.state.root)
        self.generation += 1
        return result

    # -- snapshot --------------------------------------------------------------------------------
    def _fingerprint(self) -> tuple[Any, ...]:
        with self.state.access.reading():  # as every read: never beside an open write transaction
            return self._count()

    def _count(self) -> tuple[Any, ...]:
        store = self.state.store()
        try:
            row = readers.change_counts(store.con)
        finally:
            store.close()
        return (self.generation, *row)

    def snapshot(self) -> None:
        from ..live import snapshot_path
        from ..store.snapshot import write_snapshot

        with self.state.access.reading():  # no write transaction runs during the copy
            store = self.state.store()
            try:
                write_snapshot(store.con, snapshot_path(self.db))
            finally:
                store.close()

    def _keep_snapshot(self) -> None:
        last = self._fingerprint()
        copied = time.monotonic()
        while not self.stop_event.wait(SNAPSHOT_EVERY_S):
            try:
                busy = not self.tasks.empty() or any(j.status in {"receiving", "finishing"} for j in
                                                     list(self.jobs.values()))
                if busy and time.monotonic() - copied < SNAPSHOT_BUSY_S:
                    continue
                now = self._fingerprint()
                if now != last:
                    self.snapshot()
                    last, copied = now, time.monotonic()
            except Exception:  # noqa: BLE001 - a failed copy is retried on the next tick
                log.exception("refreshing the read snapshot failed")


JobId = Annotated[str, PathParam(pattern="^[0-9a-f]{12}$", description="An ingest job id (12 hex digits).")]


def make_router(live: LiveService) -> APIRouter:
    router = APIRouter(tags=["jobs"])

    @router.post("/jobs", summary="Start an ingest job (bearer token required)")
    def create_job(body: JobCreate, state: Annotated[ServerState, Depends(require_token)]) -> dict[str, Any]:
        if not live.threads:
            raise HTTPException(503, "this server's ingest worker is not running")
        return {"ok": True, **live.create_job(body.source).to_dict()}

    @router.post("/jobs/{job_id}/documents", summary="Add documents to an ingest job (bearer token required)")
    def add_documents(job_id: JobId, body: JobDocuments,
                      state: Annotated[ServerState, Depends(require_token)]) -> dict[str, Any]:
        job = live.job(job_id)
        return {"ok": True, "queued": live.add(job, body), "job": job.to_dict()}

    @router.post("/jobs/{job_id}/finish", summary="No more documents: merge and finish (bearer token required)")
    def finish(job_id: JobId, state: Annotated[ServerState, Depends(require_token)]) -> dict[str, Any]:
        job = live.job(job_id)
        live.finish(job)
        return {"ok": True, **job.to_dict()}

    # Listings in the API's one envelope ({"ok": true, "items": [...]}); one job is {"ok": true, ...its fields}.
    @router.get("/jobs", response_model=Records, summary="Ingest jobs, newest first: status, counts, rejected inputs")
    def list_jobs(state: Annotated[ServerState, Depends(get_state)]) -> dict[str, Any]:
        with live.lock:
            jobs = [j.to_dict() for j in live.jobs.values()]
        return {"ok": True, "items": jobs[::-1]}

    @router.get("/jobs/{job_id}", summary="One ingest job")
    def get_job(job_id: JobId, state: Annotated[ServerState, Depends(get_state)]) -> dict[str, Any]:
        return {"ok": True, **live.job(job_id).to_dict()}

    @router.get("/feeds", response_model=Records, summary="The followed feeds")
    def list_feeds(state: Annotated[ServerState, Depends(get_state)]) -> dict[str, Any]:
        from ..store.feeds import list_feeds as rows

        with state.access.reading():
            store = state.store()
            try:
                return {"ok": True, "items": rows(store)}
            finally:
                store.close()

    @router.post("/feeds", summary="Follow a feed (bearer token required)")
    def add_feed(body: FeedIn, state: Annotated[ServerState, Depends(require_token)]) -> dict[str, Any]:
        from ..store.feeds import add_feed as add

        if not body.url.startswith(("http://", "https://")):
            raise HTTPException(422, "url must be an http(s) URL")
        new = live.feed_write(lambda store: add(store, body.url, outlet=body.outlet, kind=body.kind,
                                                interval_s=body.interval_s))
        return {"ok": True, "new": new}

    @router.post("/feeds/remove", summary="Stop following a feed (bearer token required)")
    def remove_feed(body: FeedIn, state: Annotated[ServerState, Depends(require_token)]) -> dict[str, Any]:
        from ..store.feeds import remove_feed as remove

        found = live.feed_write(lambda store: remove(store, body.url))
        if not found:
            raise HTTPException(404, f"not followed: {body.url}")
        return {"ok": True}

    @router.post("/feeds/poll", summary="Poll the due feeds now (all with force) and return the cycle's counts")
    def poll(state: Annotated[ServerState, Depends(require_token)], force: bool = False) -> dict[str, Any]:
        if not live.threads:
            raise HTTPException(503, "this server's worker is not running")
        return {"ok": True, **live.poll_now(force=force)}

    @router.get("/feeds/news", summary="Relations and shifts new since the last feed poll")
    def feed_news(state: Annotated[ServerState, Depends(get_state)]) -> Any:
        from ..feeds.poll import new_since_last_poll

        with state.access.reading():
            store = state.store()
            try:
                from ..network.shapes import public_record

                news = new_since_last_poll(store)
                return {"ok": True, **news, "shifts": [public_record(x) for x in news["shifts"]]}
            finally:
                store.close()

    return router
