"""Every error the API returns has one JSON shape: {"ok": false, "error": "...", "code": "...", "status": N}."""

from __future__ import annotations

from typing import Any

import pytest

from detente.errors import ERRORS

TEXT = "Brazil accused Argentina of breaking the trade agreement, officials in Brasilia said on Monday."

# (client fixture, method, path, request kwargs, expected status)
CASES: list[tuple[str, str, str, dict[str, Any], int]] = [
    ("client", "GET", "/api/no-such-route", {}, 404),
    ("client", "GET", "/api/documents/0000000000000000", {}, 404),
    ("client", "GET", "/api/dyads/RUS/XXX", {}, 404),
    ("client", "DELETE", "/api/relations", {}, 405),
    ("client", "GET", "/api/relations?since=yesterday", {}, 422),
    ("client", "GET", "/api/events?limit=0", {}, 422),
    ("client", "GET", "/api/events?actor=<script>", {}, 422),
    ("client", "GET", "/api/search?q=a", {}, 422),
    ("client", "GET", "/api/timeline?freq=decade", {}, 422),
    ("client", "POST", "/api/ingest", {"json": {"text": TEXT}}, 403),
    ("client", "POST", "/api/ingest", {"json": {"text": TEXT}, "auth": "good"}, 403),
    ("ingest_client", "POST", "/api/ingest", {"json": {"text": TEXT}}, 401),
    ("ingest_client", "POST", "/api/ingest", {"json": {"text": TEXT}, "auth": "bad"}, 401),
    ("ingest_client", "POST", "/api/ingest",
     {"json": {"url": "http://127.0.0.1/article"}, "auth": "good"}, 400),
    ("ingest_client", "POST", "/api/ingest",
     {"json": {"url": "http://10.0.0.1/article"}, "auth": "good"}, 400),
    ("ingest_client", "POST", "/api/ingest",
     {"json": {"text": TEXT, "url": "https://example.org/"}, "auth": "good"}, 422),
    ("ingest_client", "POST", "/api/ingest",
     {"json": {"text": TEXT, "colour": "red"}, "auth": "good"}, 422),
    ("ingest_client", "POST", "/api/ingest",
     {"content": b"{not json", "auth": "good", "headers": {"Content-Type": "application/json"}},
     422),
    ("ingest_client", "POST", "/api/ingest",
     {"json": {"text": "Der Bundestag hat heute über den Haushalt abgestimmt und die Regierung kritisiert."},
      "auth": "good"}, 400),
]


@pytest.mark.parametrize(("fixture", "method", "path", "kwargs", "status"), CASES,
                         ids=[f"{c[1]} {c[2]} -> {c[4]}" for c in CASES])
def test_errors_one_json_shape(request: pytest.FixtureRequest, token: str, fixture: str, method: str, path: str,
                               kwargs: dict[str, Any], status: int) -> None:
    kwargs = dict(kwargs)
    auth = kwargs.pop("auth", None)
    if auth is not None:
        header = f"Bearer {token if auth == 'good' else 'nope'}"
        kwargs["headers"] = {**kwargs.get("headers", {}), "Authorization": header}
    response = request.getfixturevalue(fixture).request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "code", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert body["code"] in ERRORS and ERRORS[body["code"]].status == status
    assert isinstance(body["error"], str) and body["error"].strip()


def test_errors_ingest_off_says_how_to_enable(client) -> None:
    body = client.post("/api/ingest", json={"text": TEXT}).json()
    assert "--token" in body["error"] and "DETENTE_TOKEN" in body["error"]


def test_errors_wrong_token_asks_for_bearer(ingest_client) -> None:
    response = ingest_client.post("/api/ingest", json={"text": TEXT})
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("url", ["http://127.0.0.1/article", "http://10.0.0.1/article", "http://[::1]/x",
                                 "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"])
def test_errors_private_urls_refused(ingest_client, token: str, url: str) -> None:
    response = ingest_client.post("/api/ingest", json={"url": url}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("R08")


def test_errors_openapi_documents_the_shape(client) -> None:
    schema = client.get("/openapi.json").json()
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"error", "code", "status"}
    assert set(error["properties"]) == {"ok", "error", "code", "status"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("404", "422", "500"):
                ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/Error"), (method, path, status)
