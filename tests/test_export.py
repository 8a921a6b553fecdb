"""Exports validated by the tool or schema each targets: GEXF 1.3 (schema, networkx), GDELT 2.0 (columns, types,
CAMEO codes), PLOVER 2.0 (required fields, field names), Parquet and CSV (pandas); and the export command."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from lxml import etree
from typer.testing import CliRunner

from detente.cli import app
from detente.exports import Exporter, export, exporters, register_exporter
from detente.exports._codes import cameo_groups
from detente.network.dyads import evidence_items
from detente.store import Store

GDELT_HEADER = "ontology/gdelt-schema/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
CAMEO_EVENT_CODES = "ontology/cameo/CAMEO.eventcodes.txt"
CAMEO_MANUAL = "ontology/cameo/CAMEO.Manual.1.1b3.md"
GEXF_XSD = Path(__file__).parent / "schemas" / "gexf-1.3.xsd"
GEXF_NS = "{http://gexf.net/1.3}"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# PLOVER 2.0's non-state "country" codes (manual, table of international non-state actors).
PLOVER_NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
# CAMEO role codes: never a known group.
CAMEO_ROLES = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "UAF", "BUS", "CRM", "CVL", "DEV", "EDU",
               "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "AGR", "MOD", "RAD", "IGO", "NGO"}


@pytest.fixture(scope="module")
def url_store(tmp_path_factory, seeds_dir, seed_meta, pipeline):
    """The seeds ingested with a manifest written for this test: web addresses for two of them."""
    from detente.jobs import ingest

    root = tmp_path_factory.mktemp("url-store")
    manifest = root / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["path", "outlet", "published", "title", "url"])
        writer.writeheader()
        for i, (name, meta) in enumerate(sorted(seed_meta.items())):
            writer.writerow({"path": str(seeds_dir / name), "outlet": meta["outlet"], "published": meta["published"],
                             "title": meta["title"], "url": f"https://news.example.org/{i}" if i < 2 else ""})
    db = root / "seeds.duckdb"
    with Store(db) as store:
        ingest([], store=store, pipeline=pipeline, manifest=manifest)
    return db


@pytest.fixture(scope="module")
def exported(url_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    counts = {}
    with Store(url_store, read_only=True) as store:
        for name, exporter in exporters().items():
            counts[name] = export(store, name, out / f"seeds{exporter.suffix}")
    return out, counts


def test_export_registry_lists_builtins_and_takes_addons(tmp_path, seed_store, monkeypatch):
    import detente.exports as registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # the add-on stays in this test
    assert {"gdelt", "plover", "graphml", "gexf", "parquet", "csv", "relations-csv", "relations-parquet",
            "series-csv", "series-parquet"} <= set(exporters())
    assert len({e.suffix for e in exporters().values()}) == len(exporters())  # one file name per format

    def write_count(store, path, *, filters):
        path.write_text(str(store.counts()["events"]))
        return 1

    register_exporter(Exporter("count", ".txt", "number of events", write_count))
    with Store(seed_store, read_only=True) as store:
        assert export(store, "count", tmp_path / "n.txt") == 1
    assert int((tmp_path / "n.txt").read_text()) > 0


# -- GEXF ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gexf_schema():
    return etree.XMLSchema(etree.parse(str(GEXF_XSD)))


def test_export_gexf_is_valid_gexf_1_3(exported, gexf_schema):
    out, _ = exported
    doc = etree.parse(str(out / "seeds.gexf"))
    assert gexf_schema.validate(doc), gexf_schema.error_log
    root = doc.getroot()
    assert root.tag == f"{GEXF_NS}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF_NS}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert graph.get("name") is None


def test_gexf_schema_rejects_what_gephi_would_not_take(exported, gexf_schema, url_store, tmp_path):
    """The schema can fail: networkx's own writer (graph@name) and a spell with a bad date are rejected."""
    from detente.exports._graph import relations_graph

    with Store(url_store, read_only=True) as store:
        graph = relations_graph(store)
    nx.write_gexf(graph, tmp_path / "nx.gexf", version="1.3")
    assert not gexf_schema.validate(etree.parse(str(tmp_path / "nx.gexf")))
    text = (exported[0] / "seeds.gexf").read_text(encoding="utf-8")
    broken = re.sub(r'<spell start="[^"]+"', '<spell start="March 2023"', text, count=1)
    assert broken != text and not gexf_schema.validate(etree.fromstring(broken.encode()))
    undeclared = text.replace('<attributes class="edge" mode="static">', '<attributes mode="static">', 1)
    assert not gexf_schema.validate(etree.fromstring(undeclared.encode()))


def test_export_gexf_has_names_declared_attributes_and_spells_from_evidence(exported, url_store):
    out, _ = exported
    root = etree.parse(str(out / "seeds.gexf")).getroot()
    declared: dict[str, set[str]] = {}
    for block in root.iter(f"{GEXF_NS}attributes"):
        declared.setdefault(block.get("class"), set()).update(a.get("id") for a in block)
    for cls in ("node", "edge"):
        for element in root.iter(f"{GEXF_NS}{cls}"):
            assert {v.get("for") for v in element.iter(f"{GEXF_NS}attvalue")} <= declared[cls]
    graph = nx.read_gexf(out / "seeds.gexf")
    assert graph.graph["mode"] == "dynamic"
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.nodes["ISR"]["label"] == "Israel"
    edge = graph.edges["RUS", "ISR"]
    assert float(edge["score"]) < 0 and int(edge["n_events"]) > 0
    with Store(url_store, read_only=True) as store:
        days = {i.date for i in evidence_items(store) if {i.a, i.b} == {"ISR", "RUS"} and i.date}
    spells = [(dt.date.fromisoformat(s), dt.date.fromisoformat(e)) for s, e in edge["spells"]]
    assert spells == sorted(spells) and len(spells) >= 2
    assert all(any(s <= day <= e for s, e in spells) for day in days)  # every dated report inside a spell
    monthly = edge["score_in_month"]  # the dynamic attribute: the pair's score per month with evidence
    assert monthly and all(-10 <= float(v) <= 10 and s.endswith("-01") for v, s, _ in monthly)
    assert {s[:7] for _, s, _ in monthly} <= {d.isoformat()[:7] for d in days}
    node_spells = graph.nodes["RUS"].get("spells")
    assert node_spells is None or all(any(ns <= s and e <= ne for ns, ne in node_spells) for s, e in edge["spells"])


def test_merge_spells_joins_touching_periods():
    from detente.exports._graph import merge_spells

    d = dt.date
    assert merge_spells([(d(2023, 4, 1), d(2023, 4, 30)), (d(2023, 3, 1), d(2023, 3, 31)),
                         (d(2023, 6, 5), d(2023, 6, 5))]) == [(d(2023, 3, 1), d(2023, 4, 30)),
                                                              (d(2023, 6, 5), d(2023, 6, 5))]


def test_export_graphml_loads_in_networkx(exported):
    graph = nx.read_graphml(exported[0] / "seeds.graphml")
    assert graph.has_edge("RUS", "ISR") and graph.nodes["RUS"]["name"] == "Russia"


# -- GDELT -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gdelt(exported, seeds_dir):
    with (seeds_dir.parent / GDELT_HEADER).open(encoding="utf-8") as f:
        names = [row["tableId"] for row in csv.DictReader(f)]
    assert len(names) == 61
    return pd.read_csv(exported[0] / "seeds.tsv", sep="\t", names=names, header=None, dtype=str,
                       keep_default_na=False)


def test_export_gdelt_columns_and_types(gdelt, exported, seeds_dir):
    out, counts = exported
    lines = (out / "seeds.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(gdelt) == counts["gdelt"] > 0
    assert all(line.count("\t") == 60 for line in lines)
    assert gdelt["GLOBALEVENTID"].str.fullmatch(r"\d+").all() and gdelt["GLOBALEVENTID"].is_unique
    dated = gdelt[gdelt["SQLDATE"] != ""]
    assert dated["SQLDATE"].str.fullmatch(r"(19|20)\d{6}").all()
    assert (dated["MonthYear"] == dated["SQLDATE"].str[:6]).all() and (dated["Year"] == dated["SQLDATE"].str[:4]).all()
    assert gdelt["QuadClass"].isin(["1", "2", "3", "4"]).all()
    assert gdelt["GoldsteinScale"].astype(float).between(-10, 10).all()
    assert (gdelt["NumMentions"].astype(int) >= 1).all()
    event_codes = {line.split("\t")[0] for line in
                   (seeds_dir.parent / CAMEO_EVENT_CODES).read_text(encoding="utf-8").splitlines()[1:]}
    assert gdelt["EventCode"].isin(event_codes).all()
    assert (gdelt["EventRootCode"] == gdelt["EventCode"].str[:2]).all()
    assert (gdelt["AvgTone"] == "").all()  # no tone measured: blank, never 0
    assert (gdelt["DATEADDED"].str.fullmatch(r"\d{14}")).all()


def test_export_gdelt_actor_codes_are_cameo(gdelt, seeds_dir):
    manual = (seeds_dir.parent / CAMEO_MANUAL).read_text(encoding="utf-8")
    cameo_countries = set(re.findall(r"^\|\s*([A-Z]{3})\s*\|", manual, flags=re.M))
    assert (gdelt["Actor1Code"] != "").all()  # every row has a coded source actor
    for n in (1, 2):
        code, country = gdelt[f"Actor{n}Code"], gdelt[f"Actor{n}CountryCode"]
        group, type1, name = gdelt[f"Actor{n}KnownGroupCode"], gdelt[f"Actor{n}Type1Code"], gdelt[f"Actor{n}Name"]
        assert code.str.fullmatch(r"(?:[A-Z]{3})*").all()
        assert ((name == "") == (code == "")).all()  # no name without a code
        assert ((country == "") | (code.str[:3] == country)).all()
        assert country[country != ""].isin(cameo_countries).all() and not country.isin(["IGO", "NGO", "IMG"]).any()
        assert group.str.fullmatch(r"(?:[A-Z]{3})?").all() and not group.isin(CAMEO_ROLES).any()
        assert all(g == "" or c.endswith(g) for c, g in zip(code, group))
        assert all(t == "" or t in c for c, t in zip(code, type1))
    hamas = gdelt[gdelt["Actor2Name"] == "HAMAS"]
    assert not hamas.empty
    assert set(hamas["Actor2Code"]) == {"PSEREBHMS"} and set(hamas["Actor2KnownGroupCode"]) == {"HMS"}
    assert set(hamas["Actor2CountryCode"]) == {"PSE"} and set(hamas["Actor2Type1Code"]) == {"REB"}
    eu = gdelt[gdelt["Actor2Name"] == "EUROPEAN UNION"]
    assert set(eu["Actor2Code"]) <= {"IGOEUREEC"} and set(eu["Actor2CountryCode"]) <= {""}


def test_export_gdelt_sourceurl_is_the_article_url_never_a_path(gdelt):
    urls = gdelt["SOURCEURL"]
    assert urls.str.fullmatch(r"(https?://\S+)?").all()
    assert urls.str.startswith("https://news.example.org/").any()
    assert not urls.str.contains("/work/|\\.txt$", regex=True).any()


def test_export_gdelt_counts_what_it_leaves_out(exported, url_store):
    from detente.exports._common import event_groups

    _, counts = exported
    with Store(url_store, read_only=True) as store:
        groups = len(event_groups(store, __import__("detente.network.dyads", fromlist=["Filters"]).Filters()))
    assert counts["gdelt"] + sum(counts["gdelt"].skipped.values()) == groups
    assert counts["gdelt"].skipped.get("no coded source actor", 0) > 0


def test_cameo_actor_codes_data_file():
    rows = cameo_groups()
    assert rows["hamas"] == ("PSEREBHMS", "HMS") and rows["eu"] == ("IGOEUREEC", "EEC")
    assert rows["un"] == ("IGOUNO", "UNO") and rows["nato"][1] == "NAT"
    for code, group in rows.values():
        assert len(code) % 3 == 0 and code.endswith(group) and group not in CAMEO_ROLES


# -- PLOVER ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plover(exported):
    return [json.loads(line) for line in (exported[0] / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]


def test_export_plover_meets_required_fields(plover, exported):
    assert plover and len(plover) == exported[1]["plover"]
    assert len({r["id"] for r in plover}) == len(plover)
    for rec in plover:
        assert rec["id"] and rec["actor"] and rec["event"]
        assert dt.date.fromisoformat(rec["date"])
        assert set(rec["event"]) <= PLOVER_TYPES
        for entity in rec["actor"] + rec["recipient"]:
            assert re.fullmatch(r"[A-Z]{3}", entity["code"])
            assert entity["entity_text"] and entity["identifier_id"]
            assert "entity_name" not in entity
            if entity["sector"] is not None:
                assert re.fullmatch(r"[A-Z]{3}", entity["sector"])
        assert rec["quad_code"] in {1, 2, 3, 4, None}
        assert -10 <= rec["event_scale"] <= 10
        assert "publication" in rec["cite_info"] and "outlet" not in rec["cite_info"]
    assert any(len(r["reports"]) > 1 for r in plover)  # merged reports kept as evidence


def test_export_plover_codes_country_and_sector(plover):
    entities = [e for r in plover for e in r["actor"] + r["recipient"]]
    putin = next(e for e in entities if e["identifier_id"] == "RUSGOV:vladimir-putin")
    assert (putin["code"], putin["sector"]) == ("RUS", "GOV") and putin["office"]
    codes = {e["code"] for e in entities}
    assert "RUSGOV" not in codes and codes - PLOVER_NON_STATE <= {e["code"] for e in entities if len(e["code"]) == 3}
    eu = [e for e in entities if e["identifier_id"].endswith(":eu")]
    assert all(e["code"] == "EUR" for e in eu)


def test_export_plover_leaves_out_and_counts_records_without_source(exported, url_store):
    from detente.exports._plover import plover_records

    _, counts = exported
    skipped = counts["plover"].skipped
    assert skipped.get("no resolved source actor", 0) > 0
    with Store(url_store, read_only=True) as store:
        records, again = plover_records(store)
    assert len(records) == counts["plover"] and again == {**{k: 0 for k in again}, **skipped}


# -- tables ----------------------------------------------------------------------------------------------
RELATION_COLUMNS = {"a", "a_name", "b", "b_name", "score", "n_events", "n_outlets", "first", "last", "titles", "urls",
                    "doc_ids", "outlets", "evidence"}


def test_export_relations_tables_load_in_pandas(exported, url_store):
    out, counts = exported
    table = pd.read_parquet(out / "seeds.relations.parquet")
    frame = pd.read_csv(out / "seeds.relations.csv")
    assert len(table) == len(frame) == counts["relations-parquet"] == counts["relations-csv"] > 0
    assert RELATION_COLUMNS <= set(table.columns) and RELATION_COLUMNS <= set(frame.columns)
    row = table[(table["a"] == "ISR") & (table["b"] == "RUS")].iloc[0]
    assert (row["a_name"], row["b_name"]) == ("Israel", "Russia") and row["score"] < 0
    assert len(row["titles"]) == len(row["doc_ids"]) >= 2 and all(row["titles"])
    assert any(u.startswith("https://news.example.org/") for u in row["urls"])
    assert frame["titles"].str.contains("Putin", regex=False).any()


def test_export_series_tables_load_in_pandas(exported):
    out, counts = exported
    table = pd.read_parquet(out / "seeds.series.parquet")
    frame = pd.read_csv(out / "seeds.series.csv", parse_dates=["period"])
    assert len(table) == len(frame) == counts["series-csv"] > 0
    assert {"a_name", "b_name", "period", "window", "score", "titles", "urls"} <= set(table.columns)
    assert (frame["period"].dt.day == 1).all() and (frame["window"] == "month").all()
    assert table["titles"].map(len).min() >= 1


def test_export_events_tables_load_in_pyarrow_and_pandas(exported):
    out, counts = exported
    table = pq.read_table(out / "seeds.parquet")
    assert table.num_rows == counts["parquet"] and {"id", "type", "score", "group_id"} <= set(table.column_names)
    df = pd.read_csv(out / "seeds.csv")
    assert len(df) == counts["csv"] == table.num_rows
    assert df["group_id"].nunique() < len(df)


# -- the command ---------------------------------------------------------------------------------------
def test_export_command_list_help_and_stdout(seed_store, tmp_path, monkeypatch):
    runner = CliRunner()
    help_text = runner.invoke(app, ["export", "--help"], terminal_width=200).output
    listed = runner.invoke(app, ["export", "--list"])
    assert listed.exit_code == 0
    assert {line.split()[0] for line in listed.output.splitlines()} == set(exporters())
    for option in set(re.findall(r"--[a-z][a-z-]+", help_text)):  # every option the help names exists
        assert runner.invoke(app, ["export", option, "--help"]).exit_code == 0 or option in help_text
    assert "--list" in help_text
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "plover", "--output", "-"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and all(json.loads(line)["actor"] for line in lines)
    assert "left out" in result.stderr
    missing = runner.invoke(app, ["export", "--db", str(seed_store), "--output", "-"])
    assert missing.exit_code == 2


def test_relations_csv_cells_neutralise_formulas():
    from detente.exports._tables import _cell

    assert _cell(["=HYPERLINK(\"http://x\")", "Talks"]) == "'=HYPERLINK(\"http://x\") | Talks"
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell(-2.5) == -2.5 and _cell(None) == ""
    assert _cell(dt.date(2023, 3, 1)) == "2023-03-01"
