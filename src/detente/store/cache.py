"""Results cached per store version: the read routes a dashboard calls again and again (the whole network)
answer from memory until the store changes.

Every write that changes the pair table or its summaries (``store.rollup.refresh`` and ``rebuild``, called by
``sync_pairs`` and the merge) stores a new random ``data_version`` in ``meta``; a cached result is used only
under the version it was computed at, so a reader never sees a result older than the data it reads.  Stores
without a version (not migrated yet) are never cached.

Hand-written rather than ``functools.lru_cache``: the key includes a value read from the store on each call.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 16  # whole-network JSON bodies are a few MB each at 20,000 relations

_lock = threading.Lock()
_entries: OrderedDict[tuple[str, Hashable], Any] = OrderedDict()


def bump(con: Any) -> None:
    """Mark the store as changed (inside the writer's transaction)."""
    import uuid

    con.execute("INSERT OR REPLACE INTO meta VALUES ('data_version', ?)", [uuid.uuid4().hex])


def version(con: Any) -> str | None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    except Exception:  # no meta table (a bare connection): nothing to key on
        return None
    return row[0] if row else None


def cached(con: Any, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result from an earlier call with the same ``key`` on the same store version."""
    v = version(con)
    if v is None:
        return compute()
    k = (v, key)
    with _lock:
        if k in _entries:
            _entries.move_to_end(k)
            return _entries[k]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _entries[k] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
