"""Where the ingest time goes: cProfile over an ingest of N bench articles (default 50).

    python bench/profile_ingest.py [N]          # PROFILE_DUMP=FILE also writes the pstats file

Prints the time inside spaCy (``nlp.pipe``) vs detente's own stages
(cumulative time of the stage entry points) and the top detente functions
by own time.  Profiling slows Python code more than spaCy's compiled code,
so detente's share is overstated by a little; use it for ranking.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402

STAGES = (
    ("spaCy nlp.pipe (parse)", "spacy/language.py", "pipe"),
    ("nlp.split_sentences", "detente/nlp.py", "split_sentences"),
    ("actors: ActorResolver.resolve", "detente/actors/resolve.py", "resolve"),
    ("events: EventCoder.code", "detente/events/extract.py", "code"),
    ("relations: RelationReader.read", "detente/events/relations.py", "read"),
    ("ingest: iter_documents (read/clean/lang/date)", "detente/ingest/sources.py", "iter_documents"),
    ("store: Store.write (Arrow + insert)", "detente/store/duck.py", "write"),
    ("store: Store.has_documents", "detente/store/duck.py", "has_documents"),
    ("store: _tables (build Arrow tables)", "detente/store/duck.py", "_tables"),
)


def main(n: int = 50) -> None:
    from detente.jobs import ingest
    from detente.pipeline import Pipeline
    from detente.store import Store

    pipeline = Pipeline.load()
    with tempfile.TemporaryDirectory(prefix="detente-bench-p-") as tmp:
        folder = Path(tmp)
        warm = corpus.write_corpus(folder / "warm", 16, start=10_000_000)
        info = corpus.write_corpus(folder / "corpus", n)
        with Store(folder / "warm.duckdb") as store:
            ingest([], store=store, pipeline=pipeline, manifest=warm.manifest)
        prof = cProfile.Profile()
        started = time.perf_counter()
        with Store(folder / "p.duckdb") as store:
            prof.enable()
            summary = ingest([], store=store, pipeline=pipeline, manifest=info.manifest)
            prof.disable()
        wall = time.perf_counter() - started
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # own time of everything
    print(f"{summary.read} articles, {summary.events} events, {wall:.1f} s wall under the profiler "
          f"({summary.read / wall:.2f} articles/s)\n")
    print(f"{'stage (cumulative)':52} {'s':>7} {'share':>6}")
    for label, file_part, func in STAGES:
        cum = sum(v[3] for (f, _, name), v in stats.stats.items() if file_part in f and name == func)
        print(f"{label:52} {cum:7.2f} {cum / total:6.1%}")
    print(f"\ntop detente functions by own time (total profiled {total:.1f} s):")
    rows = sorted(((v[2], v[3], v[1], f, ln, name) for (f, ln, name), v in stats.stats.items() if "/detente/" in f),
                  reverse=True)[:20]
    print(f"{'own s':>7} {'cum s':>7} {'calls':>9}  function")
    for own, cum, calls, f, ln, name in rows:
        short = f.split("/detente/", 1)[1]
        print(f"{own:7.2f} {cum:7.2f} {calls:9d}  {short}:{ln} {name}")
    print("\ntop functions overall by own time:")
    stats.sort_stats("tottime").print_stats(15)
    if os.environ.get("PROFILE_DUMP"):
        stats.dump_stats(os.environ["PROFILE_DUMP"])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
