"""The store's feed tables: followed feeds, what was seen in them, and the poll cycles.

Kept apart from the versioned article schema (``duck.MIGRATIONS``): the tables are created with
``CREATE TABLE IF NOT EXISTS`` whenever a store is opened for writing (``ensure_schema``), so an older
store gains them in place and nothing else changes.  A store opened read-only that lacks them reads as
"no feeds".

- ``feeds``: one row per followed URL (RSS/Atom feed or sitemap), its outlet, poll interval, the validators of
  its last answer (``etag``, ``last_modified``: sent back as a conditional GET) and its error count (backoff).
- ``feed_items``: one row per article URL seen in a feed, by canonical URL: what happened to it
  (``stored``, ``duplicate`` = same text already stored, ``rejected`` with the reason) and the document id.
  A URL in this table is never fetched again; a row is written right after its article is stored, so a
  restart neither re-fetches nor loses anything.
- ``polls``: one row per poll cycle (start, end, counts), for "what is new since the last poll".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

FEEDS_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url VARCHAR PRIMARY KEY, outlet VARCHAR, kind VARCHAR, interval_s INTEGER, added_at TIMESTAMP,
    etag VARCHAR, last_modified VARCHAR, last_polled_at TIMESTAMP, last_status INTEGER, last_error VARCHAR,
    errors INTEGER DEFAULT 0, next_poll_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS feed_items (
    canonical_url VARCHAR PRIMARY KEY, feed_url VARCHAR, url VARCHAR, status VARCHAR, reason VARCHAR,
    doc_id VARCHAR, published DATE, fetched_at TIMESTAMP, poll_id INTEGER
);
CREATE TABLE IF NOT EXISTS polls (
    id INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, feeds INTEGER, not_modified INTEGER,
    fetched INTEGER, stored INTEGER, duplicates INTEGER, rejected INTEGER, errors INTEGER
);
"""

FEED_COLUMNS = ("url", "outlet", "kind", "interval_s", "added_at", "etag", "last_modified", "last_polled_at",
                "last_status", "last_error", "errors", "next_poll_at")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def ensure_schema(con: Any) -> None:
    con.execute(FEEDS_SCHEMA)


def has_feed_tables(store: Any) -> bool:
    row = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'feeds'").fetchone()
    return bool(row and row[0])


def add_feed(store: Any, url: str, *, outlet: str | None, kind: str, interval_s: int) -> bool:
    """Follow ``url``; returns False when it was followed already (its outlet/interval are updated)."""
    known = store.con.execute("SELECT count(*) FROM feeds WHERE url = ?", [url]).fetchone()[0]
    if known:
        store.con.execute("UPDATE feeds SET outlet = ?, kind = ?, interval_s = ? WHERE url = ?",
                          [outlet, kind, interval_s, url])
        return False
    store.con.execute("INSERT INTO feeds (url, outlet, kind, interval_s, added_at, errors, next_poll_at) "
                      "VALUES (?, ?, ?, ?, ?, 0, ?)", [url, outlet, kind, interval_s, _now(), _now()])
    return True


def remove_feed(store: Any, url: str) -> bool:
    """Stop following ``url`` (the articles already stored stay); returns whether it was followed."""
    n = store.con.execute("SELECT count(*) FROM feeds WHERE url = ?", [url]).fetchone()[0]
    store.con.execute("DELETE FROM feeds WHERE url = ?", [url])
    return bool(n)


def list_feeds(store: Any) -> list[dict[str, Any]]:
    if not has_feed_tables(store):
        return []
    return store.query(
        "SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_url = f.url AND i.status = 'stored') AS stored "
        "FROM feeds f ORDER BY url")


def due_feeds(store: Any, now: dt.datetime) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM feeds WHERE next_poll_at IS NULL OR next_poll_at <= ? ORDER BY url", [now])


def record_feed(store: Any, url: str, *, status: int | None, etag: str | None, last_modified: str | None,
                error: str | None, errors: int, next_poll_at: dt.datetime) -> None:
    """The outcome of one feed request (validators kept only from a successful answer)."""
    store.con.execute(
        "UPDATE feeds SET last_polled_at = ?, last_status = ?, last_error = ?, errors = ?, next_poll_at = ?, "
        "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE url = ?",
        [_now(), status, error, errors, next_poll_at, etag, last_modified, url])


def known_items(store: Any, canonical_urls: list[str]) -> set[str]:
    if not canonical_urls:
        return set()
    rows = store.con.execute("SELECT canonical_url FROM feed_items WHERE canonical_url IN (SELECT unnest(?))",
                             [canonical_urls]).fetchall()
    return {r[0] for r in rows}


def record_item(store: Any, *, canonical_url: str, feed_url: str, url: str, status: str, reason: str | None,
                doc_id: str | None, published: dt.date | None, poll_id: int) -> None:
    store.con.execute("INSERT OR IGNORE INTO feed_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [canonical_url, feed_url, url, status, reason, doc_id, published, _now(), poll_id])


def start_poll(store: Any) -> tuple[int, dt.datetime]:
    row = store.con.execute("SELECT coalesce(max(id), 0) + 1 FROM polls").fetchone()
    poll_id, started = int(row[0]), _now()
    store.con.execute("INSERT INTO polls (id, started_at) VALUES (?, ?)", [poll_id, started])
    return poll_id, started


def finish_poll(store: Any, poll_id: int, counts: dict[str, int]) -> None:
    store.con.execute(
        "UPDATE polls SET finished_at = ?, feeds = ?, not_modified = ?, fetched = ?, stored = ?, duplicates = ?, "
        "rejected = ?, errors = ? WHERE id = ?",
        [_now(), counts.get("feeds", 0), counts.get("not_modified", 0), counts.get("fetched", 0),
         counts.get("stored", 0), counts.get("duplicates", 0), counts.get("rejected", 0), counts.get("errors", 0),
         poll_id])


def last_poll(store: Any) -> dict[str, Any] | None:
    """The last poll cycle that stored something or finished (None when there was none)."""
    if not has_feed_tables(store):
        return None
    rows = store.query("SELECT * FROM polls WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1")
    return rows[0] if rows else None


def poll_documents(store: Any, poll_id: int) -> list[str]:
    rows = store.con.execute("SELECT doc_id FROM feed_items WHERE poll_id = ? AND status = 'stored'",
                             [poll_id]).fetchall()
    return [r[0] for r in rows]


def pairs_of_documents(store: Any, doc_ids: list[str]) -> set[tuple[str, str]]:
    """The unordered node pairs the claims of ``doc_ids`` are about."""
    if not doc_ids:
        return set()
    rows = store.con.execute(
        "SELECT DISTINCT a_node, b_node FROM claims WHERE doc_id IN (SELECT unnest(?)) "
        "AND a_node IS NOT NULL AND b_node IS NOT NULL AND a_node <> b_node", [doc_ids]).fetchall()
    return {tuple(sorted((a, b))) for a, b in rows}  # type: ignore[misc]


def pairs_before(store: Any, doc_ids: list[str]) -> set[tuple[str, str]]:
    """The unordered node pairs with claims from documents other than ``doc_ids`` (what was known before)."""
    rows = store.con.execute(
        "SELECT DISTINCT a_node, b_node FROM claims WHERE doc_id NOT IN (SELECT unnest(?)) "
        "AND a_node IS NOT NULL AND b_node IS NOT NULL AND a_node <> b_node", [doc_ids or [""]]).fetchall()
    return {tuple(sorted((a, b))) for a, b in rows}  # type: ignore[misc]


def latest_dates(store: Any, doc_ids: list[str]) -> dict[tuple[str, str], dt.date]:
    """Per unordered node pair, the latest dated claim of ``doc_ids``."""
    if not doc_ids:
        return {}
    rows = store.con.execute(
        "SELECT least(a_node, b_node), greatest(a_node, b_node), max(date) FROM claims "
        "WHERE doc_id IN (SELECT unnest(?)) AND a_node IS NOT NULL AND b_node IS NOT NULL AND date IS NOT NULL "
        "GROUP BY 1, 2", [doc_ids]).fetchall()
    return {(a, b): d for a, b, d in rows}
