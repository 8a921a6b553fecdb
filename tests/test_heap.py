"""detente.heap: the ingest's C heap gives its free pages back after a batch; bulk() pauses the collector."""

from __future__ import annotations

import gc
import sys

import pytest

from detente import heap


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_trim_returns_freed_heap_pages():
    assert heap.bound()  # fixed mmap threshold: 64 KiB blocks stay in the heap
    blocks = [bytearray(64 * 1024) for _ in range(2000)]  # 128 MB in the heap, pages touched
    keep = blocks[-1]  # the top of the heap stays in use: free() alone cannot shrink it
    del blocks
    before = _rss_mb()
    heap.trim()
    after = _rss_mb()
    assert before - after > 60, (before, after)  # without malloc_trim the holes stay resident
    del keep


def test_bulk_pauses_the_collector_and_restores_it():
    assert gc.isenabled()
    with heap.bulk():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with heap.bulk():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
