"""The relations listing's JSON made by DuckDB (``store.pairs.relation_json``, ``detente relations --json``) parses
to the same values as the record path it bypasses (``[r.to_dict() for r in relation_rows(...)]``): on the seeds,
the bundled samples and a synthetic store, over the summaries' path and the pair table's, every filter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store import Store, rollup
from detente.store.pairs import UNKNOWN_OUTLET, Filters, Weights, relation_json, relation_rows, summary_relation_sql

REPO = Path(__file__).resolve().parents[2]


def _parsed(con, **kw) -> list[dict]:
    return [json.loads(text) for chunk in relation_json(con, chunk=7, **kw) for text in chunk]


def _records(con, **kw) -> list[dict]:
    return [r.to_dict() for r in _relations(con, **kw)]


def _relations(con, **kw) -> list:
    limit = kw.pop("limit", 0)
    out = relation_rows(con, **kw)
    return out[:limit] if limit else out


def _near_half_cent(x: float) -> bool:
    """A score whose rounding to 2 decimals a last-bit difference can flip (x.xx5 give or take 1e-9)."""
    return abs(abs(x * 100 - int(x * 100)) - 0.5) < 1e-6


def _same(con, **kw) -> int:
    """The two paths agree.  Scores are sums of doubles that DuckDB adds in parallel, so two runs of the same
    query can differ in the last bit (both paths, before and after this change): where that flips the rounding
    (a score within 1e-9 of x.xx5; 10 of 14,057 relations of a 30,000-event store), the paths may differ by
    one cent.  Everything else is equal, types included."""
    new, rels = _parsed(con, **kw), _relations(con, **kw)
    old = [r.to_dict() for r in rels]
    assert len(new) == len(old)
    for n, o, r in zip(new, old, rels):
        if n["score"] != o["score"]:
            assert _near_half_cent(r.score) and abs(n["score"] - o["score"]) < 0.0101, (n, o, r.score)
            n = {**n, "score": o["score"]}
        assert n == o
        assert [type(v) for v in n.values()] == [type(v) for v in o.values()]
    return len(new)


def _cases(con) -> list[dict]:
    first, last = con.execute("SELECT min(date), max(date) FROM pairs").fetchone()
    a, b, outlet = con.execute("SELECT a, b, outlet FROM pairs WHERE outlet IS NOT NULL "
                               "GROUP BY ALL ORDER BY count(*) DESC, a, b, outlet LIMIT 1").fetchone()
    windows = [Filters(), Filters(since=first), Filters(until=last), Filters(since=first, until=last),
               Filters(since=dt.date(first.year, 1, 1), until=dt.date(last.year, 12, 31)),
               Filters(since=first + dt.timedelta(days=20), until=last - dt.timedelta(days=20)),
               Filters(outlets=(outlet,)), Filters(exclude_outlets=(outlet,)),
               Filters(since=dt.date(1900, 1, 1), until=dt.date(1900, 2, 1))]  # nothing
    cases = []
    for f in windows:
        for weights, evidence in ((Weights(), 20), (Weights(negated=0.3, hedged=0.2, second_hand=1.0), 2),
                                  (Weights(), None), (Weights(), 0)):
            cases.append(dict(filters=f, weights=weights, evidence_limit=evidence))
    cases += [dict(evidence_limit=20, by_outlet=True), dict(evidence_limit=None, by_outlet=True),
              dict(evidence_limit=20, pair=(a, b)), dict(evidence_limit=20, min_events=2),
              dict(evidence_limit=20, limit=3), dict(evidence_limit=20, by_outlet=True, limit=5)]
    return cases


def _check_store(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert rollup.current(store.con)
        assert summary_relation_sql(store.con, evidence_limit=20) is not None  # the summaries' path is exercised
        counts = [_same(store.con, **kw) for kw in _cases(store.con)]
        assert counts[0] > 0 and 0 in counts


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory, pipeline):
    from detente.jobs import ingest

    db = tmp_path_factory.mktemp("samples-json") / "samples.duckdb"
    with Store(db) as store:
        ingest([str(REPO / "samples")], store=store, pipeline=pipeline, manifest=REPO / "samples" / "manifest.csv")
    return db



@pytest.mark.parametrize("which", ["seed_store", "samples_store", "synthetic_store"])
def test_relation_json_parses_to_the_records(which, request):
    _check_store(request.getfixturevalue(which))


def test_relation_json_scores_round_as_python(tmp_path):
    """``printf('%.2f')`` rounds as Python's ``round(x, 2)``: exact binary ties to even (0.125 -> 0.12), near
    ties by the double's exact value (2.675 -> 2.67); DuckDB's ``round`` would give 0.13 and 2.68."""
    import random

    import duckdb
    import pyarrow as pa

    from detente.store.pairs import _JSON_FIELDS

    rng = random.Random(13)
    xs = [0.125, -0.125, 0.375, 2.675, 1.005, 0.285, 9.995, -9.995, 0.005, -0.001, 0.0, 10.0, -10.0]
    xs += [rng.uniform(-10, 10) for _ in range(5000)] + [rng.randint(-80_000, 80_000) / 8000 for _ in range(5000)]
    xs += [rng.randint(-10_000, 10_000) / 1000 for _ in range(5000)]
    con = duckdb.connect()
    t = pa.table({"i": list(range(len(xs))), "score": xs})
    con.register("t", t)
    expr = _JSON_FIELDS.split("'score', ")[1].split(", 'n_events'")[0]
    got = [r[0] for r in con.execute(f"SELECT {expr} FROM t ORDER BY i").fetchall()]
    assert got == [round(x, 2) for x in xs]
    assert con.execute("SELECT round(0.125::DOUBLE, 2)").fetchone()[0] == 0.13  # why printf, not round


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["relations", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_relations_json_equals_the_record_path(seed_store):
    """``detente relations --json`` (DuckDB's JSON) parses to the records' dicts, with every option that
    reaches it; the table and CSV still come from the records."""
    db = str(seed_store)
    with Store(seed_store, read_only=True) as store:
        want = _records(store.con, evidence_limit=20)
        want_all = _records(store.con, evidence_limit=None)
        want_outlet = _records(store.con, evidence_limit=20, by_outlet=True)
        outlet = next(r["outlet"] for r in want_outlet if r["outlet"] != UNKNOWN_OUTLET)
        want_one = _records(store.con, evidence_limit=20, filters=Filters(outlets=(outlet,)))
        pair = (want[0]["a"]["id"], want[0]["b"]["id"])
        want_pair = _records(store.con, evidence_limit=20, pair=pair)
    for args, expected in ((["--json"], want), (["--json", "--evidence", "0"], want_all),
                           (["--json", "--limit", "2"], want[:2]), (["--json", "--by-outlet"], want_outlet),
                           (["--json", "--outlet", outlet], want_one),
                           (["--json", "--pair", pair[1], "--pair", pair[0]], want_pair)):
        code, out, err = _cli("--db", db, *args)
        assert code == 0, err
        assert json.loads(out) == expected, args
        assert expected and out.startswith("[\n  {") and out.endswith("}\n]\n")
    code, out, err = _cli("--db", db, "--json", "--since", "1900-01-01", "--until", "1900-01-31")
    assert code == 0 and out == "[]\n" and "no relations" in err
    code, out, err = _cli("--db", db, "--json", "--outlet", "No Such Outlet")
    assert code == 0 and json.loads(out) == [] and "outlet" in err
