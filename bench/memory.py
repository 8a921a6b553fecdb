"""Part 2: peak memory of a streamed ingest, measured in a child process.

The corpus is written to a temporary folder, one file per article plus a
CSV manifest (never the whole corpus in memory, in this process or the
child).  The child (``python bench/memory.py --child ...``) loads the
pipeline and runs ``detente.jobs.ingest`` into a fresh DuckDB file,
sampling its resident set (``VmRSS`` in ``/proc/self/status``) after every
store batch.  The parent reaps it with ``os.wait4`` and reads that child's
own ``ru_maxrss`` (the peak RSS of that process alone, unlike
``RUSAGE_CHILDREN``, which keeps the maximum over all children reaped so far).

Runs at two sizes (by default N/10 and N articles of the same corpus: the
small one uses the first N/10 rows of the manifest), so a reader sees
whether the peak grows with the corpus.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script (the child): make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def duckdb_memory(con: Any) -> dict[str, float]:
    """DuckDB's own accounting (``duckdb_memory()``): MB held per tag (buffer cache of the file's blocks,
    ART indexes, hash tables...), only the tags holding at least 1 MB, plus ``total`` and ``temp`` (spilled)."""
    rows = con.execute("SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory()").fetchall()
    out = {tag: round(used / 2**20, 1) for tag, used, _ in rows if used >= 2**20}
    out["total"] = round(sum(r[1] for r in rows) / 2**20, 1)
    out["temp"] = round(sum(r[2] for r in rows) / 2**20, 1)
    return out


class _MallInfo2:
    """glibc's ``mallinfo2()``: what the C heap holds in use and what it keeps free without returning it to
    the system (fragmentation shows as ``free`` growing while ``in use`` stays flat).  None off glibc."""

    def __init__(self) -> None:
        import ctypes

        class Info(ctypes.Structure):
            _fields_ = [(name, ctypes.c_size_t) for name in (
                "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                "keepcost")]
        try:
            self.fn = ctypes.CDLL("libc.so.6").mallinfo2
            self.fn.restype = Info
        except (OSError, AttributeError):
            self.fn = None

    def __call__(self) -> dict[str, float] | None:
        if self.fn is None:
            return None
        m = self.fn()
        mb = 2**20
        return {"heap_mb": round(m.arena / mb, 1), "mmap_mb": round(m.hblkhd / mb, 1),
                "in_use_mb": round(m.uordblks / mb, 1), "free_mb": round(m.fordblks / mb, 1)}


def child(manifest: Path, db: Path, out: Path) -> None:
    """Ingest ``manifest`` into ``db`` and write RSS samples + summary as JSON to ``out``."""
    base_mb = _status_kb("VmRSS") / 1024
    from detente.jobs import ingest
    from detente.pipeline import Pipeline
    from detente.store import Store

    pipeline = Pipeline.load()
    loaded_mb = _status_kb("VmRSS") / 1024
    loaded_hwm_mb = _status_kb("VmHWM") / 1024
    samples: list[tuple[int, float]] = []
    duck: list[tuple[int, dict[str, float]]] = []  # DuckDB's own memory after every batch
    done = 0
    store: Any = None
    mallinfo = _MallInfo2()
    heap: list[tuple[int, dict[str, float] | None]] = []  # the C heap (glibc) after every batch
    started = time.perf_counter()

    progress = out.with_suffix(".progress")  # partial results survive an interrupted long run

    def tick(n: int) -> None:
        nonlocal done
        done += n
        samples.append((done, round(_status_kb("VmRSS") / 1024, 1)))
        duck.append((done, duckdb_memory(store.con)))
        heap.append((done, mallinfo()))
        with progress.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"docs": done, "rss_mb": samples[-1][1], "hwm_mb": round(_status_kb("VmHWM") / 1024, 1),
                                "duckdb_mb": duck[-1][1], "py_blocks": sys.getallocatedblocks(), "malloc": heap[-1][1],
                                "seconds": round(time.perf_counter() - started, 1)}) + "\n")

    with Store(db) as store:
        summary = ingest([], store=store, pipeline=pipeline, manifest=manifest, progress=tick)
        hwm_before_close_mb = _status_kb("VmHWM") / 1024
        duck_end = duckdb_memory(store.con)
    seconds = time.perf_counter() - started
    result = {"python_mb": round(base_mb, 1), "after_load_mb": round(loaded_mb, 1),
              "peak_during_load_mb": round(loaded_hwm_mb, 1), "peak_before_store_close_mb": round(hwm_before_close_mb, 1),
              "vmhwm_mb": round(_status_kb("VmHWM") / 1024, 1), "seconds": seconds,
              "summary": {k: v for k, v in summary.to_dict().items() if k != "rejected"}, "samples": samples,
              "duckdb": duck, "duckdb_end": duck_end, "heap": heap}
    out.write_text(json.dumps(result), encoding="utf-8")


def _measure(manifest: Path, folder: Path, tag: str) -> dict[str, Any]:
    db, out = folder / f"{tag}.duckdb", folder / f"{tag}.json"
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", str(manifest), str(db),
                             str(out)], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        # keep what the child measured before it failed (its progress samples)
        progress = out.with_suffix(".progress")
        rows = [json.loads(x) for x in progress.read_text(encoding="utf-8").splitlines()] if progress.exists() else []
        return {"error": f"child exited with {proc.returncode} (see its traceback on stderr)",
                "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "docs_done": rows[-1]["docs"] if rows else 0,
                "last_progress": rows[-1] if rows else None}
    res = json.loads(out.read_text(encoding="utf-8"))
    res["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # Linux: kilobytes
    res["db_mb"] = round(sum(p.stat().st_size for p in folder.glob(f"{tag}.duckdb*")) / 1e6, 1)
    samples = res.pop("samples")
    duck = res.pop("duckdb", [])
    heap = res.pop("heap", [])
    n = res["summary"]["read"]
    res["articles_per_s"] = n / res["seconds"] if res["seconds"] else None
    # RSS after the first 10% and at the end: a flat line means streaming works
    if samples:
        early = [s for s in samples if s[0] >= max(1, n // 10)] or samples
        res["rss_after_10pct_mb"] = early[0][1]
        res["rss_end_mb"] = samples[-1][1]
        step = max(1, len(samples) // 10)
        res["rss_curve"] = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    if duck:  # DuckDB's own memory (MB per tag) on the same batches, and its largest total
        step = max(1, len(duck) // 10)
        res["duckdb_curve"] = duck[::step] + ([duck[-1]] if (len(duck) - 1) % step else [])
        res["duckdb_peak_mb"] = max(d["total"] for _, d in duck)
    if heap and heap[-1][1] is not None:  # glibc's heap: in use vs kept free, on the same batches
        step = max(1, len(heap) // 10)
        res["heap_curve"] = heap[::step] + ([heap[-1]] if (len(heap) - 1) % step else [])
    for p in folder.glob(f"{tag}.duckdb*"):
        p.unlink()
    return res


def run(sizes: list[int], *, seed: int = 0, workdir: Path | None = None, log: Any = None) -> dict[str, Any]:
    say = log or (lambda msg: None)
    biggest = max(sizes)
    out: dict[str, Any] = {"sizes": sizes, "runs": {}}
    with tempfile.TemporaryDirectory(prefix="detente-bench-m-", dir=workdir) as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        info = corpus.write_corpus(folder / "corpus", biggest, seed=seed)
        say(f"wrote {biggest:,} articles ({info.words:,} words) in {time.perf_counter() - t:.1f} s")
        lines = info.manifest.read_text(encoding="utf-8").splitlines(keepends=True)
        for n in sorted(sizes):
            manifest = info.manifest if n == biggest else folder / "corpus" / f"manifest_{n}.csv"
            if n != biggest:
                manifest.write_text("".join(lines[: n + 1]), encoding="utf-8")
            say(f"ingesting {n:,} articles in a child process")
            res = _measure(manifest, folder, f"mem{n}")
            out["runs"][str(n)] = res
            if "error" in res:
                say(f"  FAILED after {res['docs_done']} articles: {res['error']}; peak RSS {res['peak_rss_mb']:.0f} MB")
            else:
                say(f"  peak RSS {res['peak_rss_mb']:.0f} MB (before store close {res['peak_before_store_close_mb']:.0f}"
                    f" MB), {res['articles_per_s']:.2f} articles/s")
    return out


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        sizes = [int(x) for x in sys.argv[1:]] or [100, 1000]
        print(json.dumps(run(sizes, log=lambda m: print(m, file=sys.stderr)), indent=2))
