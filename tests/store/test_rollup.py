"""The pair summaries (``store.rollup``) equal a recomputation after every kind of write, and the listings
read from them equal the same listings computed from the pair table (seeds, samples, a synthetic store)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from detente.store import Store, rollup
from detente.store.pairs import Filters, Weights, relation_rows, relation_sql, summary_relation_sql

REPO = Path(__file__).resolve().parents[2]


def _rows(con, sql_params):
    sql, params = sql_params
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _same_relations(con, filters: Filters, weights: Weights = Weights(), evidence: int = 20) -> int:
    """The summary path and the pair-table path give the same relations; returns how many."""
    fast = summary_relation_sql(con, filters=filters, weights=weights, evidence_limit=evidence)
    assert fast is not None
    got, want = _rows(con, fast), _rows(con, relation_sql(filters=filters, weights=weights, evidence_limit=evidence))
    assert [(r["a"], r["b"]) for r in got] == [(r["a"], r["b"]) for r in want]
    for g, w in zip(got, want):
        assert g["score"] == pytest.approx(w["score"], abs=1e-9)
        for key in ("n_events", "first", "last", "n_background", "n_undated", "n_outlets", "a_name", "b_name"):
            assert g[key] == w[key], (key, g, w)
        ids = g["evidence_ids"].split("\x1f") if g["evidence_ids"] else []
        assert ids == sorted(w["evidence"])
    return len(got)


def test_rollup_one_article_at_a_time_reingest_and_merges(tmp_path, seed_extractions):
    """Ingests of one article each (reports merge across articles), then a re-ingest: after each write the
    stored summaries equal a recomputation from the pair table."""
    from detente.jobs import store_extractions

    with Store(tmp_path / "one.duckdb") as store:
        for name in sorted(seed_extractions):
            assert store_extractions(store, [seed_extractions[name]]) == 1
            assert rollup.stale_dyads(store.con) == []
            assert rollup.actor_index_current(store.con)
            assert store.con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall() == store.con.execute(
                "SELECT * FROM (" + rollup._ACTOR_ROWS.format(events="events", where="true") + ") ORDER BY ALL").fetchall()
        multi = store.con.execute("SELECT count(*) FROM pairs WHERE NOT solo").fetchone()[0]
        assert multi > 0  # merged groups are in the summaries as groups
        before = store.con.execute("SELECT count(*), sum(n) FROM pair_parts").fetchone()
        assert store_extractions(store, [seed_extractions[sorted(seed_extractions)[0]]]) == 0  # re-ingest
        assert store.con.execute("SELECT count(*), sum(n) FROM pair_parts").fetchone() == before
        assert rollup.stale_dyads(store.con) == []
        assert rollup.current(store.con)
        assert _same_relations(store.con, Filters()) > 5


def test_rollup_detects_a_stale_summary(seed_store, tmp_path):
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(seed_store, db)
    with Store(db) as store:
        assert rollup.stale_dyads(store.con) == []
        a, b = store.con.execute("SELECT a, b FROM pair_parts LIMIT 1").fetchone()
        store.con.execute("UPDATE pair_parts SET n = n + 1 WHERE a = ? AND b = ?", [a, b])
        assert rollup.stale_dyads(store.con) == [(a, b)]
        rollup.refresh(store.con, [(a, b)])
        assert rollup.stale_dyads(store.con) == []
        # pair rows written around sync_pairs: the summaries are not current and the listing reads the pairs
        store.con.execute("INSERT INTO pairs SELECT * FROM pairs LIMIT 1")
        assert not rollup.current(store.con)
        assert summary_relation_sql(store.con, evidence_limit=20) is None


@pytest.mark.parametrize("which", ["seeds", "samples"])
def test_rollup_relations_equal_the_pair_table_path(which, request):
    if which == "seeds":
        db = request.getfixturevalue("seed_store")
    else:
        from detente.jobs import ingest

        db = request.getfixturevalue("tmp_path") / "samples.duckdb"
        with Store(db) as store:
            ingest([str(REPO / "samples")], store=store, pipeline=request.getfixturevalue("pipeline"),
                   manifest=REPO / "samples" / "manifest.csv")
    with Store(db, read_only=True) as store:
        assert rollup.stale_dyads(store.con) == []
        first, last = store.con.execute("SELECT min(date), max(date) FROM pairs").fetchone()
        windows = [Filters(), Filters(since=first), Filters(until=last), Filters(since=first, until=last),
                   Filters(since=dt.date(first.year, 1, 1), until=dt.date(last.year, 12, 31)),
                   Filters(since=first + dt.timedelta(days=20), until=last - dt.timedelta(days=20))]
        for f in windows:
            for weights, evidence in ((Weights(), 20), (Weights(negated=0.3, hedged=0.2, second_hand=1.0), 2)):
                _same_relations(store.con, f, weights, evidence)



def test_rollup_synthetic_windows_and_incremental_sync(synthetic_store, tmp_path):
    """Random windows (whole years, whole months and days at either end) on 30,000 synthetic events; then
    events added by SQL and synced: only their dyads are recomputed, and the whole still matches."""
    import shutil

    from detente.store.pairs import sync_pairs

    rng = random.Random(13)
    with Store(synthetic_store, read_only=True) as store:
        assert rollup.stale_dyads(store.con) == []
        for _ in range(12):
            x, y = sorted(dt.date(2015, 12, 1) + dt.timedelta(days=rng.randrange(3720)) for _ in range(2))
            f = rng.choice([Filters(since=x, until=y), Filters(since=x), Filters(until=y)])
            assert _same_relations(store.con, f, evidence=rng.choice([1, 20])) > 0
    db = tmp_path / "grown.duckdb"
    shutil.copy(synthetic_store, db)
    with Store(db) as store:
        store.con.execute("""INSERT INTO events BY NAME
            SELECT 'new' || id AS id, doc_id, sent_idx, type, -score AS score, source_ids, target_ids, source_nodes,
                   target_nodes, outlet, hedged, negated, intent, date + 3 AS date, date_basis, date_precision,
                   salience, method FROM events WHERE id IN ('e1', 'e2', 'e3', 'e40', 'e41')""")
        sync_pairs(store.con)
        assert store.con.execute("SELECT count(*) FROM pairs WHERE item_id LIKE 'new%'").fetchone()[0] == 5
        assert rollup.stale_dyads(store.con) == []
        assert _same_relations(store.con, Filters()) > 0


def test_rollup_relation_rows_uses_the_summaries_and_keeps_results(synthetic_store):
    with Store(synthetic_store, read_only=True) as store:
        fast = relation_rows(store.con, evidence_limit=20)
        slow_sql, params = relation_sql(evidence_limit=20)
        slow = {(r["a"], r["b"]): r for r in _rows(store.con, (slow_sql, params))}
        assert len(fast) == len(slow)
        for r in fast:
            w = slow[(r.a, r.b)]
            assert (r.n_events, r.n_outlets, r.first, r.last) == (w["n_events"], w["n_outlets"], w["first"], w["last"])
            assert r.evidence == tuple(sorted(w["evidence"]))


def test_balance_in_sql_equals_the_python_reading(seed_store, synthetic_store):
    """``read_balance`` (triads enumerated in SQL, only the returned readings built) equals ``read_triads`` over
    the full relations, on the seeds and on a synthetic graph of 200 nodes (closed and open triads)."""
    from detente.network.balance import read_balance, read_triads, signed_graph
    from detente.network.dyads import relations

    for db, filters in ((seed_store, Filters()), (synthetic_store, Filters(since=dt.date(2022, 1, 1),
                                                                           until=dt.date(2024, 12, 31)))):
        with Store(db, read_only=True) as store:
            want = read_triads(signed_graph(relations(store, filters=filters)))
            got = read_balance(store, filters=filters, limit=None)
            assert got == want
            assert any(not t.closed for t in want) and any(t.closed for t in want)
            capped = read_balance(store, filters=filters, limit=5)
            assert capped == want[:5]


def test_cache_is_keyed_by_the_store_version(synthetic_store, tmp_path):
    """A cached result is served until a write changes the pair table, then computed again."""
    import shutil

    from detente.store import cache
    from detente.store.pairs import sync_pairs

    db = tmp_path / "cached.duckdb"
    shutil.copy(synthetic_store, db)
    calls = []

    def compute(store):
        calls.append(1)
        return store.con.execute("SELECT count(*) FROM pairs").fetchone()[0]

    with Store(db) as store:
        first = cache.cached(store.con, "n", lambda: compute(store))
        assert cache.cached(store.con, "n", lambda: compute(store)) == first and len(calls) == 1
        store.con.execute("""INSERT INTO events BY NAME SELECT 'again' || id AS id, doc_id, sent_idx, type, score,
                             source_ids, target_ids, source_nodes, target_nodes, outlet, hedged, negated, intent,
                             date, date_basis, date_precision, salience, method FROM events WHERE id = 'e7'""")
        sync_pairs(store.con)
        assert cache.cached(store.con, "n", lambda: compute(store)) == first + 1 and len(calls) == 2


def test_events_of_an_actor_through_the_index_equal_the_scan(seed_store, synthetic_store, tmp_path):
    """``readers.events(actors=...)`` through ``event_actors`` lists the same events, in the same order, as the
    scan of the events' list columns (forced by marking the index stale)."""
    import shutil

    from detente.store import readers

    for src in (seed_store, synthetic_store):
        db = tmp_path / f"ev-{src.name}"
        shutil.copy(src, db)
        with Store(db) as store:
            con = store.con
            actors = [r[0] for r in con.execute("SELECT actor FROM event_actors GROUP BY 1 ORDER BY count(*) DESC "
                                                "LIMIT 4").fetchall()]
            last = con.execute("SELECT max(date) FROM events").fetchone()[0]
            cases = [([actors[0]], Filters(), 50, 0), ([actors[1]], Filters(until=last), 200, 3),
                     (actors[:2], Filters(), 200, 0), ([actors[2]], Filters(outlets=("outlet03", "Outlet A")), 20, 0)]
            fast = [readers.events(con, actors=a, filters=f, limit=n, offset=o) for a, f, n, o in cases]
            con.execute("DELETE FROM meta WHERE key = 'indexed_events'")
            slow = [readers.events(con, actors=a, filters=f, limit=n, offset=o) for a, f, n, o in cases]
            assert fast == slow
            assert fast[0] and fast[2]


def test_rollup_follows_metadata_updates_and_re_extraction(tmp_path, pipeline):
    """Re-ingesting with a manifest changes stored outlets in place and extracts documents whose date changed
    again (store.metadata): the dyad summaries and the actor index follow both, and the summary listing still
    equals the pair-table path."""
    from detente.jobs import ingest

    samples = Path(__file__).resolve().parents[2] / "samples"
    with Store(tmp_path / "m.duckdb") as store:
        ingest([str(samples / "01_talks.txt"), str(samples / "02_sanctions.txt")], store=store, pipeline=pipeline)
        summary = ingest([], store=store, pipeline=pipeline, manifest=samples / "manifest.csv")
        assert summary.updated and summary.reextracted  # outlets in place, a new date extracted again
        assert rollup.stale_dyads(store.con) == []
        assert rollup.current(store.con) and rollup.actor_index_current(store.con)
        assert store.con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall() == store.con.execute(
            "SELECT * FROM (" + rollup._ACTOR_ROWS.format(events="events", where="true") + ") ORDER BY ALL").fetchall()
        outlets = {r[0] for r in store.con.execute("SELECT DISTINCT outlet FROM pairs").fetchall()}
        assert None not in outlets and _same_relations(store.con, Filters()) > 0
        # an outlet changed in place (no re-extraction): the summaries' outlets follow
        aid = str(samples / "03_aid.txt")
        ingest([aid], store=store, pipeline=pipeline, outlet="Old Wire")
        moved = ingest([aid], store=store, pipeline=pipeline, outlet="New Wire")
        assert moved.updated and not moved.reextracted
        assert rollup.stale_dyads(store.con) == []
        assert _same_relations(store.con, Filters()) > 0
