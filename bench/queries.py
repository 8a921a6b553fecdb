"""Part 3: query latency over N synthetic events, DuckDB (detente's real schema) vs SQLite, same run.

The DuckDB store is created by ``detente.store.Store`` (the real schema,
list columns ``source_nodes``/``target_nodes``); the rows are generated
inside DuckDB with ``INSERT INTO events SELECT ... FROM range(N)``.  Every
value is a function of the row number (``hash(i, k)``), so the corpus is
deterministic.  The same rows go to SQLite (stdlib ``sqlite3``) with flat
columns ``source_node``/``target_node`` and an index on
``(source_node, target_node, date)``.

Synthetic events: 200 state nodes (3-letter codes; the first 40 are real
ISO codes, the rest synthetic), skewed so some dyads are busy (the source
index is ``200 * u**2``); exactly one source node and one target node per
event (source != target), so the DuckDB lists have one element and the
SQLite rows correspond one to one; dates uniform over 2016-2025; scores
uniform in -10..+10 (one decimal); 10% hedged, 3% negated, 5% background.

Queries (identical semantics in both engines; results are cross-checked):

* ``dyad``: monthly series for one unordered pair (the busiest): weighted net
  score, summed weight, count.  DuckDB filters the list columns with
  ``list_contains``; SQLite uses its index (both directions, OR).
* ``relations``: the full relations table: group by unordered pair, weighted
  mean score, count, first and last date.  DuckDB unnests both list columns
  (a source x target cross product, as ``detente.network.dyads`` does in
  Python); SQLite groups the flat rows.

The weights are the defaults of ``detente.network.dyads.Weights``
(negated 0, hedged 0.5, background 0.5); the second-hand weight needs the
actors join and is left out of the SQL versions.

Separately, ``bench/product.py`` times the product's own path (the CLI and
``detente serve --get``, in-process) over a store of ``product_events`` rows:
``product_relations_s``, ``sql_relations_s`` (the same aggregation as bare
SQL), ``product_dyad_s``, network and balance for one year, and the
``EXPLAIN ANALYZE`` of the dashboard's most-called queries.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

N_NODES = 200
_REAL = ("USA RUS CHN ISR IRN UKR GBR FRA DEU TUR SYR PSE LBN EGY SAU QAT IRQ JOR ARE YEM "
         "IND PAK AFG JPN KOR PRK BLR POL ITA ESP CAN AUS BRA MEX ZAF NGA ETH SDN LBY VEN").split()


def node_codes(n: int = N_NODES) -> list[str]:
    codes = list(_REAL[:n])
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    i = 0
    while len(codes) < n:
        code = "X" + letters[i // 26] + letters[i % 26]
        i += 1
        if code not in codes:
            codes.append(code)
    return codes


PLOVER = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
          "MOBILIZE COERCE ASSAULT").split()


def _u(k: int) -> str:
    """A uniform [0, 1) value derived from the row number ``i`` and salt ``k``."""
    return f"((hash(i, {k}) % 1000003)::DOUBLE / 1000003)"


def _generator_sql(n: int) -> str:
    codes = "[" + ",".join(f"'{c}'" for c in node_codes()) + "]"
    types = "[" + ",".join(f"'{t}'" for t in PLOVER) + "]"
    outlets = "[" + ",".join(f"'outlet{k:02d}'" for k in range(50)) + "]"
    return f"""
    WITH g AS (
        SELECT i,
               floor({N_NODES} * pow({_u(1)}, 2))::INT AS si,
               floor({N_NODES - 1} * pow({_u(2)}, 1.5))::INT AS di,
               {_u(3)} AS u3, {_u(4)} AS u4, {_u(5)} AS u5, {_u(6)} AS u6, {_u(7)} AS u7, {_u(8)} AS u8
        FROM range({n}) t(i)
    ), h AS (
        SELECT *, (si + 1 + di) % {N_NODES} AS ti FROM g
    )
    SELECT 'e' || i AS id, 'd' || (i // 6) AS doc_id, (i % 6)::INT AS sent_idx,
           ({types})[1 + floor(16 * u3)::INT] AS type,
           round(-10 + 20 * u4, 1) AS score,
           [({codes})[si + 1]] AS source_ids, [({codes})[ti + 1]] AS target_ids,
           [({codes})[si + 1]] AS source_nodes, [({codes})[ti + 1]] AS target_nodes,
           ({outlets})[1 + floor(50 * u5)::INT] AS outlet,
           u6 < 0.10 AS hedged, u7 < 0.03 AS negated, false AS intent,
           DATE '2016-01-01' + floor(3653 * u8)::INT AS date,
           CASE WHEN u6 > 0.95 THEN 'background' ELSE 'manifest' END AS date_basis,
           'day' AS date_precision, 0.5 AS salience, 'rule' AS method
    FROM h
    """


def build_duckdb(path: Path, n: int) -> dict[str, Any]:
    """A store with detente's schema (``Store``) and ``n`` synthetic events."""
    from detente.store import Store

    from detente.store.pairs import sync_pairs

    started = time.perf_counter()
    with Store(path) as store:
        store.con.execute(f"INSERT INTO events BY NAME {_generator_sql(n)}")
        nodes = [(c, c, "state", c) for c in node_codes()]
        store.con.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", nodes)
        events_s = time.perf_counter() - started
        sync_pairs(store.con)  # the pair rows, as Store.write (and the migration of older files) writes them
        store.con.execute("CHECKPOINT")
    return {"load_s": time.perf_counter() - started, "events_s": events_s,
            "pairs_s": time.perf_counter() - started - events_s, "disk_mb": _size_mb(path)}


def build_sqlite(path: Path, duck_path: Path, batch: int = 200_000) -> dict[str, Any]:
    """The same rows as flat columns in SQLite, with the (source, target, date) index."""
    import duckdb

    started = time.perf_counter()
    sq = sqlite3.connect(path)
    sq.executescript(
        """PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE events (id INTEGER PRIMARY KEY, doc_id TEXT, type TEXT, score REAL, source_node TEXT,
                             target_node TEXT, date TEXT, outlet TEXT, hedged INTEGER, negated INTEGER,
                             date_basis TEXT);"""
    )
    dk = duckdb.connect(str(duck_path), read_only=True)
    reader = dk.execute(
        """SELECT doc_id, type, score, source_nodes[1], target_nodes[1], strftime(date, '%Y-%m-%d'), outlet,
                  hedged::INT, negated::INT, date_basis FROM events"""
    ).fetch_record_batch(batch)
    for rb in reader:
        cols = [c.to_pylist() for c in rb.columns]
        sq.executemany("INSERT INTO events (doc_id, type, score, source_node, target_node, date, outlet, hedged, "
                       "negated, date_basis) VALUES (?,?,?,?,?,?,?,?,?,?)", zip(*cols))
    sq.commit()
    dk.close()
    index_started = time.perf_counter()
    sq.execute("CREATE INDEX events_pair_date ON events (source_node, target_node, date)")
    sq.execute("ANALYZE")
    sq.commit()
    sq.close()
    return {"load_s": time.perf_counter() - started, "index_s": time.perf_counter() - index_started,
            "disk_mb": _size_mb(path)}


def _size_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    return round(total / 1e6, 1)


# weights of detente.network.dyads.Weights (negated 0, hedged 0.5, background 0.5)
_W = ("(CASE WHEN negated THEN 0.0 ELSE 1.0 END * CASE WHEN hedged THEN 0.5 ELSE 1.0 END"
      " * CASE WHEN date_basis = 'background' THEN 0.5 ELSE 1.0 END)")

DUCK_DYAD = f"""
SELECT strftime(date, '%Y-%m') AS month, round(sum(score * {_W}), 6) AS net, round(sum({_W}), 6) AS weight,
       count(*) AS n
FROM events
WHERE (list_contains(source_nodes, $a) AND list_contains(target_nodes, $b))
   OR (list_contains(source_nodes, $b) AND list_contains(target_nodes, $a))
GROUP BY 1 ORDER BY 1
"""

SQLITE_DYAD = f"""
SELECT substr(date, 1, 7) AS month, round(sum(score * {_W}), 6) AS net, round(sum({_W}), 6) AS weight,
       count(*) AS n
FROM events
WHERE (source_node = :a AND target_node = :b) OR (source_node = :b AND target_node = :a)
GROUP BY 1 ORDER BY 1
"""

DUCK_RELATIONS = f"""
WITH s AS (
    SELECT score, date, {_W} AS w, unnest(source_nodes) AS src, target_nodes FROM events
), p AS (
    SELECT score, date, w, src, unnest(target_nodes) AS tgt FROM s
)
SELECT least(src, tgt) AS a, greatest(src, tgt) AS b,
       round(CASE WHEN sum(w) > 0 THEN sum(score * w) / sum(w) ELSE 0 END, 6) AS score,
       count(*) AS n, strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
FROM p WHERE src <> tgt
GROUP BY 1, 2 ORDER BY n DESC, a, b
"""

SQLITE_RELATIONS = f"""
SELECT min(source_node, target_node) AS a, max(source_node, target_node) AS b,
       round(CASE WHEN sum({_W}) > 0 THEN sum(score * {_W}) / sum({_W}) ELSE 0 END, 6) AS score,
       count(*) AS n, min(date) AS first, max(date) AS last
FROM events WHERE source_node <> target_node
GROUP BY 1, 2 ORDER BY n DESC, a, b
"""


def _timed(fn: Any, repeats: int) -> tuple[dict[str, float], Any]:
    result = fn()  # warm-up (page cache, plan cache), not counted
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return {"best_s": min(times), "median_s": statistics.median(times), "runs": len(times)}, result


def _same(x: list[tuple], y: list[tuple]) -> bool:
    if len(x) != len(y):
        return False
    for r, s in zip(x, y):
        for u, v in zip(r, s):
            if isinstance(u, float) or isinstance(v, float):
                # both engines round to 6 decimals after summing 10M floats in different orders
                if abs(float(u) - float(v)) > 1e-4:
                    return False
            elif u != v:
                return False
    return True


def run(n_events: int, *, repeats: int = 5, product_events: int = 100_000, workdir: Path | None = None,
        log: Any = None) -> dict[str, Any]:
    import duckdb

    say = log or (lambda msg: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-q-", dir=workdir) as tmp:
        folder = Path(tmp)
        duck_path, sqlite_path = folder / "events.duckdb", folder / "events.sqlite"
        say(f"building DuckDB store with {n_events:,} events")
        duck_build = build_duckdb(duck_path, n_events)
        say(f"  {duck_build['load_s']:.1f} s; copying the rows to SQLite")
        sqlite_build = build_sqlite(sqlite_path, duck_path)
        say(f"  {sqlite_build['load_s']:.1f} s; timing queries")

        dk = duckdb.connect(str(duck_path), read_only=True)
        sq = sqlite3.connect(sqlite_path)
        # the busiest unordered pair
        a, b = dk.execute(
            "SELECT least(source_nodes[1], target_nodes[1]) a, greatest(source_nodes[1], target_nodes[1]) b "
            "FROM events GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1"
        ).fetchone()
        plan = " | ".join(r[3] for r in sq.execute("EXPLAIN QUERY PLAN " + SQLITE_DYAD, {"a": a, "b": b}))

        out: dict[str, Any] = {"events": n_events, "nodes": N_NODES, "dyad_pair": [a, b],
                               "duckdb_build": duck_build, "sqlite_build": sqlite_build, "sqlite_dyad_plan": plan}
        for name, dsql, ssql, params, reps in (
            ("dyad", DUCK_DYAD, SQLITE_DYAD, {"a": a, "b": b}, repeats),
            ("relations", DUCK_RELATIONS, SQLITE_RELATIONS, {}, max(1, min(repeats, 3))),
        ):
            dt_, dres = _timed(lambda: dk.execute(dsql, params).fetchall(), reps)
            st_, sres = _timed(lambda: sq.execute(ssql, params).fetchall(), reps)
            out[name] = {
                "duckdb": dt_, "sqlite": st_, "rows": len(dres),
                "events_counted": int(sum(r[3] for r in dres)),
                "sqlite_over_duckdb": st_["best_s"] / dt_["best_s"] if dt_["best_s"] else None,
                "results_match": _same(dres, sres),
            }
            say(f"  {name}: duckdb {dt_['best_s'] * 1000:.1f} ms, sqlite {st_['best_s'] * 1000:.1f} ms")
        dk.close()
        sq.close()
        if product_events:
            from bench import product

            if product_events == n_events:
                product_path = duck_path
            else:
                product_path = folder / "product.duckdb"
                say(f"building a store of {product_events:,} events for the product path")
                build_duckdb(product_path, product_events)
            say(f"product path over {product_events:,} events (CLI and serve --get, in-process)")
            out["product"] = product.run(product_path, product_events, repeats=max(1, min(repeats, 3)), log=say)
            for key in ("product_relations_s", "sql_relations_s", "product_dyad_s"):
                out[key] = out["product"][key]
    return out


def listing_rounds(db: Path, rounds: int = 9) -> dict[str, Any]:
    """The relations listing against the summaries' bare SQL on one store, alternating in one process
    (``rounds`` each, after a warm-up): wall and CPU seconds (``process_time``, DuckDB's threads included),
    best and median, and the ratios.  ``python bench/queries.py --listing STORE [ROUNDS]``."""
    import duckdb

    from bench.product import _cli
    from detente.store.pairs import summary_relation_sql

    con = duckdb.connect(str(db), read_only=True)
    sql, params = summary_relation_sql(con, evidence_limit=20) or (None, None)
    if sql is None:
        raise SystemExit(f"{db}: the summaries cannot answer (not current?)")
    args = ["relations", "--db", str(db), "--json"]
    n = len(con.execute(sql, params).fetchall())
    _cli(args)
    wall: dict[str, list[float]] = {"sql": [], "product": []}
    cpu: dict[str, list[float]] = {"sql": [], "product": []}
    for _ in range(rounds):
        for key, fn in (("sql", lambda: con.execute(sql, params).fetchall()), ("product", lambda: _cli(args))):
            c, t = time.process_time(), time.perf_counter()
            fn()
            wall[key].append(time.perf_counter() - t)
            cpu[key].append(time.process_time() - c)
    con.close()
    return {"relations": n, "rounds": rounds, "load": os.getloadavg(),
            "product_relations_s": min(wall["product"]), "sql_summary_relations_s": min(wall["sql"]),
            "product_over_summary_sql": min(wall["product"]) / min(wall["sql"]),
            "median_ratio": statistics.median(p / q for p, q in zip(wall["product"], wall["sql"])),
            "product_median_s": statistics.median(wall["product"]), "sql_median_s": statistics.median(wall["sql"]),
            "cpu_product_s": min(cpu["product"]), "cpu_sql_s": min(cpu["sql"]),
            "cpu_ratio": min(cpu["product"]) / min(cpu["sql"])}


if __name__ == "__main__":  # pragma: no cover - manual use
    import json
    import sys

    if len(sys.argv) > 2 and sys.argv[1] == "--listing":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        print(json.dumps(listing_rounds(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 9)))
        sys.exit(os.EX_OK)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(run(n, log=lambda m: print(m, file=sys.stderr)), indent=2, default=str))
    sys.exit(os.EX_OK)
