"""CLI commands for following outlets: ``detente feeds add|list|remove`` and ``detente watch``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import ConfigError, DetenteError

feeds_app = typer.Typer(add_completion=False, no_args_is_help=True,
                        help="Follow RSS/Atom feeds and sitemaps (polled by 'detente watch' or 'detente serve').")
_DB = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB store file.")
_TOKEN = typer.Option(None, "--token", envvar="DETENTE_TOKEN", help="The token of a server that owns the store.")


def _server(db: Path) -> Any:
    """A client of the server that owns ``db`` (None when no server runs: write to the store directly)."""
    from ..live import find_server

    return find_server(db)


def _client(running: dict[str, Any], token: Optional[str]) -> Any:
    from ..live import ServerClient

    if not running.get("writer"):
        raise ConfigError(f"the store is served read-only by 'detente serve' at {running['url']}; restart it with "
                          "--token to change feeds through it")
    return ServerClient(running["url"], token)


def _fail(exc: DetenteError) -> None:
    from ..errors import cli_error

    line, code = cli_error(exc)  # the one CLI renderer: message and exit code from the error table
    typer.echo(line, err=True)
    raise typer.Exit(code)


def _check_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigError(f"{url!r} is not an http(s) URL")
    return url


@feeds_app.command("add")
def add(url: str = typer.Argument(..., help="Feed (RSS/Atom) or sitemap URL."),
        outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of the feed's articles."),
        kind: str = typer.Option("auto", "--kind", help="auto, rss (RSS/Atom) or sitemap."),
        interval: int = typer.Option(900, "--interval", help="Seconds between polls (at least 60)."),
        db: Path = _DB, token: Optional[str] = _TOKEN) -> None:
    """Follow a feed.  Example: detente feeds add https://example.org/rss.xml --outlet Example"""
    from ..store import Store
    from ..store.feeds import add_feed

    try:
        if kind not in {"auto", "rss", "sitemap"}:
            raise ConfigError("--kind must be auto, rss or sitemap")
        if interval < 60:
            raise ConfigError("--interval must be at least 60 seconds (be polite to the outlet)")
        running = _server(db)
        if running is not None:
            client = _client(running, token)
            try:
                new = client.call("POST", "/api/feeds", json={"url": _check_url(url), "outlet": outlet, "kind": kind,
                                                              "interval_s": interval})["new"]
            finally:
                client.close()
        else:
            with Store(db) as store:
                new = add_feed(store, _check_url(url), outlet=outlet, kind=kind, interval_s=interval)
    except DetenteError as exc:
        _fail(exc)
        return
    typer.echo(f"{'following' if new else 'updated'} {url}" + (f" ({outlet})" if outlet else ""))


@feeds_app.command("remove")
def remove(url: str = typer.Argument(...), db: Path = _DB, token: Optional[str] = _TOKEN) -> None:
    """Stop following a feed (its articles stay in the store)."""
    from ..store import Store
    from ..store.feeds import remove_feed

    try:
        running = _server(db)
        if running is not None:
            client = _client(running, token)
            try:
                client.call("POST", "/api/feeds/remove", json={"url": url})
                found = True
            except ConfigError as exc:
                if "404" not in str(exc):
                    raise
                found = False
            finally:
                client.close()
        else:
            with Store(db) as store:
                found = remove_feed(store, url)
    except DetenteError as exc:
        _fail(exc)
        return
    if not found:
        typer.secho(f"not followed: {url}", fg="yellow", err=True)
        raise typer.Exit(1)
    typer.echo(f"stopped following {url}")


@feeds_app.command("list")
def list_(db: Path = _DB, as_json: bool = typer.Option(False, "--json")) -> None:
    """The followed feeds: outlet, last answer, errors, next poll, articles stored."""
    from ..store import Store
    from ..store.feeds import list_feeds

    from ..live import read_through_server

    try:
        served = read_through_server(db, "/api/feeds")  # a running server's own view: no snapshot lag
        if served is not None:
            rows = served["items"]
        else:
            with Store(db, read_only=True) as store:
                rows = list_feeds(store)
    except DetenteError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("url", "outlet", "last status", "errors", "next poll", "stored")
    for r in rows:
        table.add_row(r["url"], r["outlet"] or "", str(r["last_status"] or "-"), str(r["errors"] or 0),
                      str(r["next_poll_at"] or "-"), str(r["stored"]))
    Console().print(table)


def watch(db: Path = _DB,
          once: bool = typer.Option(False, "--once", help="One poll cycle, then exit."),
          force: bool = typer.Option(False, "--force", help="Poll every feed now, due or not."),
          tick: float = typer.Option(30.0, "--tick", help="Seconds between checks for due feeds."),
          host_interval: float = typer.Option(1.0, "--host-interval", help="Seconds between two requests to one host."),
          allow_private: bool = typer.Option(False, "--allow-private-urls", help="Allow feeds on private or loopback addresses."),
          as_json: bool = typer.Option(False, "--json", help="Print each cycle's summary as JSON."),
          token: Optional[str] = _TOKEN) -> None:
    """Poll the followed feeds and ingest their new articles (the poll loop; --once for one cycle).

    While 'detente serve --token ...' runs on the store, the server polls the feeds itself.
    """
    import threading
    import time

    from ..pipeline import Pipeline
    from ..store import Store
    from .poll import Poller

    loaded: list[Any] = []

    def pipeline() -> Any:
        if not loaded:
            loaded.append(Pipeline.load())
        return loaded[0]

    def show(summary: Any) -> None:
        if as_json:
            sys.stdout.write(json.dumps(summary.to_dict(), default=str) + "\n")
        else:
            c = summary.counts()
            typer.echo(f"poll {summary.poll_id}: {c['feeds']} feeds ({c['not_modified']} unchanged), "
                       f"{c['fetched']} articles fetched, {c['stored']} stored, {c['duplicates']} duplicates, "
                       f"{c['rejected']} rejected, {c['errors']} errors")
            for e in summary.errors:
                typer.secho(f"  {e['feed']}: {e['error']}", fg="yellow", err=True)
        sys.stdout.flush()

    running = _server(db)
    if running is not None:  # the server owns the store: it polls; this asks it to poll now and shows the counts
        from types import SimpleNamespace

        try:
            client = _client(running, token)
            typer.echo(f"polling through the detente server at {running['url']}", err=True)
            try:
                while True:
                    got = client.call("POST", f"/api/feeds/poll?force={'true' if force else 'false'}",
                                      timeout=600.0)
                    counts = {k: got[k] for k in ("feeds", "not_modified", "fetched", "stored", "duplicates",
                                                  "rejected", "errors")}
                    show(SimpleNamespace(poll_id=got["poll_id"], errors=got["feed_errors"], counts=lambda c=counts: c,
                                         to_dict=lambda g=got: g))
                    if once:
                        return
                    time.sleep(tick)
            finally:
                client.close()
        except DetenteError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            return
        return
    try:
        with Store(db) as store:
            poller = Poller(store, pipeline, allow_private=allow_private, min_interval=host_interval)
            if once:
                show(poller.poll_once(force=force))
                return
            stop = threading.Event()
            try:
                poller.run(stop, tick=tick, on_cycle=show)
            except KeyboardInterrupt:
                stop.set()
    except DetenteError as exc:
        _fail(exc)


def register(app: Any) -> None:
    app.add_typer(feeds_app, name="feeds")
    app.command("watch")(watch)
