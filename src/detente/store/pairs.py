"""The flat pair table and the SQL that aggregates it: relations, series, per-outlet views, shift inputs.

``pairs`` holds one row per (report, unordered pair of nodes): an event with
sources S and targets T gives a row for every s in S, t in T with s != t; an
event without targets and two or more sources ("A and B met") gives a row
per pair of its sources in listed order; a stated relation gives one row.
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    FROM events e LEFT JOIN actors sp ON sp.id = e.said_by_actor
    WHERE {where}
), u AS (
    SELECT *, unnest(s) AS src, generate_subscripts(s, 1) AS si,
           CASE WHEN len(t) > 0 THEN t ELSE s END AS other, len(t) = 0 AS recip FROM e
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
FROM claims c LEFT JOIN actors sp ON sp.id = c.speaker_actor LEFT JOIN event_groups g ON g.item_id = c.id
WHERE c.kind = 'relation' AND coalesce(c.a_node, '') <> '' AND coalesce(c.b_node, '') <> ''
  AND c.a_node <> c.b_node AND {where}
"""

# A stated alliance or enmity weighs like a firm verbal act (PLOVER scores
# of SUPPORT and ACCUSE are about +/-3 to +/-5): chosen at 5.
STATED_RELATION_SCORE = 5.0


def sync_pairs(con: Any, event_ids: Sequence[str] | None = None, claim_ids: Sequence[str] | None = None) -> None:
    """Write the pair rows of the given events and claims (None: of every item that has none yet)."""
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
    if event_ids is None or event_ids:
        con.execute("INSERT INTO pairs " + _EVENT_PAIRS.format(where=ev_where, solo=solo if event_ids is None
                                                               else "true"), ev_params)
    if claim_ids is None or claim_ids:
        con.execute("INSERT INTO pairs " + _CLAIM_PAIRS.format(where=cl_where, stated_score=STATED_RELATION_SCORE,
                                                               solo=solo if claim_ids is None else "true"),
                    cl_params)


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


@dataclass(frozen=True, slots=True)
class RelationRow:
    """One relation as SQL computes it (``evidence`` ordered by date then id; ``outlet`` for per-outlet views)."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    n_events: int
    n_outlets: int
    first: dt.date | None
    last: dt.date | None
    evidence: tuple[str, ...]
    outlet: str | None = None
    n_background: int = 0
    n_undated: int = 0


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
    else:  # the most recent reports (a relation over 10M events cites too many to list)
        evidence = f"max_by(item_id, coalesce(date, DATE '0001-01-01'), {int(evidence_limit)})"
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
                  min_events: int = 1) -> list[RelationRow]:
    """The relations table (one row per pair, or per outlet and pair), strongest-attested first.

    ``evidence_limit``: cite at most this many reports per relation, the most recent (0: none; None: all).
    ``min_events``: only relations resting on this many event groups.
    """
    sql, params = relation_sql(filters=filters, weights=weights, by_outlet=by_outlet, pair=pair,
                               evidence_limit=evidence_limit, min_events=min_events)
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        d = dict(zip(cols, row))
        ev = tuple(sorted(set(d["evidence"] or ())))
        out.append(RelationRow(d["a"], d["b"], d["a_name"], d["b_name"], float(d["score"]), int(d["n_events"]),
                               int(d["n_outlets"]), d["first"], d["last"], ev, d.get("outlet"),
                               int(d["n_background"]), int(d["n_undated"])))
    return out


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


@dataclass(frozen=True, slots=True)
class SeriesRow:
    a: str
    b: str
    period: dt.date
    n_events: int
    weight: float
    score: float
    cooperation: float
    conflict: float
    evidence: tuple[str, ...]


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
                directed: bool = False, pair: tuple[str, str] | None = None) -> list[SeriesRow]:
    """Per pair (or direction) and window: groups, summed weight, weighted mean, cooperation and conflict."""
    sql, params = series_sql(window=window, filters=filters, weights=weights, directed=directed, pair=pair)
    return [SeriesRow(x, y, per, int(n), float(w), float(s), float(c1), float(c2), tuple(ev))
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
