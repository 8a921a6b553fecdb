"""One table of columns: adding a field to Event is one Column line plus a version bump."""

from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pytest

from detente.model import DateBasis, Document, Event, EventDate, Extraction, Mention, Sentence
from detente.store import Store, duck, schema


def _event(doc_id: str) -> Event:
    ru = Mention(doc_id, 0, 0, 6, "Russia")
    return Event(doc_id, 0, "condemned", 7, "ACCUSE", "111", -2.0, (ru,), (), outlet="Wire",
                 date=EventDate(dt.date(2023, 10, 18), DateBasis.PUBLISHED))


def _extraction(text: str = "Russia condemned the strike.") -> Extraction:
    doc = Document(id=Document.make_id(text), text=text, published=dt.date(2023, 10, 18))
    return Extraction(doc, (Sentence(doc.id, 0, 0, len(text), text),), (), (_event(doc.id),))


def test_schema_generates_what_the_store_holds(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        for name, columns in schema.TABLES.items():
            got = [r[0] for r in store.con.execute(f"DESCRIBE {name}").fetchall()]
            assert got == [c.name for c in columns]
            assert schema.arrow_schema(name).names == got
        store.write([_extraction()])
        row = store.con.execute("SELECT * FROM events").fetchone()
        record = schema.record_type("events")(*row)
        assert record.type == "ACCUSE" and record.date == dt.date(2023, 10, 18) and record.source_ids == ["Russia"]


def test_adding_a_field_to_event_is_one_column(tmp_path, monkeypatch):
    # a store made by the current version, before the field exists
    old_db = tmp_path / "old.duckdb"
    with Store(old_db) as store:
        store.write([_extraction("Russia condemned the first strike.")])

    # the one change: a field on the record and its Column in the table of columns
    # (the field itself would go on model.Event; its Column says how the row reads it)
    column = schema.Column("region", "VARCHAR", lambda e: "Middle East")
    tables = {**schema.TABLES, "events": (*schema.EVENT_COLUMNS, column)}
    monkeypatch.setattr(schema, "TABLES", tables)
    monkeypatch.setattr(schema, "EVENT_COLUMNS", tables["events"])
    schema.record_type.cache_clear()
    monkeypatch.setattr(duck, "SCHEMA_VERSION", duck.SCHEMA_VERSION + 1)
    monkeypatch.setitem(duck.MIGRATIONS, duck.SCHEMA_VERSION, "SELECT 1")  # the migration: a version bump

    assert '"region" VARCHAR' in schema.ddl("events", tables)
    assert schema.arrow_schema("events", tables).field("region").type == "string"
    assert "region" in {f.name for f in dataclasses.fields(schema.record_type_for("events", tables))}

    # the older file migrates: the column is added, old rows keep their values, new rows get the field
    with Store(old_db) as store:
        assert store.schema_version() == duck.SCHEMA_VERSION
        store.write([_extraction("Russia condemned the second strike.")])
        rows = store.con.execute("SELECT id, region FROM events ORDER BY region NULLS FIRST").fetchall()
        assert [r[1] for r in rows] == [None, "Middle East"]
        record = schema.record_type("events")(*store.con.execute("SELECT * FROM events WHERE region IS NOT NULL")
                                               .fetchone())
        assert record.region == "Middle East"
    schema.record_type.cache_clear()


def test_version_2_store_migrates_and_gets_its_pairs(tmp_path):
    """A file made before the pair table (schema 2) opens, migrates and reads the same relations."""
    from detente.network.dyads import relations

    db = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(duck._SCHEMA_V1)
    con.execute(duck._SCHEMA_V2)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO nodes VALUES ('RUS', 'Russia', 'state', 'RUS'), ('ISR', 'Israel', 'state', 'ISR')")
    con.execute("""INSERT INTO events (id, doc_id, sent_idx, type, score, source_nodes, target_nodes, outlet, hedged,
                   negated, date, date_basis) VALUES ('e1', 'd1', 0, 'ACCUSE', -2.0, ['RUS'], ['ISR'], 'A', false,
                   false, DATE '2023-10-18', 'published')""")
    con.close()
    with pytest.raises(Exception, match="schema version 2"):
        Store(db, read_only=True)
    with Store(db) as store:
        assert store.schema_version() == duck.SCHEMA_VERSION
        (rel,) = relations(store)
        assert (rel.a, rel.b, rel.score, rel.evidence) == ("ISR", "RUS", -2.0, ("e1",))


def test_evidence_is_stored_once_in_its_sentence(tmp_path):
    """Events and claims keep offsets, not a copy of their sentence: readers slice the stored sentence, also for
    a long sentence whose evidence is a window of it."""
    from detente.model import MAX_EVIDENCE_CHARS, evidence_window
    from detente.store import readers

    filler = " ".join(["and"] * (MAX_EVIDENCE_CHARS // 2))
    text = f"Intro sentence here. {filler} then Russia condemned the strike {filler}."
    start = text.index(filler)
    doc = Document(id=Document.make_id(text), text=text, published=dt.date(2023, 10, 18))
    sentence = Sentence(doc.id, 1, start, len(text), text[start:])
    window = evidence_window(sentence.text, sentence.start, text.index("condemned"))
    ru = Mention(doc.id, 1, text.index("Russia"), text.index("Russia") + 6, "Russia")
    event = Event(doc.id, 1, "condemned", text.index("condemned"), "ACCUSE", "111", -2.0, (ru,), (), outlet="Wire",
                  date=EventDate(dt.date(2023, 10, 18), DateBasis.PUBLISHED), evidence_text=window[0],
                  evidence_start=window[1], evidence_end=window[2])
    with Store(tmp_path / "e.duckdb") as store:
        store.write([Extraction(doc, (Sentence(doc.id, 0, 0, start - 1, text[:start - 1]), sentence), (ru,),
                                (event,))])
        for table in ("events", "claims"):
            assert "evidence_text" not in [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()]
        (listed,) = readers.events(store.con)
        assert listed.evidence_text == window[0] and "Russia condemned" in listed.evidence_text
        assert len(listed.evidence_text) <= MAX_EVIDENCE_CHARS < len(sentence.text)
        (cited,) = readers.evidence(store.con, [event.id])
        assert cited.evidence_text == window[0]


def test_version_4_store_drops_its_evidence_copies(tmp_path):
    """A file of schema 4 held each event's sentence text in the event row: the migration drops the copies and
    the evidence reads the same from the sentences."""
    from detente.store import readers

    db = tmp_path / "v4.duckdb"
    x = _extraction()
    event = dataclasses.replace(x.events[0], evidence_text=x.document.text, evidence_end=len(x.document.text))
    with Store(db) as store:
        store.write([dataclasses.replace(x, events=(event,))])
        store.con.execute("ALTER TABLE events ADD COLUMN evidence_text VARCHAR")
        store.con.execute("ALTER TABLE claims ADD COLUMN evidence_text VARCHAR")
        store.con.execute("UPDATE events SET evidence_text = 'copy'")
        store.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '4')")
    with Store(db) as store:
        assert store.schema_version() == duck.SCHEMA_VERSION
        assert "evidence_text" not in [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
        (listed,) = readers.events(store.con)
        assert listed.evidence_text == "Russia condemned the strike."


def test_version_8_drops_the_pairs_of_co_agents(tmp_path):
    # a version-7 store paired the co-sources of any act with no target; version 8 keeps only mutual acts' pairs
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for id, cameo in (("met", "040"), ("backed", "051")):
            store.con.execute(
                """INSERT INTO events (id, doc_id, sent_idx, trigger, trigger_start, type, cameo, score, source_ids,
                                       target_ids, source_nodes, target_nodes, negated, date_basis)
                   VALUES (?, 'd', 0, '', 0, 'X', ?, 3.0, ['RUS', 'IRN'], [], ['RUS', 'IRN'], [], false,
                           'published')""", [id, cameo])
            store.con.execute("INSERT INTO pairs (item_id, kind, a, b, source, target, score) "
                              "VALUES (?, 'event', 'IRN', 'RUS', 'RUS', 'IRN', 3.0)", [id])
        store.con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.schema_version() == duck.SCHEMA_VERSION
        assert store.con.execute("SELECT item_id FROM pairs").fetchall() == [("met",)]


def test_version_10_pairs_the_co_sources_of_restored_relations(tmp_path):
    # "A and B reopened their embassies" (054) became a mutual act: a version-9 store had no pair for it
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.con.execute(
            """INSERT INTO events (id, doc_id, sent_idx, trigger, trigger_start, type, cameo, score, source_ids,
                                   target_ids, source_nodes, target_nodes, negated, date_basis)
               VALUES ('reopened', 'd', 0, '', 0, 'COOPERATE', '054', 5.0, ['IRN', 'SAU'], [], ['IRN', 'SAU'], [],
                       false, 'published')""")
        store.con.execute("DELETE FROM pairs")
        store.con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.schema_version() == duck.SCHEMA_VERSION
        assert store.con.execute("SELECT item_id, a, b FROM pairs").fetchall() == [("reopened", "IRN", "SAU")]
