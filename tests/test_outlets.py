"""The outlet view: registry matching (domain, name, alias, qualifier), the data file, the CLI and its counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import EXIT_STORE_OR_CONFIG
from detente.outlets import AFFILIATIONS, GROUPS, NOT_LISTED, match_outlet, outlet_views, profiles
from detente.store import Store

STATE_MEDIA = "ontology/outlets/State_Media_Matrix.csv"


@pytest.mark.parametrize(("name", "urls", "expected"), [
    # by the articles' web domain, subdomains included, whatever the stored name says
    ("Al Jazeera English", ["https://www.aljazeera.com/news/2022/3/25/x"], ("Al Jazeera", "QAT", "SC", "domain")),
    ("AJE", ["https://balkans.aljazeera.net/a"], ("Al Jazeera", "QAT", "SC", "domain")),
    ("ABC News (Australia)", ["https://www.abc.net.au/news/2021-09-19/x"], ("ABC", "AUS", "ISF", "domain")),
    ("Daily Sabah", ["https://dailysabah.com/politics/x"], ("Daily Sabah", "TUR", "CaPr", "domain")),
    # by name or alias, case- and accent-insensitively, "the" and a qualifier dropped
    ("tass", [], ("TASS", "RUS", "SC", "name")),
    ("The Daily Sabah", [], ("Daily Sabah", "TUR", "CaPr", "name")),
    ("CCTV", [], (None, "CHN", "SC", "alias")),
    # a name two countries share matches only when the qualifier names one of them
    ("ABC (Australia)", [], ("ABC", "AUS", "ISF", "name")),
])
def test_match_outlet(name, urls, expected):
    m = match_outlet(name, urls)
    assert m.profile is not None
    got = (m.profile.name if expected[0] else None, m.country, m.profile.affiliation, m.basis)
    assert got == expected


@pytest.mark.parametrize(("name", "urls"), [
    ("ABC", []),  # Australia's ABC or Abuja's: not guessed
    ("Associated Press (via KZTV10)", ["https://kztv10.com/news/x"]),
    ("Washington Examiner", ["https://www.washingtonexaminer.com/x"]),
    ("Al Mayadeen English", ["https://english.almayadeen.net/news/x"]),
    ("Sabah", ["file:///tmp/sabah.txt", "not a url"]),  # only a web domain counts; 'Sabah' alone is a name hit
])
def test_match_outlet_does_not_guess(name, urls):
    m = match_outlet(name, urls)
    if name == "Sabah":
        assert m.basis == "name"  # Turkey's Sabah, by name, not by the file path
    else:
        assert m.profile is None


def test_not_listed_outlet_keeps_gazetteer_country():
    m = match_outlet("Reuters (via WHBL)")
    assert m.profile is None and m.country == "GBR"


def test_outlet_registry_is_facts_of_the_state_media_profiles(seeds_dir):
    rows = profiles()
    assert len(rows) > 1000
    assert {p.affiliation for p in rows} <= set(AFFILIATIONS) and set(GROUPS) == set(AFFILIATIONS)
    assert all(len(p.country) == 3 and p.country.isupper() for p in rows)
    assert all("/" not in d and not d.startswith("www.") for p in rows for d in p.domains)
    assert len({(p.name.casefold(), p.country) for p in rows}) == len(rows)
    with (seeds_dir.parent / STATE_MEDIA).open(encoding="utf-8") as f:
        source = list(csv.DictReader(f))
    typology = {r["Main assets"].strip(): r["Typology"].rstrip("?") for r in source}
    for p in rows:  # spot the derivation: every entry named as in the matrix keeps its typology
        if p.name in typology and sum(q.name == p.name for q in rows) == 1:
            assert p.affiliation == typology[p.name], p


def test_outlet_views_count_documents_events_and_loaded_language(seed_store):
    with Store(seed_store, read_only=True) as store:
        views = {v.outlet: v for v in outlet_views(store)}
        counts = store.counts()
        loaded = store.query("SELECT count(*) AS n FROM mentions WHERE loaded")[0]["n"]
    assert sum(v.documents for v in views.values()) == counts["documents"] == 5
    assert sum(v.events for v in views.values()) == counts["events"]
    assert sum(v.loaded for v in views.values()) == loaded > 0
    unknown = views[None]
    assert unknown.loaded >= 1 and unknown.loaded_terms[0][1] >= unknown.loaded_terms[-1][1]
    assert all(v.affiliation is None and v.affiliation_label == NOT_LISTED for v in views.values())
    assert views["Daily Express"].country == "GBR"


def test_outlets_command(seed_store):
    runner = CliRunner()
    result = runner.invoke(app, ["outlets", "--db", str(seed_store), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"outlet", "country", "affiliation", "affiliation_label", "documents", "events", "loaded",
            "loaded_terms"} <= set(rows[0])
    assert sum(r["documents"] for r in rows) == 5
    none = runner.invoke(app, ["outlets", "--db", str(seed_store), "--json", "--affiliation", "SC"])
    assert json.loads(none.stdout) == []
    table = runner.invoke(app, ["outlets", "--db", str(seed_store)], terminal_width=80)
    assert table.exit_code == 0 and "Spectator" in table.output and "listed" in table.output
    missing = runner.invoke(app, ["outlets", "--db", str(Path(seed_store).with_name("nope.duckdb"))])
    assert missing.exit_code == EXIT_STORE_OR_CONFIG and "no store" in missing.output
