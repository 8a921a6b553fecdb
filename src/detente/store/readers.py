"""The store's read queries for listings (API, report, exports, CLI): SQL here, frozen records out.

Each reader returns small frozen records (one dataclass per query, named after it, fields = the query's
columns, with ``to_dict()``), never cursors or raw rows.  Aggregations over the pair table are in
``store.pairs``; the event groups in ``store.groups``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache
from typing import Any

from .pairs import Filters, where_clause

# Rows a listing returns at most, whatever the caller asks: keeps a response
# (and the DuckDB result held in memory) bounded on a large store.
MAX_LIMIT = 1000


@cache
def result_type(name: str, columns: tuple[str, ...]) -> type:
    """A frozen, slotted record with these fields (one per query; cached)."""

    def to_dict(self: Any) -> dict[str, Any]:
        return {f: getattr(self, f) for f in columns}

    return dataclasses.make_dataclass(name, [(c, Any) for c in columns], frozen=True, slots=True,
                                      namespace={"to_dict": to_dict, "__module__": __name__})


def fetch(con: Any, name: str, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Run ``sql`` and return its rows as ``result_type(name, columns)`` records."""
    cur = con.execute(sql, list(params))
    cls = result_type(name, tuple(d[0] for d in cur.description))
    return [cls(*row) for row in cur.fetchall()]


def _where(filters: Filters, date_col: str, outlet_col: str, extra: Sequence[str] = ()) -> tuple[str, list[Any]]:
    clauses, params = where_clause(filters, date_col=date_col, outlet_col=outlet_col)
    clauses = [*clauses, *extra]
    return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params


# -- store-wide ---------------------------------------------------------------------------
def counts(con: Any) -> dict[str, int]:
    out = {}
    for table in ("documents", "sentences", "actors", "mentions", "events", "claims"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        out[table] = int(row[0]) if row else 0
    return out


def change_counts(con: Any) -> tuple[int, ...]:
    """Documents, event groups, feeds and feed items: what changes when a served store is written."""
    row = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM event_groups), "
                      "(SELECT count(*) FROM feeds), (SELECT count(*) FROM feed_items)").fetchone()
    return tuple(int(x) for x in row) if row else (0, 0, 0, 0)


def nodes(con: Any, ids: Sequence[str] | None = None) -> list[Any]:
    """Nodes (id, name, kind, country) by id, all or those of ``ids``."""
    if ids is None:
        return fetch(con, "Node", "SELECT id, name, kind, country FROM nodes ORDER BY id")
    return fetch(con, "Node", "SELECT id, name, kind, country FROM nodes WHERE id IN (SELECT unnest(?)) ORDER BY id",
                 [list(ids)])


def actors(con: Any) -> list[Any]:
    """Every stored actor row (``schema.TABLES['actors']`` columns)."""
    return fetch(con, "ActorRow", "SELECT * FROM actors")


def date_range(con: Any) -> tuple[Any, Any]:
    """First and last date of any event or stated relation."""
    row = con.execute("""SELECT min(date), max(date) FROM (
               SELECT date FROM events UNION ALL SELECT date FROM claims WHERE kind = 'relation')""").fetchone()
    return (row[0], row[1]) if row else (None, None)


# -- outlets and documents ----------------------------------------------------------------
def outlet_counts(con: Any) -> list[Any]:
    return fetch(con, "OutletCount",
                 "SELECT outlet, count(*) AS documents FROM documents GROUP BY outlet ORDER BY documents DESC, outlet")


_DOC_COLUMNS = """d.id, d.title, d.outlet, d.url, d.published, d.date_basis,
    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS n_sentences,
    (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"""


def documents(con: Any, *, filters: Filters, limit: int, offset: int = 0) -> list[Any]:
    where, params = _where(filters, "d.published", "d.outlet")
    return fetch(con, "DocumentSummary",
                 f"SELECT {_DOC_COLUMNS} FROM documents d{where} ORDER BY d.published DESC NULLS LAST, d.id "
                 "LIMIT ? OFFSET ?", [*params, min(limit, MAX_LIMIT), offset])


def document(con: Any, doc_id: str) -> Any | None:
    rows = fetch(con, "Document", f"SELECT {_DOC_COLUMNS}, d.text FROM documents d WHERE d.id = ?", [doc_id])
    return rows[0] if rows else None


def sentences(con: Any, doc_id: str) -> list[Any]:
    return fetch(con, "SentenceRow", 'SELECT id, idx, start, "end", text, paragraph FROM sentences WHERE doc_id = ? '
                 "ORDER BY idx", [doc_id])


def document_titles(con: Any, doc_ids: Sequence[str]) -> dict[str, str | None]:
    if not doc_ids:
        return {}
    rows = con.execute("SELECT id, title FROM documents WHERE id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
    return dict(rows)


# -- events and sentences -------------------------------------------------------------------
_EVENT_LISTING = """id, doc_id, date, date_basis, date_precision, type, mode, cameo, score, source_ids, target_ids,
    source_nodes, target_nodes, said_by_name, said_by_actor, outlet, hedged, negated, intent, trigger,
    evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text"""


def events(con: Any, *, filters: Filters = Filters(), actors: Sequence[str] = (), any_actor: str | None = None,
           types: Sequence[str] = (), limit: int | None = 200, offset: int = 0) -> list[Any]:
    """Events in date order, with the windows and outlet filters of the relations.

    Args:
        actors: node or actor ids the event must involve, all of them.
        any_actor: one node or actor id the event must involve (as source or target).
        types: PLOVER types (case-insensitive), one of which the event must have.
        limit: rows at most (capped at ``MAX_LIMIT``); None for every row (the CLI's ``--limit 0``).
    """
    if actors and not any_actor and not types:
        from .rollup import actor_index_current

        if actor_index_current(con):
            return _events_of_actors(con, filters, actors, limit, offset)
    extra: list[str] = []
    extra_params: list[Any] = []
    for actor in actors:  # each one in one of the four lists (3x faster than concatenating the lists per row)
        extra.append("(list_contains(source_nodes, ?) OR list_contains(target_nodes, ?) OR "
                     "list_contains(source_ids, ?) OR list_contains(target_ids, ?))")
        extra_params += [actor] * 4
    if any_actor:
        extra.append("(list_contains(source_nodes, ?) OR list_contains(target_nodes, ?) OR "
                     "list_contains(source_ids, ?) OR list_contains(target_ids, ?))")
        extra_params += [any_actor] * 4
    if types:
        extra.append("upper(type) IN (SELECT unnest(?))")
        extra_params.append([t.upper() for t in types])
    where, params = _where(filters, "date", "outlet")
    if extra:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
    return fetch(con, "EventListing",
                 f"SELECT {_EVENT_LISTING} FROM events{where} ORDER BY date NULLS LAST, doc_id, sent_idx, id "
                 "LIMIT ? OFFSET ?",
                 [*params, *extra_params, min(limit, MAX_LIMIT) if limit is not None else 2**62, offset])


def actor_names(con: Any, ids: Sequence[str]) -> dict[str, str]:
    """Actor id -> name, for the ids that are stored actors."""
    if not ids:
        return {}
    return dict(con.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall())


def _events_of_actors(con: Any, filters: Filters, actors: Sequence[str], limit: int | None, offset: int) -> list[Any]:
    """``events`` involving every one of ``actors``, through ``event_actors`` (sorted by actor: one actor's
    rows are a few row groups), then the listed events by id."""
    wanted = sorted(set(actors))
    where, params = _where(filters, "date", "outlet", ["(" + " OR ".join(["actor = ?"] * len(wanted)) + ")"])
    ids = [r[0] for r in con.execute(
        f"""SELECT id FROM event_actors{where} GROUP BY id HAVING count(DISTINCT actor) = {len(wanted)}
            ORDER BY any_value(date) NULLS LAST, any_value(doc_id), any_value(sent_idx), id LIMIT ? OFFSET ?""",
        [*params, *wanted, min(limit, MAX_LIMIT) if limit is not None else 2**62, offset]).fetchall()]
    if not ids:
        return []
    rank = {i: n for n, i in enumerate(ids)}
    rows = fetch(con, "EventListing", f"SELECT {_EVENT_LISTING} FROM events WHERE id IN ({', '.join('?' * len(ids))})",
                 ids)
    return sorted(rows, key=lambda r: rank[r.id])


def search_sentences(con: Any, pattern: str, *, filters: Filters, limit: int) -> list[Any]:
    """Sentences matching the ``ILIKE`` ``pattern`` (escape character backslash), newest articles first."""
    clauses, params = where_clause(filters, date_col="d.published", outlet_col="d.outlet")
    clauses.insert(0, "s.text ILIKE ? ESCAPE '\\'")
    params.insert(0, pattern)
    return fetch(con, "SearchHit",
                 f"""SELECT s.id AS sentence_id, s.doc_id, s.idx, s.text, d.title, d.outlet, d.published
                     FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE {' AND '.join(clauses)}
                     ORDER BY d.published DESC NULLS LAST, s.doc_id, s.idx LIMIT ?""",
                 [*params, min(limit, MAX_LIMIT)])


# -- actors and wording ----------------------------------------------------------------------
def actor_listing(con: Any) -> list[Any]:
    return fetch(con, "ActorListing",
                 """SELECT a.id, a.name, a.kind, a.country, a.sector, a.node, a.role, count(m.id) AS mentions,
                           list(DISTINCT m.text ORDER BY m.text) AS aliases, bool_or(m.loaded) AS loaded
                    FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
                    GROUP BY ALL ORDER BY mentions DESC, a.id""")


def unresolved_mentions(con: Any) -> list[Any]:
    return fetch(con, "UnresolvedMention",
                 """SELECT text, count(*) AS mentions, count(DISTINCT doc_id) AS documents
                    FROM mentions WHERE actor_id IS NULL GROUP BY text ORDER BY mentions DESC, text""")


def loaded_language(con: Any) -> list[Any]:
    return fetch(con, "LoadedUse",
                 """SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet, m.text, count(*) AS uses
                    FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.loaded
                    GROUP BY ALL ORDER BY outlet, uses DESC, m.text""")


def evidence(con: Any, ids: Sequence[str]) -> list[Any]:
    """Events and stated relations by id, as the report lists them (oldest first)."""
    return fetch(con, "EvidenceRow",
                 """SELECT id, 'event' AS kind, type AS label, score, date, date_basis, date_precision, outlet,
                           said_by_name AS speaker, hedged, negated,
                           evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text,
                           said_by_actor AS speaker_id
                    FROM events WHERE id IN (SELECT unnest(?))
                    UNION ALL
                    SELECT id, 'relation' AS kind,
                           'stated ' || CASE WHEN polarity > 0 THEN 'alignment' ELSE 'hostility' END,
                           polarity * 5.0, date, date_basis, date_precision, outlet, speaker_name, hedged, negated,
                           evidence_of(doc_id, sent_idx, evidence_start, evidence_end), speaker_actor
                    FROM claims WHERE kind = 'relation' AND id IN (SELECT unnest(?))
                    ORDER BY date NULLS LAST, id""", [list(ids), list(ids)])


def export_events(con: Any, filters: Filters) -> list[Any]:
    """Every stored event (filtered) with its article's url, path, title and ingest time and its event group."""
    where, params = _where(filters, "e.date", "e.outlet")
    return fetch(con, "ExportEvent",
                 f"""SELECT e.*, evidence_of(e.doc_id, e.sent_idx, e.evidence_start, e.evidence_end) AS evidence_text,
                            d.url, d.source_path, d.title, d.ingested_at,
                            coalesce(g.group_id, e.id) AS group_id
                     FROM events e LEFT JOIN documents d ON d.id = e.doc_id
                     LEFT JOIN event_groups g ON g.item_id = e.id{where}
                     ORDER BY e.date NULLS LAST, e.doc_id, e.sent_idx, e.id""", params)


def column_names(table: str) -> list[str]:
    """The columns of a stored table, from the schema table."""
    from .schema import TABLES

    return [c.name for c in TABLES[table]]


# -- time axis and summaries (the dashboard's axis, the report's period and outlets) -----------------------
# Precisions placed in a month of the time axis; a year ("in 2023") is not put in January.
MONTH_OR_FINER = ("day", "week", "month")

_REPORTS = """(SELECT date, date_basis, date_precision, outlet FROM events
               UNION ALL SELECT date, date_basis, date_precision, outlet FROM claims WHERE kind = 'relation')"""


def month_counts(con: Any) -> list[Any]:
    """``MonthCount(month 'YYYY-MM', news, background)`` per month with reports dated to the month or finer."""
    return fetch(con, "MonthCount", f"""SELECT strftime(date, '%Y-%m') AS month,
                                 count(*) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news,
                                 count(*) FILTER (WHERE date_basis = 'background') AS background
                          FROM {_REPORTS}
                          WHERE date IS NOT NULL AND coalesce(date_precision, 'day') IN (SELECT unnest(?))
                          GROUP BY month ORDER BY month""", [list(MONTH_OR_FINER)])


def off_axis_counts(con: Any) -> Any:
    """Reports on no month of the axis: ``coarse`` (dated to the year or coarser) and ``undated``."""
    return fetch(con, "OffAxisCounts", f"""SELECT count(*) FILTER (WHERE date IS NOT NULL) AS coarse,
                                 count(*) FILTER (WHERE date IS NULL) AS undated
                          FROM {_REPORTS}
                          WHERE date IS NULL OR coalesce(date_precision, 'day') NOT IN (SELECT unnest(?))""",
                 [list(MONTH_OR_FINER)])[0]


def period(con: Any, filters: Filters = Filters()) -> Any:
    """The dates the evidence covers: news apart from background, the articles' publication dates, and counts of
    reports, background and undated ones."""
    where, params = _where(filters, "date", "outlet")
    dwhere, dparams = _where(filters, "published", "outlet")
    return fetch(con, "Period", f"""
        WITH r AS (SELECT min(date) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news_first,
                          max(date) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news_last,
                          min(date) AS first, max(date) AS last, count(*) AS reports,
                          count(*) FILTER (WHERE date_basis = 'background') AS background,
                          count(*) FILTER (WHERE date IS NULL) AS undated
                   FROM {_REPORTS}{where}),
             d AS (SELECT min(published) AS published_first, max(published) AS published_last FROM documents{dwhere})
        SELECT r.*, d.* FROM r, d""", [*params, *dparams])[0]


def outlet_summary(con: Any, filters: Filters = Filters()) -> list[Any]:
    """Each outlet's documents (first and last publication date), events and stated relations."""
    where, params = _where(filters, "d.published", "d.outlet")
    return fetch(con, "OutletSummary", f"""SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet, count(*) AS documents,
                                 min(d.published) AS first, max(d.published) AS last,
                                 coalesce(sum(e.n), 0)::BIGINT AS events, coalesce(sum(c.n), 0)::BIGINT AS stated
                          FROM documents d
                          LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) e ON e.doc_id = d.id
                          LEFT JOIN (SELECT doc_id, count(*) AS n FROM claims WHERE kind = 'relation'
                                     GROUP BY doc_id) c ON c.doc_id = d.id{where}
                          GROUP BY 1 ORDER BY documents DESC, outlet""", params)
