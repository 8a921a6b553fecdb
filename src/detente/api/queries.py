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

from ..network.dyads import Filters, Weights
from ..store import Store, readers
from ..store.pairs import window_relation_rows

FREQS = ("month", "quarter", "year")
MAX_LIMIT = readers.MAX_LIMIT


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
    return [{**r.to_dict(), "country": outlet_country(r.outlet)} for r in readers.outlet_counts(store.con)]


def outlets_of_countries(store: Store, countries: Iterable[str]) -> tuple[str, ...]:
    """The stored outlets whose country is one of ``countries`` (ISO alpha-3, case-insensitive)."""
    wanted = {c.upper() for c in countries}
    return tuple(sorted(r["outlet"] for r in list_outlets(store) if r["outlet"] and r["country"] in wanted))


# -- documents -----------------------------------------------------------------
def _with_country(row: Any) -> dict[str, Any]:
    return {**row.to_dict(), "outlet_country": outlet_country(row.outlet)}


def list_documents(store: Store, *, filters: Filters, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    return [_with_country(r) for r in readers.documents(store.con, filters=filters, limit=limit, offset=offset)]


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    found = readers.document(store.con, doc_id)
    if found is None:
        return None
    return {**_with_country(found), "sentences": [s.to_dict() for s in readers.sentences(store.con, doc_id)]}


def document_titles(store: Store, doc_ids: Sequence[str]) -> dict[str, str | None]:
    return readers.document_titles(store.con, doc_ids)


# -- events and search -----------------------------------------------------------
def list_events(
    store: Store, *, filters: Filters, actors: Sequence[str] = (), types: Sequence[str] = (), limit: int | None,
    offset: int = 0
) -> list[dict[str, Any]]:
    """Events as ``detente events`` lists them, involving every one of ``actors`` (node or actor ids), of one of
    ``types`` (PLOVER, case-insensitive), with the windows and outlet filters of ``detente relations``; each with
    ``source`` and ``target`` as ``{id, name}`` actors and the speaker as ``said_by``.  ``limit`` None: every row
    (the CLI's ``--limit 0``)."""
    rows = [r.to_dict() for r in readers.events(store.con, filters=filters, actors=actors, types=types,
                                                 limit=limit, offset=offset)]
    return with_actor_names(store, rows)


def with_actor_names(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``source`` and ``target``: their actors as ``{id, name}`` (the one shape of an actor), and the
    speaker as ``said_by`` (``{id, name}``, or null when the outlet itself asserts it) in place of the stored
    ``said_by_name`` and ``said_by_actor`` columns."""
    if not rows:
        return rows
    from ..network.shapes import speaker_ref

    names = readers.actor_names(store.con, sorted({i for r in rows for i in (*(r["source_ids"] or ()),
                                                                              *(r["target_ids"] or ()))}))

    def refs(ids: Sequence[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": names.get(i) or i} for i in ids or ()]

    def shaped(r: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in r.items():
            if key == "said_by_name":  # said_by where the flat fields were, so the JSON reads in the same order
                out["said_by"] = speaker_ref(r["said_by_actor"], value)
            elif key != "said_by_actor":
                out[key] = value
        return {**out, "source": refs(r["source_ids"]), "target": refs(r["target_ids"])}
    return [shaped(r) for r in rows]


def _like_pattern(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_sentences(store: Store, q: str, *, filters: Filters, limit: int) -> list[dict[str, Any]]:
    """Sentences containing ``q`` (case-insensitive substring, ``ILIKE``), newest articles first.

    DuckDB's fts extension downloads at run time, which this project does not
    allow; a substring scan is fast enough for stores of tens of thousands of
    articles.
    """
    return [r.to_dict() for r in readers.search_sentences(store.con, _like_pattern(q), filters=filters, limit=limit)]


# -- time ----------------------------------------------------------------------
def date_range(store: Store) -> tuple[dt.date | None, dt.date | None]:
    """First and last date of any event or stated relation."""
    return readers.date_range(store.con)


def density(store: Store) -> dict[str, Any]:
    """Reports per month for the dashboard's time axis (news and background apart); year-only and undated
    reports are counted beside the axis rather than drawn in a month they may not belong to."""
    off = readers.off_axis_counts(store.con)
    return {"months": [m.to_dict() for m in readers.month_counts(store.con)], "n_coarse": int(off.coarse),
            "n_undated": int(off.undated)}


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
