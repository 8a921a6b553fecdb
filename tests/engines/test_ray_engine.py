"""The Ray engine on a local Ray runtime gives the same store as the in-process job (samples + manifest)."""

import json
from pathlib import Path

import pytest

from detente.jobs import ingest
from detente.store import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


@pytest.fixture(scope="module")
def ray_runtime():
    ray = pytest.importorskip("ray", reason="the 'ray' extra is not installed (pip install 'detente[ray]')")
    from detente.engines.ray_engine import start

    start(num_cpus=2)
    yield ray
    ray.shutdown()


def _snapshot(db):
    with Store(db, read_only=True) as store:
        return {
            "counts": store.counts(),
            "events": store.query("SELECT id, doc_id, type, mode, cameo, score, source_nodes, target_nodes, said_by_actor,"
                                  " hedged, negated, intent, date, date_basis FROM events ORDER BY id"),
            "claims": store.query("SELECT id, kind, a_node, b_node, polarity, outlet, date FROM claims ORDER BY id"),
            "groups": store.query("SELECT item_id, group_id FROM event_groups ORDER BY item_id"),
            # the pair table (store.pairs): written by Store.write in-process, by load_partitions on Ray
            "pairs": store.query("SELECT item_id, a, b, source, target, group_id, date_precision, solo FROM pairs "
                                 "ORDER BY ALL"),
            "documents": store.query("SELECT id, outlet, published, date_basis, title FROM documents ORDER BY id"),
        }


def _relations(db):
    from typer.testing import CliRunner

    from detente.cli import app

    result = CliRunner().invoke(app, ["relations", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    for row in rows:  # evidence ids come in storage order, which differs between engines: compare them as sets
        row["evidence"] = {k: sorted(v) for k, v in row["evidence"].items()} if isinstance(row["evidence"], dict) \
            else sorted(row["evidence"])
    assert rows
    return rows


def _driver_must_not_read(monkeypatch):
    """Reading an article in this (the driver's) process fails the test: Ray's worker processes import detente
    afresh and are not patched, so the run only succeeds when ray.data reads the inputs on them."""
    import detente.ingest.sources as sources

    def refuse(*args, **kwargs):
        raise AssertionError("the Ray driver read an input")

    monkeypatch.setattr(sources, "_read_one", refuse)  # an article file (the manifest is read here, as it must)
    monkeypatch.setattr(sources, "make_document", refuse)


def test_ray_engine_matches_in_process_on_samples(tmp_path, pipeline, ray_runtime, monkeypatch):
    from detente.engines.ray_engine import ingest_ray

    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    manifest = SAMPLES / "manifest.csv"
    with Store(local) as store:
        expected = ingest([str(SAMPLES)], store=store, pipeline=pipeline, manifest=manifest)
    parts = tmp_path / "parts"
    _driver_must_not_read(monkeypatch)
    with Store(distributed) as store:
        got = ingest_ray([str(SAMPLES)], store=store, manifest=manifest, workers=2, parquet_dir=parts)
    assert [r.reason for r in got.rejected] == []
    assert expected.stored == got.stored == 5
    assert (expected.events, expected.read, len(expected.rejected)) == (got.events, got.read, len(got.rejected))
    assert _snapshot(local) == _snapshot(distributed)
    assert _relations(local) == _relations(distributed)
    # the documented layout: one directory per store table, one Parquet file per extraction batch
    assert {p.name for p in parts.iterdir()} >= {"documents", "sentences", "mentions", "events", "claims"}
    assert all(f.name.startswith("batch-") for f in (parts / "events").iterdir())

    # loading again (same inputs, same partitions) changes nothing
    with Store(distributed) as store:
        again = ingest_ray([str(SAMPLES)], store=store, manifest=manifest, workers=2)
        assert again.stored == 0 and again.duplicates == 5
        from detente.store.parquet import load_partitions

        assert load_partitions(store, parts) == 0
    assert _snapshot(local) == _snapshot(distributed)


def test_ray_engine_reingest_with_a_new_manifest_updates_as_in_process(tmp_path, pipeline, ray_runtime, monkeypatch):
    """The one duplicate check (``jobs.to_extract``) on both engines: a new outlet is updated in place, a new date
    extracts the document again, the rest are duplicates; a bad input is rejected by the reader on a worker."""
    from detente.engines.ray_engine import ingest_ray

    changed = tmp_path / "changed.csv"
    lines = (SAMPLES / "manifest.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Sample Wire", "Other Wire")
    lines[3] = lines[3].replace("2023-03-21", "2023-03-28")
    lines.append("missing.txt,Sample Wire,2023-01-01,Not there")
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in ("01_talks.txt", "02_sanctions.txt", "03_aid.txt", "04_border.txt", "05_un.txt"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    inputs = [str(tmp_path / "01_talks.txt"), str(tmp_path / "03_aid.txt")]  # listed by the manifest too

    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    with Store(local) as store:
        ingest([str(SAMPLES)], store=store, pipeline=pipeline, manifest=SAMPLES / "manifest.csv")
        expected = ingest(inputs, store=store, pipeline=pipeline, manifest=changed)
    with Store(distributed) as store:
        ingest([str(SAMPLES)], store=store, pipeline=pipeline, manifest=SAMPLES / "manifest.csv")
        _driver_must_not_read(monkeypatch)
        got = ingest_ray(inputs, store=store, manifest=changed, workers=2)
    assert (got.read, got.stored, got.duplicates, got.reextracted, got.events) == \
        (expected.read, expected.stored, expected.duplicates, expected.reextracted, expected.events)
    assert got.reextracted == 1 and {tuple(u["fields"]) for u in got.updated} == {("outlet",), ("published",)}
    assert [(r.code, r.source.endswith("missing.txt")) for r in got.rejected] == [("R01", True)]
    assert _snapshot(local) == _snapshot(distributed)
    assert _relations(local) == _relations(distributed)
