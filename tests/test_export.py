"""Exports read back with the libraries other tools use (networkx, pyarrow, pandas), and the registry."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from detente.exports import Exporter, export, exporters, register_exporter
from detente.store import Store

GDELT_HEADER = "ontology/gdelt-schema/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


@pytest.fixture(scope="module")
def exported(seed_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    counts = {}
    with Store(seed_store, read_only=True) as store:
        for name, exporter in exporters().items():
            counts[name] = export(store, name, out / f"seeds{exporter.suffix}")
    return out, counts


def test_export_registry_lists_builtins_and_takes_addons(tmp_path, seed_store, monkeypatch):
    import detente.exports as registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # the add-on stays in this test
    assert {"gdelt", "plover", "graphml", "gexf", "parquet", "csv"} <= set(exporters())

    def write_count(store, path, *, filters):
        path.write_text(str(store.counts()["events"]))
        return 1

    register_exporter(Exporter("count", ".txt", "number of events", write_count))
    with Store(seed_store, read_only=True) as store:
        assert export(store, "count", tmp_path / "n.txt") == 1
    assert int((tmp_path / "n.txt").read_text()) > 0


def test_export_gdelt_reads_with_gdelt_header_names(exported, seeds_dir):
    out, counts = exported
    with (seeds_dir.parent / GDELT_HEADER).open(encoding="utf-8") as f:
        names = [row["tableId"] for row in csv.DictReader(f)]
    assert len(names) == 61
    df = pd.read_csv(out / "seeds.tsv", sep="\t", names=names, header=None,
                     dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert len(df) == counts["gdelt"] > 0
    assert df["GLOBALEVENTID"].is_unique
    assert df["SQLDATE"].dropna().astype(int).between(19000101, 21000101).all()
    assert df["QuadClass"].dropna().isin([1, 2, 3, 4]).all()
    assert df["GoldsteinScale"].between(-10, 10).all()
    assert (df["NumMentions"] >= 1).all()
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert "RUS" in set(df["Actor1CountryCode"].dropna())


def test_export_plover_jsonl_has_required_fields(exported):
    out, _ = exported
    records = [json.loads(line) for line in (out / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records
    for rec in records:
        assert {"id", "date", "actor", "event", "recipient", "mode", "context", "text", "reports"} <= set(rec)
        assert isinstance(rec["event"], list) and rec["reports"]
    assert len({r["id"] for r in records}) == len(records)
    assert any(len(r["reports"]) > 1 for r in records)  # merged reports kept as evidence


@pytest.mark.parametrize("suffix, reader", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_export_graph_formats_load_in_networkx(exported, suffix, reader):
    out, _ = exported
    graph = reader(out / f"seeds{suffix}")
    assert graph.has_edge("RUS", "ISR")
    edge = graph.edges["RUS", "ISR"]
    assert float(edge["score"]) < 0 and int(edge["n_events"]) > 0
    assert graph.nodes["RUS"]["name"] == "Russia"


def test_export_tables_load_in_pyarrow_and_pandas(exported):
    out, counts = exported
    table = pq.read_table(out / "seeds.parquet")
    assert table.num_rows == counts["parquet"] and {"id", "type", "score", "group_id"} <= set(table.column_names)
    df = pd.read_csv(out / "seeds.csv")
    assert len(df) == counts["csv"] == table.num_rows
    assert df["group_id"].nunique() < len(df)
