"""Summaries of the pair table kept at write time, so that the relations listing reads thousands of rows, not
millions; and the index of each actor's events.

Each summary row is a function of the ``pairs`` rows of one dyad (unordered pair ``a < b``); ``refresh``
recomputes the dyads an ingest or a merge touches (an ingest costs what it adds, not what the store holds),
``rebuild`` the whole when the pair table is first filled or migrated:

* ``pair_parts``: per dyad, ``span`` ('all': all time; 'year' or 'month': the calendar period starting on
  ``month``; NULL ``month`` for undated reports), weight class (``kind``, ``negated``, ``hedged``,
  ``background``, ``second_hand``: the columns ``pairs.weight_sql`` reads) and event group when the group has
  more than one report (``gkey``; NULL for reports alone in their group, which are their own group): the
  number of reports, their summed score, first and last date, undated count, and the group's date key (the
  most precisely dated report, earliest first: ``pairs._DATE_KEY``).  Every weight is a product of per-class
  factors, so any ``Weights`` gives the same relation from these parts as from the rows: a group's score is
  the weighted mean of its reports (over its classes, weight x summed score over weight x count), its weight
  the largest of its classes', its date the arg-min of the date keys.  ``dup`` rows (a report seen twice on
  one pair) are left out, as the undirected relations do.
* ``pair_facts``: per dyad and span, the distinct outlets (``coalesce(outlet, UNKNOWN_OUTLET)``), the number
  of pair rows (``current`` compares their sum with the pair table), and the ``RECENT`` most recent reports
  as sortable keys (the date as YYYY-MM-DD, undated as 0001-01-01, then the id): the evidence a listing
  cites, ties on the date broken by the larger id.
* ``event_actors``: one row per (node or actor id, event) with the listing's sort and filter columns, sorted
  by actor (``readers.events`` with ``actors``).

``pairs.relation_rows`` reads the summaries for the whole-store listing and for date windows without outlet
filters (whole years, then whole months, from ``pair_parts``; the days of a partial first or last month from
``pairs``).  Every other read (one pair, outlet filters, per-outlet views, series) stays on ``pairs``, which
``cluster`` keeps sorted by (a, b, date) so that one dyad's rows are a few row groups.  Each summary write
stores a new ``data_version`` (``store.cache``).

Why hand-written: DuckDB (1.4) has no materialized views; these are the incremental view maintenance it
lacks, for the aggregations the product lists most.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import cache

# The most recent reports each summary keeps: the listing's default evidence (``detente relations``,
# ``/api/relations``, ``/api/network`` cite 20); a larger ``evidence_limit`` reads the pair table.
RECENT = 20

ROLLUP_DDL = """
CREATE TABLE IF NOT EXISTS pair_parts (
    a VARCHAR, b VARCHAR, span VARCHAR, month DATE, gkey VARCHAR, kind VARCHAR, negated BOOLEAN, hedged BOOLEAN,
    background BOOLEAN, second_hand BOOLEAN, n BIGINT, s DOUBLE, dmin DATE, dmax DATE, nund BIGINT, kmin BIGINT,
    kdate DATE, smin DOUBLE
);
CREATE TABLE IF NOT EXISTS pair_facts (
    a VARCHAR, b VARCHAR, span VARCHAR, month DATE, rows BIGINT, outlets VARCHAR[], recent VARCHAR[]
);
CREATE TABLE IF NOT EXISTS event_actors (actor VARCHAR, id VARCHAR, date DATE, doc_id VARCHAR, sent_idx INTEGER,
                                         outlet VARCHAR);
"""

_TABLES = ("pair_parts", "pair_facts")
# The levels each summary is kept at: all time, calendar year, calendar month (``month`` is the period's first
# day; NULL for all time and for undated reports).
SPANS = ("all", "year", "month")


def recent_key_sql(table: str = "") -> str:
    """The sortable key of a report as evidence: its date (undated: 0001-01-01) then its id."""
    t = f"{table}." if table else ""
    return f"(strftime(coalesce({t}date, DATE '0001-01-01'), '%Y-%m-%d') || {t}item_id)"


def _parts_sql(source: str, span: str) -> str:
    from .pairs import _DATE_KEY

    month = f"CAST(date_trunc('{span}', date) AS DATE)" if span != "all" else "CAST(NULL AS DATE)"
    return f"""
    SELECT a, b, '{span}' AS span, {month} AS month, CASE WHEN solo THEN NULL ELSE group_id END AS gkey, kind,
           negated, hedged, background, second_hand, count(*) AS n, sum(score) AS s, min(date) AS dmin,
           max(date) AS dmax, count(*) FILTER (WHERE date IS NULL) AS nund, min({_DATE_KEY}) AS kmin,
           arg_min(date, {_DATE_KEY}) AS kdate, min(score) AS smin
    FROM {source} WHERE NOT dup GROUP BY ALL"""


def _facts_sql(source: str, span: str) -> str:
    from .pairs import UNKNOWN_OUTLET

    month = f"CAST(date_trunc('{span}', date) AS DATE)" if span != "all" else "CAST(NULL AS DATE)"
    return f"""
    SELECT a, b, '{span}' AS span, {month} AS month, count(*) AS rows,
           list(DISTINCT coalesce(outlet, '{UNKNOWN_OUTLET}')) AS outlets,
           coalesce(max({recent_key_sql()}, {RECENT}) FILTER (WHERE NOT dup), []) AS recent
    FROM {source} GROUP BY ALL"""


def exists(con: Any) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'pair_facts'").fetchone()
    return bool(row and row[0])


def rebuild(con: Any) -> None:
    """Recompute every summary from the pair table (a new or migrated store, or a check)."""
    con.execute(ROLLUP_DDL)
    for table in _TABLES:
        con.execute(f"DELETE FROM {table}")
    for span in SPANS:
        con.execute("INSERT INTO pair_parts " + _parts_sql("pairs", span))
        con.execute("INSERT INTO pair_facts " + _facts_sql("pairs", span))
    cache.bump(con)


# The pair columns ``_parts_sql`` and ``_facts_sql`` read.
_ROW_COLUMNS = ("p.item_id, p.group_id, p.a, p.b, p.kind, p.score, p.date, p.date_precision, p.outlet, p.negated, "
                "p.hedged, p.background, p.second_hand, p.solo, p.dup")


def refresh(con: Any, dyads: Iterable[tuple[str, str]]) -> None:
    """Recompute the summaries of ``dyads`` ((a, b) with a < b) from their pair rows; nothing else moves."""
    import pyarrow as pa

    wanted = sorted({(min(x, y), max(x, y)) for x, y in dyads})
    if not wanted or not exists(con):
        return
    con.register("_rollup_dyads", pa.table({"a": [x for x, _ in wanted], "b": [y for _, y in wanted]}))
    try:
        # only the columns the summaries read (the rows of busy dyads are many: this copy is the write's
        # largest transient)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _rollup_rows AS SELECT {_ROW_COLUMNS} FROM pairs p "
                    "SEMI JOIN _rollup_dyads d ON p.a = d.a AND p.b = d.b")
        for table in _TABLES:
            con.execute(f"DELETE FROM {table} t USING _rollup_dyads d WHERE t.a = d.a AND t.b = d.b")
        for span in SPANS:
            con.execute("INSERT INTO pair_parts " + _parts_sql("_rollup_rows", span))
            con.execute("INSERT INTO pair_facts " + _facts_sql("_rollup_rows", span))
        con.execute("DROP TABLE _rollup_rows")
        cache.bump(con)
    finally:
        con.unregister("_rollup_dyads")


def dyads_of_items(con: Any, item_ids: Sequence[str]) -> list[tuple[str, str]]:
    if not item_ids:
        return []
    return [(a, b) for a, b in con.execute("SELECT DISTINCT a, b FROM pairs WHERE item_id IN (SELECT unnest(?))",
                                           [list(item_ids)]).fetchall()]


def dyads_of_groups(con: Any, group_ids: Sequence[str]) -> list[tuple[str, str]]:
    if not group_ids:
        return []
    return [(a, b) for a, b in con.execute("SELECT DISTINCT a, b FROM pairs WHERE group_id IN (SELECT unnest(?))",
                                           [list(group_ids)]).fetchall()]


def current(con: Any) -> bool:
    """Whether the summaries cover every pair row (a cheap guard: a store written around ``sync_pairs`` or
    opened read-only before its migration falls back to the pair table instead of reading stale sums)."""
    if not exists(con):
        return False
    row = con.execute("SELECT (SELECT coalesce(sum(rows), 0) FROM pair_facts WHERE span = 'all') = "
                      "(SELECT count(*) FROM pairs)").fetchone()
    return bool(row and row[0])


# -- clustering -----------------------------------------------------------------------------------------------
# Rows appended since the last sort that trigger a new one: a quarter of the table, and at least this many
# (below it a dyad's rows are read from a few unsorted row groups at the end anyway).
CLUSTER_MIN_ROWS = 1_000_000


def cluster(con: Any) -> None:
    """Rewrite ``pairs`` sorted by (a, b, date), so the zone maps of a row group skip every other dyad: one
    dyad's series, evidence and shift parts read a few row groups instead of the whole table."""
    from .pairs import PAIRS_DDL

    if exists(con):  # the events of an actor, sorted by actor the same way
        con.execute("CREATE OR REPLACE TABLE _actors_sorted AS SELECT * FROM event_actors "
                    "ORDER BY actor, date, doc_id, sent_idx, id")
        con.execute("DROP TABLE event_actors")
        con.execute("ALTER TABLE _actors_sorted RENAME TO event_actors")
    con.execute("CREATE OR REPLACE TABLE _pairs_sorted AS SELECT * FROM pairs ORDER BY a, b, date, item_id")
    con.execute("DROP TABLE pairs")
    con.execute("ALTER TABLE _pairs_sorted RENAME TO pairs")
    con.execute(PAIRS_DDL)  # the indexes
    n = con.execute("SELECT count(*) FROM pairs").fetchone()[0]
    con.execute("INSERT OR REPLACE INTO meta VALUES ('pairs_sorted_rows', ?)", [str(n)])


def cluster_if_due(con: Any) -> bool:
    """Sort the pair table again when enough rows were appended since the last sort (see ``CLUSTER_MIN_ROWS``)."""
    row = con.execute("SELECT (SELECT count(*) FROM pairs), "
                      "(SELECT value FROM meta WHERE key = 'pairs_sorted_rows')").fetchone()
    total, done = int(row[0]), int(row[1] or 0)
    if total - done >= max(CLUSTER_MIN_ROWS, total // 4):
        cluster(con)
        return True
    return False


def stale_dyads(con: Any) -> list[tuple[str, str]]:
    """The dyads whose stored summaries differ from a recomputation from ``pairs`` (empty when current): the
    check the tests run after incremental ingests, re-ingests and merges."""
    parts = ("a, b, span, month, gkey, kind, negated, hedged, background, second_hand, n, round(s, 6), dmin, "
             "dmax, nund, kmin, kdate, round(smin, 6)")
    facts = "a, b, span, month, rows, list_sort(outlets), list_sort(recent)"
    computed_parts = " UNION ALL ".join(f"SELECT {parts} FROM ({_parts_sql('pairs', s)})" for s in SPANS)
    computed_facts = " UNION ALL ".join(f"SELECT {facts} FROM ({_facts_sql('pairs', s)})" for s in SPANS)
    sql = f"""
    WITH sp AS (SELECT {parts} FROM pair_parts), cp AS ({computed_parts}),
         sf AS (SELECT {facts} FROM pair_facts), cf AS ({computed_facts})
    SELECT DISTINCT a, b FROM (
        SELECT a, b FROM ((FROM sp EXCEPT ALL FROM cp) UNION ALL (FROM cp EXCEPT ALL FROM sp))
        UNION ALL SELECT a, b FROM ((FROM sf EXCEPT ALL FROM cf) UNION ALL (FROM cf EXCEPT ALL FROM sf)))
    ORDER BY 1, 2"""
    return [(a, b) for a, b in con.execute(sql).fetchall()]


# -- the events of an actor ----------------------------------------------------------------------------------
# One row per (node or actor id, event) with what the event listing sorts and filters on, sorted by actor: the
# listing of one actor's events reads a few row groups instead of the four list columns of every event.
ACTOR_INDEX_DDL = """
CREATE TABLE IF NOT EXISTS event_actors (actor VARCHAR, id VARCHAR, date DATE, doc_id VARCHAR, sent_idx INTEGER,
                                         outlet VARCHAR);
"""

_ACTOR_ROWS = """
SELECT DISTINCT * FROM (
    SELECT unnest(list_concat(list_concat(source_nodes, target_nodes), list_concat(source_ids, target_ids)))
           AS actor, id, date, doc_id, sent_idx, outlet
    FROM {events} e WHERE {where})
WHERE actor IS NOT NULL AND actor <> ''"""


def mark_indexed(con: Any) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES ('indexed_events', (SELECT CAST(count(*) AS VARCHAR) FROM events))")


def rebuild_actor_index(con: Any) -> None:
    con.execute(ACTOR_INDEX_DDL)
    con.execute("DELETE FROM event_actors")
    con.execute("INSERT INTO event_actors SELECT * FROM (" + _ACTOR_ROWS.format(events="events", where="true")
                + ") ORDER BY actor, date, doc_id, sent_idx, id")
    mark_indexed(con)


def index_events(con: Any, event_ids: Sequence[str] | None, *, events: str = "events") -> None:
    """Add the rows of new events (None: of every event not indexed yet); ``events``: the table or view that
    holds them (``pairs.sync_pairs`` passes the batch just written: all of its rows are new)."""
    if events != "events":
        where, params = "true", []
    elif event_ids is None:
        where, params = "e.id NOT IN (SELECT id FROM event_actors)", []
    elif not event_ids:
        mark_indexed(con)
        return
    else:
        where, params = "e.id IN (SELECT unnest(?))", [list(event_ids)]
    con.execute("INSERT INTO event_actors " + _ACTOR_ROWS.format(events=events, where=where), params)
    mark_indexed(con)


def actor_index_current(con: Any) -> bool:
    try:
        row = con.execute("SELECT (SELECT value FROM meta WHERE key = 'indexed_events') = "
                          "(SELECT CAST(count(*) AS VARCHAR) FROM events)").fetchone()
    except Exception:
        return False
    return bool(row and row[0])
