"""What the API holds for its lifetime (the open store, the token, the locks) and its dependencies.

See ``detente.api.app`` for how reads and ingests share the DuckDB file.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..store import Store

INGEST_OFF = ("ingest over HTTP is off: start 'detente serve' with --token or the environment variable "
              "DETENTE_TOKEN to enable POST /api/ingest")


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
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Any = None

    @property
    def read_only(self) -> bool:
        return self.token is None

    def store(self) -> Store:
        """A store on a fresh cursor, for one request."""
        with self.cursor_lock:
            con = self.root.con.cursor()
        return _CursorStore(con, self.root.path)

    def pipeline(self) -> Any:
        """The extraction pipeline, loaded on first use (call with ``write_lock`` held)."""
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
    store = get_state(request).store()
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
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), state.token.encode("utf-8")):
        raise HTTPException(401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    return state


