"""What the API holds for its lifetime (the open store, the token, the locks) and its dependencies.

See ``detente.api.app`` for how reads and ingests share the DuckDB file.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..store import Store
from .guard import BAD_TOKEN, INGEST_OFF, token_matches


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before readers that arrive after it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if self._readers == 0:
                    self._cond.notify_all()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class _CursorStore(Store):
    """A ``Store`` over one cursor of the app's connection (closing it closes only the cursor)."""

    def __init__(self, con: Any, path: str) -> None:  # no super().__init__: the file is already open
        self.path = path
        self.con = con


@dataclass
class ServerState:
    """What the app holds for its lifetime: the open store, the token and the locks."""

    root: Store
    token: str | None
    allow_private_urls: bool
    load_pipeline: Callable[[], Any]
    cursor_lock: threading.Lock = field(default_factory=threading.Lock)
    # Held by one ingest at a time, from the duplicate check to the end of the write.
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    # Reads share it; the write transaction takes it alone (see detente.api.app on why).
    access: ReadWriteLock = field(default_factory=ReadWriteLock)
    _pipeline: Any = None
    _limits: dict[str, Any] = field(default_factory=dict)

    @property
    def read_only(self) -> bool:
        return self.token is None

    def store(self) -> Store:
        """A store on a fresh cursor, for one request."""
        with self.cursor_lock:
            con = self.root.con.cursor()
        return _CursorStore(con, self.root.path)

    def fetch_slots(self) -> Any:
        """The cap on URL fetches running at once (an asyncio semaphore, made in the server's event loop)."""
        import asyncio

        from ..ingest.fetch import MAX_CONCURRENT_FETCHES

        if "fetch" not in self._limits:
            self._limits["fetch"] = asyncio.Semaphore(MAX_CONCURRENT_FETCHES)
        return self._limits["fetch"]

    def ingest_limiter(self) -> Any:
        """Worker threads for ingests: one (they are serialised anyway); the others wait without a thread."""
        import anyio

        if "ingest" not in self._limits:
            self._limits["ingest"] = anyio.CapacityLimiter(1)
        return self._limits["ingest"]

    def pipeline(self) -> Any:
        """The extraction pipeline, loaded on first use (call with ``ingest_lock`` held)."""
        if self._pipeline is None:
            self._pipeline = self.load_pipeline()
        return self._pipeline


def load_default_pipeline() -> Any:
    from ..pipeline import Pipeline

    return Pipeline.load()


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.detente
    return state


def get_store(request: Request) -> Iterator[Store]:
    """A store for one read request, holding the shared side of the access lock while it runs."""
    state = get_state(request)
    with state.access.reading():
        store = state.store()
        try:
            yield store
        finally:
            store.close()


_bearer = HTTPBearer(auto_error=False, description="The token given to 'detente serve' (--token or DETENTE_TOKEN).")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> ServerState:
    """Refuse unless ingest is on and the request carries the server's bearer token."""
    state = get_state(request)
    if state.token is None:
        raise HTTPException(403, INGEST_OFF)
    # Starlette decodes header bytes as Latin-1, so encoding back gives the bytes sent (see detente.api.guard).
    given = credentials.credentials.encode("latin-1") if credentials is not None else b""
    if not token_matches(given, state.token):
        raise HTTPException(401, BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})
    return state


