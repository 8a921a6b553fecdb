"""Part "ray": the Ray engine on 1 and 2 workers against the in-process job, same corpus, same run.

* ``in-process``: ``detente.jobs.ingest(workers=1)`` with the pipeline already loaded (what ``detente ingest``
  does after its model load), and ``workers=2`` (two forked processes).
* ``ray xN``: ``detente.engines.ray_engine.ingest_ray(workers=N)`` on a local Ray runtime that is already
  running (``ray.init(num_cpus=2)`` is timed once, separately: *ray_start_s*).  Each Ray run starts its own
  actor pool, so its time includes every actor loading the pipeline (about 2-3 s each, in parallel), the
  ``ray.data`` scheduling, the Parquet partitions and the one-writer load into DuckDB, and the final merge.

Every arm writes a fresh DuckDB file; the stores are compared (same documents, events and claims).  The
order of the arms alternates between rounds; the best round of each is reported.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpus


def _store_counts(db: Path) -> dict[str, int]:
    from detente.store import Store

    with Store(db, read_only=True) as store:
        return store.counts()


def run(n_docs: int, *, repeats: int = 2, seed: int = 0, workdir: Path | None = None, log: Any = None) -> dict[str, Any]:
    import ray

    from detente.engines.ray_engine import ingest_ray, start
    from detente.jobs import ingest
    from detente.pipeline import Pipeline
    from detente.store import Store

    say = log or (lambda msg: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-ray-", dir=workdir) as tmp:
        folder = Path(tmp)
        info = corpus.write_corpus(folder / "corpus", n_docs, seed=seed)
        pipeline = Pipeline.load()
        started = time.perf_counter()
        start(num_cpus=2)
        ray_start = time.perf_counter() - started
        say(f"ray.init(num_cpus=2) took {ray_start:.1f} s")
        arms = {"in_process_x1": lambda s: ingest([], store=s, pipeline=pipeline, manifest=info.manifest, workers=1),
                "in_process_x2": lambda s: ingest([], store=s, pipeline=pipeline, manifest=info.manifest, workers=2),
                "ray_x1": lambda s: ingest_ray([], store=s, manifest=info.manifest, workers=1),
                "ray_x2": lambda s: ingest_ray([], store=s, manifest=info.manifest, workers=2)}
        times: dict[str, list[float]] = {k: [] for k in arms}
        counts: dict[str, dict[str, int]] = {}
        try:
            for r in range(repeats):
                order = list(arms) if r % 2 == 0 else list(reversed(arms))
                for name in order:
                    db = folder / f"{name}-{r}.duckdb"
                    t = time.perf_counter()
                    with Store(db) as store:
                        arms[name](store)
                    times[name].append(time.perf_counter() - t)
                    counts[name] = _store_counts(db)
                    db.unlink()
                    say(f"  round {r + 1}/{repeats} {name}: {n_docs / times[name][-1]:.2f} articles/s")
        finally:
            ray.shutdown()
    base = n_docs / min(times["in_process_x1"])
    out: dict[str, Any] = {"articles": n_docs, "words": info.words, "ray_start_s": round(ray_start, 2),
                           "same_store": len({tuple(sorted(c.items())) for c in counts.values()}) == 1,
                           "counts": counts["in_process_x1"]}
    for name, ts in times.items():
        rate = n_docs / min(ts)
        out[name] = {"articles_per_s": round(rate, 3), "ratio_to_in_process_x1": round(rate / base, 3),
                     "runs_s": [round(x, 2) for x in ts]}
    return out
