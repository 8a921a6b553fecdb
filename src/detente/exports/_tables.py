"""Parquet and CSV exports: the events table, the relations table and the relations over time.

* ``parquet`` / ``csv``: the events table (the store's columns) with each event's ``group_id``.
* ``relations-parquet`` / ``relations-csv``: one row per relation (as ``detente relations``) with both
  nodes' ids and names, its score, sign, counts and dates, and the articles its evidence comes from: their
  ids, titles, outlets and web addresses.
* ``series-parquet`` / ``series-csv``: the relations over time, one row per pair and month (as
  ``detente relations-over-time --window month``), with names and the same article columns.

Parquet keeps lists as lists; CSV joins a list's values with `` | `` (a CSV cell holds one value).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..network.balance import edge_sign
from ..network.dyads import Filters, dyad_series, evidence_items, node_names, relations
from ..store import views
from . import Exporter
from ._common import event_rows, safe_cell, web_url

_DROP = ("url", "source_path", "title", "ingested_at")
_LISTS = ("source_ids", "target_ids", "source_nodes", "target_nodes")
LIST_SEPARATOR = " | "
SERIES_WINDOW = "month"

RELATION_COLUMNS = ("a", "a_name", "b", "b_name", "score", "sign", "n_events", "n_outlets", "n_background",
                    "n_undated", "first", "last", "outlets", "doc_ids", "titles", "urls", "evidence")
SERIES_COLUMNS = ("a", "a_name", "b", "b_name", "window", "period", "n_events", "weight", "score", "cooperation",
                  "conflict", "outlets", "doc_ids", "titles", "urls", "evidence")
_STRING_LISTS = ("outlets", "doc_ids", "titles", "urls", "evidence")


def _event_columns(store: Any) -> list[str]:
    from ..store import duck

    return [*duck.column_names(store.con, "events"), "evidence_text", "group_id"]


def _rows(store: Any, filters: Filters) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in _DROP} for row in event_rows(store, filters)]


class _Articles:
    """Evidence id -> the article it comes from, and articles -> their titles, outlets and URLs."""

    def __init__(self, store: Any, filters: Filters) -> None:
        self.doc_of = {i.id: i.doc_id for i in evidence_items(store, filters=filters)}
        self.refs = views.document_refs(store.con)

    def columns(self, evidence: Sequence[str]) -> dict[str, list[Any]]:
        docs = list(dict.fromkeys(d for e in evidence if (d := self.doc_of.get(e))))
        refs = [self.refs.get(d) for d in docs]
        return {"outlets": sorted({r.outlet for r in refs if r and r.outlet}), "doc_ids": docs,
                "titles": [(r.title or "") if r else "" for r in refs],
                "urls": [(web_url(r.url) or "") if r else "" for r in refs], "evidence": list(evidence)}


def relation_rows(store: Any, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """One row per relation, with names and the articles of its evidence."""
    articles = _Articles(store, filters)
    out = []
    for r in relations(store, filters=filters):
        out.append({"a": r.a, "a_name": r.a_name, "b": r.b, "b_name": r.b_name, "score": round(r.score, 3),
                    "sign": edge_sign(r.score), "n_events": r.n_events, "n_outlets": r.n_outlets,
                    "n_background": getattr(r, "n_background", None), "n_undated": getattr(r, "n_undated", None),
                    "first": r.first, "last": r.last, **articles.columns(r.evidence)})
    return out


def series_rows(store: Any, filters: Filters = Filters(), window: str = SERIES_WINDOW) -> list[dict[str, Any]]:
    """One row per pair and window, with names and the articles of the window's evidence."""
    articles = _Articles(store, filters)
    names = node_names(store)
    out = []
    for p in dyad_series(store, window=window, filters=filters):
        out.append({"a": p.a, "a_name": names.get(p.a, p.a), "b": p.b, "b_name": names.get(p.b, p.b),
                    "window": window, "period": p.period, "n_events": p.n_events, "weight": round(p.weight, 3),
                    "score": round(p.score, 3), "cooperation": round(p.cooperation, 3),
                    "conflict": round(p.conflict, 3), **articles.columns(p.evidence)})
    return out


def _arrow_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> Any:
    import pyarrow as pa

    types = {"a": pa.string(), "a_name": pa.string(), "b": pa.string(), "b_name": pa.string(), "window": pa.string(),
             "score": pa.float64(), "weight": pa.float64(), "cooperation": pa.float64(), "conflict": pa.float64(),
             "sign": pa.int64(), "n_events": pa.int64(), "n_outlets": pa.int64(), "n_background": pa.int64(),
             "n_undated": pa.int64(), "first": pa.date32(), "last": pa.date32(), "period": pa.date32(),
             **{c: pa.list_(pa.string()) for c in _STRING_LISTS}}
    schema = pa.schema([(c, types[c]) for c in columns])
    return pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)


def _write_rows_csv(path: Path, rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})


def _cell(value: Any) -> Any:
    """One CSV cell: lists joined, dates ISO, text with a formula lead quoted (numbers stay numbers)."""
    if isinstance(value, list | tuple):
        return safe_cell(LIST_SEPARATOR.join(str(v).replace(LIST_SEPARATOR, " / ") for v in value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else safe_cell(value)


def write_parquet(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the events table as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows(store, filters)
    cols = _event_columns(store)
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
    pq.write_table(table, path)
    return len(rows)


def write_csv(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the events table as CSV (header row; lists joined with ';'; formula-leading text cells quoted)."""
    rows = _rows(store, filters)
    cols = _event_columns(store)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=cols)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(";".join(v or []) if k in _LISTS else v) for k, v in row.items()})
    return len(rows)


def _table_writers(rows_of: Any, columns: Sequence[str]) -> tuple[Any, Any]:
    """The Parquet and the CSV writer of one derived table (``rows_of(store, filters)`` gives its rows)."""

    def parquet(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
        import pyarrow.parquet as pq

        rows = rows_of(store, filters)
        pq.write_table(_arrow_table(rows, columns), path)
        return len(rows)

    def csv_(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
        rows = rows_of(store, filters)
        _write_rows_csv(path, rows, columns)
        return len(rows)

    return parquet, csv_


write_relations_parquet, write_relations_csv = _table_writers(relation_rows, RELATION_COLUMNS)
write_series_parquet, write_series_csv = _table_writers(series_rows, SERIES_COLUMNS)


EXPORTERS = [
    Exporter("parquet", ".parquet", "the events table as Parquet", write_parquet),
    Exporter("csv", ".csv", "the events table as CSV", write_csv),
    Exporter("relations-parquet", ".relations.parquet", "the relations with names, article titles and URLs, as Parquet",
             write_relations_parquet),
    Exporter("relations-csv", ".relations.csv", "the relations with names, article titles and URLs, as CSV",
             write_relations_csv),
    Exporter("series-parquet", ".series.parquet", "the relations per pair and month, with names, titles and URLs, as Parquet",
             write_series_parquet),
    Exporter("series-csv", ".series.csv", "the relations per pair and month, with names, titles and URLs, as CSV",
             write_series_csv),
]
