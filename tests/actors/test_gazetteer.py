"""The gazetteer data files load, validate, and avoid names that would match ordinary words."""

import datetime as dt

import pytest

from detente.actors.gazetteer import load_gazetteer
from detente.errors import DataFileError

GENERIC = {"alliance", "league", "coalition", "council", "party", "front", "union", "movement", "congress",
           "assembly", "commission", "court", "parliament", "government", "army", "agency", "forum", "group"}


def test_gazetteer_loads_every_file():
    gaz = load_gazetteer()
    assert len(gaz.states) > 190 and "RUS" in gaz.states and "PSE" in gaz.states
    assert "hamas" in gaz.organisations and gaz.organisations["hamas"].country == "PSE"
    assert gaz.agents["soldier"] == "MIL"


def test_a_state_agency_acts_for_its_state_and_a_breakaway_authority_for_itself():
    gaz = load_gazetteer()
    assert gaz.org_actor("krg").node == "IRQ"  # a regional government of Iraq
    somaliland = gaz.org_actor("somaliland")
    assert (somaliland.country, somaliland.sector) == ("SOM", "PRE") and somaliland.node not in {"SOM", None}
    assert {gaz.org_actor(o).node for o in ("dpr", "transnistria", "northern-cyprus")}.isdisjoint({"UKR", "MDA", "CYP"})


@pytest.mark.parametrize("name, country, sector", [
    ("INDOPACOM", "USA", "MIL"),  # the US unified commands (an official "Deputy Commander INDOPACOM")
    ("Magdalena Andersson", "SWE", "GOV"),  # heads of government beyond the G20, 2015-2026
    ("Manasseh Sogavare", "SLB", "GOV"),
])
def test_gazetteer_covers_commands_and_heads_of_government(pipeline, name, country, sector):
    from detente.eval.common import make_document
    from detente.nlp import parse_documents

    text = f"{name} spoke on Tuesday."
    (parsed,) = list(parse_documents([make_document(text, published=dt.date(2022, 6, 1))], pipeline.nlp))
    (m, *_) = [m for m in pipeline.resolver.resolve(parsed) if m.text == name]
    assert (m.actor.country, m.actor.sector) == (country, sector)


def test_gazetteer_no_generic_word_names_an_organisation():
    for org in load_gazetteer().organisations.values():
        for name in (org.name, *org.aliases):
            bare = name.lower().removeprefix("the ").strip()
            assert bare not in GENERIC, f"{org.id}: {name!r} would match any {bare!r}"


def test_gazetteer_roles_are_dated_consistently():
    for periods in load_gazetteer().people.values():
        for p in periods:
            assert p.start is None or p.end is None or p.start <= p.end, p


def test_gazetteer_bad_file_is_a_clear_error(monkeypatch):
    from detente import data

    def broken(name, columns):
        raise DataFileError(f"data file {name} line 3: wrong number of columns")

    monkeypatch.setattr("detente.actors.gazetteer.read_tsv", broken)
    load_gazetteer.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 3"):
            load_gazetteer()
    finally:
        load_gazetteer.cache_clear()
    assert data.read_tsv("countries.tsv", ["iso3"])  # the real reader still works
