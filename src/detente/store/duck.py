"""The DuckDB store: one file holding documents, sentences, actors, mentions, events and claims.

Consumes ``Extraction`` records; writes them in one transaction per batch
through Arrow tables (``executemany`` is ~100x slower, see STACK.md).  A
document already in the store (same id: same normalised text) is skipped,
so re-ingesting changes nothing.  The schema carries a version in ``meta``;
``MIGRATIONS`` upgrade older files in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Actor, Extraction, Mention
from .schema import EVIDENCE_MACRO, UNKEYED, all_ddl, arrow_schema, ddl, missing_columns, row_of

SCHEMA_VERSION = 10

# What ``Store.release_memory`` leaves DuckDB's buffer pool for a moment (the cached blocks above it go).
CACHE_FLOOR = "32MB"

# Version 1: the tables of ``schema.TABLES`` (generated from the one table of columns).
_SCHEMA_V1 = all_ddl()

# Version 2: merged events (network.dedup writes the groups after each ingest batch).
_SCHEMA_V2 = "CREATE TABLE IF NOT EXISTS event_groups (item_id VARCHAR PRIMARY KEY, kind VARCHAR, group_id VARCHAR);"

# Version 3: stated relations carry their date's precision (issue 12), and the background dates that
# earlier versions made up ("publication minus one year") are removed: background without a stated time
# has no date, precision 'before-publication'.
_SCHEMA_V3 = """
ALTER TABLE claims ADD COLUMN IF NOT EXISTS date_precision VARCHAR;
UPDATE events SET date = NULL, date_precision = 'before-publication' WHERE date_basis = 'background';
UPDATE claims SET date = NULL WHERE date_basis = 'background';
UPDATE claims SET date_precision = CASE WHEN date_basis = 'background' THEN 'before-publication'
                                         WHEN date IS NULL THEN 'unknown' ELSE 'day' END;
"""


def _schema_v4(con: Any) -> None:
    """Version 4: the flat pair table (``store.pairs``), filled from the stored events and stated relations."""
    from .pairs import PAIRS_DDL, sync_pairs

    con.execute(_SCHEMA_V2)  # older files made before the groups table existed
    con.execute(PAIRS_DDL)
    sync_pairs(con)


# Version 5: the evidence text is no longer copied into every event and claim: it is read from the
# sentence it cites (``schema.EVIDENCE_MACRO``); every stored event's sentence is in ``sentences``.
_SCHEMA_V5 = f"""
ALTER TABLE events DROP COLUMN IF EXISTS evidence_text;
ALTER TABLE claims DROP COLUMN IF EXISTS evidence_text;
{EVIDENCE_MACRO};
"""


def _schema_v6(con: Any) -> None:
    """Version 6: the pair table sorted by (a, b, date), and its summaries (``store.rollup``)."""
    from . import rollup

    rollup.cluster(con)
    rollup.rebuild(con)
    rollup.rebuild_actor_index(con)


# Version 7: a stated relation says whether it tells of a change ("ties have soured"; ``claims.change``, added by
# ``missing_columns``); older claims have none recorded (NULL, read as 0) until their documents are re-extracted.
_SCHEMA_V7 = "SELECT 1"


def _schema_v8(con: Any) -> None:
    """Version 8: co-sources with no target are parties of each other only in a mutual act
    (``events.lexicon.reciprocal``, issue 12): the pair table and its summaries are rebuilt from the stored events
    and stated relations.  Version 10 does the same again: establishing relations (CAMEO 054, "A and B reopened
    their embassies") joined the mutual acts."""
    from . import cache
    from .pairs import sync_pairs

    con.execute("DELETE FROM pairs")
    sync_pairs(con)  # the table is empty: every item gets its rows, and the summaries are rebuilt
    cache.bump(con)


def _schema_v9(con: Any) -> None:
    """Version 9: sentences and mentions without a PRIMARY KEY (``schema.UNKEYED``: their ART
    indexes grew with the store in the memory of every ingest).  DuckDB cannot drop a key constraint, so each
    table is copied into one made from the current DDL (columns by name: a column added since is NULL)."""
    keyed = {t for t, in con.execute("SELECT DISTINCT table_name FROM duckdb_constraints() "
                                     "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
    for name in UNKEYED:
        if name not in keyed:
            continue
        con.execute(ddl(name, as_name="_unkeyed"))
        con.execute(f"INSERT INTO _unkeyed BY NAME SELECT * FROM {name}")
        con.execute(f"DROP TABLE {name}")
        con.execute(f"ALTER TABLE _unkeyed RENAME TO {name}")


# version -> SQL (or a function of the connection) that upgrades a store at version-1 to it
MIGRATIONS: dict[int, str | Callable[[Any], None]] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3, 4: _schema_v4,
                                                      5: _SCHEMA_V5, 6: _schema_v6, 7: _SCHEMA_V7, 8: _schema_v8,
                                                      9: _schema_v9, 10: _schema_v8}


def _speaker(m: Mention | None) -> tuple[str | None, str | None, str | None]:
    if m is None:
        return None, None, None
    return m.id, m.actor.id if m.actor else None, m.actor.name if m.actor else m.text


class Store:
    """A DuckDB file opened for reading or writing.  Use as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; run 'detente ingest' first or pass --db")
        self.snapshot = False  # True when a locked store is read through its server's snapshot
        self._memory_limit: str | None = None  # DuckDB's, as read before the first ``release_memory``
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            from .lock import open_locked  # locked by another process: its snapshot, or a clear message

            self.con = open_locked(self.path, read_only, exc)
            self.snapshot = True
        if not read_only:
            self._migrate()
            from .feeds import ensure_schema  # the feed tables: kept apart from the versioned schema

            ensure_schema(self.con)
        else:
            self._check_version()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ----------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not has_meta or not has_meta[0]:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {version}, this detente expects {SCHEMA_VERSION}; "
                "open it once for writing (e.g. 'detente ingest --db ...' with no inputs) to migrate"
            )

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema version {version}, newer than this detente ({SCHEMA_VERSION})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            try:
                step = MIGRATIONS[target]
                if callable(step):
                    step(self.con)
                else:
                    self.con.execute(step)
                if target == SCHEMA_VERSION:  # columns added to schema.TABLES since the file was made
                    for statement in missing_columns(self.con):
                        self.con.execute(statement)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    # -- merge state -----------------------------------------------------------
    # A flag in ``meta``, set before new extractions are written and cleared in the merge's own
    # transaction: a run killed between the two leaves it set, and the next run merges even when it
    # stores nothing new (network.dedup.merge_events; jobs.ingest).
    def mark_merge_pending(self) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('merge_pending', '1')")

    def merge_pending(self) -> bool:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'merge_pending'").fetchone()
        return bool(row and row[0] == "1")

    def clear_merge_pending(self) -> None:
        """Call inside the merge's transaction."""
        self.con.execute("DELETE FROM meta WHERE key = 'merge_pending'")

    # -- writing ---------------------------------------------------------------
    def has_documents(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def write(self, extractions: Iterable[Extraction]) -> int:
        """Write a batch in one transaction; documents already stored are skipped.

        Returns:
            The number of new documents written.
        """
        batch = list(extractions)
        self.written_items: list[str] = []
        known = self.has_documents([x.document.id for x in batch])
        fresh: list[Extraction] = []
        seen: set[str] = set()
        for x in batch:
            if x.document.id not in known and x.document.id not in seen:
                seen.add(x.document.id)
                fresh.append(x)
        if not fresh:
            return 0
        import pyarrow.compute as pc

        from .pairs import sync_pairs

        tables = _tables(fresh)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in UNKEYED:  # unique by construction (no key constraint checks it: schema.UNKEYED)
                ids = tables[name].column("id")
                if pc.count_distinct(ids).as_py() != len(ids):
                    raise StoreError(f"two {name} rows share an id")
            for name, table in tables.items():
                self.con.register("_batch", table)
                verb = "INSERT OR IGNORE" if name in {"actors", "nodes"} else "INSERT"
                self.con.execute(f"{verb} INTO {name} BY NAME SELECT * FROM _batch")
                self.con.unregister("_batch")
            # the pair rows of the new events and stated relations, in the same transaction
            sync_pairs(self.con, tables["events"].column("id").to_pylist(),
                       tables["claims"].filter(pc.equal(tables["claims"].column("kind"), "relation"))
                       .column("id").to_pylist(), batch=tables)
            self.con.execute("COMMIT")
            self.written_items = [*tables["events"].column("id").to_pylist(),
                                  *(r.id for x in fresh for r in x.relation_claims)]
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing a batch of {len(fresh)} documents failed and was rolled back: {exc}") from exc
        return len(fresh)

    def release_memory(self) -> None:
        """Write the file and drop DuckDB's cache of its blocks (``jobs.ingest`` calls it every few batches).

        DuckDB keeps every block it wrote at a checkpoint or read for a query in its buffer pool until the
        pool reaches its memory limit (80 % of the machine's RAM by default), so a long ingest's memory grew
        with the store: 14 MB of cached blocks after 1,000 articles, 108 MB after 10,000 (bench/README.md,
        part 2).  A checkpoint turns the rows written since the last one into blocks of the file; lowering the
        limit for a moment then evicts the cached blocks (blocks of the file are dropped, not spilled), and
        the limit goes back to what it was when first read.  Nothing is lost: an evicted block is read again when needed.
        """
        if self.path == ":memory:" or self.snapshot:
            return
        import duckdb

        if self._memory_limit is None:  # read once: the setting reads back rounded ('18.8 GiB')
            self._memory_limit = self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        self.con.execute("CHECKPOINT")
        try:
            self.con.execute(f"SET memory_limit = '{CACHE_FLOOR}'")
        except duckdb.Error:  # could not evict down to the floor: whatever was evicted is gone, that is all
            pass
        finally:
            # always SET (DuckDB 1.4's RESET shows the default again but leaves the buffer pool at the floor)
            self.con.execute(f"SET memory_limit = '{self._memory_limit}'")

    # -- reading -----------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query and return rows as dicts."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "actors", "mentions", "events", "claims"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out


def _nodes_of(mentions: Sequence[Mention]) -> list[str]:
    out = []
    for m in mentions:
        if m.actor is not None and m.actor.node and m.actor.node not in out:
            out.append(m.actor.node)
    return out


def _tables(batch: list[Extraction]) -> dict[str, Any]:
    import pyarrow as pa

    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    docs, sents, actors, mentions, events, claims, nodes = [], [], {}, [], [], [], {}

    def note_actor(actor: Actor | None) -> None:
        if actor is None:
            return
        actors.setdefault(actor.id, actor.to_dict())
        if actor.node and actor.node not in nodes:
            kind = actor.kind if actor.kind != "person" else ("state" if ":" not in actor.node else "organization")
            nodes[actor.node] = {"id": actor.node, "name": actor.node_name or actor.node, "kind": kind,
                                 "country": actor.country}

    for x in batch:
        d = x.document.to_dict()
        d["published"] = x.document.published
        d["ingested_at"] = now
        docs.append(d)
        sents.extend(s.to_dict() for s in x.sentences)
        for m in x.mentions:
            note_actor(m.actor)
            mentions.append({"id": m.id, "doc_id": m.doc_id, "sent_idx": m.sent_idx, "start": m.start, "end": m.end,
                             "text": m.text, "actor_id": m.actor.id if m.actor else None, "method": m.method,
                             "loaded": m.loaded})
        for e in x.events:
            said = _speaker(e.said_by)
            if e.said_by is not None:
                note_actor(e.said_by.actor)
            events.append(row_of("events", e))
            claims.append({
                "id": f"{e.id}:claim", "kind": "event", "event_id": e.id, "doc_id": e.doc_id, "sent_idx": e.sent_idx,
                "a_node": (_nodes_of(e.source) or [None])[0], "b_node": (_nodes_of(e.target) or [None])[0],
                "polarity": (e.score > 0) - (e.score < 0), "cue": e.trigger,
                "speaker_mention": said[0], "speaker_actor": said[1], "speaker_name": said[2], "outlet": e.outlet,
                "outlet_asserts": e.said_by is None, "hedged": e.hedged, "negated": e.negated, "date": e.date.date,
                "date_basis": e.date.basis.value, "date_precision": e.date.precision,
                "evidence_start": e.evidence_start, "evidence_end": e.evidence_end, "change": 0,
            })
        for r in x.relation_claims:
            said = _speaker(r.said_by)
            note_actor(r.a.actor)
            note_actor(r.b.actor)
            if r.said_by is not None:
                note_actor(r.said_by.actor)
            claims.append({
                "id": r.id, "kind": "relation", "event_id": None, "doc_id": r.doc_id, "sent_idx": r.sent_idx,
                "a_node": r.a.actor.node if r.a.actor else None, "b_node": r.b.actor.node if r.b.actor else None,
                "polarity": r.polarity, "cue": r.cue, "speaker_mention": said[0], "speaker_actor": said[1],
                "speaker_name": said[2], "outlet": r.outlet, "outlet_asserts": r.said_by is None, "hedged": r.hedged,
                "negated": r.negated, "date": r.date.date, "date_basis": r.date.basis.value,
                "date_precision": r.date.precision,
                "evidence_start": r.evidence_start, "evidence_end": r.evidence_end, "change": r.change,
            })

    def table(name: str, rows: list[dict[str, Any]]) -> Any:
        return pa.Table.from_pylist(rows, schema=arrow_schema(name))

    return {"documents": table("documents", docs), "sentences": table("sentences", sents),
            "actors": table("actors", list(actors.values())), "nodes": table("nodes", list(nodes.values())),
            "mentions": table("mentions", mentions), "events": table("events", events),
            "claims": table("claims", claims)}


def column_names(con: Any, table: str) -> list[str]:
    """The columns of a stored table, in order."""
    return [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
