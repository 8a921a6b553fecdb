"""The per-version result cache: concurrent misses on one key compute once; a failed computation leaves no
entry and does not block the next call; the pools keep small results from evicting large ones."""

from __future__ import annotations

import threading
import time

import pytest

from detente.store import Store, cache


@pytest.fixture()
def versioned(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        cache.bump(store.con)
        cache.clear()
        yield store
        cache.clear()


def test_cache_concurrent_misses_compute_once(versioned):
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        time.sleep(0.3)
        return 42

    results: list[int] = []
    cursors = [versioned.con.cursor() for _ in range(6)]
    threads = [threading.Thread(target=lambda c=c: results.append(cache.cached(c, "net", compute)))
               for c in cursors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 6 and len(calls) == 1


def test_cache_failed_computation_is_not_kept(versioned):
    def boom() -> int:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        cache.cached(versioned.con, "k", boom)
    assert cache.cached(versioned.con, "k", lambda: 7) == 7
    assert cache.cached(versioned.con, "k", boom) == 7  # kept now


def test_cache_small_results_never_evict_bodies(versioned):
    body = cache.cached(versioned.con, "body", lambda: b"x" * 10)
    for i in range(cache.POOLS["bodies"] * 4):
        cache.cached(versioned.con, ("pair", i), lambda i=i: i, pool="small")
    assert cache.cached(versioned.con, "body", lambda: b"recomputed") is body
