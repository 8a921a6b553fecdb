"""The ``detente`` command line: thin Typer commands over library functions.

Each command parses its options, calls one library function and renders the
result with Rich (or JSON with ``--json``).  Errors have one renderer
(``_Commands.invoke`` with ``detente.errors.cli_error``): any error, detente's
own or a bug, becomes one red line on stderr and the exit code of its row in
the error table (0 done, 1 partial with rejections, 2 usage, 3 store or
config, 4 internal); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup
from typer.exceptions import TyperException

from .cli_options import make_filters, parse_day
from .errors import EXIT_PARTIAL, DetenteError, InputError, cli_error

console = Console()
err = Console(stderr=True)
_STATE: dict[str, bool] = {"debug": False}


def render_error(exc: BaseException) -> int:
    """Print ``exc`` as one line on stderr (the CLI's one error renderer); return its exit code."""
    message, code = cli_error(exc)
    head, _, rest = message.partition(" ")
    err.print(f"[red]{escape(head)}[/red] {escape(rest)}", soft_wrap=True)
    return code


class _Commands(TyperGroup):
    """The command group: any exception a command lets out goes through ``render_error``."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException, KeyboardInterrupt):  # usage errors and exits: Typer's
            raise
        except Exception as exc:
            if _STATE["debug"]:
                raise
            raise typer.Exit(render_error(exc)) from None


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Commands, pretty_exceptions_enable=False,
                  help="detente: a sourced, time-aware map of who stands with whom.")

DB_OPTION = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB store file.")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    _STATE["debug"] = debug


def _fail(exc: DetenteError) -> None:
    if _STATE["debug"]:
        raise exc
    raise typer.Exit(render_error(exc))


def _date(value: Optional[str], name: str) -> dt.date | None:
    return parse_day(value, name)


def _read_store(db: Path, read: Any) -> Any:
    """Run ``read(store)`` on the store opened read-only; a ``DetenteError`` becomes one red line and exit 3."""
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            return read(store)
    except DetenteError as exc:
        _fail(exc)


def _print_json(data: Any) -> None:
    # Indented for reading, except long lists (the relations of a large store): with ``indent`` the stdlib
    # encodes in pure Python, several times slower than its C encoder.
    indent = 2 if not isinstance(data, list) or len(data) <= 1000 else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(None, help="Files, folders (recursive) or '-' for standard input."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV or JSONL with path|url, outlet, published, title, language."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for inputs that have none (YYYY-MM-DD)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet for inputs that have none."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    allow_private: bool = typer.Option(False, "--allow-private-urls", help="Allow manifest URLs on private or loopback addresses."),
    workers: int = typer.Option(0, "--workers", help="Extraction processes (0: one per core when there are many inputs)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine's processes) or ray (needs the 'ray' extra)."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (auto, host:6379, ray://host:10001); default: a local Ray runtime."),
    parquet_dir: Optional[Path] = typer.Option(None, "--parquet-dir", help="With --engine ray: keep the extraction partitions (Parquet) here."),
    server: Optional[str] = typer.Option(None, "--server", help="Send the documents to this detente server (default: the one serving --db, if any)."),
    token: Optional[str] = typer.Option(None, "--token", envvar="DETENTE_TOKEN", help="The server's bearer token."),
) -> None:
    """Ingest articles into the store.

    Example: detente ingest ../shared/seeds --manifest ../shared/seeds/manifest.csv
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .jobs import ingest as run_ingest
    from .pipeline import Pipeline
    from .store import Store

    if not paths and manifest is None:
        raise typer.BadParameter("give files, folders, '-' or --manifest", param_hint="PATHS")
    if engine not in ("local", "ray"):
        raise typer.BadParameter("local or ray", param_hint="--engine")
    from .live import find_server

    running = find_server(db) if server is None else {"url": server, "writer": True}
    if running is not None and engine == "local":
        return _ingest_through_server(running, token, paths or [], manifest, _date(date, "--date"), outlet,
                                      allow_private, as_json)
    try:
        pipeline = Pipeline.load() if engine == "local" else None
        with Store(db) as store, Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(), console=err, disable=as_json or not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", total=None, rate="-")
            started = dt.datetime.now()

            def tick(n: int) -> None:
                done = bar.tasks[0].completed + n
                secs = max((dt.datetime.now() - started).total_seconds(), 1e-6)
                bar.update(task, advance=n, rate=f"{done / secs:.1f}")

            if engine == "ray":
                from .engines.ray_engine import ingest_ray

                summary = ingest_ray(paths or [], store=store, manifest=manifest, date=_date(date, "--date"),
                                     outlet=outlet, progress=tick, allow_private=allow_private,
                                     workers=workers or 2, address=address, parquet_dir=parquet_dir)
            else:
                summary = run_ingest(paths or [], store=store, pipeline=pipeline, manifest=manifest,
                                     date=_date(date, "--date"), outlet=outlet, progress=tick,
                                     allow_private=allow_private, workers=_workers(workers, paths or [], manifest),
                                     debug=_STATE["debug"])
    except DetenteError as exc:
        _fail(exc)
        return
    _show_summary(summary, as_json)


def _ingest_through_server(running: dict[str, Any], token: Optional[str], paths: list[str], manifest: Optional[Path],
                           date: dt.date | None, outlet: Optional[str], allow_private: bool, as_json: bool) -> None:
    """``detente ingest`` while a server owns the store: read here, extract and write there, show progress."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .errors import StoreError
    from .live import ingest_through_server

    try:
        if not running.get("writer"):
            raise StoreError(f"the store is served read-only by 'detente serve' at {running['url']} (process "
                             f"{running.get('pid')}); restart it with --token (or DETENTE_TOKEN) to ingest through it")
        err.print(f"ingesting through the detente server at {running['url']}")
        with Progress(TextColumn("[bold]ingest (server)"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, disable=as_json or not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=None)
            summary = ingest_through_server(running["url"], token, paths, manifest=manifest, date=date,
                                            outlet=outlet, stdin=None, allow_private=allow_private,
                                            progress=lambda n: bar.update(task, advance=n))
    except DetenteError as exc:
        _fail(exc)
        return
    _show_summary(summary, as_json)


def _show_summary(summary: Any, as_json: bool) -> None:
    if as_json:
        _print_json(summary.to_dict())
    else:
        rate = summary.read / summary.seconds if summary.seconds else 0.0
        console.print(
            f"read {summary.read}, stored {summary.stored}, already stored {summary.duplicates}, "
            f"rejected {len(summary.rejected)}, events {summary.events} ({rate:.1f} docs/s)"
        )
        for r in summary.rejected:
            err.print(f"[yellow]skipped[/yellow] {escape(r.source)}: [{r.code}] {escape(r.reason)}")
            if getattr(r, "traceback", None):
                err.print(escape(r.traceback), highlight=False)
    if summary.rejected:
        raise typer.Exit(EXIT_PARTIAL)  # done, but not with every input: each is listed above


# Below this many inputs a second process costs more (fork, result pickling) than it saves.
PARALLEL_MIN_INPUTS = 48


def _workers(requested: int, paths: list[str], manifest: Optional[Path]) -> int:
    """Resolve ``--workers 0`` (auto): one per core for large inputs, else one."""
    import os

    if requested > 0:
        return requested
    count = 0
    for p in paths:
        path = Path(p)
        try:
            count += sum(1 for _ in path.rglob("*")) if path.is_dir() else 1
        except OSError:
            count += 1  # an unreadable folder: the ingest itself reports it
        if count >= PARALLEL_MIN_INPUTS:
            break
    if manifest is not None and count < PARALLEL_MIN_INPUTS and manifest.is_file():
        with manifest.open(encoding="utf-8", errors="replace") as rows:
            count += sum(1 for _ in rows) - 1
    return max(1, os.cpu_count() or 1) if count >= PARALLEL_MIN_INPUTS else 1


@app.command()
def extract(
    path: str = typer.Argument("-", help="JSONL file of {id, text, date?, outlet?}; '-' for standard input."),
) -> None:
    """Extract actors and events from JSONL, one JSON line out per line in, touching no store.

    Example: echo '{"id": "1", "text": "Russia condemned Israel."}' | detente extract
    """
    from .extract_jsonl import dump_line, extract_lines, read_lines

    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        _fail(InputError(f"cannot read {path}: {exc.strerror or exc}"))
        return
    out = sys.stdout.buffer
    try:
        for line in extract_lines(read_lines(stream), debug=_STATE["debug"]):
            out.write(dump_line(line).encode("utf-8"))
            out.flush()
    except DetenteError as exc:
        _fail(exc)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _filters(since: Optional[str], until: Optional[str], outlets: list[str] | None, exclude: list[str] | None) -> Any:
    return make_filters(since, until, outlets, exclude)


def _pair(nodes: list[str] | None) -> tuple[str, str] | None:
    if not nodes:
        return None
    if len(nodes) != 2:
        raise typer.BadParameter("give two node ids: --pair RUS --pair ISR", param_hint="--pair")
    a, b = sorted(nodes)
    return a, b


@app.command()
def relations(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    since: Optional[str] = typer.Option(None, "--since", help="Only evidence dated on or after (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only evidence dated on or before (YYYY-MM-DD)."),
    outlet: Optional[list[str]] = typer.Option(None, "--outlet", help="Only evidence from this outlet (repeatable)."),
    exclude_outlet: Optional[list[str]] = typer.Option(None, "--exclude-outlet", help="Leave out this outlet (repeatable)."),
    window: Optional[str] = typer.Option(None, "--window", help="Scores per window: day, week, month, quarter, year or Nd."),
    by_outlet: bool = typer.Option(False, "--by-outlet", help="The same relations seen through each outlet."),
    pair: Optional[list[str]] = typer.Option(None, "--pair", help="Only this pair: give --pair twice (node ids)."),
    evidence: int = typer.Option(20, "--evidence", min=0,
                                 help="Cite at most this many reports per relation, the most recent (0: all)."),
) -> None:
    """The signed relations between states and organisations, with their evidence.

    Example: detente relations --json --since 2023-01-01 --window month
    """
    from .network import dyads
    from .store import Store

    filters = _filters(since, until, outlet, exclude_outlet)
    try:
        with Store(db, read_only=True) as store:
            if window:
                try:
                    points = dyads.dyad_series(store, window=window, filters=filters, directed=False,
                                               pair=_pair(pair))
                except ValueError as exc:
                    raise typer.BadParameter(str(exc), param_hint="--window") from None
                rows: list[Any] = points
            elif by_outlet:
                rows = dyads.relations_by_outlet(store, filters=filters, evidence_limit=evidence or None)
            else:
                rows = dyads.relations(store, filters=filters, evidence_limit=evidence or None, pair=_pair(pair))
    except DetenteError as exc:
        _fail(exc)
        return
    if as_json or window:
        _print_json([r.to_dict() for r in rows])
        return
    table = Table("a", "b", "score", "events", "background/undated", "outlets", "first", "last",
                  *(["outlet"] if by_outlet else []))
    for r in rows:
        colour = "green" if r.score > 0.5 else "red" if r.score < -0.5 else "white"
        table.add_row(r.a_name, r.b_name, f"[{colour}]{r.score:+.1f}[/{colour}]", str(r.n_events),
                      f"{r.n_background}/{r.n_undated}", str(r.n_outlets),
                      str(r.first or ""), str(r.last or ""), *([str(r.outlet)] if by_outlet else []))
    console.print(table)


@app.command()
def events(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events whose source or target node is this id."),
    limit: int = typer.Option(200, "--limit", min=1, help="At most this many events."),
) -> None:
    """List coded events with their evidence.

    Example: detente events --actor RUS --json
    """
    from .report import list_events

    rows = _read_store(db, lambda store: list_events(store, actor=actor, limit=limit))
    if as_json:
        _print_json(rows)
        return
    table = Table("date", "source", "type", "target", "score", "flags", "said by", "outlet")
    for e in rows:
        flags = " ".join(f for f, on in (("negated", e["negated"]), ("hedged", e["hedged"]), ("intent", e["intent"])) if on)
        table.add_row(str(e["date"] or ""), ", ".join(e["source_ids"]), e["type"], ", ".join(e["target_ids"]),
                      f"{e['score']:+.1f}", flags, e["said_by_name"] or "", e["outlet"] or "")
    console.print(table)


@app.command()
def actors(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    unresolved: bool = typer.Option(False, "--unresolved", help="List mentions that did not resolve, most frequent first."),
) -> None:
    """List resolved actors with their mentions and aliases (or what failed to resolve).

    Example: detente actors --unresolved
    """
    from .report import list_actors, list_unresolved

    rows = _read_store(db, list_unresolved if unresolved else list_actors)
    if as_json:
        _print_json(rows)
        return
    if unresolved:
        table = Table("text", "mentions", "documents")
        for r in rows:
            table.add_row(r["text"], str(r["mentions"]), str(r["documents"]))
    else:
        table = Table("id", "name", "kind", "country", "sector", "mentions", "aliases")
        for r in rows:
            table.add_row(r["id"], r["name"], r["kind"], r["country"] or "", r["sector"] or "", str(r["mentions"]),
                          ", ".join(r["aliases"][:6]))
    console.print(table)


@app.command()
def outlets(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    affiliation: Optional[list[str]] = typer.Option(
        None, "--affiliation", help="Only outlets of this state affiliation: a code (SC, CaPu, CaPr, ISFM, ISF, ISM, "
                                    "IP), a group, or 'not listed' (repeatable)."),
) -> None:
    """Each outlet's country and state affiliation (state-media profiles), documents, events and loaded language.

    Example: detente outlets --affiliation SC
    """
    from .outlets import outlet_views

    rows = _read_store(db, lambda store: [v.to_dict() for v in outlet_views(store, affiliation=affiliation or ())])
    if as_json:
        _print_json(rows)
        return
    table = Table("outlet", "country", "affiliation", "documents", "events", "loaded", "loaded terms")
    for r in rows:
        affil = r["affiliation"] or "not listed"  # codes: see --help; labels in --json
        terms = ", ".join(f"{t['text']} ({t['uses']})" for t in r["loaded_terms"][:2])
        table.add_row(r["outlet"] or "(unknown outlet)", r["country"] or "", affil, str(r["documents"]),
                      str(r["events"]), str(r["loaded"]), terms)
    console.print(table)


@app.command()
def report(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    fmt: str = typer.Option("md", "--format", help="md, html or json."),
    output: Optional[Path] = typer.Option(None, "--output", help="Write here (Markdown charts go to a _files folder)."),
) -> None:
    """A report of the relations, shifts and balance with their evidence sentences, outlets and speakers.

    Example: detente report --format html --output report.html
    """
    from .report import build_report, render_html, render_markdown

    data = _read_store(db, build_report)
    if fmt not in {"md", "html", "json"}:
        raise typer.BadParameter(f"{fmt!r} is not md, html or json", param_hint="--format")
    if as_json or fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    elif fmt == "html":
        text = render_html(data)
    else:
        assets = output.with_name(output.stem + "_files") if output is not None else None
        text = render_markdown(data, assets=assets)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        err.print(f"report written to {output}")
    else:
        sys.stdout.write(text)


def _register_optional_commands() -> None:
    """Commands whose modules live with their stage (evaluation, network, serving)."""
    from .api.commands import register as register_api
    from .eval.command import eval_command
    from .feeds.commands import register as register_feeds
    from .network.commands import register as register_network

    app.command("eval")(eval_command)
    register_network(app)
    register_api(app)
    register_feeds(app)


_register_optional_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
