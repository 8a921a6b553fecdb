"""Read queries the API needs beyond ``detente.report`` and ``detente.network.dyads``.

Consumes a ``Store`` and the network stage's ``Filters``/``Item`` records;
produces plain dicts shaped like ``detente.api.schemas``.  Windows over
time, a pair's series and outlet countries are computed here from the
library's own functions (``evidence_items``, ``aggregate``); only listings
the report module lacks (documents, sentence search, filtered events) are
SQL of their own.  Candidates to move into ``report.py`` once stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from ..network.dedup import date_period
from ..network.dyads import Filters, Item, aggregate, where_clause
from ..store import Store, summaries

FREQS = ("month", "quarter", "year")
# Rows a listing returns at most, whatever the caller asks: keeps a response
# (and the DuckDB result held in memory) bounded on a large store.
MAX_LIMIT = 1000


# -- outlets -------------------------------------------------------------------
def outlet_country(outlet: str | None) -> str | None:
    """The country of an outlet: from the outlet registry (state-media profiles) or the gazetteer's media
    organisations (name or alias), or None (``detente.outlets.match_outlet``).

    "Daily Express US" is an alias of the Daily Express (GBR); an outlet neither lists has no country rather
    than a guessed one.
    """
    from ..outlets import match_outlet

    return match_outlet(outlet).country


def list_outlets(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT outlet, count(*) AS documents FROM documents GROUP BY outlet ORDER BY documents DESC, outlet"
    )
    return [{**r, "country": outlet_country(r["outlet"])} for r in rows]


def outlets_of_countries(store: Store, countries: Iterable[str]) -> tuple[str, ...]:
    """The stored outlets whose country is one of ``countries`` (ISO alpha-3, case-insensitive)."""
    wanted = {c.upper() for c in countries}
    return tuple(sorted(r["outlet"] for r in list_outlets(store) if r["outlet"] and r["country"] in wanted))


# -- documents -----------------------------------------------------------------
_DOC_COLUMNS = """d.id, d.title, d.outlet, d.url, d.published, d.date_basis,
    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS n_sentences,
    (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"""


def _with_country(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "outlet_country": outlet_country(row.get("outlet"))}


def list_documents(store: Store, *, filters: Filters, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    clauses, params = where_clause(filters, date_col="d.published", outlet_col="d.outlet")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = store.query(
        f"SELECT {_DOC_COLUMNS} FROM documents d{where} ORDER BY d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?",
        [*params, min(limit, MAX_LIMIT), offset],
    )
    return [_with_country(r) for r in rows]


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    rows = store.query(f"SELECT {_DOC_COLUMNS}, d.text FROM documents d WHERE d.id = ?", [doc_id])
    if not rows:
        return None
    sents = store.query(
        'SELECT id, idx, start, "end", text, paragraph FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id]
    )
    return {**_with_country(rows[0]), "sentences": sents}


def document_titles(store: Store, doc_ids: Sequence[str]) -> dict[str, str | None]:
    if not doc_ids:
        return {}
    rows = store.query("SELECT id, title FROM documents WHERE id IN (SELECT unnest(?))", [list(doc_ids)])
    return {r["id"]: r["title"] for r in rows}


# -- events and search -----------------------------------------------------------
def list_events(
    store: Store, *, filters: Filters, actors: Sequence[str] = (), types: Sequence[str] = (), limit: int | None,
    offset: int = 0
) -> list[dict[str, Any]]:
    """Events as ``detente events`` lists them, involving every one of ``actors`` (node or actor ids), of one of
    ``types`` (PLOVER, case-insensitive), with the windows and outlet filters of ``detente relations``; each with
    ``source`` and ``target`` as ``{id, name}`` actors.  ``limit`` None: every row (the CLI's ``--limit 0``)."""
    clauses, params = where_clause(filters, date_col="date", outlet_col="outlet")
    if actors:
        clauses.append("list_has_all(list_concat(list_concat(source_nodes, target_nodes), "
                       "list_concat(source_ids, target_ids)), ?)")
        params.append(list(actors))
    if types:
        clauses.append("upper(type) IN (SELECT unnest(?))")
        params.append([t.upper() for t in types])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = store.query(
        f"""SELECT id, doc_id, date, date_basis, date_precision, type, mode, cameo, score, source_ids, target_ids, source_nodes,
                   target_nodes, said_by_name, said_by_actor, outlet, hedged, negated, intent, trigger, evidence_text
            FROM events{where} ORDER BY date NULLS LAST, doc_id, sent_idx LIMIT ? OFFSET ?""",
        [*params, min(limit, MAX_LIMIT) if limit is not None else 2**62, offset],
    )
    return with_actor_names(store, rows)


def with_actor_names(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``source`` and ``target``: their actors as ``{id, name}`` (the one shape of an actor)."""
    if not rows:
        return rows
    ids = sorted({i for r in rows for i in (*(r["source_ids"] or ()), *(r["target_ids"] or ()))})
    names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))",
                                                      [ids])}

    def refs(ids: Sequence[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": names.get(i) or i} for i in ids or ()]
    return [{**r, "source": refs(r["source_ids"]), "target": refs(r["target_ids"])} for r in rows]


def _like_pattern(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_sentences(store: Store, q: str, *, filters: Filters, limit: int) -> list[dict[str, Any]]:
    """Sentences containing ``q`` (case-insensitive substring, ``ILIKE``), newest articles first.

    DuckDB's fts extension downloads at run time, which this project does not
    allow; a substring scan is fast enough for stores of tens of thousands of
    articles.
    """
    clauses, params = where_clause(filters, date_col="d.published", outlet_col="d.outlet")
    clauses.insert(0, "s.text ILIKE ? ESCAPE '\\'")
    params.insert(0, _like_pattern(q))
    return store.query(
        f"""SELECT s.id AS sentence_id, s.doc_id, s.idx, s.text, d.title, d.outlet, d.published
            FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE {' AND '.join(clauses)}
            ORDER BY d.published DESC NULLS LAST, s.doc_id, s.idx LIMIT ?""",
        [*params, min(limit, MAX_LIMIT)],
    )


# -- time ----------------------------------------------------------------------
def date_range(store: Store) -> tuple[dt.date | None, dt.date | None]:
    """First and last date of any event or stated relation."""
    rows = store.query(
        """SELECT min(date) AS first, max(date) AS last FROM (
               SELECT date FROM events UNION ALL SELECT date FROM claims WHERE kind = 'relation')"""
    )
    return (rows[0]["first"], rows[0]["last"]) if rows else (None, None)


def density(store: Store) -> dict[str, Any]:
    """Reports per month for the dashboard's time axis (news and background apart); year-only and undated
    reports are counted beside the axis rather than drawn in a month they may not belong to."""
    off = summaries.off_axis_counts(store.con)
    return {"months": summaries.month_counts(store.con), "n_coarse": off["coarse"], "n_undated": off["undated"]}


def _start_of(day: dt.date, freq: str) -> dt.date:
    if freq == "year":
        return dt.date(day.year, 1, 1)
    if freq == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, day.month, 1)


def _next(start: dt.date, freq: str) -> dt.date:
    months = {"month": 1, "quarter": 3, "year": 12}[freq]
    total = start.year * 12 + start.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _label(start: dt.date, freq: str) -> str:
    if freq == "year":
        return str(start.year)
    if freq == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def windows(first: dt.date | None, last: dt.date | None, freq: str) -> list[dict[str, Any]]:
    """Calendar windows (month, quarter or year) covering ``first``..``last``, oldest first."""
    if first is None or last is None:
        return []
    out = []
    start = _start_of(first, freq)
    while start <= last:
        end = _next(start, freq)
        out.append({"label": _label(start, freq), "since": start, "until": end - dt.timedelta(days=1)})
        start = end
    return out


def pair_series(items: Sequence[Item], wins: Sequence[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """A pair's score and evidence count per window (score None where the window has no evidence)."""
    out = []
    for win in wins:
        # an item counts in a window that holds its whole period: "in 2023" is no January event
        inside = [i for i in items if (period := date_period(i.date, i.precision)) is not None
                  and win["since"] <= period[0] and period[1] <= win["until"]]
        rels = aggregate(inside, names)
        out.append({**win, "score": round(rels[0].score, 2) if rels else None,
                    "n_events": rels[0].n_events if rels else 0})
    return out
