"""The server's job and feed routes in the API's one envelope, and the CLI's server client reading them.

In-process (TestClient on 127.0.0.1, the app's lifespan starts its worker): listings are ``{"ok", "items"}``,
one job is ``{"ok": true, ...its fields}``, and ``detente.live.ServerClient`` drives a whole ingest job
through those shapes.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from detente.live import ServerClient
from detente.model import DateBasis, Document, Rejected

from .live import LOCAL, TOKEN, copy_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.model

TEXT = "Russia condemned Israel over the strikes on Monday, the foreign ministry said."


@pytest.fixture
def served(small_store: Path, tmp_path: Path, pipeline):
    from detente.api.app import create_app

    app = create_app(copy_store(small_store, tmp_path), token=TOKEN, load_pipeline=lambda: pipeline)
    with TestClient(app, base_url=LOCAL, headers={"Authorization": f"Bearer {TOKEN}"},
                    raise_server_exceptions=False) as c:
        yield c


def _client_over(c: TestClient) -> ServerClient:
    """The CLI's client, its HTTP calls answered by the in-process app."""
    client = ServerClient(LOCAL, TOKEN)
    client.client.close()
    client.client = c
    return client


def test_jobs_listing_and_one_job_in_the_envelope_and_the_cli_client_drives_a_job(served) -> None:
    assert served.get("/api/jobs").json() == {"ok": True, "items": []}
    doc = Document(Document.make_id(TEXT), TEXT, outlet="Wire", published=dt.date(2024, 3, 4),
                   date_basis=DateBasis.MANIFEST)
    job = _client_over(served).ingest([doc, Rejected("bad.bin", "binary content", "R02")], poll_every=0.05)

    assert job["ok"] is True and job["status"] == "done", job
    assert job["counts"]["stored"] == 1 and job["counts"]["rejected"] == 1
    listed = served.get("/api/jobs").json()
    assert set(listed) == {"ok", "items"} and [j["id"] for j in listed["items"]] == [job["id"]]
    assert listed["items"][0]["rejected"] == [{"source": "bad.bin", "reason": "binary content", "code": "R02"}]
    one = served.get(f"/api/jobs/{job['id']}").json()
    assert one["ok"] is True and one["id"] == job["id"] and one["counts"] == job["counts"]
    created = served.post("/api/jobs", json={"source": "test"}).json()
    assert created["ok"] is True and created["status"] == "receiving"
    finished = served.post(f"/api/jobs/{created['id']}/finish").json()
    assert finished["ok"] is True and finished["id"] == created["id"]
    newest_first = [j["id"] for j in served.get("/api/jobs").json()["items"]]
    assert newest_first == [created["id"], job["id"]]


def test_feeds_listing_in_the_envelope(served) -> None:
    assert served.get("/api/feeds").json() == {"ok": True, "items": []}
    added = served.post("/api/feeds", json={"url": "http://127.0.0.1:9/rss.xml", "outlet": "Local Wire"})
    assert added.json() == {"ok": True, "new": True}
    body = served.get("/api/feeds").json()
    assert set(body) == {"ok", "items"}
    assert [(f["url"], f["outlet"]) for f in body["items"]] == [("http://127.0.0.1:9/rss.xml", "Local Wire")]
    news = served.get("/api/feeds/news").json()
    assert news == {"ok": True, "poll": None, "documents": 0, "relations": [], "shifts": []}
