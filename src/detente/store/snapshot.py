"""A consistent read-only copy of the store, written by the process that owns it (see ``detente.live``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def write_snapshot(con: Any, target: Path) -> None:
    """Copy the database of ``con`` (a cursor of the owning connection) to ``target`` atomically: written to a
    temporary file, then renamed over ``target``, so a reader opens either the old copy or the new one."""
    target = Path(target)
    tmp = target.with_name(target.name + ".tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        if stale.exists():
            stale.unlink()
    name = con.execute("SELECT current_database()").fetchone()[0]
    escaped = str(tmp).replace("'", "''")
    con.execute(f"ATTACH '{escaped}' AS detente_snapshot")
    try:
        con.execute(f'COPY FROM DATABASE "{name}" TO detente_snapshot')
    finally:
        con.execute("DETACH detente_snapshot")
    os.replace(tmp, target)
