"""Extractions as Parquet partitions, and loading them into the store (the Ray engine's hand-off).

Layout of a partition directory (one file per extraction batch, every file with the store's column names
and Arrow types, so DuckDB, Spark, Polars or pandas can read it in place)::

    DIR/
      documents/batch-00000.parquet   one row per document (id = hash of the normalised text)
      sentences/batch-00000.parquet   doc_id, idx, start, end, text, paragraph
      actors/...   nodes/...   mentions/...   events/...   claims/...
      (one sub-directory per store table that ``extraction_tables`` produces)

Loading is done by one writer (DuckDB allows one per file): ``load_partitions`` inserts every table in
one transaction, with the pair rows (``store.pairs``) of the new events and stated relations, skipping
documents already in the store and every row that belongs to them, so loading the same partitions twice
changes nothing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Extraction
from .duck import _tables
from .pairs import sync_pairs

# The insertion order: documents first, so the filter on "new documents" is computed before they land.
_SHARED_TABLES = {"actors", "nodes"}  # rows shared across documents: INSERT OR IGNORE


def extraction_tables(extractions: list[Extraction]) -> dict[str, Any]:
    """The Arrow tables (store schema) of a batch of extractions, keyed by store table name."""
    return _tables(extractions)


def tables_to_parquet(tables: dict[str, Any]) -> dict[str, bytes]:
    """Serialise each Arrow table to Parquet bytes (what a remote worker sends back to the driver)."""
    import pyarrow.parquet as pq

    out = {}
    for name, table in tables.items():
        buf = io.BytesIO()
        pq.write_table(table, buf)
        out[name] = buf.getvalue()
    return out


def write_partition(directory: Path, table: str, batch: int, data: bytes) -> Path:
    """Write one table's Parquet bytes of one batch under ``directory/table/``."""
    if not table.isidentifier():
        raise StoreError(f"not a table name: {table!r}")
    path = Path(directory) / table / f"batch-{batch:05d}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def load_partitions(store: Any, directory: Path) -> int:
    """Insert the Parquet partitions under ``directory`` into ``store`` in one transaction.

    Returns:
        The number of new documents.
    """
    directory = Path(directory)
    tables = sorted(p.name for p in directory.iterdir() if p.is_dir() and any(p.glob("*.parquet")))
    if "documents" not in tables:
        return 0
    existing = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con = store.con

    def source(name: str) -> str:
        return f"read_parquet('{(directory / name).as_posix()}/*.parquet', union_by_name = true)"

    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _new_docs AS SELECT DISTINCT id FROM "
                    f"{source('documents')} WHERE id NOT IN (SELECT id FROM documents)")
        new = con.execute("SELECT count(*) FROM _new_docs").fetchone()[0]
        for name in ["documents"] + [t for t in tables if t != "documents"]:
            if name not in existing:
                raise StoreError(f"partition table {name} is not in the store's schema")
            cols = {r[0] for r in con.execute(f"SELECT * FROM {source(name)} LIMIT 0").description}
            if name in _SHARED_TABLES:
                con.execute(f"INSERT OR IGNORE INTO {name} BY NAME SELECT DISTINCT ON (id) * FROM {source(name)}")
            elif name == "documents":
                con.execute(f"INSERT INTO documents BY NAME SELECT DISTINCT ON (id) * FROM {source(name)} "
                            "WHERE id IN (SELECT id FROM _new_docs)")
            elif "doc_id" in cols:
                distinct = "DISTINCT ON (id)" if "id" in cols else "DISTINCT"
                con.execute(f"INSERT INTO {name} BY NAME SELECT {distinct} * FROM {source(name)} "
                            "WHERE doc_id IN (SELECT id FROM _new_docs)")
            else:
                con.execute(f"INSERT OR IGNORE INTO {name} BY NAME SELECT * FROM {source(name)}")
        # the pair rows of the new events and stated relations, in the same transaction (as ``Store.write``)
        event_ids = [r[0] for r in con.execute(
            "SELECT id FROM events WHERE doc_id IN (SELECT id FROM _new_docs)").fetchall()]
        claim_ids = [r[0] for r in con.execute(
            "SELECT id FROM claims WHERE kind = 'relation' AND doc_id IN (SELECT id FROM _new_docs)").fetchall()]
        sync_pairs(con, event_ids, claim_ids)
        con.execute("DROP TABLE _new_docs")
        con.execute("COMMIT")
        store.written_items = [*event_ids, *claim_ids]  # what ``merge_events`` merges next
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"loading the partitions in {directory} failed and was rolled back: {exc}") from exc
    return int(new)
