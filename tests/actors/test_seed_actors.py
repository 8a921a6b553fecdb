"""Actor resolution on the seed articles: officials, states, groups, loaded names, roles in time."""

import datetime as dt

import pytest

# (seed prefix, surface text, expected country, expected sector or None for "any", expected kind or None)
EXPECTED = [
    ("000", "Vladimir Putin", "RUS", "GOV", "person"),
    ("000", "Russian President", "RUS", "GOV", "person"),
    ("000", "Hamas", "PSE", "REB", "armed_group"),
    ("000", "Tel Aviv", "ISR", "GOV", "state"),
    ("001", "Kremlin", "RUS", "GOV", "state"),
    ("001", "Nebenzya", "RUS", "GOV", "person"),
    ("001", "Vasily Nebenzya", "RUS", "GOV", "person"),
    ("001", "Recep Tayyip Erdogan", "TUR", "GOV", "person"),
    ("002", "Sergey Lavrov", "RUS", "GOV", "person"),
    ("002", "Kan", "ISR", None, "media"),
    ("003", "Ali Bagheri Kani", "IRN", "GOV", "person"),
    ("003", "Mikhail Bogdanov", "RUS", "GOV", "person"),
    ("003", "Bassem Naeem", "PSE", "REB", "person"),
    ("003", "Mousa Abu Marzouk", "PSE", "REB", "person"),
    ("003", "Lioir Hiat", "ISR", "GOV", "person"),
    ("003", "Maya Yaron", "ISR", "GOV", "person"),
    ("003", "Yoav Gallant", "ISR", "GOV", "person"),
    ("003", "Palestinian Islamic Jihad", "PSE", "REB", "armed_group"),
    ("003", "Hezbollah", "LBN", "REB", "armed_group"),
    ("003", "United Nations", "IGO", None, "igo"),
    ("003", "Iran’s foreign minister", "IRN", "GOV", "person"),
    ("004", "Zakharova", "RUS", "GOV", "person"),
    ("004", "Isaac Herzog", "ISR", "GOV", "person"),
    ("004", "Yair Lapid", "ISR", "GOV", "person"),
    ("004", "Grand Ayatollah Ali Khamenei", "IRN", "GOV", "person"),
    ("004", "Ebrahim Rais", "IRN", "GOV", "person"),
    ("004", "Erdogan", "TUR", "GOV", "person"),
    ("004", "Kyiv", "UKR", "GOV", "state"),
    ("004", "Moscow", "RUS", "GOV", "state"),
]


def _mentions(seed_extractions, prefix):
    return next(x for name, x in seed_extractions.items() if name.startswith(prefix)).mentions


@pytest.mark.model
@pytest.mark.parametrize("prefix, text, country, sector, kind", EXPECTED)
def test_resolve_seed_actor(seed_extractions, prefix, text, country, sector, kind):
    found = [m for m in _mentions(seed_extractions, prefix) if m.text == text]
    assert found, f"no mention {text!r} in seed {prefix}"
    actor = found[0].actor
    assert actor is not None, f"{text!r} unresolved"
    assert actor.country == country
    if sector is not None:
        assert actor.sector == sector
    if kind is not None:
        assert actor.kind == kind


@pytest.mark.model
@pytest.mark.parametrize(
    "prefix, text, target",
    [
        ("004", "Zionist regime", "ISRGOV"),
        ("004", "Zelenskyy’s puppet administration", "UKRGOV"),
        ("004", "Zionist authorities", "ISRGOV"),
    ],
)
def test_resolve_loaded_names_flagged(seed_extractions, prefix, text, target):
    found = [m for m in _mentions(seed_extractions, prefix) if m.text == text]
    assert found and all(m.loaded for m in found)
    assert found[0].actor is not None and found[0].actor.id == target


@pytest.mark.model
def test_resolve_plain_names_not_loaded(seed_extractions):
    plain = [m for m in _mentions(seed_extractions, "001") if m.text in {"Israel", "Russia", "Kremlin"}]
    assert plain and not any(m.loaded for m in plain)


@pytest.mark.model
def test_resolve_former_speechwriter_is_not_the_state(seed_extractions):
    """Gallyamov, "a former speechwriter for Putin": Russian, but former, so he speaks for no one."""
    gallyamov = [m for m in _mentions(seed_extractions, "000") if "Gallyamov" in m.text]
    assert gallyamov
    for m in gallyamov:
        assert m.actor is not None and m.actor.country == "RUS"
        assert m.actor.former and m.actor.node is None


@pytest.mark.model
@pytest.mark.parametrize("name, fragment", [("Jonathan Harounoff", "jinsa"), ("Alexander Gabuev", "carnegie")])
def test_resolve_affiliation_to_organisation_not_state(seed_extractions, name, fragment):
    m = next(m for m in _mentions(seed_extractions, "003") if m.text == name)
    assert m.actor is not None and m.actor.kind == "person"
    assert m.actor.node is not None and fragment in m.actor.node  # the organisation, not a country


@pytest.mark.model
def test_resolve_unknown_stays_unknown(seed_extractions):
    khayyam = [m for m in _mentions(seed_extractions, "004") if m.text == "Khayyam"]
    assert khayyam and khayyam[0].actor is None


@pytest.mark.model
@pytest.mark.parametrize(
    "on, expected",
    [(dt.date(2022, 8, 16), "Yair Lapid"), (dt.date(2023, 10, 27), "Benjamin Netanyahu"), (dt.date(2021, 9, 1), "Naftali Bennett")],
)
def test_resolve_role_by_document_date(pipeline, on, expected):
    m = pipeline.resolver.resolve_text(pipeline.nlp, "the Israeli prime minister", on=on)
    assert m is not None and m.actor is not None and m.actor.name == expected and m.actor.country == "ISR"


@pytest.mark.model
def test_resolve_surname_and_title_later_mentions(seed_extractions):
    mentions = _mentions(seed_extractions, "000")
    later = [m for m in mentions if m.text == "Gallyamov"]
    assert later and all(m.actor is not None and m.actor.name == "Abbas Gallyamov" for m in later)
    title = [m for m in mentions if m.text == "Russian President"]
    assert title and title[0].actor is not None and title[0].actor.name == "Vladimir Putin"


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senior Hungarian and Romanian officials agreed on Wednesday.", {"Hungarian": "HUN", "Romanian officials": "ROU"}),
        ("The army of Quatar said it would hold talks.", {"Quatar": "QAT"}),
    ],
)
def test_resolve_coordinated_adjectives_and_misspelt_countries(pipeline, text, expected):
    import datetime as dt

    from detente.model import Document
    from detente.nlp import parse_documents

    parsed = next(parse_documents([Document(id="t", text=text, published=dt.date(2023, 1, 1))], pipeline.nlp))
    got = {m.text: m.actor.country for m in pipeline.resolver.resolve(parsed) if m.actor}
    for surface, country in expected.items():
        assert got.get(surface) == country, got
