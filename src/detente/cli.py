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
from collections.abc import Sequence
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup
from typer.exceptions import TyperException

from .cli_options import make_filters, parse_day
from .cli_output import (
    CSV_OPTION,
    Column,
    check_format,
    closest,
    emit,
    explain_empty,
    limit_option,
    limited,
    model_loading,
    node,
    nodes,
    print_json,
    print_json_texts,
    unknown_names,
)
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


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"detente {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
          version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print detente's version and exit.")) -> None:
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
    print_json(data)


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
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

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
        with model_loading(err):
            pipeline = Pipeline.load() if engine == "local" else None
        with Store(db) as store, Progress(
            # the number of inputs is not known before they are read (folders, manifests): a count, not "0/?"
            TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} docs"),
            TextColumn("{task.fields[rate]} docs/s"),
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
                                     workers=workers or 2, address=address, parquet_dir=parquet_dir,
                                     debug=_STATE["debug"])
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
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .errors import StoreError
    from .live import ingest_through_server

    try:
        if not running.get("writer"):
            raise StoreError(f"the store is served read-only by 'detente serve' at {running['url']} (process "
                             f"{running.get('pid')}); restart it with --token (or DETENTE_TOKEN) to ingest through it")
        err.print(f"ingesting through the detente server at {running['url']}")
        with Progress(TextColumn("[bold]ingest (server)"), BarColumn(), TextColumn("{task.completed} docs"),
                      TimeElapsedColumn(),
                      console=err, disable=as_json or not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=None)
            summary = ingest_through_server(running["url"], token, paths, manifest=manifest, date=date,
                                            outlet=outlet, stdin=None, allow_private=allow_private,
                                            progress=lambda n: bar.update(task, advance=n))
    except DetenteError as exc:
        _fail(exc)
        return
    _show_summary(summary, as_json)


def _print_summary(summary: Any) -> None:
    """The ingest summary line, and a line for each stored document whose metadata the inputs changed."""
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    updated = getattr(summary, "updated", [])
    console.print(
        f"read {summary.read}, stored {summary.stored}, already stored {summary.duplicates}, "
        f"metadata updated {len(updated)}, rejected {len(summary.rejected)}, events {summary.events} "
        f"({rate:.1f} docs/s)"
    )
    for u in updated:
        fields = ", ".join(f"{k} {v!r}" for k, v in u["fields"].items())
        redone = " (extracted again: its events are dated from it)" if "published" in u["fields"] else ""
        err.print(f"[cyan]updated[/cyan] {escape(str(u['source'] or u['id']))}: {escape(fields)}{redone}")


def _show_summary(summary: Any, as_json: bool) -> None:
    if as_json:
        _print_json(summary.to_dict())
    else:
        _print_summary(summary)
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


def _outlet_hints(store: Any, outlets: Sequence[str]) -> list[str]:
    """A hint for each ``--outlet``/``--exclude-outlet`` that names no stored outlet."""
    from .api.queries import list_outlets

    if not outlets:
        return []
    return unknown_names("outlet", outlets, [r["outlet"] for r in list_outlets(store) if r["outlet"]])


def _actor_hints(store: Any, actors: Sequence[str]) -> list[str]:
    """A hint for each ``--actor`` that is no stored node or actor id (a name suggests its id)."""
    from .network.dyads import node_names
    from .report import list_actors

    if not actors:
        return []
    names = {r["id"]: r["name"] for r in list_actors(store)} | node_names(store)
    hints = []
    for given in actors:
        if given in names:
            continue
        guess = closest(given, [*names, *(n for n in names.values() if n)])
        if guess is not None and guess not in names:  # a name: give its id
            guess = next(i for i, n in names.items() if n == guess)
        hints.append(f"no actor with id {given!r}" + (f"; did you mean {guess!r} ({names[guess]})?" if guess else
                                                        "; list them with 'detente actors'"))
    return hints


def _explain_empty(rows: Sequence[Any], hints: list[str], what: str) -> None:
    explain_empty(rows, hints, what, err)


def _score_style(r: dict[str, Any]) -> str:
    return "green" if r["score"] > 0.5 else "red" if r["score"] < -0.5 else ""


def _events_cell(r: dict[str, Any]) -> str:
    extra = [f"{r[k]} {label}" for k, label in (("n_background", "bg"), ("n_undated", "undated")) if r[k]]
    return f"{r['n_events']}" + (f" ({', '.join(extra)})" if extra else "")


def _dates_cell(r: dict[str, Any]) -> str:
    return f"{r['first'] or '?'} .. {r['last'] or '?'}" if r["first"] or r["last"] else ""


RELATION_COLUMNS = [
    Column("a", lambda r: node(r["a"]), min_width=12), Column("b", lambda r: node(r["b"]), min_width=12),
    Column("score", lambda r: r["score"], _score_style), Column("events", _events_cell, min_width=6),
    Column("outlets", lambda r: r["n_outlets"]), Column("dates", _dates_cell, min_width=10),
]
RELATION_CSV_COLUMNS = [
    Column("a_id", lambda r: r["a"]["id"]), Column("a", lambda r: r["a"]["name"]),
    Column("b_id", lambda r: r["b"]["id"]), Column("b", lambda r: r["b"]["name"]),
    Column("score", lambda r: r["score"]), Column("events", lambda r: r["n_events"]),
    Column("background", lambda r: r["n_background"]), Column("undated", lambda r: r["n_undated"]),
    Column("outlets", lambda r: r["n_outlets"]), Column("first", lambda r: r["first"]),
    Column("last", lambda r: r["last"]),
]
WINDOW_COLUMNS = [
    Column("a", lambda r: node(r["a"])), Column("b", lambda r: node(r["b"])), Column("period", lambda r: r["period"]),
    Column("events", lambda r: r["n_events"]), Column("score", lambda r: r["score"], _score_style),
    Column("coop.", lambda r: r["cooperation"]), Column("conflict", lambda r: r["conflict"]),
]
OUTLET_COLUMN = Column("outlet", lambda r: r.get("outlet"))


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
    as_csv: bool = CSV_OPTION,
    limit: int = limit_option(),
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

    check_format(as_json, as_csv)
    filters = _filters(since, until, outlet, exclude_outlet)
    try:
        with Store(db, read_only=True) as store:
            if window and by_outlet:
                records = []
                for name in sorted({r.outlet or "" for r in dyads.relations_by_outlet(store, filters=filters,
                                                                                      evidence_limit=0)}):
                    one = dyads.Filters(filters.since, filters.until, (name,), filters.exclude_outlets)
                    try:
                        points = dyads.dyad_series(store, window=window, filters=one, directed=False, pair=_pair(pair))
                    except ValueError as exc:
                        raise typer.BadParameter(str(exc), param_hint="--window") from None
                    records += [{"outlet": name or None, **p} for p in _series_records(points, store)]
            elif window:
                try:
                    points = dyads.dyad_series(store, window=window, filters=filters, directed=False,
                                               pair=_pair(pair))
                except ValueError as exc:
                    raise typer.BadParameter(str(exc), param_hint="--window") from None
                records = _series_records(points, store)
            elif as_json:  # the records' JSON made by DuckDB and written as it comes (dyads.relations_json)
                chunks = dyads.relations_json(store, filters=filters, pair=None if by_outlet else _pair(pair),
                                              by_outlet=by_outlet, evidence_limit=evidence or None, limit=limit)
                n = print_json_texts(chunks)
                records = [None] * min(n, 1)  # only whether any came: for the empty listing's note
                hints = _outlet_hints(store, [*(outlet or ()), *(exclude_outlet or ())])
                _explain_empty(records, hints, "relations")
                return
            elif by_outlet:
                records = [r.to_dict() for r in dyads.relations_by_outlet(store, filters=filters,
                                                                          evidence_limit=evidence or None)]
            else:
                from .heap import bulk

                rels = dyads.relations(store, filters=filters, evidence_limit=evidence or None, pair=_pair(pair))
                with bulk():  # 20,000 records' dicts: no collector passes over them (detente.heap.bulk)
                    records = [r.to_dict() for r in rels]
            hints = _outlet_hints(store, [*(outlet or ()), *(exclude_outlet or ())])
    except DetenteError as exc:
        _fail(exc)
        return
    records = limited(records, limit)
    _explain_empty(records, hints, "relations")
    columns = WINDOW_COLUMNS if window else RELATION_CSV_COLUMNS if as_csv else RELATION_COLUMNS
    if by_outlet:
        columns = [OUTLET_COLUMN, *(c for c in columns if c.header != "outlets")]
    # Relation.to_dict's one float is a weighted mean of scores in [-10, 10] rounded to 2 decimals (0 or
    # |x| >= 0.01, never NaN): the fast JSON encoder may take it (cli_output.dumps_indented)
    emit(records, columns, as_json=as_json, as_csv=as_csv, console=console, plain_floats=not window)


def _series_records(points: Sequence[Any], store: Any) -> list[dict[str, Any]]:
    """Series points with ``a`` and ``b`` as ``{id, name}`` (the one shape of a pair)."""
    from .network.dyads import node_names
    from .network.shapes import public_record

    names = node_names(store)
    return [public_record(p.to_dict(), names) for p in points]


def _event_cell(e: dict[str, Any]) -> str:
    flags = " ".join(f for f in ("negated", "hedged", "intent") if e[f])
    return f"{nodes(e['source']) or '?'} {e['type']} {nodes(e['target']) or '?'} {e['score']:+.1f}" + (
        f" ({flags})" if flags else "")


# The table folds five fields into two columns so that the sentence keeps half of an 80-column pipe;
# --json and --csv have every field apart.
EVENT_COLUMNS = [
    Column("date", lambda e: e["date"], min_width=10), Column("event", _event_cell, ratio=2),
    Column("said by / outlet", lambda e: " / ".join(x for x in (node(e["said_by"]), e["outlet"]) if x), ratio=1),
    Column("sentence", lambda e: e["evidence_text"], ratio=3),
]
EVENT_CSV_COLUMNS = [
    Column("date", lambda e: e["date"]), Column("source", lambda e: nodes(e["source"])),
    Column("type", lambda e: e["type"]), Column("target", lambda e: nodes(e["target"])),
    Column("score", lambda e: e["score"]),
    Column("flags", lambda e: " ".join(f for f in ("negated", "hedged", "intent") if e[f])),
    Column("said by", lambda e: node(e["said_by"])), Column("outlet", lambda e: e["outlet"]),
    Column("sentence", lambda e: e["evidence_text"]), Column("id", lambda e: e["id"]),
    Column("doc_id", lambda e: e["doc_id"]),
]


@app.command()
def events(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    as_csv: bool = CSV_OPTION,
    actor: Optional[list[str]] = typer.Option(None, "--actor", help="Only events involving this node or actor id "
                                              "(repeatable: involving all of them)."),
    event_type: Optional[list[str]] = typer.Option(None, "--type", help="Only events of this PLOVER type, e.g. "
                                                   "ACCUSE (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events dated on or after (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events dated on or before (YYYY-MM-DD)."),
    outlet: Optional[list[str]] = typer.Option(None, "--outlet", help="Only events from this outlet (repeatable)."),
    exclude_outlet: Optional[list[str]] = typer.Option(None, "--exclude-outlet", help="Leave out this outlet (repeatable)."),
    limit: int = limit_option(200),
) -> None:
    """List coded events with their actors, flags, speaker, outlet and sentence (the API's /api/events filters).

    Example: detente events --actor RUS --type ACCUSE --since 2023-01-01 --csv
    """
    from .api.queries import list_events
    from .model import PLOVER_TYPES

    check_format(as_json, as_csv)
    filters = _filters(since, until, outlet, exclude_outlet)

    def read(store: Any) -> tuple[list[dict[str, Any]], list[str]]:
        rows = list_events(store, filters=filters, actors=actor or (), types=event_type or (), limit=limit or None)
        hints = _outlet_hints(store, [*(outlet or ()), *(exclude_outlet or ())]) + _actor_hints(store, actor or ())
        known = set(PLOVER_TYPES)
        hints += [f"no event type {t!r}; PLOVER types: {', '.join(sorted(known))}" for t in event_type or ()
                  if t.upper() not in known]
        return rows, hints

    rows, hints = _read_store(db, read)
    _explain_empty(rows, hints, "events")
    emit(rows, EVENT_CSV_COLUMNS if as_csv else EVENT_COLUMNS, as_json=as_json, as_csv=as_csv, console=console)




ACTOR_COLUMNS = [
    Column("id", lambda r: r["id"]), Column("name", lambda r: r["name"]), Column("kind", lambda r: r["kind"]),
    Column("country", lambda r: r["country"]), Column("sector", lambda r: r["sector"]),
    Column("mentions", lambda r: r["mentions"]), Column("aliases", lambda r: ", ".join(r["aliases"][:6])),
]
UNRESOLVED_COLUMNS = [Column("text", lambda r: r["text"]), Column("mentions", lambda r: r["mentions"]),
                      Column("documents", lambda r: r["documents"])]


@app.command()
def actors(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    as_csv: bool = CSV_OPTION,
    limit: int = limit_option(),
    unresolved: bool = typer.Option(False, "--unresolved", help="List mentions that did not resolve, most frequent first."),
) -> None:
    """List resolved actors (id and name) with their mentions and aliases (or what failed to resolve).

    Example: detente actors --unresolved
    """
    from .report import list_actors, list_unresolved

    check_format(as_json, as_csv)
    rows = limited(_read_store(db, list_unresolved if unresolved else list_actors), limit)
    _explain_empty(rows, [], "actors")
    emit(rows, UNRESOLVED_COLUMNS if unresolved else ACTOR_COLUMNS, as_json=as_json, as_csv=as_csv, console=console)


def _loaded_terms(r: dict[str, Any]) -> str:
    return ", ".join(f"{t['text']} ({t['uses']})" for t in r["loaded_terms"][:2])


OUTLET_COLUMNS = [
    Column("outlet", lambda r: r["outlet"] or "(unknown outlet)"), Column("country", lambda r: r["country"]),
    # codes: see --help; labels in --json and --csv
    Column("affiliation", lambda r: r["affiliation"] or "not listed"), Column("documents", lambda r: r["documents"]),
    Column("events", lambda r: r["events"]), Column("loaded", lambda r: r["loaded"]),
    Column("loaded terms", _loaded_terms),
]
OUTLET_CSV_COLUMNS = [*OUTLET_COLUMNS[:3], Column("affiliation label", lambda r: r["affiliation_label"]),
                      *OUTLET_COLUMNS[3:]]


@app.command()
def outlets(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    as_csv: bool = CSV_OPTION,
    limit: int = limit_option(),
    affiliation: Optional[list[str]] = typer.Option(
        None, "--affiliation", help="Only outlets of this state affiliation: a code (SC, CaPu, CaPr, ISFM, ISF, ISM, "
                                    "IP), a group, or 'not listed' (repeatable)."),
) -> None:
    """Each outlet's country and state affiliation (state-media profiles), documents, events and loaded language.

    Example: detente outlets --affiliation SC
    """
    from .outlets import outlet_views

    check_format(as_json, as_csv)
    rows = _read_store(db, lambda store: [v.to_dict() for v in outlet_views(store, affiliation=affiliation or ())])
    rows = limited(rows, limit)
    _explain_empty(rows, [], "outlets")
    emit(rows, OUTLET_CSV_COLUMNS if as_csv else OUTLET_COLUMNS, as_json=as_json, as_csv=as_csv, console=console)


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
    from .report import build_report, public_report, render_html, render_markdown

    data = _read_store(db, build_report)
    if fmt not in {"md", "html", "json"}:
        raise typer.BadParameter(f"{fmt!r} is not md, html or json", param_hint="--format")
    if as_json or fmt == "json":
        text = json.dumps(public_report(data), ensure_ascii=False, indent=2, default=str) + "\n"
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
