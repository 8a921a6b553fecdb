"""The DuckDB store: schema version, migrations, transactions, idempotent writes."""

import datetime as dt

import pytest

from detente.errors import StoreError
from detente.model import Document, Extraction, Sentence
from detente.store import SCHEMA_VERSION, Store


def _extraction(text="Russia and Iran signed a deal."):
    doc = Document(id=Document.make_id(text), text=text, published=dt.date(2023, 1, 2))
    return Extraction(doc, (Sentence(doc.id, 0, 0, len(text), text),), (), ())


def test_store_new_file_has_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["documents"] == 0


def test_store_write_is_idempotent(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write([_extraction(), _extraction()]) == 1
        assert store.write([_extraction()]) == 0
        assert store.counts()["documents"] == 1 and store.counts()["sentences"] == 1


def test_store_read_only_rejects_missing_and_old_files(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    import duckdb

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(tmp_path / "old.duckdb", read_only=True)
    with Store(tmp_path / "old.duckdb") as store:  # opening for writing migrates
        assert store.schema_version() == SCHEMA_VERSION


def test_store_newer_schema_refused(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "s.duckdb")


def test_store_failed_batch_rolls_back(tmp_path, monkeypatch):
    from detente.store import duck

    with Store(tmp_path / "s.duckdb") as store:
        store.write([_extraction("First article about Russia.")])
        real = duck._tables

        def broken(batch):
            tables = real(batch)
            tables["events"] = "not a table"
            return tables

        monkeypatch.setattr(duck, "_tables", broken)
        with pytest.raises(StoreError, match="rolled back"):
            store.write([_extraction("Second article about Iran.")])
        assert store.counts()["documents"] == 1


def test_store_migration_removes_made_up_background_dates(tmp_path):
    """Version 3 (issue 12): a background date that version 2 made up ("a year before publication") goes."""
    import duckdb

    from detente.store.duck import MIGRATIONS

    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for version in (1, 2):
        con.execute(MIGRATIONS[version])
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO events (id, date, date_basis, date_precision) VALUES "
                "('bg', DATE '2022-10-27', 'background', 'year'), ('news', DATE '2023-10-27', 'stated', 'day')")
    con.execute("INSERT INTO claims (id, kind, date, date_basis) VALUES "
                "('c-bg', 'relation', DATE '2022-10-27', 'background'), ('c-news', 'relation', DATE '2023-10-27', 'published')")
    con.close()
    with Store(path) as store:
        rows = {r["id"]: r for r in store.query("SELECT id, date, date_precision FROM events UNION ALL "
                                                "SELECT id, date, date_precision FROM claims")}
    assert rows["bg"]["date"] is None and rows["bg"]["date_precision"] == "before-publication"
    assert rows["c-bg"]["date"] is None and rows["c-bg"]["date_precision"] == "before-publication"
    assert rows["news"]["date"] == dt.date(2023, 10, 27) and rows["news"]["date_precision"] == "day"
    assert rows["c-news"]["date_precision"] == "day"


def test_store_migration_9_drops_the_keys_of_per_document_tables(tmp_path):
    """Version 9: sentences and mentions lose their PRIMARY KEY (an ART index that every insert loaded into
    memory) and keep their rows; documents, actors, nodes, events and claims keep theirs."""
    import dataclasses

    import duckdb

    from detente.store.schema import TABLES, UNKEYED, all_ddl

    keyed = {name: tuple(dataclasses.replace(c, primary_key=i == 0) for i, c in enumerate(cols))
             for name, cols in TABLES.items()}
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(all_ddl(keyed))
    con.execute("ALTER TABLE claims DROP COLUMN change")  # a column added later: NULL after the copy
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO events (id, doc_id, score) VALUES ('e1', 'd1', 2.5)")
    con.execute("INSERT INTO claims (id, kind, event_id) VALUES ('e1:claim', 'event', 'e1')")
    con.execute("INSERT INTO sentences (id, doc_id, idx, text) VALUES ('s1', 'd1', 0, 'x')")
    con.execute("INSERT INTO mentions (id, doc_id, text) VALUES ('m1', 'd1', 'Russia')")
    before = {t for t, in con.execute("SELECT table_name FROM duckdb_constraints() "
                                      "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
    con.close()
    assert set(UNKEYED) <= before
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        after = {t for t, in store.con.execute("SELECT table_name FROM duckdb_constraints() "
                                               "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
        assert not after & set(UNKEYED) and {"documents", "actors", "nodes", "events", "claims"} <= after
        assert store.query("SELECT id, doc_id, score FROM events") == [{"id": "e1", "doc_id": "d1", "score": 2.5}]
        assert store.query("SELECT id, change FROM claims") == [{"id": "e1:claim", "change": None}]
        assert store.counts()["sentences"] == 1 and store.counts()["mentions"] == 1
        assert store.write([_extraction()]) == 1


def test_store_refuses_a_batch_whose_rows_share_an_id(tmp_path, monkeypatch):
    """Without a key constraint the write itself checks that the batch's ids are unique (they are by
    construction; a clash is a bug, and the batch is refused whole rather than stored twice)."""
    import pyarrow as pa

    from detente.store import duck

    real = duck._tables

    def doubled(batch):
        tables = real(batch)
        tables["sentences"] = pa.concat_tables([tables["sentences"], tables["sentences"]])
        return tables

    with Store(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(duck, "_tables", doubled)
        with pytest.raises(StoreError, match="share an id"):
            store.write([_extraction()])
        assert store.counts()["documents"] == 0 and store.counts()["sentences"] == 0


def test_store_release_memory_drops_cached_blocks_and_keeps_the_limit(tmp_path, monkeypatch):
    """``release_memory`` (called by ``jobs.ingest`` every few batches) checkpoints and empties DuckDB's cache of
    the file's blocks, which otherwise grows with the store, and leaves the memory limit as it was (within the
    setting's rounding)."""
    def cached_mb(con):
        row = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                          "WHERE tag = 'BASE_TABLE'").fetchone()
        return row[0] / 2**20

    from detente.store import duck

    monkeypatch.setattr(duck, "CACHE_FLOOR", "4MB")  # below this test's table (the product keeps 32 MB)
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute("CREATE TABLE big AS SELECT range AS i, md5(CAST(range AS VARCHAR)) AS h "
                          "FROM range(1000000)")
        store.con.execute("CHECKPOINT")
        store.con.execute("SELECT count(DISTINCT h) FROM big").fetchall()  # reads the blocks into the cache
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert cached_mb(store.con) > 12
        store.release_memory()
        assert cached_mb(store.con) < 4
        after = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert after.split()[1] == limit.split()[1] and abs(float(after.split()[0]) - float(limit.split()[0])) < 0.15
        assert store.con.execute("SELECT count(*) FROM big").fetchone()[0] == 1000000  # read again when needed
        # the limit really is back (not only the setting): a query needing more than the floor runs
        assert store.con.execute("SELECT len(list(range)) FROM range(3000000)").fetchone()[0] == 3000000
        store.release_memory()  # and again: no drift
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == after
        assert store.con.execute("SELECT len(list(range)) FROM range(3000000)").fetchone()[0] == 3000000
    with Store(":memory:") as store:  # nothing to release: the cache is the store
        store.release_memory()
