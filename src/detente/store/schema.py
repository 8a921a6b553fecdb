"""One table of columns for the whole store: it generates the DDL, the Arrow schemas and the row records.

``TABLES`` maps each stored table to its ``Column``s, in file order.  From it:

* ``ddl(name)``: the ``CREATE TABLE`` statement (new stores, and the version-1 migration);
* ``arrow_schema(name)``: the schema of the Arrow batch ``Store.write`` inserts;
* ``record_type(name)``: a frozen, slotted dataclass with one field per column, which the readers of
  ``store.readers`` return (``EventRow``, ...);
* ``row_of(name, record)``: for the tables written from a ``model.py`` record (events, claims), the row of
  one record, each column read from it by the column's ``get`` (default: the attribute of the same name);
* ``missing_columns(con)``: the ``ALTER TABLE ... ADD COLUMN`` statements that bring an older file up to this
  table (every migration ends with them).

Adding a field to ``Event`` is one ``Column`` line in ``EVENT_COLUMNS`` (plus the field in ``model.py``) and a
bump of ``SCHEMA_VERSION``: the DDL, the Arrow schema, the writer, the reader record and the migration of
older files all follow (``tests/store/test_schema.py`` proves it on a copy of the table).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

_ARROW = {  # DuckDB type -> (Arrow type factory, Python annotation)
    "VARCHAR": ("string", str),
    "INTEGER": ("int32", int),
    "DOUBLE": ("float64", float),
    "BOOLEAN": ("bool_", bool),
    "DATE": ("date32", dt.date),
    "TIMESTAMP": ("timestamp_us", dt.datetime),
    "VARCHAR[]": ("list_string", list),
}


@dataclass(frozen=True, slots=True)
class Column:
    """One stored column: name, DuckDB type, and how a record gives its value (writers of record tables)."""

    name: str
    type: str
    get: Callable[[Any], Any] | None = None
    primary_key: bool = False

    def value(self, record: Any) -> Any:
        return self.get(record) if self.get is not None else getattr(record, self.name)


def _c(spec: str, *, keyed: bool = True) -> tuple[Column, ...]:
    """Columns from 'name TYPE, name TYPE, ...' (the first one is the primary key when ``keyed``)."""
    out = []
    for i, part in enumerate(p.strip() for p in spec.split(",") if p.strip()):
        name, typ = part.split()
        out.append(Column(name, typ, primary_key=keyed and i == 0))
    return tuple(out)


# The tables written once per document whose ids are unique by construction (each id is a digest of its
# document's id and its place in it, and a document is written once: ``Store.write``) and never looked up one
# by one: they carry no PRIMARY KEY (schema version 9).  DuckDB keeps a primary key as an ART index that an
# insert must check, so a long ingest held the index of every stored sentence and mention in memory, growing
# with the store (bench/README.md, part 2).  Events and claims keep theirs: the API fetches them by id (an
# actor's 200 events, a dyad's evidence), and without the index those lookups scan the table (measured: the
# events route's p95 went from 181 ms to 1.0 s at 1M events).
UNKEYED = ("sentences", "mentions")


def _nodes(mentions: Any) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.actor is not None and m.actor.node and m.actor.node not in out:
            out.append(m.actor.node)
    return out


def _mention_ids(mentions: Any) -> list[str]:
    return [m.actor.id if m.actor else m.text for m in mentions]


def _said(e: Any, part: str) -> Any:
    m = e.said_by
    if m is None:
        return None
    if part == "mention":
        return m.id
    if part == "actor":
        return m.actor.id if m.actor else None
    return m.actor.name if m.actor else m.text


# The events table, written from ``model.Event`` records.
EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "VARCHAR", primary_key=True),
    Column("doc_id", "VARCHAR"),
    Column("sent_idx", "INTEGER"),
    Column("trigger", "VARCHAR"),
    Column("trigger_start", "INTEGER"),
    Column("type", "VARCHAR"),
    Column("mode", "VARCHAR"),
    Column("context", "VARCHAR"),
    Column("cameo", "VARCHAR"),
    Column("score", "DOUBLE"),
    Column("source_ids", "VARCHAR[]", lambda e: _mention_ids(e.source)),
    Column("target_ids", "VARCHAR[]", lambda e: _mention_ids(e.target)),
    Column("source_nodes", "VARCHAR[]", lambda e: _nodes(e.source)),
    Column("target_nodes", "VARCHAR[]", lambda e: _nodes(e.target)),
    Column("said_by_mention", "VARCHAR", lambda e: _said(e, "mention")),
    Column("said_by_actor", "VARCHAR", lambda e: _said(e, "actor")),
    Column("said_by_name", "VARCHAR", lambda e: _said(e, "name")),
    Column("outlet", "VARCHAR"),
    Column("hedged", "BOOLEAN"),
    Column("negated", "BOOLEAN"),
    Column("intent", "BOOLEAN"),
    Column("date", "DATE", lambda e: e.date.date),
    Column("date_basis", "VARCHAR", lambda e: e.date.basis.value),
    Column("date_precision", "VARCHAR", lambda e: e.date.precision),
    Column("evidence_start", "INTEGER"),
    Column("evidence_end", "INTEGER"),
    Column("salience", "DOUBLE"),
    Column("method", "VARCHAR"),
)

# The claims table: the claim of each event (written from ``Event``) and stated relations (``RelationClaim``);
# its rows are built in ``duck._tables``.
CLAIM_COLUMNS = _c("""id VARCHAR, kind VARCHAR, event_id VARCHAR, doc_id VARCHAR, sent_idx INTEGER,
    a_node VARCHAR, b_node VARCHAR, polarity INTEGER, cue VARCHAR, speaker_mention VARCHAR, speaker_actor VARCHAR,
    speaker_name VARCHAR, outlet VARCHAR, outlet_asserts BOOLEAN, hedged BOOLEAN, negated BOOLEAN, date DATE,
    date_basis VARCHAR, date_precision VARCHAR, evidence_start INTEGER, evidence_end INTEGER, change INTEGER""")

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": _c("""id VARCHAR, title VARCHAR, outlet VARCHAR, url VARCHAR, source_path VARCHAR, published DATE,
        date_basis VARCHAR, date_text VARCHAR, language VARCHAR, text VARCHAR, ingested_at TIMESTAMP"""),
    "sentences": _c("""id VARCHAR, doc_id VARCHAR, idx INTEGER, start INTEGER, end INTEGER, text VARCHAR,
        paragraph INTEGER""", keyed=False),
    "actors": _c("""id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, node VARCHAR,
        node_name VARCHAR, role VARCHAR, former BOOLEAN"""),
    "mentions": _c("""id VARCHAR, doc_id VARCHAR, sent_idx INTEGER, start INTEGER, end INTEGER, text VARCHAR,
        actor_id VARCHAR, method VARCHAR, loaded BOOLEAN""", keyed=False),
    "events": EVENT_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "nodes": _c("id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR"),
}


# The evidence of an event or claim is not stored with it: its text is the slice [evidence_start, evidence_end)
# (character offsets in the document) of its sentence, stored once in ``sentences``.  Readers select it as
# ``evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text``; the macro is stored in the
# file (schema version 5), so every connection has it, read-only ones and their cursors included.
EVIDENCE_MACRO = """CREATE OR REPLACE MACRO evidence_of(d, i, s, e) AS (
    SELECT first(substr(st.text, s - st.start + 1, e - s)) FROM sentences st WHERE st.doc_id = d AND st.idx = i)"""


def evidence_sql(alias: str = "") -> str:
    """The select expression of an event's or claim's evidence text (``alias``: the table's alias)."""
    t = f"{alias}." if alias else ""
    return f"evidence_of({t}doc_id, {t}sent_idx, {t}evidence_start, {t}evidence_end)"


def _quote(name: str) -> str:
    return f'"{name}"'


def ddl(name: str, tables: Mapping[str, tuple[Column, ...]] | None = None, *, as_name: str | None = None) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for ``name`` (created as ``as_name`` when given)."""
    tables = TABLES if tables is None else tables
    cols = ", ".join(f"{_quote(c.name)} {c.type}{' PRIMARY KEY' if c.primary_key else ''}" for c in tables[name])
    return f"CREATE TABLE IF NOT EXISTS {as_name or name} ({cols});"


def all_ddl(tables: Mapping[str, tuple[Column, ...]] | None = None) -> str:
    tables = TABLES if tables is None else tables
    return "\n".join(ddl(name, tables) for name in tables)


def arrow_type(sql_type: str) -> Any:
    import pyarrow as pa

    kind = _ARROW[sql_type][0]
    if kind == "list_string":
        return pa.list_(pa.string())
    if kind == "timestamp_us":
        return pa.timestamp("us")
    return getattr(pa, kind)()


def arrow_schema(name: str, tables: Mapping[str, tuple[Column, ...]] | None = None) -> Any:
    import pyarrow as pa

    tables = TABLES if tables is None else tables
    return pa.schema([(c.name, arrow_type(c.type)) for c in tables[name]])


def _record_type(name: str, columns: tuple[Column, ...]) -> type:
    fields = [(c.name, _ARROW[c.type][1] | None) for c in columns]  # type: ignore[operator]
    cls_name = "".join(p.capitalize() for p in name.rstrip("s").split("_")) + "Row"

    def to_dict(self: Any) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    return dataclasses.make_dataclass(cls_name, fields, frozen=True, slots=True,
                                      namespace={"to_dict": to_dict, "__module__": __name__})


@cache
def record_type(name: str) -> type:
    """The frozen record of one row of table ``name`` (fields = columns, in order)."""
    return _record_type(name, TABLES[name])


def record_type_for(name: str, tables: Mapping[str, tuple[Column, ...]]) -> type:
    """``record_type`` for another table of columns (tests use a copy with one more column)."""
    return _record_type(name, tables[name])


def row_of(name: str, record: Any, tables: Mapping[str, tuple[Column, ...]] | None = None) -> dict[str, Any]:
    """The stored row of one ``model.py`` record (events: an ``Event``)."""
    tables = TABLES if tables is None else tables
    return {c.name: c.value(record) for c in tables[name]}


def missing_columns(con: Any, tables: Mapping[str, tuple[Column, ...]] | None = None) -> list[str]:
    """``ALTER TABLE`` statements adding the columns of ``tables`` that the open file lacks."""
    tables = TABLES if tables is None else tables
    have: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
    ).fetchall():
        have.setdefault(table, set()).add(column)
    out = []
    for name, cols in tables.items():
        if name not in have:
            continue
        for c in cols:
            if c.name not in have[name]:
                out.append(f"ALTER TABLE {name} ADD COLUMN {_quote(c.name)} {c.type}")
    return out
