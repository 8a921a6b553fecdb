"""The CLI's one contract on real stores (the seeds and the bundled samples): every list command takes
``--json``, ``--csv`` and a non-negative ``--limit``; names come with ids; nothing is cut when piped; empty
results say why; re-ingesting with a manifest updates the stored metadata and says so."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from one_shape import assert_one_shape  # noqa: E402

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
runner = CliRunner()

LIST_COMMANDS = [["relations"], ["relations", "--window", "quarter"], ["relations", "--by-outlet"],
                 ["events"], ["actors"], ["actors", "--unresolved"], ["shifts"], ["balance"],
                 ["relations-over-time"], ["outlets"]]


def _run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeds_dir, seed_manifest):
    db = tmp_path_factory.mktemp("contract") / "seeds.duckdb"
    assert _run("ingest", seeds_dir, "--manifest", seed_manifest, "--db", db).exit_code == 0
    return db


@pytest.mark.parametrize("cmd", LIST_COMMANDS, ids=" ".join)
def test_contract_json_csv_limit(seed_db, cmd):
    rows = json.loads(_run(*cmd, "--db", seed_db, "--json").stdout)
    assert isinstance(rows, list)
    one = json.loads(_run(*cmd, "--db", seed_db, "--json", "--limit", "1").stdout)
    assert one == rows[:1]
    table = list(csv.reader(io.StringIO(_run(*cmd, "--db", seed_db, "--csv").stdout)))
    assert len(table) == len(rows) + 1 and all(len(r) == len(table[0]) for r in table)
    bad = _run(*cmd, "--db", seed_db, "--limit", "-1")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    both = _run(*cmd, "--db", seed_db, "--json", "--csv")
    assert both.exit_code == 2


@pytest.mark.parametrize("cmd", [["relations"], ["relations", "--window", "quarter"], ["shifts"], ["balance"],
                                 ["relations-over-time"], ["events"]], ids=" ".join)
def test_contract_pairs_and_actors_are_id_and_name(seed_db, cmd):
    for row in json.loads(_run(*cmd, "--db", seed_db, "--json").stdout):
        refs = (row["triad"] if "triad" in row else row["source"] + row["target"] if "source" in row
                else [row["a"], row["b"]])
        assert all(set(r) == {"id", "name"} and r["name"] for r in refs), row


def test_contract_events_json_walks_as_one_shape(seed_db):
    """Every actor and speaker of ``events --json`` is {id, name}: no bare string, no flat speaker fields."""
    rows = json.loads(_run("events", "--db", seed_db, "--json", "--limit", "0").stdout)
    kinds = assert_one_shape(rows)
    assert {("", "source"), ("", "target"), ("", "said_by")} <= kinds
    said = [e["said_by"] for e in rows if e["said_by"]]
    assert said and any(s["id"] for s in said)  # speakers resolved to an actor carry its id
    assert any(e["said_by"] is None for e in rows)  # the outlet itself asserts it
    with_id = next(e for e in rows if e["said_by"] and e["said_by"]["id"])
    from detente.store import Store

    with Store(seed_db, read_only=True) as store:  # the speaker of the listing is the stored one
        stored = store.query("SELECT said_by_actor, said_by_name FROM events WHERE id = ?", [with_id["id"]])[0]
    assert with_id["said_by"] == {"id": stored["said_by_actor"], "name": stored["said_by_name"]}
    table = list(csv.DictReader(io.StringIO(_run("events", "--db", seed_db, "--csv", "--limit", "0").stdout)))
    shown = {r["id"]: r["said by"] for r in table}
    assert shown[with_id["id"]] == f"{stored['said_by_name']} ({stored['said_by_actor']})"


def test_contract_tables_show_ids_and_cut_nothing_when_piped(seed_db):
    out = _run("relations", "--db", seed_db).stdout  # CliRunner's stdout is no terminal
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "…" not in out
    a_column = "".join(line.split("│")[1].replace(" ", "") for line in out.splitlines() if line.startswith("│"))
    rels = json.loads(_run("relations", "--db", seed_db, "--json").stdout)
    for r in rels:  # every name with its id, folded onto the next line if need be, never cut
        assert f"{r['a']['name']}({r['a']['id']})".replace(" ", "") in a_column
    events = _run("events", "--db", seed_db, "--limit", "3").stdout
    assert all(len(line) <= 80 for line in events.splitlines()) and "sentence" in events
    rows = json.loads(_run("events", "--db", seed_db, "--limit", "3", "--json").stdout)
    sentences = "".join(line.split("│")[4].replace(" ", "") for line in events.splitlines() if line.startswith("│"))
    assert all(e["evidence_text"].replace(" ", "") in sentences for e in rows)


def test_contract_relations_window_follows_the_format_flags(seed_db):
    table = _run("relations", "--db", seed_db, "--window", "quarter").stdout
    assert not table.lstrip().startswith("[") and "period" in table
    by_outlet = json.loads(_run("relations", "--db", seed_db, "--window", "quarter", "--by-outlet", "--json").stdout)
    assert {r["outlet"] for r in by_outlet} >= {"The Spectator", "Al-Monitor"}
    assert all("period" in r for r in by_outlet)


def test_contract_events_filters_and_sentence(seed_db):
    every = json.loads(_run("events", "--db", seed_db, "--json", "--limit", "0").stdout)
    assert len(every) > 3 and all(e["evidence_text"] for e in every)
    accuse = json.loads(_run("events", "--db", seed_db, "--json", "--limit", "0", "--type", "accuse").stdout)
    assert accuse and {e["type"] for e in accuse} == {"ACCUSE"}
    spectator = json.loads(_run("events", "--db", seed_db, "--json", "--limit", "0", "--outlet",
                                "The Spectator").stdout)
    assert spectator and {e["outlet"] for e in spectator} == {"The Spectator"}
    late = json.loads(_run("events", "--db", seed_db, "--json", "--limit", "0", "--since", "2023-10-01").stdout)
    assert late and all(e["date"] >= "2023-10-01" for e in late) and len(late) < len(every)


def test_contract_empty_results_say_why(seed_db):
    result = _run("events", "--db", seed_db, "--outlet", "spectator")
    assert result.exit_code == 0
    assert "no outlet named 'spectator'; did you mean 'The Spectator'?" in result.output
    result = _run("relations", "--db", seed_db, "--outlet", "al-monitor")
    assert "did you mean 'Al-Monitor'?" in result.output
    result = _run("events", "--db", seed_db, "--actor", "russia")
    assert "no actor with id 'russia'; did you mean 'RUS' (Russia)?" in result.output
    result = _run("events", "--db", seed_db, "--since", "2030-01-01")
    assert "no events" in result.output


def test_contract_version():
    from detente import __version__

    result = _run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"detente {__version__}"


def test_contract_reingest_with_manifest_updates_metadata(tmp_path):
    db = tmp_path / "s.duckdb"
    bare = json.loads(_run("ingest", SAMPLES / "01_talks.txt", SAMPLES / "02_sanctions.txt", "--db", db,
                           "--json").stdout)
    assert bare["stored"] == 2
    before = {e["id"]: e for e in json.loads(_run("events", "--db", db, "--json", "--limit", "0").stdout)}
    assert before and all(e["outlet"] is None for e in before.values())
    result = _run("ingest", "--manifest", SAMPLES / "manifest.csv", "--db", db, "--json")
    summary = json.loads(result.stdout)
    assert summary["n_updated"] == 2 and summary["stored"] == 3  # the other three samples are new
    fields = {u["source"].rsplit("/", 1)[-1]: u["fields"] for u in summary["updated"]}
    assert fields["01_talks.txt"] == {"outlet": "Sample Wire", "published": "2023-12-08",
                                      "title": "Greece and Turkey agree to resume talks on maritime borders"}
    from detente.store import Store

    with Store(db, read_only=True) as store:
        docs = {r["outlet"] for r in store.query("SELECT outlet FROM documents")}
    with (SAMPLES / "manifest.csv").open(encoding="utf-8") as f:
        manifest = {row["path"]: row for row in csv.DictReader(f)}
    assert docs == {row["outlet"] for row in manifest.values()}
    after = json.loads(_run("events", "--db", db, "--json", "--limit", "0", "--outlet",
                            manifest["01_talks.txt"]["outlet"], "--outlet", manifest["02_sanctions.txt"]["outlet"]).stdout)
    assert {e["id"] for e in after} >= set(before)  # the same events, now with their outlet and date
    assert all(e["date"] is not None for e in after if e["id"] in before and e["date_basis"] == "published")
    again = json.loads(_run("ingest", "--manifest", SAMPLES / "manifest.csv", "--db", db, "--json").stdout)
    assert again["n_updated"] == 0 and again["stored"] == 0 and again["duplicates"] == 5  # nothing changes twice
    text = _run("ingest", "--manifest", SAMPLES / "manifest.csv", "--db", db)
    assert "metadata updated 0" in text.stdout
    # the pair table and the event groups follow the update: the same relations as a store built in one go
    fresh = tmp_path / "fresh.duckdb"
    assert _run("ingest", "--manifest", SAMPLES / "manifest.csv", "--db", fresh).exit_code == 0
    for args in ((), ("--by-outlet",), ("--window", "month")):
        updated = json.loads(_run("relations", "--db", db, "--json", "--evidence", "0", *args).stdout)
        built = json.loads(_run("relations", "--db", fresh, "--json", "--evidence", "0", *args).stdout)
        assert updated and updated == built, args


def test_contract_model_load_says_so_on_a_terminal_only():
    from rich.console import Console

    from detente.cli_output import MODEL_LOADING, model_loading

    tty = Console(file=io.StringIO(), force_terminal=True)
    with model_loading(tty):
        tty.file.flush()
    assert MODEL_LOADING in tty.file.getvalue()
    pipe = Console(file=io.StringIO(), force_terminal=False)
    with model_loading(pipe):
        pass
    assert pipe.file.getvalue() == ""


def test_contract_reingest_new_outlet_updates_in_place(tmp_path):
    db = tmp_path / "o.duckdb"
    doc = SAMPLES / "03_aid.txt"
    first = json.loads(_run("ingest", doc, "--outlet", "Old Wire", "--db", db, "--json").stdout)
    events = json.loads(_run("events", "--db", db, "--json", "--limit", "0").stdout)
    assert first["stored"] == 1 and events and {e["outlet"] for e in events} == {"Old Wire"}
    second = json.loads(_run("ingest", doc, "--outlet", "New Wire", "--db", db, "--json").stdout)
    assert second["stored"] == 0 and second["updated"][0]["fields"] == {"outlet": "New Wire"}
    after = json.loads(_run("events", "--db", db, "--json", "--limit", "0").stdout)
    assert [e["id"] for e in after] == [e["id"] for e in events]  # not extracted again: the same rows
    assert {e["outlet"] for e in after} == {"New Wire"}
    relations = json.loads(_run("relations", "--db", db, "--by-outlet", "--json").stdout)
    assert {r["outlet"] for r in relations} <= {"New Wire"}
    third = json.loads(_run("ingest", doc, "--db", db, "--json").stdout)  # no outlet given: nothing erased
    assert third["n_updated"] == 0 and third["duplicates"] == 1
