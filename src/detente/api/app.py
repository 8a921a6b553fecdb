"""The HTTP API and the dashboard over one DuckDB store.

``create_app(db, ...)`` returns a FastAPI app: read endpoints under
``/api`` (documents, actors, events, relations, the network, windows,
dyads, shifts, balance, sentence search), ``POST /api/ingest`` behind a
bearer token, and the dashboard's static files at ``/``.  Handlers call the
same library functions as the CLI and return every error as
``{"ok": false, "error": "...", "code": "...", "status": N}``.  Requests pass
the ``Guard`` first (``detente.api.guard``: Host allow-list, token and body size
checked before the body is read, security headers on every response).

Concurrency with DuckDB.  DuckDB lets one process open a file for writing
(or several for reading only).  The app opens the store once, in this
process: read-only when ingest is off (no token), so ``detente`` commands in
other processes can still read it; read-write when a token is set (then no
other process can open the file until the server stops).  Reads run
concurrently, each request on its own cursor (``con.cursor()``: a connection
to the same database instance, used by one thread).  Ingests are serialised
by one lock (the spaCy pipeline is shared, and DuckDB has one writer), and
extraction, the slow part, runs beside the reads.  The write itself (the
batch insert and ``merge_events``' rewrite of the event groups) goes through
the connection opened at start and holds a read-write lock exclusively, so
readers wait for that short step (milliseconds to a second).  Both are
needed: DuckDB 1.4 fails such a commit with "write-write conflict" when
another transaction is open, and also when the keys it rewrites were last
written through a different cursor.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DetenteError, api_error, error_body, error_code
from ..store import Store
from . import routes
from .guard import SECURITY_HEADERS, Guard, allowed_hosts
from .state import ServerState, load_default_pipeline

log = logging.getLogger(__name__)



def _error(status: int, message: str, headers: dict[str, str] | None = None, code: str | None = None) -> JSONResponse:
    # The security headers are set here too: a 500 is sent by Starlette's outermost layer, past the Guard.
    return JSONResponse(error_body(status, message, code), status_code=status,
                        headers={**SECURITY_HEADERS, **(headers or {})})


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    """Every error, expected or not, leaves as the one JSON shape (see ``detente.errors.api_error``)."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(DetenteError)
    async def _detente(request: Request, exc: DetenteError) -> JSONResponse:
        if error_code(exc).status >= 500:
            log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
        status, body = api_error(exc)
        return JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        status, body = api_error(exc)
        return JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)


def static_dir() -> Path:
    """The dashboard's files, shipped as package data ``web/static/*``."""
    return Path(str(resources.files("detente") / "web" / "static"))


def _install_dashboard(app: FastAPI) -> None:
    folder = static_dir()
    app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False)
    def _index() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html")


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    allow_private_urls: bool = False,
    load_pipeline: Callable[[], Any] | None = None,
    host: str | None = "127.0.0.1",
    allowed_host: tuple[str, ...] | list[str] = (),
) -> FastAPI:
    """Build the API and dashboard over the store at ``db``.

    Args:
        db: the DuckDB store file.
        token: the bearer token that enables ``POST /api/ingest``; None (or empty) leaves ingest off and opens
            the store read-only.
        allow_private_urls: let ingest fetch URLs on private and loopback addresses.
        load_pipeline: returns the extraction pipeline, called on the first ingest (tests pass a loaded one).
        host: the address the server binds; its name joins the Host allow-list.
        allowed_host: more names the Host header may carry (``*``: any; see ``detente.api.guard``).

    Returns:
        The FastAPI app; its lifespan closes the store.

    Raises:
        StoreError: the store cannot be opened (missing while ingest is off, locked by another process, wrong schema).
    """
    token = token or None
    root = Store(db, read_only=token is None)
    state = ServerState(root, token, allow_private_urls, load_pipeline or load_default_pipeline)

    from .live import LiveService, make_router

    live = LiveService(state, Path(db))  # ingest jobs, feed polls and the read snapshot (when the store is ours)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        live.start()
        yield
        live.stop()
        root.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description="A sourced, time-aware map of who stands with whom: the store's documents, actors, events "
                    "and relations, with the evidence behind every score. Errors are "
                    '`{"ok": false, "error": "...", "code": "...", "status": N}`.',
        lifespan=lifespan,
        responses=routes.ERROR_RESPONSES,
        # Swagger UI and ReDoc load their scripts from a CDN: no interactive docs offline; /openapi.json stays.
        docs_url=None,
        redoc_url=None,
    )
    app.state.detente = state
    _install_error_handlers(app)
    app.add_middleware(Guard, hosts=allowed_hosts(host, allowed_host), token=token)
    app.include_router(routes.router, prefix="/api")
    app.include_router(make_router(live), prefix="/api")
    app.state.live = live
    _install_dashboard(app)
    return app


