"""Incremental merging through the pair table groups as regrouping the whole store would.

(The comparison of the SQL aggregation with the old Python path, on the seeds and the samples, passed in
the commit that added the pair table, before the Python path was removed.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, pipeline):
    from detente.jobs import ingest

    db = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    with Store(db) as store:
        summary = ingest([str(REPO / "samples")], store=store, pipeline=pipeline,
                         manifest=REPO / "samples" / "manifest.csv")
    assert summary.stored == 5
    return db


@pytest.mark.parametrize("which", ["seeds", "samples"])
def test_incremental_merge_matches_regrouping_the_whole_store(which, request):
    from detente.network.dedup import group_ids, group_reports, load_reports

    db = request.getfixturevalue("seed_store" if which == "seeds" else "sample_store")
    with Store(db, read_only=True) as store:
        stored = group_ids(store)  # written batch by batch by the ingest
        whole = group_reports(load_reports(store))  # the whole store at once
        assert stored == whole
        pair_groups = dict(store.con.execute("SELECT DISTINCT item_id, group_id FROM pairs").fetchall())
        assert all(stored[i] == g for i, g in pair_groups.items())
        _solo_flags_agree(store)


def test_incremental_merge_one_article_at_a_time(tmp_path, seed_extractions):
    from detente.jobs import store_extractions
    from detente.network.dedup import group_ids, group_reports, load_reports

    with Store(tmp_path / "one-by-one.duckdb") as store:
        for name in sorted(seed_extractions, reverse=True):
            assert store_extractions(store, [seed_extractions[name]]) == 1
        before = store.con.execute("SELECT * FROM event_groups ORDER BY item_id").fetchall()
        assert store_extractions(store, [seed_extractions[sorted(seed_extractions)[0]]]) == 0  # re-ingest
        assert store.con.execute("SELECT * FROM event_groups ORDER BY item_id").fetchall() == before
        stored = group_ids(store)
        assert stored == group_reports(load_reports(store))
        assert len(set(stored.values())) < len(stored)  # some reports did merge across articles
        pair_groups = dict(store.con.execute("SELECT DISTINCT item_id, group_id FROM pairs").fetchall())
        assert all(stored[i] == g for i, g in pair_groups.items())
        _solo_flags_agree(store)


def _solo_flags_agree(store):
    """A pair row is ``solo`` exactly when its report is alone in its event group."""
    wrong = store.con.execute(
        """SELECT count(*) FROM pairs p
           WHERE p.solo <> ((SELECT count(*) FROM event_groups g WHERE g.group_id = p.group_id) <= 1)""").fetchone()
    assert wrong[0] == 0


def test_a_merge_in_small_chunks_ordered_by_pair_groups_as_the_whole_store(tmp_path, pipeline, monkeypatch):
    # The samples' reports merged in chunks of 7, ordered by pair and date (``groups.merge_order``): the groups
    # are the ones regrouping the whole store gives.
    from detente.jobs import ingest
    from detente.network import dedup
    from detente.network.dedup import group_ids, group_reports, load_reports
    from detente.store import groups

    monkeypatch.setattr(dedup, "MERGE_CHUNK", 7)
    ordered = []
    real = groups.merge_order
    monkeypatch.setattr(groups, "merge_order", lambda con, ids: ordered.append(len(ids)) or real(con, ids))
    with Store(tmp_path / "chunks.duckdb") as store:
        ingest([str(REPO / "samples")], store=store, pipeline=pipeline, manifest=REPO / "samples" / "manifest.csv")
        stored = group_ids(store)
        assert ordered and len(stored) > 7 * 3
        assert stored == group_reports(load_reports(store))
        assert len(set(stored.values())) < len(stored)
