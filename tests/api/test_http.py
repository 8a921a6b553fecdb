"""The real server (``detente serve`` in a subprocess) over HTTP: reads, ingest, refusals, concurrency."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from .live import REQUEST_SECONDS

pytestmark = pytest.mark.model

READERS = 4
# Each reader reads until the ingests are done, at most this many times.
MAX_READS_PER_READER = 300
ARTICLES = [
    ("Brazil accused Argentina of breaking the trade agreement, officials in Brasilia said on Monday. "
     "Argentina rejected the claim and said the talks would go on.", "Reuters"),
    ("Japan praised South Korea for its help in the rescue, and the two governments agreed to hold new talks "
     "in Seoul next month. The foreign minister said the meeting was a sign of warmer ties.", "Kyodo"),
]


def _client(server, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=server.url, timeout=REQUEST_SECONDS, headers=headers)


def test_http_health_and_mode(live_server) -> None:
    with _client(live_server) as client:
        body = client.get("/api/health").json()
    assert body["ingest_enabled"] is True and body["read_only"] is False  # token from DETENTE_TOKEN
    assert body["counts"]["documents"] >= 5


def test_http_dashboard_and_openapi(live_server) -> None:
    with _client(live_server) as client:
        page = client.get("/")
        schema = client.get("/openapi.json").json()
    assert page.status_code == 200 and "detente" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert {"/api/relations", "/api/dyads/{a}/{b}", "/api/ingest", "/api/search"} <= set(schema["paths"])


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dXNlcjpwdw=="}])
def test_http_ingest_without_token_refused(live_server, headers: dict) -> None:
    with _client(live_server) as client:
        response = client.post("/api/ingest", json={"text": ARTICLES[0][0]}, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": response.json()["error"], "code": "H401", "status": 401}


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://10.0.0.1/", "http://localhost/x"])
def test_http_ingest_private_url_refused(live_server, token: str, url: str) -> None:
    with _client(live_server, token) as client:
        response = client.post("/api/ingest", json={"url": url})
    assert response.status_code == 400
    assert response.json()["error"].startswith("R08") and "non-public address" in response.json()["error"]


def test_http_reads_during_ingests(live_server, token: str) -> None:
    """Readers keep getting answers while two ingests (the spaCy load and the writes) run."""
    with _client(live_server) as client:
        before = client.get("/api/health").json()["counts"]["documents"]
    statuses: list[int] = []
    lock = threading.Lock()
    ingests_done = threading.Event()

    def ingest(article: tuple[str, str]) -> httpx.Response:
        with _client(live_server, token) as client:
            return client.post("/api/ingest", json={"text": article[0], "outlet": article[1]})

    def read(n: int) -> None:
        with _client(live_server) as client:
            for i in range(MAX_READS_PER_READER):
                if ingests_done.is_set():
                    return
                path = ("/api/relations", "/api/network", "/api/search?q=Russia", "/api/health")[(n + i) % 4]
                code = client.get(path).status_code
                with lock:
                    statuses.append(code)

    with ThreadPoolExecutor(max_workers=READERS + len(ARTICLES)) as pool:
        writes = [pool.submit(ingest, a) for a in ARTICLES]
        reads = [pool.submit(read, n) for n in range(READERS)]
        try:
            results = [w.result(timeout=120) for w in writes]
        finally:
            ingests_done.set()
        for r in reads:
            r.result(timeout=120)
    assert len(statuses) >= READERS and set(statuses) == {200}
    for response in results:
        assert response.status_code == 200, response.text
    with _client(live_server) as client:
        after = client.get("/api/health").json()["counts"]["documents"]
    assert after == before + sum(r.json()["stored"] for r in results)
    assert after >= before + 1
