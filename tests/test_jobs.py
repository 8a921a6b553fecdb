"""The ingest job: parallel extraction gives the same store as one process; duplicates across batches."""

import pytest

from detente.jobs import ingest
from detente.store import Store

pytestmark = pytest.mark.model


def _snapshot(db):
    with Store(db, read_only=True) as store:
        return (store.counts(), store.query("SELECT id, type, cameo, source_nodes, target_nodes FROM events ORDER BY id"),
                store.query("SELECT count(DISTINCT group_id) AS n FROM event_groups"))


def test_jobs_two_workers_store_what_one_does(tmp_path, seeds_dir, seed_manifest, pipeline):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Store(one) as store:
        ingest([str(seeds_dir)], store=store, pipeline=pipeline, manifest=seed_manifest, workers=1)
    with Store(two) as store:
        summary = ingest([str(seeds_dir)], store=store, pipeline=pipeline, manifest=seed_manifest, workers=2)
    assert summary.stored == 5
    assert _snapshot(one) == _snapshot(two)


def test_jobs_same_article_twice_in_one_run_is_stored_once(tmp_path, seeds_dir, pipeline):
    seed = next(seeds_dir.glob("001_*.txt"))
    copy = tmp_path / "copy.txt"
    copy.write_text("\n\n" + seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same text, other layout
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(seed), str(copy)], store=store, pipeline=pipeline, workers=2)
        assert summary.stored == 1 and summary.duplicates == 1
        assert store.counts()["documents"] == 1
