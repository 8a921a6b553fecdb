"""Read queries the API needs beyond ``detente.report`` and ``detente.network.dyads``.

Consumes a ``Store`` and the network stage's ``Filters``/``Item`` records;
produces plain dicts shaped like ``detente.api.schemas``.  Windows over
time and outlet countries are computed here; a pair's series comes from the
pair table (``store.pairs``); only listings the report module lacks
(documents, sentence search, filtered events) are SQL of their own.  Candidates to move into ``report.py`` once stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from ..network.dyads import Filters, Weights, where_clause
from ..store import Store
from ..store.pairs import window_relation_rows

FREQS = ("month", "quarter", "year")
# Rows a listing returns at most, whatever the caller asks: keeps a response
# (and the DuckDB result held in memory) bounded on a large store.
MAX_LIMIT = 1000


# -- outlets -------------------------------------------------------------------
def outlet_country(outlet: str | None) -> str | None:
    """The country of an outlet, from the gazetteer's media organisations (name or alias), or None.

    "Daily Express US" is an alias of the Daily Express (GBR); an outlet the
    gazetteer does not list has no country rather than a guessed one.
    """
    if not outlet:
        return None
    from ..actors.gazetteer import fold, load_gazetteer

    gazetteer = load_gazetteer()
    key = fold(outlet)
    key = key[4:] if key.startswith("the ") else key
    for kind, org_id, _loaded in gazetteer.surfaces.get(key, ()):
        org = gazetteer.organisations.get(org_id) if kind == "org" else None
        if org is not None and org.kind == "media":
            return org.country
    return None


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
    store: Store, *, filters: Filters, actors: Sequence[str] = (), limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Events as ``detente events`` lists them, involving every one of ``actors`` (node or actor ids), with the
    windows and outlet filters of ``detente relations``."""
    clauses, params = where_clause(filters, date_col="date", outlet_col="outlet")
    if actors:
        clauses.append("list_has_all(list_concat(list_concat(source_nodes, target_nodes), "
                       "list_concat(source_ids, target_ids)), ?)")
        params.append(list(actors))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.query(
        f"""SELECT id, doc_id, date, date_basis, type, mode, cameo, score, source_ids, target_ids, source_nodes,
                   target_nodes, said_by_name, said_by_actor, outlet, hedged, negated, intent, trigger, evidence_text
            FROM events{where} ORDER BY date NULLS LAST, doc_id, sent_idx LIMIT ? OFFSET ?""",
        [*params, min(limit, MAX_LIMIT), offset],
    )


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


def pair_series(store: Store, pair: tuple[str, str], wins: Sequence[dict[str, Any]], freq: str, *,
                filters: Filters, weights: Weights = Weights()) -> list[dict[str, Any]]:
    """A pair's score and evidence count per window (score None where the window has no evidence), in SQL."""
    cells = window_relation_rows(store.con, pair, window=freq, filters=filters, weights=weights)
    out = []
    for win in wins:
        score, n = cells.get(win["since"], (None, 0))
        out.append({**win, "score": round(score, 2) if score is not None else None, "n_events": n})
    return out
