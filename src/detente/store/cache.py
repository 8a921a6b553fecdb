"""Results cached per store version: the read routes a dashboard calls again and again (the whole network)
answer from memory until the store changes.

Every write that changes the pair table or its summaries (``store.rollup.refresh`` and ``rebuild``, called by
``sync_pairs`` and the merge) stores a new random ``data_version`` in ``meta``; a cached result is used only
under the version it was computed at, so a reader never sees a result older than the data it reads.  Stores
without a version (not migrated yet) are never cached.

Three pools (``POOLS``) keep large bodies (the network), pages of listings (an actor's events) and small
per-pair results (a dyad's shifts) apart, so that many small entries never evict a large one; concurrent misses
on one key compute it once.

Hand-written rather than ``functools.lru_cache``: the key includes a value read from the store on each call.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 16  # whole-network JSON bodies are a few MB each at 20,000 relations
# Entries kept per pool: "bodies" for whole listings (MB each), "small" for per-pair results (a dyad's shifts,
# the node names, the store's date range: KB each), so that the many small entries never evict the bodies.
# "listings" for pages of a listing (an actor's events: ~100 KB each).
POOLS = {"bodies": MAX_ENTRIES, "small": 4096, "listings": 256}

_lock = threading.Lock()
_pools: dict[str, OrderedDict[tuple[str, Hashable], Any]] = {name: OrderedDict() for name in POOLS}
_entries = _pools["bodies"]
_computing: dict[tuple[str, tuple[str, Hashable]], threading.Lock] = {}


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


def cached(con: Any, key: Hashable, compute: Callable[[], T], *, pool: str = "bodies",
           known_version: str | None = None) -> T:
    """``compute()``, or its result from an earlier call with the same ``key`` on the same store version.

    ``pool``: "bodies" (the default: a few large results), "listings" or "small" (many small ones).
    ``known_version``: the store's version as the caller read it under the same read lock (saves a query).
    A cached value is shared between callers: never mutate it."""
    v = known_version or version(con)
    if v is None:
        return compute()
    k = (v, key)
    entries, limit = _pools[pool], POOLS[pool]
    with _lock:
        if k in entries:
            entries.move_to_end(k)
            return entries[k]  # type: ignore[no-any-return]
        gate = _computing.setdefault((pool, k), threading.Lock())
    # One computation per key at a time: eight dashboards opening at once would otherwise each compute the
    # whole network (seconds of CPU each) instead of waiting for the first.
    with gate:
        with _lock:
            if k in entries:  # computed while this call waited
                entries.move_to_end(k)
                return entries[k]  # type: ignore[no-any-return]
        try:
            value = compute()
            with _lock:
                entries[k] = value
                while len(entries) > limit:
                    entries.popitem(last=False)
        finally:
            with _lock:
                _computing.pop((pool, k), None)
    return value


def clear() -> None:
    with _lock:
        for entries in _pools.values():
            entries.clear()
