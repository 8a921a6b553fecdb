"""One writer, many readers: how CLI commands find a running ``detente serve`` and hand it their work.

``detente serve`` with a token owns the store (DuckDB allows one writer process): it writes a *server file*
beside the store (``STORE.server.json``: its URL and process id, never the token) and keeps a read-only
*snapshot* beside it (``STORE.snapshot.duckdb``, refreshed a few seconds after each write).  Then:

- ``detente ingest`` finds the server from the store path (or ``--server URL``), reads its inputs locally,
  sends the documents to ``POST /api/jobs/...`` with the token, and shows the job's progress;
- read commands that find the store locked open the snapshot instead (``detente.store.lock``), so they never
  fail on the lock;
- a write without a server while another process holds the lock fails with a clear message.

No SQL here; HTTP through ``httpx``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Documents per request to the server: well under the API's body limit for news-length articles.
SEND_BATCH_DOCS = 16
SEND_BATCH_BYTES = 2_000_000


def server_file(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".server.json")


def snapshot_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".snapshot.duckdb")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_server_file(db: str | Path, url: str, *, writer: bool) -> Path:
    path = server_file(db)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid(), "writer": writer,
                               "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}),
                   encoding="utf-8")
    os.replace(tmp, path)
    return path


def remove_server_files(db: str | Path) -> None:
    """Remove the server file of ``db`` if this process wrote it (called at shutdown)."""
    path = server_file(db)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        if info.get("pid") == os.getpid():
            path.unlink()
    except (FileNotFoundError, ValueError, OSError, AttributeError):
        pass


def find_server(db: str | Path) -> dict[str, Any] | None:
    """The running server that owns ``db`` (from its server file), or None (no file, or its process is gone)."""
    try:
        info = json.loads(server_file(db).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, OSError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("pid"), int) or not _alive(info["pid"]):
        return None
    return info


def read_through_server(db: str | Path, path: str, *, timeout: float = 30.0) -> dict[str, Any] | None:
    """``GET path`` from the server that owns ``db`` (no token: reads are open), or None when no server runs or it
    does not answer; the caller then reads the store (or its snapshot, which lags the server by a few seconds)."""
    import httpx

    running = find_server(db)
    if running is None:
        return None
    try:
        resp = httpx.get(str(running["url"]).rstrip("/") + path, timeout=timeout, trust_env=False)
        body = resp.json()
    except (httpx.HTTPError, ValueError):
        return None
    if resp.status_code != 200 or not isinstance(body, dict) or body.get("ok") is not True:
        return None
    return body


class ServerClient:
    """The CLI's side of an ingest job on a running server."""

    def __init__(self, url: str, token: str | None, *, timeout: float = 60.0) -> None:
        import httpx

        if not token:
            raise ConfigError(f"a detente server at {url} owns this store: pass its token with --token or the "
                              "environment variable DETENTE_TOKEN to ingest through it")
        self.url = url.rstrip("/")
        self.client = httpx.Client(base_url=self.url, timeout=timeout, trust_env=False,
                                   headers={"Authorization": f"Bearer {token}"})

    def close(self) -> None:
        self.client.close()

    def call(self, method: str, path: str, **kw: Any) -> Any:
        """One request; the JSON answer, or ``ConfigError`` with the server's message."""
        return self._call(method, path, **kw)

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        import httpx

        try:
            resp = self.client.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise ConfigError(f"cannot reach the detente server at {self.url}: {type(exc).__name__}") from exc
        try:
            body = resp.json()
        except ValueError:
            body = {"error": resp.text[:200]}
        if resp.status_code >= 400:
            raise ConfigError(f"the detente server at {self.url} answered {resp.status_code}: "
                              f"{body.get('error', body)}")
        return body

    def ingest(self, items: Iterable[Any], *, progress: Callable[[int], None] | None = None,
               poll_every: float = 0.5) -> dict[str, Any]:
        """Send documents (and rejected inputs) to a new job; wait for it; return the job."""
        from .model import Rejected

        job = self._call("POST", "/api/jobs", json={"source": "cli"})  # one job: {"ok": true, "id", ...}
        job_id = job["id"]
        docs: list[dict[str, Any]] = []
        rejected: list[dict[str, str]] = []
        size = 0
        shown = 0

        def flush() -> None:
            nonlocal docs, rejected, size
            if docs or rejected:
                self._call("POST", f"/api/jobs/{job_id}/documents", json={"documents": docs, "rejected": rejected})
            docs, rejected, size = [], [], 0

        def report() -> dict[str, Any]:
            nonlocal shown
            state = self._call("GET", f"/api/jobs/{job_id}")
            done = int(state.get("processed", 0))
            if progress and done > shown:
                progress(done - shown)
            shown = max(shown, done)
            return state

        for item in items:
            if isinstance(item, Rejected):
                rejected.append(item.to_dict())
                continue
            d = item.to_dict()
            docs.append(d)
            size += len(d.get("text") or "")
            if len(docs) >= SEND_BATCH_DOCS or size >= SEND_BATCH_BYTES:
                flush()
                report()
        flush()
        self._call("POST", f"/api/jobs/{job_id}/finish")
        while True:
            state = report()
            if state["status"] in {"done", "failed"}:
                return state
            time.sleep(poll_every)


def ingest_through_server(server: str, token: str | None, paths: Iterable[str], *, manifest: Path | None,
                          date: dt.date | None, outlet: str | None, stdin: io.TextIOBase | None,
                          allow_private: bool, progress: Callable[[int], None] | None) -> Any:
    """Read the inputs here, ingest them on the server; returns an ``IngestSummary`` like the local job."""
    from .errors import StoreError
    from .ingest.sources import iter_documents
    from .jobs import IngestSummary
    from .model import Rejected

    client = ServerClient(server, token)
    try:
        job = client.ingest(iter_documents(paths, manifest=manifest, date=date, outlet=outlet, stdin=stdin,
                                           allow_private=allow_private), progress=progress)
    finally:
        client.close()
    if job["status"] == "failed":
        raise StoreError(f"the server's ingest job {job['id']} failed: {job.get('error')}")
    c = job["counts"]
    return IngestSummary(read=c["read"], stored=c["stored"], duplicates=c["duplicates"], events=c["events"],
                         rejected=[Rejected(**r) for r in job["rejected"]], seconds=float(job.get("seconds") or 0.0))
