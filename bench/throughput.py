"""Part 1: end-to-end ingest vs bare spaCy, articles/s and words/s, same corpus, same run.

* ``bare``: ``nlp.pipe(texts, batch_size=detente.nlp.BATCH_SIZE)`` over the
  article texts (already in memory), consuming every ``Doc``; the model is
  ``detente.nlp.load_nlp()``, the very object the pipeline uses.
* ``ingest``: ``detente.ingest.run.ingest`` of the same articles as files
  with a manifest (outlet, date) into a fresh temporary DuckDB store:
  reading, cleaning, language check, parse, actors, events, relations and
  the store writes.  Timed from opening the store to closing it.

Both are warmed up first (on other articles).  Each round runs both, the
order alternating between rounds; the best round of each is reported
(and the median).  ``ratio`` = ingest rate / bare rate: 1.0 means detente
adds nothing to spaCy, 0.85 is the issue's "within 15 percent".
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpus

# GDELT codes about 730k articles/day (STACK.md): 730_000 / 86_400 s
GDELT_RATE = 730_000 / 86_400
WITHIN = 0.85


def _bare(nlp: Any, texts: list[str], batch_size: int) -> tuple[float, int]:
    tokens = 0
    started = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    return time.perf_counter() - started, tokens


def _ingest(pipeline: Any, info: corpus.CorpusInfo, folder: Path, tag: str) -> tuple[float, dict[str, Any]]:
    from detente.ingest.run import ingest
    from detente.store import Store

    db = folder / f"{tag}.duckdb"
    started = time.perf_counter()
    with Store(db) as store:
        summary = ingest([], store=store, pipeline=pipeline, manifest=info.manifest)
    elapsed = time.perf_counter() - started
    for p in folder.glob(f"{tag}.duckdb*"):
        p.unlink()
    return elapsed, summary.to_dict()


def run(n_docs: int, *, repeats: int = 3, warmup_docs: int = 32, seed: int = 0, workdir: Path | None = None,
        log: Any = None) -> dict[str, Any]:
    from detente.nlp import BATCH_SIZE, load_nlp
    from detente.pipeline import Pipeline

    say = log or (lambda msg: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-t-", dir=workdir) as tmp:
        folder = Path(tmp)
        info = corpus.write_corpus(folder / "corpus", n_docs, seed=seed)
        warm = corpus.write_corpus(folder / "warmup", warmup_docs, seed=seed, start=n_docs)
        texts = corpus.read_corpus_texts(info)
        warm_texts = corpus.read_corpus_texts(warm)

        t = time.perf_counter()
        pipeline = Pipeline.load()
        load_s = time.perf_counter() - t
        nlp = load_nlp()
        assert nlp is pipeline.nlp, "the pipeline must use the same spaCy object as load_nlp()"
        say(f"pipeline loaded in {load_s:.1f} s; warming up on {warmup_docs} other articles")
        _bare(nlp, warm_texts, BATCH_SIZE)
        _ingest(pipeline, warm, folder, "warmup")

        bare_times: list[float] = []
        ingest_times: list[float] = []
        tokens = 0
        summary: dict[str, Any] = {}
        for r in range(repeats):
            order = ("bare", "ingest") if r % 2 == 0 else ("ingest", "bare")
            for mode in order:
                gc.collect()
                if mode == "bare":
                    secs, tokens = _bare(nlp, texts, BATCH_SIZE)
                    bare_times.append(secs)
                else:
                    secs, summary = _ingest(pipeline, info, folder, f"round{r}")
                    ingest_times.append(secs)
                say(f"  round {r + 1}/{repeats} {mode}: {n_docs / secs:.2f} articles/s")

    def rates(times: list[float]) -> dict[str, float]:
        best, med = min(times), statistics.median(times)
        return {"best_s": best, "median_s": med, "articles_per_s": n_docs / best,
                "words_per_s": info.words / best, "articles_per_s_median": n_docs / med,
                "runs": [round(x, 3) for x in times]}

    bare, e2e = rates(bare_times), rates(ingest_times)
    ratio = e2e["articles_per_s"] / bare["articles_per_s"]
    return {
        "articles": n_docs, "words": info.words, "words_per_article": info.words / n_docs,
        "spacy_tokens": tokens, "corpus": corpus.corpus_source(), "batch_size": BATCH_SIZE, "repeats": repeats,
        "pipeline_load_s": load_s,
        "bare_spacy": bare, "ingest": e2e,
        "ratio": ratio, "ratio_median": e2e["articles_per_s_median"] / bare["articles_per_s_median"],
        "overhead_pct": (1 / ratio - 1) * 100,
        "target_rate": GDELT_RATE, "meets_rate": e2e["articles_per_s"] >= GDELT_RATE,
        "meets_within_15pct": ratio >= WITHIN,
        "ingest_summary": {k: summary.get(k) for k in ("read", "stored", "duplicates", "n_rejected", "events")},
    }
