"""The gazetteer data files load, validate, and avoid names that would match ordinary words."""

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
