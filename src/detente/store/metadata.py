"""Metadata of stored documents: read, update, or forget a document so it is extracted again.

A document is identified by its text, so re-ingesting it with a manifest that now gives its outlet, title,
URL or date finds it already stored.  ``detente ingest`` then updates what changed (``jobs.ingest``): the
outlet, title and URL in place (the outlet also on the document's events and stated relations, which carry
it); a new publication date by extracting the document again, because its events' dates are resolved
against it ("last week", background before the news).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

META_FIELDS = ("outlet", "title", "url", "published", "date_basis")
_IN_PLACE = ("outlet", "title", "url")


def document_metadata(store: Any, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Stored ``outlet, title, url, published, date_basis`` by document id."""
    if not ids:
        return {}
    rows = store.con.execute(
        f"SELECT id, {', '.join(META_FIELDS)} FROM documents WHERE id IN (SELECT unnest(?))", [list(ids)]
    ).fetchall()
    return {r[0]: dict(zip(META_FIELDS, r[1:])) for r in rows}


def update_document_metadata(store: Any, doc_id: str, values: Mapping[str, Any]) -> None:
    """Set the outlet, title and/or URL of a stored document (the outlet also on its events and claims)."""
    fields = [f for f in _IN_PLACE if f in values]
    if not fields:
        return
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.execute(f"UPDATE documents SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
                          [values[f] for f in fields] + [doc_id])
        if "outlet" in values:
            for table in ("events", "claims", *(["pairs"] if _has_table(store, "pairs") else [])):
                store.con.execute(f"UPDATE {table} SET outlet = ? WHERE doc_id = ?", [values["outlet"], doc_id])
            if _has_table(store, "event_actors"):
                store.con.execute("UPDATE event_actors SET outlet = ? WHERE id IN (SELECT id FROM events WHERE "
                                  "doc_id = ?)", [values["outlet"], doc_id])
            if _has_table(store, "pairs"):  # the dyad summaries keep each dyad's outlets
                from . import rollup

                rollup.refresh(store.con, _dyads_of_documents(store, [doc_id]))
            _changed(store)
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise


def forget_documents(store: Any, ids: Sequence[str]) -> None:
    """Delete documents and every row extracted from them (to extract them again); the caller re-merges."""
    if not ids:
        return
    ids = list(ids)
    store.con.execute("BEGIN TRANSACTION")
    try:
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "event_groups" in tables:
            store.con.execute(
                """DELETE FROM event_groups WHERE item_id IN (
                       SELECT id FROM events WHERE doc_id IN (SELECT unnest(?))
                       UNION ALL SELECT id FROM claims WHERE doc_id IN (SELECT unnest(?)))""", [ids, ids])
        dyads = _dyads_of_documents(store, ids) if "pairs" in tables else []
        if "event_actors" in tables:
            store.con.execute("DELETE FROM event_actors WHERE id IN (SELECT id FROM events WHERE doc_id IN "
                              "(SELECT unnest(?)))", [ids])
        for table in ("claims", "events", "mentions", "sentences", *(["pairs"] if "pairs" in tables else [])):
            store.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
        if "pairs" in tables:
            from . import rollup

            rollup.refresh(store.con, dyads)  # the summaries of the dyads those documents spoke of
            if "event_actors" in tables:
                rollup.mark_indexed(store.con)
        store.con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [ids])
        _changed(store)
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise


def _changed(store: Any) -> None:
    """A new data version (``store.cache``): results kept for the old one (event listings of documents on no
    pair included) are not served again."""
    if _has_table(store, "meta"):
        from . import cache

        cache.bump(store.con)


def _has_table(store: Any, name: str) -> bool:
    return bool(store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0])


def _dyads_of_documents(store: Any, doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    rows = store.con.execute("SELECT DISTINCT a, b FROM pairs WHERE doc_id IN (SELECT unnest(?))",
                             [list(doc_ids)]).fetchall()
    return [(a, b) for a, b in rows]
