"""Reads served from the per-version cache (``store.cache``) equal a fresh computation, before and after an
ingest and a re-ingest; /api/relations a page at a time; /api/network without cited reports by default."""

from __future__ import annotations

from typing import Any

import pytest

from detente.network.shapes import public_record
from detente.network.shifts import detect_shifts
from detente.store.pairs import Filters, node_names


def _pages(client: Any, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    body = client.get(path, params=params).json()
    while True:
        items += body["items"]
        if "next" not in body:
            return items
        body = client.get(body["next"]).json()


def test_cached_relations_pages_follow_next_to_the_whole_listing(seed_client) -> None:
    whole = seed_client.get("/api/relations", params={"limit": 1000}).json()
    assert set(whole) == {"ok", "items"} and len(whole["items"]) > 7
    first = seed_client.get("/api/relations", params={"limit": 3, "evidence": 2}).json()
    assert len(first["items"]) == 3 and "offset=3" in first["next"] and "evidence=2" in first["next"]
    assert _pages(seed_client, "/api/relations", limit=3) == whole["items"]
    # the default page is the strongest-attested relations, in the listing's order
    assert seed_client.get("/api/relations").json()["items"] == whole["items"][:200]
    assert seed_client.get("/api/relations", params={"offset": 10_000}).json() == {"ok": True, "items": []}


def test_cached_network_cites_no_reports_unless_asked(seed_client) -> None:
    plain = seed_client.get("/api/network").json()
    assert plain["relations"] and all(r["evidence"] == [] for r in plain["relations"])
    cited = seed_client.get("/api/network", params={"evidence": 3}).json()
    relations = {(r["a"]["id"], r["b"]["id"]): r["evidence"]
                 for r in seed_client.get("/api/relations", params={"evidence": 3, "limit": 1000}).json()["items"]}
    assert {(r["a"]["id"], r["b"]["id"]): r["evidence"] for r in cited["relations"]} == relations
    assert any(relations.values())
    strip = [{k: v for k, v in r.items() if k != "evidence"} for r in cited["relations"]]
    assert strip == [{k: v for k, v in r.items() if k != "evidence"} for r in plain["relations"]]


def _computed_shifts(client: Any, a: str, b: str) -> list[dict[str, Any]]:
    store = client.app.state.detente.store()
    try:
        names = node_names(store.con)
        return [public_record(s.to_dict(), names) for s in detect_shifts(store, filters=Filters(), pairs=[(a, b)])]
    finally:
        store.close()


def _computed_events(client: Any, actor: str) -> list[dict[str, Any]]:
    from detente.api import queries
    from detente.api.routes import _EVENTS

    store = client.app.state.detente.store()
    try:
        rows = queries.list_events(store, filters=Filters(), actors=[actor], limit=200, offset=0)
    finally:
        store.close()
    return _EVENTS.dump_python(_EVENTS.validate_python({"ok": True, "items": rows}), mode="json")["items"]


def _check(client: Any, pairs: list[tuple[str, str]], actors: list[str]) -> None:
    for a, b in pairs:
        for _ in range(2):  # computed, then from the cache
            assert client.get(f"/api/dyads/{a}/{b}").json()["shifts"] == _computed_shifts(client, a, b), (a, b)
    for actor in actors:
        for _ in range(2):
            listed = client.get("/api/events", params={"actor": actor}).json()["items"]
            assert listed == _computed_events(client, actor), actor


def test_cached_dyad_shifts_and_events_equal_computed_on_the_seeds(seed_client) -> None:
    pairs = [(r["a"]["id"], r["b"]["id"]) for r in seed_client.get("/api/relations").json()["items"]][:25]
    _check(seed_client, pairs, sorted({x for p in pairs[:6] for x in p}))
    everything = seed_client.get("/api/shifts").json()["items"]  # never cached: every pair computed
    for a, b in pairs:
        dyad = seed_client.get(f"/api/dyads/{a}/{b}").json()["shifts"]
        assert dyad == [s for s in everything if {s["a"]["id"], s["b"]["id"]} == {a, b}]


@pytest.mark.model
def test_cached_reads_follow_an_ingest_and_a_reingest(ingest_client, token: str) -> None:
    """An ingest writes a new data version: the dyad's shifts and the actors' events are computed again (the
    new events listed), and a re-ingest of the same article changes nothing."""
    auth = {"Authorization": f"Bearer {token}"}
    pairs = [(r["a"]["id"], r["b"]["id"]) for r in ingest_client.get("/api/relations").json()["items"]]
    actors = sorted({x for p in pairs for x in p})
    _check(ingest_client, pairs, actors)
    before = {x: ingest_client.get("/api/events", params={"actor": x}).json()["items"] for x in ("RUS", "IRN")}
    article = {"text": "Russia condemned Iran for the missile launch on Monday, the foreign ministry in Moscow "
                       "said. Iran rejected the criticism.", "outlet": "Reuters", "published": "2024-05-06"}
    first = ingest_client.post("/api/ingest", json=article, headers=auth).json()
    assert first["stored"] and first["events"] >= 1
    after = {x: ingest_client.get("/api/events", params={"actor": x}).json()["items"] for x in ("RUS", "IRN")}
    assert any(len(after[x]) > len(before[x]) for x in after)
    _check(ingest_client, [*pairs, ("IRN", "RUS")], actors)
    again = ingest_client.post("/api/ingest", json=article, headers=auth).json()
    assert again["duplicate"]
    assert {x: ingest_client.get("/api/events", params={"actor": x}).json()["items"] for x in after} == after
    _check(ingest_client, [*pairs, ("IRN", "RUS")], actors)
