"""The product's read path over a synthetic store: CLI, ``serve --get``, the API under load, query plans.

``run(path, n)`` (part 3, after the bare DuckDB/SQLite queries) times, over a store built by
``bench.queries.build_duckdb`` (events generated in SQL, pair rows written by ``store.pairs.sync_pairs``):

* ``product_relations_s``: ``detente relations --json --db STORE`` (in-process through Typer's runner: the
  command's own code, JSON rendering included; the 20 most recent reports cited per relation, the default);
* ``sql_relations_s``: the same aggregation as bare SQL (``store.pairs.relation_sql``), fetched by DuckDB;
* ``product_dyad_s``: ``detente relations --window month --pair A --pair B --json`` for the busiest pair;
* ``network_year_s``: ``detente serve --get '/api/network?since=..&until=..'`` for the last full year of the
  store; ``balance_year_s`` the same for ``/api/balance``, once, as a process (start-up included), with a time
  limit (None when it ran out);
* ``cli_relations_process_s``: one ``detente relations --json`` as a separate process (interpreter start
  and imports included);
* ``explain``: ``EXPLAIN ANALYZE`` of the queries behind the dashboard's most-called routes.

``api_load(path, ...)`` (part ``api``) starts ``detente serve`` on 127.0.0.1 and sends ``requests``
requests from ``clients`` threads, round-robin over ``/api/relations``, ``/api/network``,
``/api/dyads/A/B`` (a pair drawn at random among the store's pairs, seeded) and ``/api/events?actor=X``;
it gives p50/p95/p99 per route, the median body size, the load average before and after, and the time of the
busiest pair's dyad page alone (its shifts not cached yet).

``incremental(...)`` (part ``incremental``) ingests the same 100 articles, in a child process each, into an
empty store and into a copy of a store of 1M synthetic events: time and peak RSS.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

_DETENTE = [sys.executable, "-c", "from detente.cli import main; main()"]


def _best(fn: Any, repeats: int) -> tuple[float, float, Any]:
    result = fn()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), result


def _cli(args: list[str]) -> Any:
    from typer.testing import CliRunner

    from detente.cli import app

    result = CliRunner().invoke(app, args, catch_exceptions=False)
    if result.exit_code != 0:
        raise RuntimeError(f"detente {' '.join(args)} exited {result.exit_code}: {result.output[-500:]}")
    return result.stdout


def _cold(args: list[str]) -> Any:
    """``_cli`` with the per-version result cache emptied first: the time of computing the answer."""
    from detente.store import cache

    cache.clear()
    return _cli(args)


def _plan_total(con: Any, sql: str, params: list[Any]) -> dict[str, Any]:
    rows = con.execute("EXPLAIN ANALYZE " + sql, params).fetchall()
    text = rows[0][1]
    total = None
    for line in text.splitlines():
        if "Total Time:" in line:
            total = float(line.split("Total Time:")[1].strip(" │s\n"))
            break
    operators = [line.strip("│ ") for line in text.splitlines()
                 if any(op in line for op in ("TABLE_SCAN", "HASH_GROUP_BY", "HASH_JOIN", "INDEX_SCAN", "FILTER",
                                              "PERFECT_HASH_GROUP_BY", "ORDER_BY", "TOP_N"))]
    return {"total_s": total, "operators": sorted({o.split("│")[0].strip() for o in operators
                                                   if o and "EXPLAIN" not in o})}


def run(path: Path, n: int, *, repeats: int = 3, log: Any = None, balance_timeout: float = 180) -> dict[str, Any]:
    import duckdb

    from detente.store.pairs import Filters, relation_sql, series_sql, summary_relation_sql

    say = log or (lambda msg: None)
    db = str(path)
    con = duckdb.connect(db, read_only=True)
    a, b = con.execute("SELECT a, b FROM pairs GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    last = con.execute("SELECT max(date) FROM pairs").fetchone()[0]
    year = last.year - 1
    since, until = f"{year}-01-01", f"{year}-12-31"
    out: dict[str, Any] = {"events": n, "pairs": con.execute("SELECT count(*) FROM pairs").fetchone()[0],
                           "dyad_pair": [a, b], "year": year}

    out["load_before"] = os.getloadavg()
    rel_sql, rel_params = relation_sql(evidence_limit=20)
    best, median, rows = _best(lambda: con.execute(rel_sql, rel_params).fetchall(), repeats)
    out["sql_relations_s"], out["sql_relations_median_s"], out["relations"] = best, median, len(rows)
    say(f"  bare SQL relations over the pair table: {best:.2f} s ({len(rows):,} pairs)")
    # the SQL the product runs: the same relations from the summaries (store.rollup)
    sum_sql, sum_params = summary_relation_sql(con, evidence_limit=20) or (None, None)
    if sum_sql is not None:
        best, median, srows = _best(lambda: con.execute(sum_sql, sum_params).fetchall(), repeats)
        out["sql_summary_relations_s"], out["sql_summary_relations_median_s"] = best, median
        assert len(srows) == len(rows)
        say(f"  bare SQL relations from the summaries: {best:.3f} s")
    year_filters = Filters(since=_date(since), until=_date(until))
    ysum_sql, ysum_params = summary_relation_sql(con, filters=year_filters, evidence_limit=20) or (None, None)
    if ysum_sql is not None:
        best, median, _ = _best(lambda: con.execute(ysum_sql, ysum_params).fetchall(), repeats)
        out["sql_summary_year_s"] = best
    ser_sql, ser_params = series_sql(window="month", pair=(a, b))
    best, median, rows = _best(lambda: con.execute(ser_sql, ser_params).fetchall(), repeats)
    out["sql_dyad_s"], out["dyad_months"] = best, len(rows)
    con.close()

    best, median, text = _best(lambda: _cli(["relations", "--db", db, "--json"]), repeats)
    out["product_relations_s"], out["product_relations_median_s"] = best, median
    assert len(json.loads(text)) == out["relations"]
    out["product_over_sql"] = best / out["sql_relations_s"] if out["sql_relations_s"] else None
    if out.get("sql_summary_relations_s"):
        out["product_over_summary_sql"] = best / out["sql_summary_relations_s"]
    say(f"  detente relations --json: {best:.2f} s ({out['product_over_sql']:.2f}x the bare SQL over pairs, "
        f"{out.get('product_over_summary_sql', 0):.1f}x the summaries' SQL)")
    best, median, text = _best(lambda: _cli(["relations", "--db", db, "--json", "--window", "month", "--pair", a,
                                             "--pair", b]), repeats)
    out["product_dyad_s"], out["product_dyad_median_s"] = best, median
    say(f"  detente relations --window month --pair {a} --pair {b}: {best * 1000:.0f} ms")
    route = f"/api/network?since={since}&until={until}"
    best, median, text = _best(lambda: _cold(["serve", "--db", db, "--get", route]), max(1, repeats - 1))
    out["network_year_s"], out["network_year_median_s"] = best, median
    best, _, _ = _best(lambda: _cli(["serve", "--db", db, "--get", route]), max(1, repeats - 1))
    out["network_year_cached_s"] = best  # the same body again, from store.cache (same store version)
    out["network_year_items"] = len(json.loads(text)["relations"])
    say(f"  serve --get {route}: {best:.2f} s")
    # Balance: the synthetic graph is nearly complete (every pair of 200 nodes has events, 1.3M closed
    # triads); triads are enumerated in SQL and at most balance.MAX_READINGS readings built.  In-process as
    # the network, then once as a process (start-up included) with a time limit.
    route = f"/api/balance?since={since}&until={until}"
    best, median, text = _best(lambda: _cold(["serve", "--db", db, "--get", route]), max(1, repeats - 1))
    out["balance_year_inprocess_s"], out["balance_year_items"] = best, len(json.loads(text)["items"])
    say(f"  serve --get {route}: {best:.2f} s ({out['balance_year_items']} readings)")
    t = time.perf_counter()
    try:
        subprocess.run([*_DETENTE, "serve", "--db", db, "--get", route], check=True, stdout=subprocess.DEVNULL,
                       timeout=balance_timeout)
        out["balance_year_s"] = time.perf_counter() - t
    except subprocess.TimeoutExpired:
        out["balance_year_s"] = None
        out["balance_year_timeout_s"] = balance_timeout
    say(f"  serve --get {route} (a process): {out['balance_year_s'] or f'over {balance_timeout}'} s")
    t = time.perf_counter()
    subprocess.run([*_DETENTE, "relations", "--db", db, "--json"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ})
    out["cli_relations_process_s"] = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([*_DETENTE, "serve", "--db", db, "--get", "/api/health"], check=True, stdout=subprocess.DEVNULL)
    out["process_startup_s"] = time.perf_counter() - t  # interpreter, imports, app: what a process adds
    out["load_after"] = os.getloadavg()

    con = duckdb.connect(db, read_only=True)
    from detente.store.readers import MAX_LIMIT

    year_sql, year_params = relation_sql(filters=Filters(since=_date(since), until=_date(until)), evidence_limit=20)
    out["explain"] = {
        "relations": _plan_total(con, rel_sql, rel_params),
        **({"relations_from_summaries": _plan_total(con, sum_sql, sum_params)} if sum_sql else {}),
        **({"network_year_from_summaries": _plan_total(con, ysum_sql, ysum_params)} if ysum_sql else {}),
        "network_year": _plan_total(con, year_sql, year_params),
        "dyad_month_series": _plan_total(con, ser_sql, ser_params),
        "events_of_actor": _plan_total(
            con, "SELECT * FROM events WHERE list_contains(source_nodes, ?) OR list_contains(target_nodes, ?) "
                 "ORDER BY date NULLS LAST, doc_id, sent_idx LIMIT ?", [a, a, min(200, MAX_LIMIT)]),
        # what /api/events?actor= runs now: the ids from event_actors (sorted by actor), then the events by id
        "events_of_actor_index": _plan_total(
            con, "SELECT id FROM event_actors WHERE actor = ? GROUP BY id HAVING count(DISTINCT actor) = 1 "
                 "ORDER BY any_value(date) NULLS LAST, any_value(doc_id), any_value(sent_idx), id LIMIT ?",
            [a, min(200, MAX_LIMIT)]),
    }
    con.close()
    return out


def _date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


# -- the API under concurrent clients ------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api_load(path: Path, *, requests: int = 2000, clients: int = 8, seed: int = 0, log: Any = None) -> dict[str, Any]:
    import duckdb
    import httpx

    say = log or (lambda msg: None)
    con = duckdb.connect(str(path), read_only=True)
    pairs = [tuple(r) for r in con.execute("SELECT DISTINCT a, b FROM pairs ORDER BY 1, 2").fetchall()]
    nodes = [r[0] for r in con.execute("SELECT id FROM nodes ORDER BY 1").fetchall()]
    busiest = con.execute("SELECT a, b FROM pairs GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    con.close()
    port = _free_port()
    server = subprocess.Popen([*_DETENTE, "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise RuntimeError("detente serve did not start")
            time.sleep(0.5)
        rng = random.Random(seed)
        routes = ["relations", "network", "dyads", "events"]
        plan = []
        for i in range(requests):
            route = routes[i % len(routes)]
            if route == "relations":
                url = "/api/relations"
            elif route == "network":
                url = "/api/network"
            elif route == "dyads":
                x, y = rng.choice(pairs)
                url = f"/api/dyads/{x}/{y}"
            else:
                url = f"/api/events?actor={rng.choice(nodes)}&limit=200"
            plan.append((route, url))
        lock = threading.Lock()
        times: dict[str, list[float]] = {r: [] for r in routes}
        sizes: dict[str, list[int]] = {r: [] for r in routes}
        errors: list[str] = []
        queue = list(reversed(plan))

        def worker() -> None:
            with httpx.Client(base_url=base, timeout=120) as client:
                while True:
                    with lock:
                        if not queue:
                            return
                        route, url = queue.pop()
                    t = time.perf_counter()
                    r = client.get(url)
                    elapsed = time.perf_counter() - t
                    with lock:
                        times[route].append(elapsed)
                        sizes[route].append(len(r.content))
                        if r.status_code != 200:
                            errors.append(f"{url}: {r.status_code}")

        say(f"  {requests:,} requests from {clients} clients to {base}")
        load_before = os.getloadavg()
        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - started
        out: dict[str, Any] = {"requests": requests, "clients": clients, "wall_s": wall, "errors": errors[:10],
                               "load_before": load_before, "load_after": os.getloadavg(),
                               "n_errors": len(errors), "routes": {}}
        for route, ts in times.items():
            ts.sort()
            q = statistics.quantiles(ts, n=100, method="inclusive")
            out["routes"][route] = {"n": len(ts), "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000,
                                    "p99_ms": q[98] * 1000, "max_ms": ts[-1] * 1000,
                                    "median_bytes": statistics.median(sizes[route])}
            say(f"  {route}: p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms")
        t = time.perf_counter()
        httpx.get(f"{base}/api/dyads/{busiest[0]}/{busiest[1]}", timeout=600)
        out["dyad_busiest_pair_s"] = time.perf_counter() - t
        out["dyad_busiest_pair"] = list(busiest)
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)


# -- incremental ingest ----------------------------------------------------------------------------
def incremental(base_events: int = 1_000_000, articles: int = 100, *, seed: int = 0, workdir: Path | None = None,
                log: Any = None, base_store: Path | None = None) -> dict[str, Any]:
    from bench import corpus, memory, queries

    say = log or (lambda msg: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-inc-", dir=workdir) as tmp:
        folder = Path(tmp)
        info = corpus.write_corpus(folder / "corpus", articles, seed=seed + 7)
        big = folder / "base.duckdb"
        if base_store is not None:
            shutil.copy(base_store, big)
        else:
            say(f"  building a store of {base_events:,} events")
            queries.build_duckdb(big, base_events)
        out: dict[str, Any] = {"articles": articles, "base_events": base_events}
        for tag in ("empty", "large"):
            if tag == "large":
                shutil.copy(big, folder / f"{tag}.duckdb")
            say(f"  ingesting {articles} articles into the {tag} store (child process)")
            res = memory._measure(info.manifest, folder, tag)
            out[tag] = {k: res.get(k) for k in ("seconds", "peak_rss_mb", "peak_before_store_close_mb",
                                                "after_load_mb", "articles_per_s", "summary", "error")}
            say(f"    {res.get('seconds', 0):.1f} s, peak RSS {res.get('peak_rss_mb', 0):.0f} MB")
        e, g = out["empty"], out["large"]
        if e.get("seconds") and g.get("seconds"):
            out["time_ratio"] = g["seconds"] / e["seconds"]
            out["peak_ratio"] = g["peak_rss_mb"] / e["peak_rss_mb"]
    return out
