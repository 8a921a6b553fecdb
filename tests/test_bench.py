"""The benchmark's own machinery at tiny scale: corpus generator, query part, option parsing, output structure.

No timing is asserted anywhere (speed is only measured by ``python bench/run.py``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus, queries  # noqa: E402
from bench import run as bench_run  # noqa: E402


def test_articles_are_deterministic_news_length_and_distinct():
    arts = list(corpus.iter_articles(20, seed=3))
    again = list(corpus.iter_articles(20, seed=3))
    assert [a.text for a in arts] == [a.text for a in again]
    assert len({a.text for a in arts}) == 20
    for a in arts:
        assert corpus.MIN_WORDS <= a.words <= corpus.MAX_WORDS + 90  # the last sentence may overshoot
        assert "\n\n" in a.text  # paragraphs
        assert a.outlet in corpus.OUTLETS
    assert corpus.make_article(7, seed=3).text == arts[7].text  # article i does not depend on the others


def test_write_corpus_writes_files_and_manifest_read_by_detente(tmp_path: Path):
    from detente.ingest.sources import iter_documents

    info = corpus.write_corpus(tmp_path / "c", 20)
    with info.manifest.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 20 and set(rows[0]) == {"path", "outlet", "published"}
    assert all((info.folder / r["path"]).is_file() for r in rows)
    assert info.words == sum(len(t.split()) for t in corpus.read_corpus_texts(info))
    docs = list(iter_documents([], manifest=info.manifest))
    assert len(docs) == 20
    assert all(type(d).__name__ == "Document" for d in docs), [d for d in docs if type(d).__name__ != "Document"]
    assert len({d.id for d in docs}) == 20
    assert all(d.published is not None and d.outlet for d in docs)


def test_query_part_tiny(tmp_path: Path):
    res = queries.run(10_000, repeats=1, product_events=2_000, workdir=tmp_path)
    assert res["events"] == 10_000
    assert len(res["dyad_pair"]) == 2
    for key in ("dyad", "relations"):
        part = res[key]
        assert set(part) >= {"duckdb", "sqlite", "rows", "sqlite_over_duckdb", "results_match", "events_counted"}
        assert part["results_match"] is True
        assert part["duckdb"]["best_s"] > 0 and part["sqlite"]["best_s"] > 0
    assert res["relations"]["events_counted"] == 10_000
    assert 0 < res["dyad"]["events_counted"] < 10_000
    assert "events_pair_date" in res["sqlite_dyad_plan"]
    product = res["product"]
    assert product["events"] == 2_000 and product["relations"] > 0
    assert res["product_relations_s"] > 0 and res["sql_relations_s"] > 0 and res["product_dyad_s"] > 0
    assert product["network_year_s"] > 0 and (product["balance_year_s"] or 0) > 0
    assert set(product["explain"]) == {"relations", "network_year", "dyad_month_series", "events_of_actor"}
    assert all(x["total_s"] is not None and x["total_s"] >= 0 for x in product["explain"].values())
    assert res["duckdb_build"]["disk_mb"] > 0 and res["sqlite_build"]["disk_mb"] > 0
    json.dumps(res)


def test_synthetic_events_fit_detente_schema(tmp_path: Path):
    from detente.network.dyads import relations
    from detente.store import Store

    db = tmp_path / "e.duckdb"
    queries.build_duckdb(db, 3_000)
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 3_000
        rels = relations(store)
    assert sum(r.n_events for r in rels) == 3_000
    assert all(-10 <= r.score <= 10 for r in rels)


def test_options_and_table():
    args = bench_run.parse_args(["--quick", "--parts", "queries", "--events", "5000"])
    assert args.parts == ["queries"] and args.events == 5000 and args.docs == 300
    full = bench_run.parse_args([])
    assert full.docs == 10_000 and full.events == 10_000_000
    with pytest.raises(SystemExit):
        bench_run.parse_args(["--parts", "nope"])
    fake = {"environment": bench_run.environment(), "seconds": 1.0,
            "queries": queries.run(2_000, repeats=1, product_events=0)}
    text = bench_run.table(fake)
    assert "dyad monthly series" in text and "relations table" in text


def test_api_part_tiny(tmp_path: Path):
    from bench import product

    db = tmp_path / "api.duckdb"
    queries.build_duckdb(db, 3_000)
    res = product.api_load(db, requests=40, clients=4)
    assert res["n_errors"] == 0, res["errors"]
    assert set(res["routes"]) == {"relations", "network", "dyads", "events"}
    assert all(x["n"] == 10 and 0 < x["p50_ms"] <= x["p95_ms"] <= x["p99_ms"] for x in res["routes"].values())
    text = bench_run.table({"environment": bench_run.environment(), "seconds": 1.0, "api": res})
    assert "p95" in text


@pytest.mark.model
def test_throughput_part_tiny(tmp_path: Path):
    from bench import throughput

    res = throughput.run(4, repeats=1, warmup_docs=2, workdir=tmp_path)
    assert res["ingest_summary"]["stored"] == 4 and res["ingest_summary"]["n_rejected"] == 0
    assert res["bare_spacy"]["articles_per_s"] > 0 and res["ingest"]["articles_per_s"] > 0
    assert res["ratio"] > 0
    assert "ratio" in bench_run.table({"environment": bench_run.environment(), "seconds": 1.0, "throughput": res})
