"""POST /api/ingest in-process: text, HTML and URLs (on a local test server), duplicates, refusals."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import TestClient
from .live import LOCAL, copy_store

pytestmark = pytest.mark.model

ARTICLE = ("Brazil accused Argentina of breaking the trade agreement, officials in Brasilia said on Monday. "
           "Argentina rejected the claim and said the talks would go on.")
HTML_ARTICLE = """<!doctype html><html><head><title>Chile and Peru sign a pact</title></head><body>
<article><h1>Chile and Peru sign a pact</h1>
<p>Chile praised Peru for its help after the floods, and the two governments signed a new water agreement in Lima
on Tuesday. The foreign minister said that the pact was a model for the region and that the two countries
would cooperate on border crossings as well.</p></article></body></html>"""


class _ArticleHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        type(self).hits.append(self.path)
        if self.path == "/article":
            body = HTML_ARTICLE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(type(self).hits)}")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def article_server() -> Iterator[str]:
    """A local HTTP server (127.0.0.1, free port) serving one article and a redirect loop."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ArticleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def private_client(small_store: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Any,
                   token: str) -> Iterator[TestClient]:
    """Ingest on, with --allow-private-urls (so it may fetch from the local test server)."""
    from detente.api.app import create_app

    db = copy_store(small_store, tmp_path_factory.mktemp("private"))
    app = create_app(db, token=token, allow_private_urls=True, load_pipeline=lambda: pipeline)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_ingest_text_then_duplicate(ingest_client, token: str) -> None:
    payload = {"text": ARTICLE, "outlet": "Reuters", "published": "2024-02-05", "title": "Brazil accuses Argentina"}
    first = ingest_client.post("/api/ingest", json=payload, headers=_auth(token))
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["ok"], body["stored"], body["duplicate"]) == (True, True, False)
    assert body["events"] >= 1
    doc = body["document"]
    assert (doc["outlet"], doc["outlet_country"], doc["published"], doc["title"]) == (
        "Reuters", "GBR", "2024-02-05", "Brazil accuses Argentina")
    assert doc["date_basis"] == "manifest"
    again = ingest_client.post("/api/ingest", json=payload, headers=_auth(token)).json()
    assert (again["stored"], again["duplicate"], again["document"]["id"]) == (False, True, doc["id"])
    pairs = {(r["a"]["id"], r["b"]["id"]) for r in ingest_client.get("/api/relations").json()}
    assert ("ARG", "BRA") in pairs
    assert ingest_client.get(f"/api/documents/{doc['id']}").json()["text"].startswith("Brazil accused Argentina")


def test_ingest_html_uses_page_title(ingest_client, token: str) -> None:
    response = ingest_client.post("/api/ingest", json={"html": HTML_ARTICLE, "published": "2024-03-01"},
                                  headers=_auth(token))
    assert response.status_code == 200, response.text
    doc = response.json()["document"]
    assert doc["title"] == "Chile and Peru sign a pact" and doc["published"] == "2024-03-01"


def test_ingest_url_refused_without_allow_private(ingest_client, token: str, article_server: str) -> None:
    before = len(_ArticleHandler.hits)
    response = ingest_client.post("/api/ingest", json={"url": article_server + "/article"}, headers=_auth(token))
    assert response.status_code == 400
    assert "non-public address 127.0.0.1" in response.json()["error"]
    assert len(_ArticleHandler.hits) == before  # refused before any request was sent


def test_ingest_url_allowed_with_allow_private(private_client, token: str, article_server: str) -> None:
    response = private_client.post("/api/ingest", json={"url": article_server + "/article", "outlet": "El Mercurio"},
                                   headers=_auth(token))
    assert response.status_code == 200, response.text
    doc = response.json()["document"]
    assert doc["url"] == article_server + "/article" and doc["outlet"] == "El Mercurio"


def test_ingest_url_redirects_capped(private_client, token: str, article_server: str) -> None:
    from detente.ingest.fetch import MAX_REDIRECTS

    before = len(_ArticleHandler.hits)
    response = private_client.post("/api/ingest", json={"url": article_server + "/loop"}, headers=_auth(token))
    assert response.status_code == 400
    assert "redirects" in response.json()["error"]
    assert len(_ArticleHandler.hits) - before == MAX_REDIRECTS + 1


def test_ingest_url_http_error(private_client, token: str, article_server: str) -> None:
    response = private_client.post("/api/ingest", json={"url": article_server + "/missing"}, headers=_auth(token))
    assert response.status_code == 400 and "HTTP 404" in response.json()["error"]
