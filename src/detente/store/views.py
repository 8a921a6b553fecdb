"""Read queries for the exports and the outlet view: SQL here, frozen records out.

``document_refs`` (each article's title, outlet, URL and date), ``mention_texts``
(the words each actor was named with, per sentence) and ``outlet_stats``
(documents, events and loaded-language mentions per stored outlet name).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """How to cite a stored article."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    source_path: str | None
    published: dt.date | None
    language: str | None


def document_refs(con: Any) -> dict[str, DocumentRef]:
    """Every stored article by id."""
    rows = con.execute("SELECT id, title, outlet, url, source_path, published, language FROM documents").fetchall()
    return {r[0]: DocumentRef(*r) for r in rows}


def mention_texts(con: Any) -> dict[tuple[str, int, str], str]:
    """(doc id, sentence index, actor id) -> the first words that named that actor in that sentence."""
    rows = con.execute(
        """SELECT doc_id, sent_idx, actor_id, text FROM mentions WHERE actor_id IS NOT NULL
           ORDER BY doc_id, sent_idx, start"""
    ).fetchall()
    out: dict[tuple[str, int, str], str] = {}
    for doc_id, sent_idx, actor_id, text in rows:
        out.setdefault((doc_id, sent_idx, actor_id), text)
    return out


@dataclass(frozen=True, slots=True)
class OutletStats:
    """One stored outlet name (None: documents with no outlet) and what the store holds from it."""

    outlet: str | None
    documents: int
    events: int
    loaded: int
    loaded_terms: tuple[tuple[str, int], ...]
    urls: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None


def outlet_stats(con: Any) -> list[OutletStats]:
    """Documents, events and loaded-language mentions per stored outlet name, most documents first."""
    docs = con.execute(
        """SELECT d.outlet, count(*) AS documents,
                  sum((SELECT count(*) FROM events e WHERE e.doc_id = d.id)) AS events,
                  list(d.url ORDER BY d.url) FILTER (WHERE d.url IS NOT NULL) AS urls,
                  min(d.published), max(d.published)
           FROM documents d GROUP BY d.outlet"""
    ).fetchall()
    loaded: dict[str | None, list[tuple[str, int]]] = {}
    for outlet, text, uses in con.execute(
        """SELECT d.outlet, m.text, count(*) AS uses FROM mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.loaded GROUP BY ALL ORDER BY uses DESC, m.text"""
    ).fetchall():
        loaded.setdefault(outlet, []).append((text, int(uses)))
    out = [OutletStats(outlet, int(n), int(ev or 0), sum(u for _, u in loaded.get(outlet, [])),
                       tuple(loaded.get(outlet, [])), tuple(urls or ()), first, last)
           for outlet, n, ev, urls, first, last in docs]
    out.sort(key=lambda s: (-s.documents, s.outlet is None, s.outlet or ""))
    return out


@dataclass(frozen=True, slots=True)
class NodeRow:
    id: str
    name: str | None
    kind: str | None
    country: str | None


def node_rows(con: Any) -> dict[str, NodeRow]:
    """Every network node by id."""
    return {r[0]: NodeRow(*r) for r in con.execute("SELECT id, name, kind, country FROM nodes ORDER BY id").fetchall()}
