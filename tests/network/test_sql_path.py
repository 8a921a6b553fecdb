"""The SQL aggregation over the pair table gives what the old Python path gave, on the seeds and the samples."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from detente.network import _legacy as old
from detente.network import dyads as new
from detente.network import shifts as new_shifts
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


def _close(x, y):
    if isinstance(x, float) or isinstance(y, float):
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)
    return x == y


def _same_relations(olds, news):
    assert len(olds) == len(news)
    key = lambda r: (r.outlet or "", r.a, r.b)  # noqa: E731
    for o, n in zip(sorted(olds, key=key), sorted(news, key=key)):
        for f in ("a", "b", "a_name", "b_name", "n_events", "n_outlets", "first", "last", "outlet"):
            assert getattr(o, f) == getattr(n, f), (f, o, n)
        assert _close(o.score, n.score), (o, n)
        assert sorted(o.evidence) == sorted(n.evidence)
    # the order: busiest first, then by pair (per outlet for the per-outlet view)
    assert [(r.outlet, r.n_events, r.a, r.b) for r in olds] == [(r.outlet, r.n_events, r.a, r.b) for r in news]


FILTERS = [
    new.Filters(),
    new.Filters(since=dt.date(2023, 10, 20)),
    new.Filters(until=dt.date(2023, 10, 26)),
]


def _filters_for(store):
    outlets = [r[0] for r in store.con.execute("SELECT DISTINCT outlet FROM events WHERE outlet IS NOT NULL "
                                               "ORDER BY 1").fetchall()]
    extra = [new.Filters(outlets=tuple(outlets[:1])), new.Filters(exclude_outlets=tuple(outlets[:1]))] if outlets else []
    return FILTERS + extra


@pytest.mark.parametrize("which", ["seeds", "samples"])
def test_sql_path_matches_python_path(which, request):
    db = request.getfixturevalue("seed_store" if which == "seeds" else "sample_store")
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM pairs").fetchone()[0] > 0
        for filters in _filters_for(store):
            for weights in (new.Weights(), new.Weights(negated=0.3, hedged=0.7, second_hand=0.5, background=0.25,
                                                       stated=2.0)):
                _same_relations(old.relations(store, filters=filters, weights=weights),
                                new.relations(store, filters=filters, weights=weights))
                _same_relations(old.relations_by_outlet(store, filters=filters, weights=weights),
                                new.relations_by_outlet(store, filters=filters, weights=weights))
            for window in ("day", "week", "month", "quarter", "year", "14d"):
                for directed in (False, True):
                    o = old.dyad_series(store, window=window, filters=filters, directed=directed)
                    n = new.dyad_series(store, window=window, filters=filters, directed=directed)
                    assert len(o) == len(n)
                    for p, q in zip(o, n):
                        assert (p.a, p.b, p.period, p.n_events) == (q.a, q.b, q.period, q.n_events)
                        for f in ("weight", "score", "cooperation", "conflict"):
                            assert _close(getattr(p, f), getattr(q, f)), (f, p, q)
                        assert sorted(p.evidence) == sorted(q.evidence)
            o_sh = old.detect_shifts(store, filters=filters)
            n_sh = new_shifts.detect_shifts(store, filters=filters)
            assert len(o_sh) == len(n_sh)
            for s, t in zip(o_sh, n_sh):
                assert (s.a, s.b, s.date, s.last_before, s.robust, s.fragile_without) == (
                    t.a, t.b, t.date, t.last_before, t.robust, t.fragile_without)
                assert _close(s.before, t.before) and _close(s.after, t.after)
                assert sorted(s.evidence) == sorted(t.evidence)
            # pair-level evidence (the dyad route's list)
            o_items = sorted((i.id, i.a, i.b, i.source, i.target, i.date, i.outlet, i.kind) for i in
                             old.evidence_items(store, filters=filters))
            n_items = sorted((i.id, i.a, i.b, i.source, i.target, i.date, i.outlet, i.kind) for i in
                             new.evidence_items(store, filters=filters))
            assert o_items == n_items
            o_w = {(i.id, i.source, i.target): (i.score, i.weight, i.group, i.background)
                   for i in old.evidence_items(store, filters=filters)}
            for i in new.evidence_items(store, filters=filters):
                score, weight, group, background = o_w[(i.id, i.source, i.target)]
                assert _close(score, i.score) and _close(weight, i.weight)
                assert (group, background) == (i.group, i.background)


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
