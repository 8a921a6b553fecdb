"""Memory of long runs: keep a long ingest's C heap from growing with the corpus (glibc only; a no-op elsewhere),
and pause the cyclic collector while bulk records are built (``bulk``).

Measured (bench/memory.py samples glibc's ``mallinfo2`` after every batch; bench/README.md): after 640 articles
the C heap of an ingest held 510 MB of which 142 MB were in use; its free part grew batch after batch (302 MB
after the first 64 articles, 370 MB after 640).  The per-batch work (spaCy's parse, the event model's
tensors, the Arrow tables of the store write) allocates and frees hundreds of MB of arrays; glibc raises its
mmap threshold after each large free (up to 32 MB), so those arrays land in the heap and the holes they leave
are neither reused in full nor returned.  Two standard knobs stop that:

- a fixed mmap threshold (``mallopt(M_MMAP_THRESHOLD)``): allocations of 128 KiB and more get their own
  mapping, returned to the system when freed (a fixed value also turns off glibc's dynamic raising);
- ``malloc_trim(0)`` after each stored batch: the free pages inside the heap go back to the system.

With both, the same 640 articles left a heap of about 60 MB with a few MB free.  ``M_ARENA_MAX`` is set to 2
as well: each thread that allocates under contention gets an arena of its own, and each arena fragments on
its own.  No library does this for us (jemalloc would need LD_PRELOAD before start-up), hence ctypes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD = 128 * 1024
ARENA_MAX = 2

_libc: Any = None
_bounded = False


def _glibc() -> Any:
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                if hasattr(lib, "malloc_trim") and hasattr(lib, "mallopt"):
                    _libc = lib
            except OSError:
                pass
    return _libc


def bound() -> bool:
    """Set the fixed mmap threshold and the arena cap (once per process); False off glibc."""
    global _bounded
    lib = _glibc()
    if not lib:
        return False
    if not _bounded:
        lib.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        lib.mallopt(_M_ARENA_MAX, ARENA_MAX)
        _bounded = True
    return True


def trim() -> None:
    """Give the heap's free pages back to the system (a few ms; called after each stored batch)."""
    lib = _glibc()
    if lib:
        lib.malloc_trim(0)


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic records are built (the relations listing:
    20,000 records, 60,000 dicts and 400,000 strings).  Each collection of the oldest generation walks every
    object of the process and finds nothing to free here; pausing it saved 10-20% of that build (measured).
    Restores the collector's previous state."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
