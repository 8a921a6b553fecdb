"""The CLI end to end on a real temporary DuckDB file: ingest, relations, events, actors, report, extract."""

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


def _run(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, seeds_dir, seed_manifest):
    db = tmp_path_factory.mktemp("cli") / "seeds.duckdb"
    result = _run("ingest", seeds_dir, "--manifest", seed_manifest, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["stored"] == 5 and summary["n_rejected"] == 0
    return db


def _relations(db):
    result = _run("relations", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return {frozenset((r["a"]["id"], r["b"]["id"])): r for r in json.loads(result.stdout)}


def test_cli_seed_relations_show_the_alignment(cli_store):
    rels = _relations(cli_store)
    hamas = next(k for k in rels if "RUS" in k and any("hamas" in n for n in k))
    assert rels[frozenset({"RUS", "IRN"})]["score"] > 0
    assert rels[hamas]["score"] > 0
    assert rels[frozenset({"RUS", "ISR"})]["score"] < 0
    for key in (frozenset({"RUS", "IRN"}), hamas, frozenset({"RUS", "ISR"})):
        r = rels[key]
        # every event group cited, up to the 20 most recent reports (--evidence)
        assert r["evidence"] and 1 <= min(r["n_events"], 20) <= len(r["evidence"]) <= 20 and r["n_outlets"] >= 1
        assert -10 <= r["score"] <= 10 and r["first"] <= r["last"]


def test_cli_ingest_twice_changes_nothing(cli_store, seeds_dir, seed_manifest):
    from detente.store import Store

    def snapshot():
        with Store(cli_store, read_only=True) as store:
            return store.counts(), store.query("SELECT id FROM events ORDER BY id"), store.query(
                "SELECT id, published, outlet FROM documents ORDER BY id"
            )

    before = snapshot()
    result = _run("ingest", seeds_dir, "--manifest", seed_manifest, "--db", cli_store, "--json")
    summary = json.loads(result.stdout)
    assert summary["stored"] == 0 and summary["duplicates"] == 5
    assert snapshot() == before


def test_cli_bad_inputs_skipped_batch_goes_on(tmp_path, seeds_dir):
    db = tmp_path / "bad.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01" * 500)
    (tmp_path / "in" / "empty.txt").write_text("   ")
    (tmp_path / "in" / "french.txt").write_text("Le président a déclaré que la France et l'Allemagne sont des alliés. " * 5)
    good = next(seeds_dir.glob("000_*.txt"))
    result = _run("ingest", tmp_path / "in", good, "--db", db, "--json")
    summary = json.loads(result.stdout)
    assert summary["stored"] == 1 and summary["n_rejected"] == 3
    assert {r["code"] for r in summary["rejected"]} == {"R02", "R03", "R05"}
    result = _run("events", "--db", db, "--json")
    assert json.loads(result.stdout), "the good article's events were stored"


def test_cli_events_actors_report(cli_store):
    events = json.loads(_run("events", "--db", cli_store, "--json", "--actor", "RUS").stdout)
    assert events and all("RUS" in e["source_nodes"] + e["target_nodes"] + e["source_ids"] + e["target_ids"] for e in events)
    actors = json.loads(_run("actors", "--db", cli_store, "--json").stdout)
    assert any(a["id"] == "RUSGOV:vladimir-putin" for a in actors)
    unresolved = json.loads(_run("actors", "--db", cli_store, "--json", "--unresolved").stdout)
    counts = [u["mentions"] for u in unresolved]
    assert counts == sorted(counts, reverse=True)
    report = _run("report", "--db", cli_store).stdout
    assert report.startswith("# detente report") and "Russia" in report and "Daily Express US" in report


def test_cli_missing_store_is_one_red_line(tmp_path):
    result = runner.invoke(app, ["relations", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 3 and "E301" in result.output and "Traceback" not in result.output


def test_cli_extract_json_contract(seed_texts):
    from detente.model import PLOVER_TYPES

    text = next(t for n, t in seed_texts.items() if n.startswith("003_"))
    lines = [
        json.dumps({"id": "a", "text": text, "date": "2023-10-27", "outlet": "Daily Express"}),
        "not json",
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "text": "Russia condemned Israel on Tuesday."}),
    ]
    result = _run("extract", input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "b", "c"]
    assert "error" in out[1] and "error" in out[2]
    first = out[0]
    assert first["actors"] and first["events"]
    for actor in first["actors"]:
        assert set(actor) >= {"id", "name", "kind", "country", "sector", "text", "span"}
        assert text[actor["span"][0]:actor["span"][1]] == actor["text"]
        assert actor["kind"] in {"state", "organization", "armed_group", "igo", "person", "media", "other"}
    for event in first["events"]:
        assert set(event) >= {"id", "type", "mode", "cameo", "score", "source", "target", "said_by", "outlet",
                              "hedged", "negated", "date", "date_basis", "date_precision", "evidence"}
        assert event["type"] in PLOVER_TYPES and len(event["cameo"]) == 2 and -10 <= event["score"] <= 10
        s, e = event["evidence"]["span"]
        assert text[s:e] == event["evidence"]["text"]
        assert event["outlet"] == "Daily Express"
        # dated, or background told without a time: never a made-up day (issue 12)
        assert event["date"] or (event["date_basis"], event["date_precision"]) == ("background", "before-publication")
    simple = out[3]["events"]
    assert simple and simple[0]["type"] == "ACCUSE"
    assert simple[0]["source"][0]["country"] == "RUS" and simple[0]["target"][0]["country"] == "ISR"
