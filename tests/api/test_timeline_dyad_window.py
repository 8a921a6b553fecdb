"""The time axis's data (reports per month) and a pair in a chosen period, on a hand-built store with known answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from network._synthetic import add_claim, add_event, new_store

from .live import LOCAL


@pytest.fixture(scope="module")
def dated_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from detente.api.app import create_app

    db: Path = tmp_path_factory.mktemp("dated") / "dated.duckdb"
    store = new_store(db)
    add_event(store, "n1", "RUS", "ISR", "ACCUSE", -5, "2023-01-10", text="January news one", outlet="A")
    add_event(store, "n2", "ISR", "RUS", "ACCUSE", -3, "2023-01-20", text="January news two", outlet="B")
    add_event(store, "n3", "RUS", "ISR", "SUPPORT", 4, "2023-03-02", text="March news", outlet="A")
    add_claim(store, "c1", "RUS", "ISR", 1, "2023-03-01", precision="month", text="friends in March", outlet="A")
    add_event(store, "b1", "RUS", "ISR", "SUPPORT", 6, "2021-06-01", basis="background", text="old ties")
    add_event(store, "y1", "RUS", "ISR", "SUPPORT", 6, "2022-01-01", basis="stated", precision="year", text="in 2022")
    add_event(store, "u1", "RUS", "ISR", "SUPPORT", 6, None, basis="background", precision="before-publication",
              text="once, before")
    store.close()
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as client:
        yield client


def test_timeline_counts_reports_per_month_news_and_background_apart(dated_client: TestClient) -> None:
    body = dated_client.get("/api/timeline").json()
    assert body["months"] == [
        {"month": "2021-06", "news": 0, "background": 1},
        {"month": "2023-01", "news": 2, "background": 0},
        {"month": "2023-03", "news": 2, "background": 0},  # an event and a stated relation dated to the month
    ]
    # a year is on no month of the axis, and nothing is dated by guesswork
    assert (body["n_coarse"], body["n_undated"]) == (1, 1)


def test_dyad_relation_and_evidence_follow_the_period_series_and_overall_do_not(dated_client: TestClient) -> None:
    whole = dated_client.get("/api/dyads/ISR/RUS").json()
    january = dated_client.get("/api/dyads/ISR/RUS", params={"since": "2023-01-01", "until": "2023-01-31"}).json()
    assert whole["relation"] == whole["overall"] and whole["relation"]["n_events"] == 7
    assert january["relation"]["n_events"] == 2 and january["relation"]["score"] < 0
    assert [e["text"] for e in january["evidence"]] == ["January news one", "January news two"]
    assert january["overall"] == whole["overall"]  # the whole history beside the period
    assert january["series"] == whole["series"]  # every window, whatever the period
    # evidence keeps its direction: who did what to whom
    assert [(e["source"]["id"], e["target"]["id"]) for e in january["evidence"]] == [("RUS", "ISR"), ("ISR", "RUS")]
    # outlets still filter everything, the overall relation included
    only_b = dated_client.get("/api/dyads/ISR/RUS", params={"outlet": "B"}).json()
    assert only_b["overall"]["n_events"] == 1 and only_b["relation"]["n_events"] == 1
