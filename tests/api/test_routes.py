"""The read endpoints, in-process, on the hand-built small store (and a few on the seeds)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app as cli_app
from detente.network.dyads import Filters, relations
from detente.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from one_shape import assert_one_shape  # noqa: E402

FILTER_CASES = [
    {},
    {"since": "2023-01-11"},
    {"until": "2023-01-31"},
    {"since": "2023-01-01", "until": "2023-03-31"},
    {"outlet": "TASS"},
    {"outlet": ["TASS", "Al-Monitor"]},
    {"exclude_outlet": "Al-Monitor"},
    {"exclude_outlet": ["Al-Monitor", "TASS"]},
]


def _filters(params: dict) -> Filters:
    as_list = lambda v: tuple(v) if isinstance(v, list) else ((v,) if v else ())  # noqa: E731
    return Filters(dt.date.fromisoformat(params["since"]) if "since" in params else None,
                   dt.date.fromisoformat(params["until"]) if "until" in params else None,
                   as_list(params.get("outlet")), as_list(params.get("exclude_outlet")))


def _cli_args(params: dict) -> list[str]:
    args = []
    for key, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            args += [f"--{key.replace('_', '-')}", v]
    return args


def _db(client) -> Path:
    return Path(client.app.state.detente.root.path)


@pytest.mark.parametrize("params", FILTER_CASES, ids=[json.dumps(p) for p in FILTER_CASES])
def test_routes_relations_match_library_and_cli(client, params: dict) -> None:
    response = client.get("/api/relations", params=params)
    assert response.status_code == 200, response.text
    with Store(_db(client), read_only=True) as store:
        expected = [r.to_dict() for r in relations(store, filters=_filters(params))]
    assert response.json() == {"ok": True, "items": expected}
    result = CliRunner().invoke(cli_app, ["relations", "--json", "--db", str(_db(client)), *_cli_args(params)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == response.json()["items"]


def _pairs(rows: list[dict]) -> set[tuple[str, str]]:
    return {(r["a"]["id"], r["b"]["id"]) for r in rows}


@pytest.mark.parametrize(("countries", "pairs"), [
    (["RUS"], {("ISR", "RUS")}),
    (["USA"], {("ISR", "RUS"), ("IRN", "RUS")}),
    (["usa", "RUS"], {("ISR", "RUS"), ("IRN", "RUS")}),
    (["FRA"], set()),
])
def test_routes_outlet_country_filter(client, countries: list[str], pairs: set) -> None:
    response = client.get("/api/relations", params={"outlet_country": countries})
    assert _pairs(response.json()["items"]) == pairs


def test_routes_outlet_country_combines_with_outlet(client) -> None:
    rows = client.get("/api/relations", params={"outlet_country": "USA", "outlet": "TASS"}).json()["items"]
    assert rows == []


def test_routes_outlets_have_countries_and_affiliations(client) -> None:
    rows = {r["outlet"]: r for r in client.get("/api/outlets").json()["items"]}
    assert {k: rows["Al-Monitor"][k] for k in ("country", "affiliation", "affiliation_label", "documents")} == {
        "country": "USA", "affiliation": None, "affiliation_label": "not listed", "documents": 2}
    assert (rows["TASS"]["country"], rows["TASS"]["affiliation"], rows["TASS"]["match"]) == ("RUS", "SC", "name")
    assert (rows[None]["country"], rows[None]["documents"]) == (None, 1)


def test_routes_outlets_and_relations_filter_by_affiliation(client) -> None:
    state = client.get("/api/outlets", params={"affiliation": "sc"}).json()["items"]
    assert [r["outlet"] for r in state] == ["TASS"]
    grouped = client.get("/api/outlets", params={"affiliation": "state-controlled or captured"}).json()["items"]
    assert [r["outlet"] for r in grouped] == ["TASS"]
    not_listed = {r["outlet"] for r in client.get("/api/outlets", params={"affiliation": "not listed"}).json()["items"]}
    assert "Al-Monitor" in not_listed and "TASS" not in not_listed
    only_tass = client.get("/api/relations", params={"outlet": "TASS"}).json()
    assert client.get("/api/relations", params={"outlet_affiliation": "SC"}).json() == only_tass
    assert client.get("/api/relations", params={"outlet_affiliation": "IP"}).json()["items"] == []


def test_routes_network_nodes_are_the_related_ones(client) -> None:
    body = client.get("/api/network").json()
    assert {n["id"] for n in body["nodes"]} == {"RUS", "ISR", "IRN"}
    assert _pairs(body["relations"]) == {("ISR", "RUS"), ("IRN", "RUS")}
    only_tass = client.get("/api/network", params={"outlet": "TASS"}).json()
    assert {n["id"] for n in only_tass["nodes"]} == {"RUS", "ISR"}
    assert client.get("/api/network", params={"min_events": 50}).json() == {"ok": True, "nodes": [], "relations": []}


def test_routes_timeline_windows(client) -> None:
    body = client.get("/api/timeline").json()
    assert (body["first"], body["last"], body["freq"]) == ("2022-03-01", "2023-06-05", "quarter")
    assert [w["label"] for w in body["windows"]] == ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"]
    assert body["windows"][0] == {"label": "2022-Q1", "since": "2022-01-01", "until": "2022-03-31"}
    years = client.get("/api/timeline", params={"freq": "year"}).json()["windows"]
    assert [w["label"] for w in years] == ["2022", "2023"]
    months = client.get("/api/timeline", params={"freq": "month"}).json()["windows"]
    assert len(months) == 16 and months[-1] == {"label": "2023-06", "since": "2023-06-01", "until": "2023-06-30"}


def test_routes_dyad_series_evidence_and_order(client) -> None:
    body = client.get("/api/dyads/RUS/ISR").json()  # either order: the pair is unordered
    assert (body["a"]["id"], body["b"]["id"]) == ("ISR", "RUS")
    assert body["relation"]["n_events"] == 2 and body["relation"]["score"] < 0
    scores = {p["label"]: p["score"] for p in body["series"]}
    assert scores["2023-Q1"] == -5.0 and scores["2023-Q2"] == -4.0 and scores["2022-Q1"] is None
    evidence = body["evidence"]
    assert [e["date"] for e in evidence] == ["2023-01-10", "2023-06-05"]
    hedged = evidence[1]
    assert (hedged["outlet"], hedged["hedged"], hedged["negated"], hedged["label"]) == ("TASS", True, False, "ACCUSE")
    assert hedged["weight"] == 0.5 and hedged["doc_title"] == "Israel accuses Russia"
    assert body["shifts"] is not None or body["shifts_error"]


def test_routes_dyad_stated_relation_label(client) -> None:
    evidence = client.get("/api/dyads/IRN/RUS").json()["evidence"]
    assert [e["label"] for e in evidence] == ["stated alignment", "SUPPORT"]


def test_routes_dyad_filtered_to_nothing(client) -> None:
    body = client.get("/api/dyads/ISR/RUS", params={"outlet_country": "FRA"}).json()
    assert body["relation"] is None and body["evidence"] == [] and body["shifts"] == []


def test_routes_documents_list_and_detail(client) -> None:
    docs = client.get("/api/documents").json()["items"]
    assert len(docs) == 4
    assert [d["published"] for d in docs] == sorted((d["published"] for d in docs), reverse=True)
    tass = client.get("/api/documents", params={"outlet": "TASS"}).json()["items"]
    assert [d["title"] for d in tass] == ["Israel accuses Russia"]
    assert tass[0]["outlet_country"] == "RUS" and tass[0]["n_events"] == 1
    detail = client.get(f"/api/documents/{tass[0]['id']}").json()
    assert detail["text"].startswith("Israel reportedly accused Russia")
    assert [s["idx"] for s in detail["sentences"]] == [0]
    assert len(client.get("/api/documents", params={"limit": 1, "offset": 1}).json()["items"]) == 1


def test_routes_actors(client) -> None:
    actors = {a["id"]: a for a in client.get("/api/actors").json()["items"]}
    assert set(actors) == {"RUSGOV", "ISRGOV", "IRNGOV"}
    assert actors["RUSGOV"]["node"] == "RUS" and actors["RUSGOV"]["aliases"] == ["Russia"]


@pytest.mark.parametrize(("params", "n"), [
    ({}, 3), ({"actor": "IRN"}, 1), ({"actor": "IRNGOV"}, 1), ({"actor": ["RUS", "ISR"]}, 2),
    ({"actor": ["IRN", "ISR"]}, 0), ({"actor": ["RUS", "ISR", "IRN"]}, 0),
    ({"outlet": "TASS"}, 1), ({"since": "2023-01-11"}, 2), ({"limit": 1}, 1), ({"offset": 2}, 1),
])
def test_routes_events_filters(client, params: dict, n: int) -> None:
    rows = client.get("/api/events", params=params).json()["items"]
    assert len(rows) == n


@pytest.mark.parametrize(("q", "n"), [("friend", 1), ("FRIEND", 1), ("0%", 1), ("%%", 0), ("s_i", 0), ("Russia", 4)])
def test_routes_search_is_literal_and_case_insensitive(client, q: str, n: int) -> None:
    hits = client.get("/api/search", params={"q": q}).json()["items"]
    assert len(hits) == n
    for hit in hits:
        assert q.lower() in hit["text"].lower()


def test_routes_search_respects_outlet_filter(client) -> None:
    hits = client.get("/api/search", params={"q": "Russia", "outlet": "TASS"}).json()["items"]
    assert [h["outlet"] for h in hits] == ["TASS"]


def test_routes_health(client) -> None:
    body = client.get("/api/health").json()
    assert body["counts"]["documents"] == 4
    assert (body["ingest_enabled"], body["read_only"]) == (False, True)


@pytest.mark.parametrize("path", ["/api/shifts", "/api/balance"])
def test_routes_network_stage_records(client, path: str) -> None:
    response = client.get(path, params={"since": "2022-01-01"})
    assert response.status_code in (200, 503), response.text
    if response.status_code == 200:
        assert response.json()["ok"] is True and isinstance(response.json()["items"], list)


@pytest.mark.parametrize("path", ["/api/shifts", "/api/balance"])
def test_routes_network_stage_missing_is_503(client, monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    from detente.api import routes

    monkeypatch.setattr(routes, "SHIFTS_FUNCTION", ("detente.network.no_such_module", "detect_shifts"))
    monkeypatch.setattr(routes, "BALANCE_FUNCTION", ("detente.network.dyads", "no_such_function"))
    response = client.get(path)
    assert response.status_code == 503
    assert response.json()["ok"] is False and "detente.network" in response.json()["error"]
    dyad = client.get("/api/dyads/ISR/RUS").json()
    assert dyad["shifts"] is None and "no_such_module" in dyad["shifts_error"]


def test_routes_security_headers(client) -> None:
    response = client.get("/api/health")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_routes_dashboard_served(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/app.js">' in page.text
    for asset in ("app.js", "layout.js", "style.css", "favicon.svg"):
        assert client.get(f"/static/{asset}").status_code == 200, asset


def test_routes_dashboard_loads_nothing_from_elsewhere(client) -> None:
    for asset in ("/", "/static/app.js", "/static/layout.js", "/static/style.css"):
        text = client.get(asset).text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, asset


def test_routes_dashboard_never_uses_inner_html(client) -> None:
    for asset in ("/static/app.js", "/static/layout.js"):
        text = client.get(asset).text
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, (asset, sink)


@pytest.mark.model
def test_routes_seeds_russia_israel(seed_client) -> None:
    rels = {(r["a"]["id"], r["b"]["id"]): r for r in seed_client.get("/api/relations").json()["items"]}
    assert ("ISR", "RUS") in rels
    dyad = seed_client.get("/api/dyads/RUS/ISR").json()
    assert dyad["relation"]["n_events"] >= 3
    assert {e["outlet"] for e in dyad["evidence"]} >= {"The Spectator", "Al-Monitor"}
    assert any("no friend of Israel" in e["text"] for e in dyad["evidence"])
    assert dyad["shifts_error"] is None and isinstance(dyad["shifts"], list)


@pytest.mark.model
def test_routes_seeds_outlet_country(seed_client) -> None:
    rows = {r["outlet"]: r["country"] for r in seed_client.get("/api/outlets").json()["items"]}
    assert rows == {"Al-Monitor": "USA", "Daily Express": "GBR", "Daily Express US": "GBR", "The Spectator": "GBR",
                    None: None}


LISTINGS = ["/api/documents", "/api/actors", "/api/outlets", "/api/events", "/api/relations", "/api/shifts",
            "/api/jobs", "/api/feeds",
            "/api/balance", "/api/search?q=Russia"]


@pytest.mark.parametrize("path", LISTINGS)
def test_routes_one_envelope_for_every_listing(client, path: str) -> None:
    body = client.get(path).json()
    assert set(body) == {"ok", "items"} and body["ok"] is True and isinstance(body["items"], list)


@pytest.mark.parametrize("path", ["/api/network", "/api/timeline", "/api/dyads/ISR/RUS", "/api/health"])
def test_routes_objects_say_ok(client, path: str) -> None:
    assert client.get(path).json()["ok"] is True


@pytest.mark.parametrize(("path", "bad"), [("/api/relations", "outlets"), ("/api/events", "sinse"),
                                           ("/api/network", "limit"), ("/api/health", "x")])
def test_routes_unknown_parameter_is_400(client, path: str, bad: str) -> None:
    response = client.get(path, params={bad: "TASS"})
    assert response.status_code == 400, response.text
    body = response.json()
    assert (body["ok"], body["code"], body["status"]) == (False, "H400", 400)
    assert repr(bad) in body["error"]


def test_routes_known_parameters_pass_the_check(client) -> None:
    params = {"since": "2023-01-01", "outlet": "TASS", "exclude_outlet": "X", "outlet_country": "RUS",
              "actor": "RUS", "type": "ACCUSE", "limit": 5, "offset": 0}
    assert client.get("/api/events", params=params).status_code == 200


def test_routes_events_type_filter_and_actor_names(client) -> None:
    every = client.get("/api/events").json()["items"]
    kinds = {e["type"] for e in every}
    one = sorted(kinds)[0]
    rows = client.get("/api/events", params={"type": one.lower()}).json()["items"]
    assert rows and {e["type"] for e in rows} == {one} and len(rows) < len(every) or len(kinds) == 1
    for e in every:
        assert [s["id"] for s in e["source"]] == e["source_ids"] and all(s["name"] for s in e["source"])


def test_routes_pairs_have_one_shape(seed_client) -> None:
    for path in ("/api/shifts", "/api/balance", "/api/relations"):
        for row in seed_client.get(path).json()["items"]:
            refs = row["triad"] if "triad" in row else [row["a"], row["b"]]
            assert all(set(r) == {"id", "name"} for r in refs), (path, row)


def test_routes_events_walk_as_one_shape_on_the_seeds(seed_client, seed_store) -> None:
    """/api/events: every actor and speaker {id, name}, the same records as ``detente events --json``."""
    body = seed_client.get("/api/events", params={"limit": 1000}).json()
    assert {("items", "source"), ("items", "target"), ("items", "said_by")} <= assert_one_shape(body)
    rows = body["items"]
    said = [e["said_by"] for e in rows if e["said_by"]]
    assert said and any(s["id"] for s in said) and any(e["said_by"] is None for e in rows)
    cli = CliRunner().invoke(cli_app, ["events", "--db", str(seed_store), "--json", "--limit", "0"])
    by_id = lambda listing: {e["id"]: e for e in listing}  # noqa: E731 (events of one sentence tie in the order)
    assert by_id(json.loads(cli.stdout)) == by_id(rows)


def test_routes_dyad_evidence_walks_as_one_shape_on_the_seeds(seed_client) -> None:
    """/api/dyads/A/B: the pair, its relation and every evidence item's source, target and speaker as
    {id, name}; source and target are nodes, named as the nodes table names them."""
    dyad = seed_client.get("/api/dyads/RUS/ISR").json()
    kinds = assert_one_shape(dyad)
    assert {("", "a"), ("", "b"), ("relation", "a"), ("evidence", "source"), ("evidence", "target"),
            ("evidence", "said_by")} <= kinds
    names = {"ISR": "Israel", "RUS": "Russia"}
    for e in dyad["evidence"]:
        assert e["source"] == {"id": e["source"]["id"], "name": names[e["source"]["id"]]}
        assert e["target"] == {"id": e["target"]["id"], "name": names[e["target"]["id"]]}
    said = [e["said_by"] for e in dyad["evidence"] if e["said_by"]]
    assert said and any(s["id"] for s in said)
