"""Parquet and CSV export of the events table, each row with its event ``group_id``.

Column names are the store's.  Parquet keeps the actor lists as lists; CSV
joins them with ``;`` (a CSV cell holds one value).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..network.dyads import Filters
from ..store import readers
from . import Exporter
from ._common import event_rows, safe_cell

_DROP = ("url", "source_path", "title", "ingested_at")
_LISTS = ("source_ids", "target_ids", "source_nodes", "target_nodes")


def _rows(store: Any, filters: Filters) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in _DROP} for row in event_rows(store, filters)]


def write_parquet(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the events table as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows(store, filters)
    cols = [*readers.column_names("events"), "group_id"]
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
    pq.write_table(table, path)
    return len(rows)


def write_csv(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the events table as CSV (header row; lists joined with ';'; formula-leading text cells quoted)."""
    import csv

    rows = _rows(store, filters)
    cols = [*readers.column_names("events"), "group_id"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=cols)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(";".join(v or []) if k in _LISTS else v) for k, v in row.items()})
    return len(rows)


EXPORTERS = [
    Exporter("parquet", ".parquet", "the events table as Parquet", write_parquet),
    Exporter("csv", ".csv", "the events table as CSV", write_csv),
]
