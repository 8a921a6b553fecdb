"""CLI commands of the API and dashboard (``detente serve``), registered on the main app."""

from __future__ import annotations

import ipaddress
import json
import sys
from pathlib import Path
from typing import Any

import typer

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB store file."),
    host: str = typer.Option(DEFAULT_HOST, "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(DEFAULT_PORT, "--port", help="Port to listen on."),
    token: str | None = typer.Option(
        None, "--token", envvar="DETENTE_TOKEN", show_envvar=True,
        help="Bearer token enabling POST /api/ingest (without one, ingest over HTTP is off and the store is opened "
             "read-only).",
    ),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Let ingest fetch URLs on private or loopback addresses."
    ),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", envvar="DETENTE_ALLOWED_HOSTS", show_envvar=True,
        help="A name the Host header may carry besides localhost, 127.0.0.1, [::1] and --host (repeatable; '*' "
             "turns the check off). Requests with any other Host are refused (DNS rebinding protection).",
    ),
    get: str | None = typer.Option(
        None, "--get", help="Call this API path in-process, print the JSON response and exit (no server)."
    ),
) -> None:
    """Serve the HTTP API (/api, its OpenAPI schema at /openapi.json) and the dashboard (/) over the store.

    Example: detente serve --db detente.duckdb --port 8000
    """
    from .app import create_app

    # A DetenteError (the store cannot be opened) reaches the CLI's one error renderer: exit 3.
    app = create_app(db, token=token, allow_private_urls=allow_private_urls, host=host,
                     allowed_host=tuple(allowed_host))
    if get is not None:
        raise typer.Exit(_get(app, get))
    if token and not _is_loopback(host):
        typer.secho(f"warning: serving on {host} over plain HTTP: the ingest token travels unencrypted; "
                    "put a TLS proxy in front", fg="yellow", err=True)
    import uvicorn

    from ..live import remove_server_files, write_server_file

    mode = "ingest on (token set)" if token else "read-only (no token: ingest over HTTP is off)"
    typer.echo(f"detente: serving {db} on http://{host}:{port}/ — {mode}", err=True)
    # The server file tells 'detente ingest' and read commands in other processes where the store's owner is.
    shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    write_server_file(db, f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}", writer=bool(token))
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        remove_server_files(db)


def _get(app: Any, path: str) -> int:
    """Call ``path`` on ``app`` in-process and print the body (JSON indented); exit 0 on success.

    An error response (its JSON printed all the same) exits with the code of its row in the error table.
    """
    import asyncio

    import httpx

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path)

    from ..errors import ERRORS, EXIT_USAGE

    if not path.startswith("/"):
        raise typer.BadParameter(f"{path!r} is not a path on the server (it starts with '/')", param_hint="--get")
    try:
        response = asyncio.run(call())
    finally:  # no lifespan runs for one in-process call: close the store here (a later command may open it)
        app.state.detente.root.close()
    if response.headers.get("content-type", "").startswith("application/json") and len(response.content) > 1 << 20:
        # a large body (the network of a big store) as the server wrote it: indenting goes through the
        # pure-Python encoder, which took longer than the query (2 s for 20,000 relations)
        sys.stdout.write(response.text + "\n")
    elif response.headers.get("content-type", "").startswith("application/json"):
        sys.stdout.write(json.dumps(response.json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(response.text if response.text.endswith("\n") else response.text + "\n")
    if response.status_code < 400:
        return 0
    try:
        code = str(response.json().get("code", ""))
    except ValueError:
        code = ""
    return ERRORS[code].exit if code in ERRORS else EXIT_USAGE


def register(app: Any) -> None:
    """Add the serving commands to the Typer ``app``."""
    app.command("serve")(serve)
