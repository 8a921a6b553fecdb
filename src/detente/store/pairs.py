"""The flat pair table and the SQL that aggregates it: relations, series, per-outlet views, shift inputs.

``pairs`` holds one row per (report, unordered pair of nodes): an event with
sources S and targets T gives a row for every s in S, t in T with s != t; an
event with no target and two or more sources gives a row per pair of its
sources in listed order only when its act is mutual (``reciprocal``: "A and B
met", "signed a pact", "cut ties"); co-agents of any other act ("A and B
backed the rebels") are not its parties and give no row, and nor do the
sources of an event whose target is named but not resolved; a stated
relation gives one row.
Each row carries what the weights need (``negated``, ``hedged``,
``background``, ``second_hand``, ``kind``), the score, date, date precision,
outlet and the report's event group (``group_id``, kept equal to
``event_groups`` by ``network.dedup``).  It is written in the same
transaction as the events (``sync_pairs``), so reads never touch the list
columns of ``events``.

Every aggregation is two GROUP BYs: first per (pair, event group), where
the group's score is the weighted mean of its reports, its weight the largest
of theirs, its date that of its most precisely dated report (the earliest of
those) and it is background only when every report is; then per pair (or per
pair and window, or per outlet and pair).  Relations count their background
and undated groups (``n_background``, ``n_undated``); a series leaves out the
groups dated more coarsely than its window; the dashboard's windows count a
report only where its whole date period fits.  The weights are
``network.dyads.Weights``, passed as SQL literals (floats only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..events.lexicon import reciprocal_codes
from ..model import DyadPoint, Relation
from .rollup import RECENT, recent_key_sql

UNKNOWN_OUTLET = "(unknown outlet)"

PAIRS_DDL = """
CREATE TABLE IF NOT EXISTS pairs (
    item_id VARCHAR, kind VARCHAR, doc_id VARCHAR, group_id VARCHAR, a VARCHAR, b VARCHAR,
    source VARCHAR, target VARCHAR, direction TINYINT, type VARCHAR, score DOUBLE, date DATE,
    date_precision VARCHAR, date_basis VARCHAR, outlet VARCHAR, negated BOOLEAN, hedged BOOLEAN,
    background BOOLEAN, second_hand BOOLEAN, solo BOOLEAN, dup BOOLEAN
);
CREATE INDEX IF NOT EXISTS pairs_ab ON pairs (a, b);
CREATE INDEX IF NOT EXISTS pairs_item ON pairs (item_id);
"""

# Reports are derived from the stored rows (not from the records), so that rows inserted by SQL (tests,
# migrations of older stores) get their pairs the same way.  ``{where}`` restricts to the new items.
_EVENT_PAIRS = """
WITH e AS (
    SELECT e.*, list_filter(e.source_nodes, x -> coalesce(x, '') <> '') AS s,
           list_filter(e.target_nodes, x -> coalesce(x, '') <> '') AS t, sp.node AS speaker_node
    FROM {events} e LEFT JOIN actors sp ON sp.id = e.said_by_actor
    WHERE {where}
), u AS (
    SELECT *, unnest(s) AS src, generate_subscripts(s, 1) AS si,
           CASE WHEN len(t) > 0 THEN t WHEN len(coalesce(target_ids, [])) = 0 AND {reciprocal} THEN s
                ELSE [] END AS other, len(t) = 0 AS recip FROM e
), v AS (
    SELECT *, unnest(other) AS tgt, generate_subscripts(other, 1) AS ti FROM u
)
SELECT v.id AS item_id, 'event' AS kind, v.doc_id, coalesce(g.group_id, v.id) AS group_id,
       least(src, tgt) AS a, greatest(src, tgt) AS b, src AS source, tgt AS target,
       CASE WHEN src < tgt THEN 1 ELSE -1 END AS direction, v.type, v.score, v.date,
       coalesce(v.date_precision, CASE WHEN v.date IS NULL THEN 'unknown' ELSE 'day' END) AS date_precision,
       v.date_basis, v.outlet, coalesce(v.negated, false) AS negated, coalesce(v.hedged, false) AS hedged,
       coalesce(v.date_basis = 'background', false) AS background,
       coalesce(v.said_by_actor, '') <> '' AND (v.speaker_node IS NULL OR v.speaker_node NOT IN (src, tgt))
           AS second_hand,
       {solo} AS solo,
       row_number() OVER (PARTITION BY v.id, least(src, tgt), greatest(src, tgt) ORDER BY si, ti) > 1 AS dup
FROM v LEFT JOIN event_groups g ON g.item_id = v.id
WHERE src <> tgt AND (NOT recip OR ti > si)
"""

_CLAIM_PAIRS = """
SELECT c.id AS item_id, 'relation' AS kind, c.doc_id, coalesce(g.group_id, c.id) AS group_id,
       least(c.a_node, c.b_node) AS a, greatest(c.a_node, c.b_node) AS b, c.a_node AS source, c.b_node AS target,
       CASE WHEN c.a_node < c.b_node THEN 1 ELSE -1 END AS direction, NULL AS type,
       c.polarity * {stated_score} AS score, c.date,
       coalesce(c.date_precision, CASE WHEN c.date IS NULL THEN 'unknown' ELSE 'day' END) AS date_precision,
       c.date_basis, c.outlet, coalesce(c.negated, false), coalesce(c.hedged, false),
       coalesce(c.date_basis = 'background', false),
       coalesce(c.speaker_actor, '') <> '' AND (sp.node IS NULL OR sp.node NOT IN (c.a_node, c.b_node)),
       {solo}, false
FROM {claims} c LEFT JOIN actors sp ON sp.id = c.speaker_actor LEFT JOIN event_groups g ON g.item_id = c.id
WHERE c.kind = 'relation' AND coalesce(c.a_node, '') <> '' AND coalesce(c.b_node, '') <> ''
  AND c.a_node <> c.b_node AND {where}
"""

def _reciprocal_sql(column: str = "cameo") -> str:
    """``reciprocal`` as an SQL condition on ``column`` (the codes are digits only: safe as literals)."""
    return "(" + " OR ".join(f"starts_with(coalesce({column}, ''), '{c}')" for c in reciprocal_codes()) + ")"


# A stated alliance or enmity weighs like a firm verbal act (PLOVER scores
# of SUPPORT and ACCUSE are about +/-3 to +/-5): chosen at 5.
STATED_RELATION_SCORE = 5.0


def sync_pairs(con: Any, event_ids: Sequence[str] | None = None, claim_ids: Sequence[str] | None = None, *,
               batch: Mapping[str, Any] | None = None) -> None:
    """Write the pair rows of the given events and claims (None: of every item that has none yet).

    ``batch``: the Arrow tables ``events`` and ``claims`` just inserted (``Store.write``), holding exactly the
    rows of ``event_ids`` and ``claim_ids``; the same SQL then reads them instead of finding them among the
    stored rows, so a write costs what it adds (the stored tables were read whole, once per batch, and their
    blocks stayed in DuckDB's cache).
    """
    if batch is not None and event_ids is not None and claim_ids is not None:
        _sync_batch(con, batch, event_ids)
        return
    if event_ids is None:
        ev_where, ev_params = "e.id NOT IN (SELECT item_id FROM pairs)", []
    else:
        ev_where, ev_params = "e.id IN (SELECT unnest(?))", [list(event_ids)]
    if claim_ids is None:
        cl_where, cl_params = "c.id NOT IN (SELECT item_id FROM pairs)", []
    else:
        cl_where, cl_params = "c.id IN (SELECT unnest(?))", [list(claim_ids)]
    # alone in its event group: new reports are (merging comes after); older ones when their group has one member
    solo = ("(g.group_id IS NULL OR g.group_id NOT IN "
            "(SELECT group_id FROM event_groups GROUP BY 1 HAVING count(*) > 1))")
    from . import rollup

    summaries = rollup.exists(con)
    was_empty = summaries and not con.execute("SELECT count(*) FROM pairs").fetchone()[0]
    new_ids: list[str] = [*(event_ids or ()), *(claim_ids or ())]
    if summaries and not was_empty and (event_ids is None or claim_ids is None):  # the items about to get rows
        new_ids += [r[0] for r in con.execute(
            (f"SELECT id FROM events e WHERE {ev_where} " if event_ids is None else "SELECT NULL WHERE false ")
            + (f"UNION ALL SELECT id FROM claims c WHERE c.kind = 'relation' AND {cl_where}" if claim_ids is None
               else "")).fetchall()]
    if event_ids is None or event_ids:
        con.execute("INSERT INTO pairs " + _EVENT_PAIRS.format(events="events", where=ev_where,
                                                               solo=solo if event_ids is None else "true",
                                                               reciprocal=_reciprocal_sql()), ev_params)
    if claim_ids is None or claim_ids:
        con.execute("INSERT INTO pairs " + _CLAIM_PAIRS.format(claims="claims", where=cl_where,
                                                               stated_score=STATED_RELATION_SCORE,
                                                               solo=solo if claim_ids is None else "true"),
                    cl_params)
    if summaries:  # else an older store on its way through the migrations: version 6 builds them
        _update_summaries(con, was_empty, lambda: rollup.dyads_of_items(con, new_ids), event_ids,
                          bump=event_ids is None or bool(event_ids))


def _update_summaries(con: Any, was_empty: bool, dyads: Callable[[], list[tuple[str, str]]],
                      event_ids: Sequence[str] | None, *, events: str = "events", bump: bool) -> None:
    """The summaries and the actor index after new pair rows: built whole into an empty store, else refreshed for
    the ``dyads`` touched; ``bump``: events were added (events on no pair change the event listings too)."""
    from . import cache, rollup

    if was_empty:
        rollup.cluster(con)
        rollup.rebuild(con)
        rollup.rebuild_actor_index(con)
        return
    rollup.refresh(con, dyads())
    rollup.index_events(con, event_ids, events=events)
    rollup.cluster_if_due(con)
    if bump:
        cache.bump(con)


def _sync_batch(con: Any, batch: Mapping[str, Any], event_ids: Sequence[str]) -> None:
    """``sync_pairs`` over the rows of one write (new reports: alone in their groups until the merge)."""
    from . import rollup

    summaries = rollup.exists(con)
    was_empty = summaries and not con.execute("SELECT count(*) FROM pairs").fetchone()[0]
    con.register("_pairs_events", batch["events"])
    con.register("_pairs_claims", batch["claims"])
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _new_pairs AS "
                    + _EVENT_PAIRS.format(events="_pairs_events", where="true", solo="true",
                                         reciprocal=_reciprocal_sql()) + " UNION ALL "
                    + _CLAIM_PAIRS.format(claims="_pairs_claims", where="true", stated_score=STATED_RELATION_SCORE,
                                          solo="true"))
        con.execute("INSERT INTO pairs SELECT * FROM _new_pairs")
        dyads = [(a, b) for a, b in con.execute("SELECT DISTINCT a, b FROM _new_pairs").fetchall()]
        con.execute("DROP TABLE _new_pairs")
        if summaries:  # else an older store on its way through the migrations: version 6 builds them
            _update_summaries(con, was_empty, lambda: dyads, event_ids, events="_pairs_events", bump=bool(event_ids))
    finally:
        con.unregister("_pairs_events")
        con.unregister("_pairs_claims")


# -- filters and weights ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    outlets: tuple[str, ...] = ()
    exclude_outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts in a relation score."""

    negated: float = 0.0
    hedged: float = 0.5
    second_hand: float = 0.75
    background: float = 0.5
    stated: float = 1.0


def where_clause(filters: Filters, *, date_col: str = "date", outlet_col: str = "outlet") -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the windows and outlet filters (every read path shares them)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.since:
        clauses.append(f"{date_col} >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{date_col} <= ?")
        params.append(filters.until)
    if filters.outlets:
        clauses.append(f"{outlet_col} IN (SELECT unnest(?))")
        params.append(list(filters.outlets))
    if filters.exclude_outlets:
        clauses.append(f"coalesce({outlet_col}, '') NOT IN (SELECT unnest(?))")
        params.append(list(filters.exclude_outlets))
    return clauses, params


def weight_sql(w: Weights) -> str:
    """The weight of one pair row as an SQL expression (the product in the order the weights are listed)."""
    f = [repr(float(x)) for x in (w.negated, w.hedged, w.background, w.second_hand, w.stated)]
    return (f"(1.0 * CASE WHEN negated THEN {f[0]} ELSE 1.0 END * CASE WHEN hedged THEN {f[1]} ELSE 1.0 END"
            f" * CASE WHEN background THEN {f[2]} ELSE 1.0 END * CASE WHEN second_hand THEN {f[3]} ELSE 1.0 END"
            f" * CASE WHEN kind = 'relation' THEN {f[4]} ELSE 1.0 END)")


def _base(filters: Filters, weights: Weights, extra: Sequence[str] = (),
          extra_params: Sequence[Any] = ()) -> tuple[str, list[Any]]:
    clauses, params = where_clause(filters)
    clauses = [*clauses, *extra]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (f"SELECT item_id, kind, group_id, a, b, source, target, score, date, background, solo, dup, "
           f"date_precision AS prec, {_DATE_KEY} AS dkey, "
           f"coalesce(outlet, '{UNKNOWN_OUTLET}') AS outlet, {weight_sql(weights)} AS w FROM pairs{where}")
    return sql, [*params, *extra_params]


# Date precisions, finest first (``ingest.dates.PRECISIONS``): a group takes the date of its most precisely
# dated report, the earliest of those ("on 3 August" beats "in 2021" for the same act).
_PRECISIONS = ("day", "week", "month", "year", "before-publication", "unknown")
_RANK = ("CASE date_precision " + " ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(_PRECISIONS))
         + f" ELSE {len(_PRECISIONS)} END")
# Ordering key of a report's date: precision rank first, then the day; undated reports last.
_DATE_KEY = (f"CASE WHEN date IS NULL THEN 9000000000000000000 + {_RANK} "
             f"ELSE CAST({_RANK} AS BIGINT) * 100000000 + date_diff('day', DATE '1970-01-01', date) END")
# The days a window spans at most, and a precision's: a group known more coarsely than the window is left out
# of a series (a year in a monthly series would pile up in January).
_PRECISION_DAYS_SQL = ("CASE gprec WHEN 'day' THEN 1 WHEN 'week' THEN 7 WHEN 'month' THEN 31 WHEN 'year' THEN 366 "
                       "ELSE 0 END")
# The last day of a report's date period ("in August" runs to 31 August).
def period_end_sql(table: str = "") -> str:
    """SQL of the last day of a report's date period (of pair rows ``table``, e.g. "p", or unqualified)."""
    t = f"{table}." if table else ""
    return (f"CASE {t}date_precision WHEN 'week' THEN CAST({t}date + INTERVAL 6 DAY AS DATE) "
            f"WHEN 'month' THEN last_day({t}date) WHEN 'year' THEN make_date(year({t}date), 12, 31) "
            f"ELSE {t}date END")
_WINDOW_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}


def window_days(window: str) -> int:
    return _WINDOW_DAYS.get(window) or int(window[:-1])


# The group level: one row per (keys..., group): weighted mean score, largest weight, the date (and its
# precision) of the most precisely dated report, background only when every report is.
_GROUP_COLS = """CASE WHEN sum(w) > 0 THEN sum(score * w) / sum(w) ELSE any_value(score) END AS gscore,
    max(w) AS gw, arg_min(date, dkey) AS gdate, arg_min(prec, dkey) AS gprec, bool_and(background) AS gbg"""


def _groups(keys: str, *, undirected: bool = True, ids: bool = False) -> str:
    """The group level over ``p``, grouped by ``keys`` and the event group.

    Most reports are alone in their group (``solo``): their row is their group, with no hash aggregation over
    millions of one-row groups.  ``dup`` rows (a report seen in both directions of one pair) add nothing to an
    undirected group (same score, weight and date) and are left out there.
    """
    dup = " AND NOT dup" if undirected else ""
    solo_ids = ", [item_id] AS ids" if ids else ""
    many_ids = ", list(DISTINCT item_id ORDER BY item_id) AS ids" if ids else ""
    return f"""SELECT {keys}, group_id, score AS gscore, w AS gw, date AS gdate, prec AS gprec,
        background AS gbg{solo_ids} FROM p WHERE solo{dup}
        UNION ALL
        SELECT {keys}, group_id, {_GROUP_COLS}{many_ids} FROM p WHERE NOT solo{dup} GROUP BY {keys}, group_id"""


def relation_sql(*, filters: Filters = Filters(), weights: Weights = Weights(), by_outlet: bool = False,
                  pair: tuple[str, str] | None = None, evidence_limit: int | None = None,
                  min_events: int = 1) -> tuple[str, list[Any]]:
    """The SQL (and parameters) of the relations table: ``relation_rows`` runs it, the benchmark times it bare.

    ``evidence_limit``: cite at most this many reports per relation, the most recent (0: none; None: all).
    ``min_events``: only relations resting on this many event groups.
    """
    extra, extra_params = (["a = ?", "b = ?"], list(pair)) if pair else ([], [])
    base, params = _base(filters, weights, extra, extra_params)
    okey = "outlet, " if by_outlet else ""
    if evidence_limit is None:
        evidence = "list(DISTINCT item_id)"
    elif evidence_limit <= 0:
        evidence = "[]::VARCHAR[]"
    else:  # the most recent reports, ties on the date to the larger id (a relation over 10M events cites too many)
        evidence = (f"list_transform(coalesce(max({recent_key_sql()}, {int(evidence_limit)}) FILTER (WHERE NOT dup), "
                    f"[]), x -> substr(x, 11))")
    sql = f"""
    WITH p AS NOT MATERIALIZED ({base}),
    g AS ({_groups(okey + "a, b")}),
    r AS (SELECT {okey} a, b, CASE WHEN sum(gw) > 0 THEN sum(gscore * gw) / sum(gw) ELSE 0.0 END AS score,
                 count(*) AS n_events, min(gdate) AS first, max(gdate) AS last,
                 count(*) FILTER (WHERE gbg) AS n_background, count(*) FILTER (WHERE gdate IS NULL) AS n_undated
          FROM g GROUP BY ALL),
    o AS (SELECT {okey} a, b, count(DISTINCT outlet) AS n_outlets, {evidence} AS evidence FROM p GROUP BY ALL)
    SELECT r.*, o.n_outlets, o.evidence, coalesce(na.name, r.a) AS a_name, coalesce(nb.name, r.b) AS b_name
    FROM r JOIN o USING ({okey} a, b) LEFT JOIN nodes na ON na.id = r.a LEFT JOIN nodes nb ON nb.id = r.b
    WHERE r.n_events >= {int(min_events)}
    ORDER BY {okey} n_events DESC, a, b
    """
    return sql, params


def relation_rows(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(), by_outlet: bool = False,
                  pair: tuple[str, str] | None = None, evidence_limit: int | None = None,
                  min_events: int = 1) -> list[Relation]:
    """The relations table (one row per pair, or per outlet and pair), strongest-attested first.

    ``evidence_limit``: cite at most this many reports per relation, the most recent (0: none; None: all).
    ``min_events``: only relations resting on this many event groups.
    """
    fast = None
    if not by_outlet and pair is None:
        fast = summary_relation_sql(con, filters=filters, weights=weights, evidence_limit=evidence_limit,
                                    min_events=min_events)
    sql, params = fast or relation_sql(filters=filters, weights=weights, by_outlet=by_outlet, pair=pair,
                                       evidence_limit=evidence_limit, min_events=min_events)
    cur = con.execute(sql, params)
    if fast:  # the summaries: columns in the record's order and types, the ids sorted and joined by SQL
        from ..heap import bulk

        sep = "\x1f"
        with bulk():
            return [Relation(a, b, an, bn, sc, ne, no, fi, la, tuple(ids.split(sep)) if ids else (), None, nb, nu)
                    for a, b, an, bn, sc, ne, no, fi, la, ids, nb, nu in cur.fetchall()]
    cols = [d[0] for d in cur.description]
    a, b, an, bn, sc, ne, no, fi, la, nb, nu = (cols.index(c) for c in (
        "a", "b", "a_name", "b_name", "score", "n_events", "n_outlets", "first", "last", "n_background", "n_undated"))
    oc = cols.index("outlet") if "outlet" in cols else None
    out = []
    ei = cols.index("evidence")
    for r in cur.fetchall():
        out.append(Relation(r[a], r[b], r[an], r[bn], float(r[sc]), int(r[ne]), int(r[no]), r[fi], r[la],
                               tuple(sorted(set(r[ei] or ()))), r[oc] if oc is not None else None, int(r[nb]),
                               int(r[nu])))
    return out


# ``Relation.to_dict`` written by DuckDB: the same keys in the same order, and values that parse equal.  The score
# is rounded by ``printf('%.2f')``, which rounds the double's exact value half to even as Python's ``round(x, 2)``
# does (DuckDB's ``round`` and DECIMAL casts round the scaled value half away from zero: 0.125 -> 0.13, not
# 0.12); tests/store/test_relation_json.py compares both on the seeds, the samples and a synthetic store.
_JSON_FIELDS = ("'a', json_object('id', a, 'name', a_name), 'b', json_object('id', b, 'name', b_name), "
                "'score', CAST(printf('%.2f', CAST(score AS DOUBLE)) AS DOUBLE), 'n_events', n_events, "
                "'n_outlets', n_outlets, 'n_background', n_background, 'n_undated', n_undated, "
                "'first', CAST(first AS VARCHAR), 'last', CAST(last AS VARCHAR), 'evidence', {evidence}")


def relation_json_sql(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(),
                      by_outlet: bool = False, pair: tuple[str, str] | None = None,
                      evidence_limit: int | None = None, min_events: int = 1,
                      limit: int = 0) -> tuple[str, list[Any]]:
    """The SQL of ``relation_json``: one column, each relation's ``Relation.to_dict()`` as JSON text, in the order
    of ``relation_rows`` (``limit``: the first so many; 0 all)."""
    fast = None
    if not by_outlet and pair is None:
        fast = summary_relation_sql(con, filters=filters, weights=weights, evidence_limit=evidence_limit,
                                    min_events=min_events, ids_as_list=True)
    if fast:
        sql, params = fast
        evidence = "coalesce(evidence_ids, [])"
    else:
        sql, params = relation_sql(filters=filters, weights=weights, by_outlet=by_outlet, pair=pair,
                                   evidence_limit=evidence_limit, min_events=min_events)
        evidence = "list_sort(list_distinct(coalesce(evidence, [])))"
    fields = _JSON_FIELDS.format(evidence=evidence)
    obj = f"json_object({fields})"
    if by_outlet:  # to_dict: the outlet first, and no key at all when there is none
        obj = f"CASE WHEN outlet IS NULL THEN {obj} ELSE json_object('outlet', outlet, {fields}) END"
    okey = "outlet, " if by_outlet else ""
    tail = f" LIMIT {int(limit)}" if limit and limit > 0 else ""
    return f"SELECT CAST({obj} AS VARCHAR) FROM ({sql}) ORDER BY {okey} n_events DESC, a, b{tail}", params


def relation_json(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(), by_outlet: bool = False,
                  pair: tuple[str, str] | None = None, evidence_limit: int | None = None, min_events: int = 1,
                  limit: int = 0, chunk: int = 2048) -> Iterator[list[str]]:
    """``[r.to_dict() for r in relation_rows(...)]`` as JSON texts made by DuckDB, ``chunk`` relations at a time:
    no Python record or dict per relation (the listing of 20,000 relations x 20 ids spent more time in those than
    in its query).  Parsed, each text equals the record's ``to_dict()`` (tests/store/test_relation_json.py)."""
    sql, params = relation_json_sql(con, filters=filters, weights=weights, by_outlet=by_outlet, pair=pair,
                                    evidence_limit=evidence_limit, min_events=min_events, limit=limit)
    cur = con.execute(sql, params)
    while True:
        rows = cur.fetchmany(chunk)
        if not rows:
            return
        yield [r[0] for r in rows]


def _month_spans(since: dt.date | None, until: dt.date | None
                 ) -> tuple[dt.date | None, dt.date | None, bool, list[tuple[dt.date | None, dt.date | None]]]:
    """Split [since, until] into whole calendar months (first and last month start, None: open; False when
    there are none) and the ranges of days left over (read from the pair table)."""
    def next_month(d: dt.date) -> dt.date:
        return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)

    first = since if since is None or since.day == 1 else next_month(since)
    if until is None:
        last = None
    elif next_month(until) - dt.timedelta(days=1) == until:
        last = until.replace(day=1)
    else:
        last = (until.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:
        return None, None, False, [(since, until)]
    rest: list[tuple[dt.date | None, dt.date | None]] = []
    if since is not None and first != since:
        rest.append((since, first - dt.timedelta(days=1)))  # type: ignore[operator]
    if until is not None and last is not None and next_month(last) <= until:
        rest.append((next_month(last), until))
    return first, last, True, rest


def _summary_where(since: dt.date | None, until: dt.date | None
                   ) -> tuple[str, list[Any], list[tuple[dt.date | None, dt.date | None]]]:
    """The summary rows that make up [since, until]: whole years, then whole months at either end, and the
    days left over (returned as ranges, read from the pair table)."""
    first, last, whole, rest = _month_spans(since, until)
    if not whole:
        return "false", [], rest
    fy = None if first is None else (first.year if first.month == 1 else first.year + 1)
    ly = None if last is None else (last.year if last.month == 12 else last.year - 1)
    conds: list[str] = []
    params: list[Any] = []

    def span(kind: str, lo: dt.date | None, hi: dt.date | None) -> None:
        bits = [f"span = '{kind}'", "month IS NOT NULL"]
        for op, value in ((">=", lo), ("<=", hi)):
            if value is not None:
                bits.append(f"month {op} ?")
                params.append(value)
        conds.append("(" + " AND ".join(bits) + ")")

    if fy is not None and ly is not None and fy > ly:  # no whole year
        span("month", first, last)
    else:
        span("year", None if fy is None else dt.date(fy, 1, 1), None if ly is None else dt.date(ly, 1, 1))
        if first is not None and fy is not None and first < dt.date(fy, 1, 1):
            span("month", first, dt.date(fy - 1, 12, 1))
        if last is not None and ly is not None and last >= dt.date(ly + 1, 1, 1):
            span("month", dt.date(ly + 1, 1, 1), last)
    return "(" + " OR ".join(conds) + ")", params, rest


def _joined(keys: str, as_list: bool = False) -> str:
    """The ids of the evidence keys, sorted, as one string (unit separator between them): fetching one string
    per relation instead of a list of strings is what keeps 20,000 relations x 20 reports fast in Python.
    ``as_list``: as a list of strings instead (for ``relation_json_sql``, which never leaves SQL)."""
    ids = f"list_sort(list_transform({keys}, x -> substr(x, 11)))"
    return f"{ids if as_list else f'array_to_string({ids}, chr(31))'} AS evidence_ids"


# The columns of ``summary_relation_sql`` in the order of ``Relation``'s fields (outlet, None here, left out), typed
# as the record's: ``relation_rows`` builds each record from a row as it comes, with no lookup or conversion.
_SUMMARY_COLUMNS = ("r.a, r.b, coalesce(na.name, r.a) AS a_name, coalesce(nb.name, r.b) AS b_name, "
                    "CAST(r.score AS DOUBLE) AS score, CAST(r.n_events AS BIGINT) AS n_events, "
                    "CAST(o.n_outlets AS BIGINT) AS n_outlets, r.first, r.last, o.evidence_ids, "
                    "CAST(r.n_background AS BIGINT) AS n_background, CAST(r.n_undated AS BIGINT) AS n_undated")


def summary_relation_sql(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(),
                         evidence_limit: int | None = None, min_events: int = 1,
                         ids_as_list: bool = False) -> tuple[str, list[Any]] | None:
    """The relations table from the summaries of ``store.rollup`` (None when they cannot answer: outlet
    filters, more evidence than they keep, or summaries not current).  The same rows as ``relation_sql``:
    whole months (or all time) come from the summaries, the days of a partial first or last month from
    ``pairs``.  ``evidence_ids`` is the cited ids joined by chr(31), or (``ids_as_list``) their list."""
    from . import rollup

    if filters.outlets or filters.exclude_outlets or evidence_limit is None or evidence_limit > RECENT:
        return None
    if not rollup.current(con):
        return None
    params: list[Any] = []
    if filters.since is None and filters.until is None:
        cond, rest = "span = 'all'", []
    else:
        cond, params, rest = _summary_where(filters.since, filters.until)
    parts = ("a, b, gkey, kind, negated, hedged, background, second_hand, n, s, dmin, dmax, nund, kmin, kdate, "
             "smin")
    part_params = list(params)
    fact_params = list(params)
    raw_parts = raw_facts = ""
    if rest:
        ranges = []
        range_params: list[Any] = []
        for lo, hi in rest:
            bits = [*(["date >= ?"] if lo is not None else []), *(["date <= ?"] if hi is not None else [])]
            ranges.append("(" + " AND ".join(bits or ["true"]) + ")")
            range_params += [x for x in (lo, hi) if x is not None]
        raw = f"(SELECT * FROM pairs WHERE {' OR '.join(ranges)})"
        raw_parts = f" UNION ALL SELECT {parts} FROM ({rollup._parts_sql(raw, 'all')})"
        raw_facts = f" UNION ALL SELECT a, b, outlets, recent FROM ({rollup._facts_sql(raw, 'all')})"
        part_params += range_params
        fact_params += range_params
    limit = int(evidence_limit)
    if cond == "span = 'all'":  # one row per dyad: its outlets and most recent reports as they are
        ids = _joined(f"list_slice(recent, 1, {limit})", ids_as_list)
        facts = f"SELECT a, b, len(outlets) AS n_outlets, {ids} FROM pair_facts WHERE span = 'all'"
    else:  # the keys sort as dates then ids: the most recent of the months' most recent are the window's
        facts = f"""SELECT a, b, len(list_distinct(flatten(list(outlets)))) AS n_outlets,
                           {_joined(f"list_slice(list_reverse_sort(flatten(list(recent))), 1, {limit})", ids_as_list)}
                    FROM (SELECT a, b, outlets, recent FROM pair_facts WHERE {cond}{raw_facts}) GROUP BY a, b"""
    sql = f"""
    WITH pw AS (SELECT *, {weight_sql(weights)} AS w
                FROM (SELECT {parts} FROM pair_parts WHERE {cond}{raw_parts})),
    solo AS (SELECT a, b, sum(n) AS n_events, sum(w * s) AS sws, sum(w * n) AS sw, min(dmin) AS first,
                    max(dmax) AS last, coalesce(sum(n) FILTER (WHERE background), 0) AS nbg, sum(nund) AS nund
             FROM pw WHERE gkey IS NULL GROUP BY a, b),
    grp AS (SELECT a, b, gkey, CASE WHEN sum(w * n) > 0 THEN sum(w * s) / sum(w * n) ELSE min(smin) END AS gscore,
                   max(w) AS gw, arg_min(kdate, kmin) AS gdate, bool_and(background) AS gbg
            FROM pw WHERE gkey IS NOT NULL GROUP BY a, b, gkey),
    gagg AS (SELECT a, b, count(*) AS n_events, sum(gscore * gw) AS sws, sum(gw) AS sw, min(gdate) AS first,
                    max(gdate) AS last, count(*) FILTER (WHERE gbg) AS nbg,
                    count(*) FILTER (WHERE gdate IS NULL) AS nund
             FROM grp GROUP BY a, b),
    r AS (SELECT a, b, CASE WHEN sum(sw) > 0 THEN sum(sws) / sum(sw) ELSE 0.0 END AS score,
                 sum(n_events) AS n_events, min(first) AS first, max(last) AS last, sum(nbg) AS n_background,
                 sum(nund) AS n_undated
          FROM (SELECT * FROM solo UNION ALL SELECT * FROM gagg) GROUP BY a, b),
    o AS ({facts})
    SELECT {_SUMMARY_COLUMNS}
    FROM r JOIN o USING (a, b) LEFT JOIN nodes na ON na.id = r.a LEFT JOIN nodes nb ON nb.id = r.b
    WHERE r.n_events >= {int(min_events)}
    ORDER BY n_events DESC, a, b
    """
    return sql, [*part_params, *fact_params]


WINDOWS = ("day", "week", "month", "quarter", "year")


def window_sql(window: str, col: str = "gdate") -> str:
    """The SQL of the first day of the window holding ``col`` (see ``network.dyads.window_start``)."""
    if window == "day":
        return col
    if window in ("week", "month", "quarter", "year"):
        return f"CAST(date_trunc('{window}', {col}) AS DATE)"
    if window.endswith("d") and window[:-1].isdigit() and int(window[:-1]) > 0:
        days = int(window[:-1])
        return (f"(DATE '1970-01-01' + CAST(floor(date_diff('day', DATE '1970-01-01', {col}) / {days}) * {days}"
                f" AS INTEGER))")
    raise ValueError(f"unknown window {window!r}: use one of {', '.join(WINDOWS)} or a number of days like '14d'")


def series_sql(*, window: str = "month", filters: Filters = Filters(), weights: Weights = Weights(),
                directed: bool = False, pair: tuple[str, str] | None = None) -> tuple[str, list[Any]]:
    """The SQL (and parameters) of ``series_rows``."""
    period = window_sql(window)
    extra, extra_params = (["a = ?", "b = ?"], list(pair)) if pair else ([], [])
    base, params = _base(filters, weights, extra, extra_params)
    ka, kb = ("source", "target") if directed else ("a", "b")
    sql = f"""
    WITH p AS NOT MATERIALIZED ({base}),
    q AS (SELECT *, {ka} AS x, {kb} AS y FROM p),
    g AS ({_groups("x, y", undirected=not directed, ids=True).replace("FROM p", "FROM q")})
    SELECT x, y, {period} AS period, count(*) AS n, sum(gw) AS weight,
           CASE WHEN sum(gw) > 0 THEN sum(gscore * gw) / sum(gw) ELSE 0.0 END AS score,
           coalesce(sum(gscore * gw) FILTER (WHERE gscore > 0), 0.0) AS coop,
           coalesce(sum(gscore * gw) FILTER (WHERE gscore < 0), 0.0) AS conf,
           flatten(list(ids ORDER BY group_id)) AS evidence
    FROM g WHERE gdate IS NOT NULL AND {_PRECISION_DAYS_SQL} <= {window_days(window)}
    GROUP BY ALL ORDER BY x, y, period
    """
    return sql, params


def series_rows(con: Any, *, window: str = "month", filters: Filters = Filters(), weights: Weights = Weights(),
                directed: bool = False, pair: tuple[str, str] | None = None) -> list[DyadPoint]:
    """Per pair (or direction) and window: groups, summed weight, weighted mean, cooperation and conflict."""
    sql, params = series_sql(window=window, filters=filters, weights=weights, directed=directed, pair=pair)
    return [DyadPoint(x, y, per, int(n), float(w), float(s), float(c1), float(c2), tuple(ev))
            for x, y, per, n, w, s, c1, c2, ev in con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class GroupPart:
    """One event group's reports on one pair from one outlet, pre-aggregated (shift detection folds the parts)."""

    a: str
    b: str
    group: str
    outlet: str
    sw: float  # sum of score x weight
    w: float  # sum of weights
    wmax: float
    date: dt.date | None
    background: bool
    score: float  # a report's score (for groups whose weights are all 0)
    ids: tuple[str, ...]
    n: int  # pair rows
    precision: str = "day"  # of ``date``: the part's most precisely dated report
    date_key: int = 0  # precision rank then day: the smallest is the group's date


def group_parts(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(),
                pairs: Sequence[tuple[str, str]] | None = None) -> list[GroupPart]:
    """The (pair, group, outlet) parts of every pair (or of ``pairs``), ordered by pair then group."""
    extra: list[str] = []
    extra_params: list[Any] = []
    if pairs is not None:
        wanted = sorted({tuple(sorted(p)) for p in pairs})
        if not wanted:
            return []
        if len(wanted) <= 20:  # equality on a and b: the zone maps and the (a, b) index can skip row groups
            extra = ["(" + " OR ".join(["(a = ? AND b = ?)"] * len(wanted)) + ")"]
            extra_params = [x for ab in wanted for x in ab]
        else:
            extra = ["(a || chr(31) || b) IN (SELECT unnest(?))"]
            extra_params = [[f"{a}\x1f{b}" for a, b in wanted]]
    base, params = _base(filters, weights, extra, extra_params)
    sql = f"""
    WITH p AS NOT MATERIALIZED ({base})
    SELECT a, b, group_id, outlet, sum(score * w), sum(w), max(w), arg_min(date, dkey), bool_and(background),
           min(score), list(DISTINCT item_id ORDER BY item_id), count(*), arg_min(prec, dkey), min(dkey)
    FROM p GROUP BY a, b, group_id, outlet ORDER BY a, b, group_id, outlet
    """
    return [GroupPart(a, b, g, o, float(sw), float(w), float(wm), d, bool(bg), float(s), tuple(ids), int(n), pr,
                      int(k))
            for a, b, g, o, sw, w, wm, d, bg, s, ids, n, pr, k in con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class PairItem:
    """One report on one pair, with its sentence (the evidence list of a dyad)."""

    id: str
    a: str
    b: str
    source: str
    target: str | None
    score: float
    weight: float
    date: dt.date | None
    outlet: str | None
    kind: str
    doc_id: str
    type: str | None = None
    text: str = ""
    speaker: str | None = None
    hedged: bool = False
    negated: bool = False
    group: str = ""
    background: bool = False
    precision: str = "day"
    speaker_id: str | None = None  # the speaker's actor id, None when unresolved or the outlet asserts it


def pair_items(con: Any, *, filters: Filters = Filters(), weights: Weights = Weights(),
               pair: tuple[str, str] | None = None) -> list[PairItem]:
    """Every report on ``pair`` (or on every pair) with its sentence and speaker, by date then id."""
    clauses, params = where_clause(filters, date_col="p.date", outlet_col="p.outlet")
    if pair:
        clauses += ["p.a = ?", "p.b = ?"]
        params += list(pair)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    if pair:
        return _one_pair_items(con, where, params, weights)
    sql = f"""
    WITH p AS (SELECT *, {weight_sql(weights)} AS w FROM pairs p{where})
    SELECT p.item_id, p.a, p.b, p.source, p.target, p.score, CAST(p.w AS DOUBLE), p.date, p.outlet, p.kind,
           p.doc_id, p.type,
           coalesce(evidence_of(p.doc_id, coalesce(e.sent_idx, c.sent_idx), coalesce(e.evidence_start, c.evidence_start),
                    coalesce(e.evidence_end, c.evidence_end)), '') AS text, coalesce(e.said_by_name, c.speaker_name),
           p.hedged, p.negated, p.group_id, p.background, p.date_precision,
           coalesce(e.said_by_actor, c.speaker_actor)
    FROM p LEFT JOIN events e ON p.kind = 'event' AND e.id = p.item_id
           LEFT JOIN claims c ON p.kind = 'relation' AND c.id = p.item_id
    ORDER BY p.date NULLS FIRST, p.item_id, p.source, p.target
    """
    return [PairItem(*row) for row in con.execute(sql, params).fetchall()]


# Reports of one pair whose sentences are fetched by an IN list of ids (the filter reaches the scan of
# ``events``, which then reads only the row groups holding them); more go through a join.
_IN_LIST_MAX = 2000


def _one_pair_items(con: Any, where: str, params: list[Any], weights: Weights) -> list[PairItem]:
    """``pair_items`` of one pair in two steps: its pair rows (a few row groups of the sorted pair table), then
    the sentences of those reports only, instead of a join that scans every event."""
    rows = con.execute(f"""SELECT p.item_id, p.a, p.b, p.source, p.target, p.score, CAST({weight_sql(weights)} AS DOUBLE),
                                  p.date, p.outlet, p.kind, p.doc_id, p.type, p.hedged, p.negated, p.group_id,
                                  p.background, p.date_precision
                           FROM pairs p{where}
                           ORDER BY p.date NULLS FIRST, p.item_id, p.source, p.target""", params).fetchall()
    texts: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
    for kind, table, speaker, speaker_id in (("event", "events", "said_by_name", "said_by_actor"),
                                             ("relation", "claims", "speaker_name", "speaker_actor")):
        ids = sorted({r[0] for r in rows if r[9] == kind})
        if not ids:
            continue
        cols = f"id, evidence_of(doc_id, sent_idx, evidence_start, evidence_end), {speaker}, {speaker_id}"
        if len(ids) <= _IN_LIST_MAX:
            found = con.execute(f"SELECT {cols} FROM {table} WHERE id IN ({', '.join('?' * len(ids))})",
                                ids).fetchall()
        else:
            found = con.execute(f"SELECT {cols} FROM {table} WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        texts.update(((kind, i), (t, sp, spid)) for i, t, sp, spid in found)
    out = []
    for r in rows:
        text, speaker, speaker_ref = texts.get((r[9], r[0]), (None, None, None))
        out.append(PairItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], text or "",
                            speaker, r[12], r[13], r[14], r[15], r[16], speaker_ref))
    return out


def node_names(con: Any) -> dict[str, str]:
    return {i: n for i, n in con.execute("SELECT id, name FROM nodes").fetchall()}


def window_relation_rows(con: Any, pair: tuple[str, str], *, window: str, filters: Filters = Filters(),
                         weights: Weights = Weights()) -> dict[dt.date, tuple[float, int]]:
    """One pair's relation score and event-group count per window, windows cut on each report's own date.

    A group told on two sides of a window boundary counts in both windows, with the reports of each side
    (as if the relation were asked for each window in turn).  A report counts in a window only when the
    window holds its whole date period ("in 2023" is no January event).
    """
    base, params = _base(filters, weights, ["a = ?", "b = ?", "date IS NOT NULL"], list(pair))
    base = base.replace(" AS dkey, ", f" AS dkey, {period_end_sql()} AS pend, ", 1)
    sql = f"""
    WITH p AS NOT MATERIALIZED ({base}),
    q AS (SELECT *, {window_sql(window, 'date')} AS period FROM p
          WHERE {window_sql(window, 'date')} = {window_sql(window, 'pend')}),
    g AS ({_groups("period").replace("FROM p", "FROM q")})
    SELECT period, CASE WHEN sum(gw) > 0 THEN sum(gscore * gw) / sum(gw) ELSE 0.0 END, count(*)
    FROM g GROUP BY period
    """
    return {per: (float(score), int(n)) for per, score, n in con.execute(sql, params).fetchall()}


def evidence_of_pairs(con: Any, pairs: Sequence[tuple[str, str]], *, filters: Filters = Filters()
                      ) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every report on each of ``pairs`` ((a, b) with a < b) under ``filters``, sorted by id (the evidence a
    relation lists with no limit), for a few pairs out of many."""
    import pyarrow as pa

    wanted = sorted(set(pairs))
    if not wanted:
        return {}
    clauses, params = where_clause(filters, date_col="p.date", outlet_col="p.outlet")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    con.register("_wanted_pairs", pa.table({"a": [x for x, _ in wanted], "b": [y for _, y in wanted]}))
    try:
        rows = con.execute(f"""SELECT p.a, p.b, list(DISTINCT p.item_id ORDER BY p.item_id)
                               FROM pairs p SEMI JOIN _wanted_pairs w ON p.a = w.a AND p.b = w.b{where}
                               GROUP BY p.a, p.b""", params).fetchall()
    finally:
        con.unregister("_wanted_pairs")
    return {(a, b): tuple(ids) for a, b, ids in rows}


def triad_rows(con: Any, edges: Sequence[tuple[str, str, int, int]], *, open_min_events: int,
               limit: int | None = None) -> list[tuple[str, str, str, bool, bool]]:
    """The triads of a signed graph, as ``network.balance.read_triads`` orders them: (t1, t2, t3, closed,
    balanced), unbalanced closed triads first, then balanced closed ones, then open triads whose closing tie
    balance predicts (``t2`` the node both ties meet at); at most ``limit``.

    ``edges``: (x, y, sign, n_events) with x < y; ``open_min_events``: the event groups both ties of an open
    triad need.  Enumerated by DuckDB (self-joins of the edge list), since
    a dense graph of 200 nodes already has 1.3M closed triads; open triads are enumerated only when the closed
    ones do not fill ``limit``.
    """
    import pyarrow as pa

    if not edges:
        return []
    table = pa.table({"x": [e[0] for e in edges], "y": [e[1] for e in edges],
                      "sign": pa.array([e[2] for e in edges], pa.int8()),
                      "n": pa.array([e[3] for e in edges], pa.int64())})
    cap = "" if limit is None else f" LIMIT {int(limit)}"
    con.register("_signed_edges", table)
    try:
        out = [tuple(r) for r in con.execute(
            f"""SELECT e1.x, e1.y, e2.y, true, e1.sign * e2.sign * e3.sign > 0 AS balanced
                FROM _signed_edges e1 JOIN _signed_edges e2 ON e2.x = e1.y
                JOIN _signed_edges e3 ON e3.x = e1.x AND e3.y = e2.y
                ORDER BY balanced, e1.x, e1.y, e2.y{cap}""").fetchall()]
        if limit is None or len(out) < limit:
            rest = "" if limit is None else f" LIMIT {int(limit) - len(out)}"
            out += [tuple(r) for r in con.execute(
                f"""WITH nb AS (SELECT x AS p, y AS q, sign, n FROM _signed_edges
                                UNION ALL SELECT y, x, sign, n FROM _signed_edges)
                    SELECT n1.q, n1.p, n2.q, false, true
                    FROM nb n1 JOIN nb n2 ON n1.p = n2.p AND n1.q < n2.q
                    WHERE NOT (n1.sign < 0 AND n2.sign < 0) AND least(n1.n, n2.n) >= {int(open_min_events)}
                      AND NOT EXISTS (SELECT 1 FROM _signed_edges e WHERE e.x = n1.q AND e.y = n2.q)
                    ORDER BY n1.q, n1.p, n2.q{rest}""").fetchall()]
    finally:
        con.unregister("_signed_edges")
    return out  # type: ignore[return-value]
