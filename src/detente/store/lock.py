"""Opening a store that another process holds: read a snapshot, or say clearly what holds it.

DuckDB lets one process open a file for writing.  When ``detente serve --token`` owns the store it keeps a
consistent read-only snapshot beside it (``detente.live``); a read that finds the file locked opens that
snapshot.  Anything else locked gets a message naming the holder, never DuckDB's raw one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import StoreError


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def open_locked(path: str, read_only: bool, exc: BaseException) -> Any:
    """Called when opening ``path`` failed with ``exc``: returns a read-only connection to the server's
    snapshot, or raises a ``StoreError`` that says who holds the store and what to do."""
    import duckdb

    from ..live import find_server, snapshot_path

    if not is_lock_error(exc):
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    server = find_server(path)
    snap = snapshot_path(path)
    if read_only and server is not None and snap.exists():
        try:
            return duckdb.connect(str(snap), read_only=True)
        except duckdb.Error:
            pass  # being replaced this instant: fall through to the message
    match = re.search(r"PID (\d+)", str(exc))
    holder = f"process {match.group(1)}" if match else "another process"
    if server is not None:
        raise StoreError(
            f"store {path} is owned by 'detente serve' at {server['url']} (process {server['pid']}); "
            + ("'detente ingest' sends its documents there when given the server's token (--token or "
               "DETENTE_TOKEN)" if not read_only else "its read snapshot is not ready yet: try again in a few seconds")
        ) from None
    raise StoreError(
        f"store {path} is in use by {holder}, which is writing to it (DuckDB allows one writer at a time); "
        "wait for it to finish, or run 'detente serve --token ...' so that ingests and reads share the store"
    ) from None


def snapshot_of(path: str | Path) -> Path:
    from ..live import snapshot_path

    return snapshot_path(path)
