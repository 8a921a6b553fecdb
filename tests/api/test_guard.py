"""The API's outer gate (detente.api.guard): Host allow-list, token and body size before the body,
security headers on every response, non-ASCII tokens, and health answering while slow fetches are pending.

Servers are started by the tests on 127.0.0.1 only.
"""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from detente.api.guard import MAX_BODY_BYTES, SECURITY_HEADERS, allowed_hosts, host_name, token_matches

from .conftest import TestClient
from .live import LOCAL, REQUEST_SECONDS, LiveServer, copy_store

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.slow_server import SlowServer  # noqa: E402

NON_ASCII_TOKEN = "clé-sécrète-ß"


@pytest.fixture(scope="module")
def token_app(small_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from detente.api.app import create_app

    db = copy_store(small_store, tmp_path_factory.mktemp("guard"))
    return create_app(db, token=NON_ASCII_TOKEN, allowed_host=("news.example.org",),
                      load_pipeline=lambda: pytest.fail("no test here reaches the extractor"))


@pytest.fixture(scope="module")
def guarded(token_app: Any):
    with TestClient(token_app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


# -- Host allow-list ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:8000", "news.example.org", "LOCALHOST:1"])
def test_guard_allowed_hosts_pass(guarded, host: str) -> None:
    assert guarded.get("/api/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "127.0.0.1.attacker.example", "testserver", "",
                                  "localhost.evil:80"])
def test_guard_other_hosts_refused(guarded, host: str) -> None:
    response = guarded.get("/api/health", headers={"Host": host})
    assert response.status_code == 400
    assert response.json()["code"] == "H400" and "--allowed-host" in response.json()["error"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_guard_host_list_parts() -> None:
    assert host_name(b"[::1]:8000") == "[::1]" and host_name(b"Example.ORG:80") == "example.org"
    assert host_name(b"::1") == "::1"
    hosts = allowed_hosts("0.0.0.0", ["api.example", "fe80::1"])
    assert {"localhost", "127.0.0.1", "[::1]", "api.example", "[fe80::1]"} <= hosts and "0.0.0.0" not in hosts


def test_guard_wildcard_turns_the_host_check_off(small_store: Path, tmp_path: Path) -> None:
    from detente.api.app import create_app

    app = create_app(copy_store(small_store, tmp_path), allowed_host=("*",))
    with TestClient(app, base_url="http://anything.example") as c:
        assert c.get("/api/health").status_code == 200


# -- token before body; body size ----------------------------------------------------------------------------------
async def _call(app: Any, headers: list[tuple[bytes, bytes]], body_chunks: list[bytes]) -> tuple[int, int]:
    """Drive the real app through ASGI; return (status, how many times the body was read)."""
    reads = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        chunk = body_chunks[reads - 1] if reads <= len(body_chunks) else b""
        return {"type": "http.request", "body": chunk, "more_body": reads < len(body_chunks)}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "query_string": b"",
             "root_path": "", "headers": [(b"host", b"127.0.0.1:8000"), *headers], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 8000)}
    await app(scope, receive, send)
    return status, reads


@pytest.mark.parametrize("auth", [None, b"Bearer wrong", b"Bearer " + NON_ASCII_TOKEN.encode("utf-8")[:-1]])
def test_guard_token_checked_before_the_body_is_read(token_app: Any, auth: bytes | None) -> None:
    import anyio

    headers = [(b"content-type", b"application/json"), (b"content-length", b"52428800")]  # 50 MB declared
    if auth is not None:
        headers.append((b"authorization", auth))
    status, reads = anyio.run(_call, token_app, headers, [b"{" * 1024] * 4)
    assert status == 401 and reads == 0


def test_guard_declared_body_over_the_limit_refused_unread(token_app: Any) -> None:
    import anyio

    headers = [(b"content-type", b"application/json"), (b"content-length", str(MAX_BODY_BYTES + 1).encode()),
               (b"authorization", b"Bearer " + NON_ASCII_TOKEN.encode("utf-8"))]
    status, reads = anyio.run(_call, token_app, headers, [b"{}"])
    assert status == 413 and reads == 0


def test_guard_streamed_body_cut_at_the_limit(guarded) -> None:
    def chunks():
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b" " * 65536

    response = guarded.post("/api/ingest", content=chunks(), headers={
        "Authorization": b"Bearer " + NON_ASCII_TOKEN.encode("utf-8"), "Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["code"] == "H413"


# -- non-ASCII token ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_guard_non_ascii_token_authenticates(guarded, encoding: str) -> None:
    # Past the token, an empty body fails validation: 422 proves the token was accepted (no extraction runs).
    header = b"Bearer " + NON_ASCII_TOKEN.encode(encoding)
    response = guarded.post("/api/ingest", json={}, headers={"Authorization": header})
    assert response.status_code == 422, response.text


def test_guard_token_compare_is_exact() -> None:
    assert token_matches("tök".encode(), "tök") and token_matches("tök".encode("latin-1"), "tök")
    assert not token_matches(b"t", "tök") and not token_matches("tök!".encode(), "tök")
    assert token_matches("東京".encode(), "東京") and not token_matches(b"", "x")


# -- headers and docs ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/health", "/api/nope", "/openapi.json", "/static/app.js"])
def test_guard_security_headers_on_every_response(guarded, path: str) -> None:
    response = guarded.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, (path, name)


def test_guard_security_headers_on_a_crash(small_store: Path, tmp_path: Path, monkeypatch) -> None:
    from detente.api import routes
    from detente.api.app import create_app

    monkeypatch.setattr(routes, "outlet_views", lambda store, **kwargs: 1 / 0)  # the /api/outlets handler crashes
    with TestClient(create_app(copy_store(small_store, tmp_path)), base_url=LOCAL,
                    raise_server_exceptions=False) as c:
        response = c.get("/api/outlets")
    assert response.status_code == 500 and response.json()["code"] == "H500"
    assert response.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]


def test_guard_no_docs_page_that_needs_a_cdn(guarded) -> None:
    assert guarded.get("/docs").status_code == 404 and guarded.get("/redoc").status_code == 404
    assert guarded.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize(("exc", "status", "code"), [("ConfigError", 400, "E401"), ("DataFileError", 500, "E201"),
                                                     ("StoreError", 503, "E301")])
def test_guard_detente_errors_keep_the_shape(small_store: Path, tmp_path: Path, monkeypatch, exc: str, status: int,
                                             code: str) -> None:
    from detente import errors
    from detente.api import routes
    from detente.api.app import create_app

    def broken(store: Any, **kwargs: Any) -> Any:
        raise getattr(errors, exc)("broken on purpose")

    monkeypatch.setattr(routes, "outlet_views", broken)  # the /api/outlets handler raises
    with TestClient(create_app(copy_store(small_store, tmp_path)), base_url=LOCAL,
                    raise_server_exceptions=False) as c:
        response = c.get("/api/outlets")
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": f"[{code}] broken on purpose", "code": code, "status": status}


# -- over real HTTP ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fetching_server(small_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``detente serve`` with ingest on and --allow-private-urls, so it may fetch from the test's slow server."""
    folder = tmp_path_factory.mktemp("fetching")
    server = LiveServer(copy_store(small_store, folder), folder / "serve.log", token=NON_ASCII_TOKEN,
                        args=("--allow-private-urls",))
    yield server
    server.stop()


def _raw_request(port: int, head: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=REQUEST_SECONDS) as s:
        s.sendall(head)  # headers only: the 50 MB body is never sent
        return s.recv(65536)


def test_guard_http_50mb_body_answered_401_without_sending_it(fetching_server) -> None:
    answer = _raw_request(fetching_server.port, b"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                b"Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 401")


def test_guard_http_health_answers_while_fetches_are_pending(fetching_server) -> None:
    """Functional (not timed): with more slow fetches pending than the fetch cap and than the server's 40 worker
    threads, health answers, and every fetch ends at its deadline with a rejection."""
    pending = 45
    header = {"Authorization": b"Bearer " + NON_ASCII_TOKEN.encode("utf-8")}
    results: list[httpx.Response] = []
    with SlowServer() as slow:
        def ingest() -> None:
            with httpx.Client(base_url=fetching_server.url, timeout=60) as c:
                results.append(c.post("/api/ingest", json={"url": f"{slow.url}/trickle?seconds=40"},
                                      headers=header))

        threads = [threading.Thread(target=ingest) for _ in range(pending)]
        for t in threads:
            t.start()
        try:
            with httpx.Client(base_url=fetching_server.url, timeout=REQUEST_SECONDS) as c:
                import time

                deadline = time.monotonic() + 30
                while slow.active < 8 and time.monotonic() < deadline:  # the cap: 8 fetches at once
                    time.sleep(0.1)
                assert slow.active >= 8, slow.active
                for _ in range(5):
                    health = c.get("/api/health")
                    assert health.status_code == 200 and health.json()["ok"] is True
        finally:
            for t in threads:
                t.join(timeout=60)
    assert len(results) == pending
    assert all(r.status_code == 400 and "took longer than 10 s" in r.json()["error"] for r in results), \
        [r.text for r in results]
