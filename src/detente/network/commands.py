"""CLI commands of the network stage (shifts, balance, export, series, groups), registered on the main app.

Thin Typer wrappers: parse options, call one library function, print a Rich
table or JSON (``--json``).  A ``DetenteError`` becomes one red line and exit
code 1, as in ``cli.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import DetenteError

_DB = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB store file.")
_JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
_SINCE = typer.Option(None, "--since", help="Only evidence dated on or after (YYYY-MM-DD).")
_UNTIL = typer.Option(None, "--until", help="Only evidence dated on or before (YYYY-MM-DD).")
_OUTLET = typer.Option(None, "--outlet", help="Only evidence from this outlet (repeatable).")
_EXCLUDE = typer.Option(None, "--exclude-outlet", help="Leave out this outlet (repeatable).")


def _filters(since: Optional[str], until: Optional[str], outlets: Optional[list[str]],
             exclude: Optional[list[str]]) -> Any:
    from ..cli_options import make_filters

    return make_filters(since, until, outlets, exclude)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _fail(exc: DetenteError) -> None:
    from ..cli import render_error  # the CLI's one error renderer

    raise typer.Exit(render_error(exc))


def shifts(db: Path = _DB, as_json: bool = _JSON, since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
           outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE,
           since_last_poll: bool = typer.Option(False, "--since-last-poll",
                                                help="Only the relations and shifts new since the last feed poll."),
           ) -> None:
    """Change points per relation: date, level before and after, driving evidence, robustness to each outlet.

    Example: detente shifts --json
    """
    from rich.console import Console
    from rich.table import Table

    from ..store import Store
    from .shifts import detect_shifts

    if since_last_poll:
        from ..feeds.poll import new_since_last_poll

        try:
            with Store(db, read_only=True) as store:
                news = new_since_last_poll(store)
        except DetenteError as exc:
            _fail(exc)
            return
        if as_json:
            _print_json(news)
            return
        if news["poll"] is None:
            Console().print("no feed poll yet ('detente watch --once' polls the followed feeds)")
            return
        Console().print(f"poll {news['poll']['id']} ({news['poll']['finished_at']}): {news['documents']} new articles, "
                        f"{len(news['relations'])} new relations, {len(news['shifts'])} shifts")
        for r in news["relations"]:
            Console().print(f"  new relation {r['a']['name']} - {r['b']['name']}: {r['score']:+.1f} "
                            f"({r['n_events']} events)")
        for s in news["shifts"]:
            Console().print(f"  shift {s['a_name']} - {s['b_name']} on {s['date']}: {s['before']:+.1f} -> "
                            f"{s['after']:+.1f} ({s['direction']})")
        return

    try:
        with Store(db, read_only=True) as store:
            rows = detect_shifts(store, filters=_filters(since, until, outlet, exclude_outlet))
    except DetenteError as exc:
        _fail(exc)
        return
    if as_json:
        _print_json([s.to_dict() for s in rows])
        return
    table = Table("a", "b", "between", "before", "after", "change", "robust", "evidence")
    for s in rows:
        robust = "yes" if s.robust else "no (without " + ", ".join(s.fragile_without) + ")"
        table.add_row(s.a_name, s.b_name, f"{s.last_before} .. {s.date}", f"{s.before:+.1f}", f"{s.after:+.1f}",
                      s.direction, robust, str(len(s.evidence)))
    Console().print(table)


def balance(db: Path = _DB, as_json: bool = _JSON, since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
            outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE,
            dead_zone: float = typer.Option(1.0, "--dead-zone", help="Relations scoring within +/- this are no tie."),
            ) -> None:
    """Structural balance of the signed network: unbalanced triads and the ties under pressure.

    Example: detente balance --json --since 2023-10-01
    """
    from rich.console import Console
    from rich.table import Table

    from ..store import Store
    from .balance import read_balance

    try:
        with Store(db, read_only=True) as store:
            rows = read_balance(store, filters=_filters(since, until, outlet, exclude_outlet), dead_zone=dead_zone)
    except DetenteError as exc:
        _fail(exc)
        return
    if as_json:
        _print_json([t.to_dict() for t in rows])
        return
    table = Table("triad", "signs", "reading", "pressure", "evidence")
    for t in rows:
        reading = ("balanced" if t.balanced else "unbalanced") if t.closed else "open"
        pressure = f"{t.pressure['a']} – {t.pressure['b']} toward {t.pressure['toward']}" if t.pressure else ""
        table.add_row(" · ".join(t.names), " ".join(f"{s:+d}" if s else "·" for s in t.signs), reading, pressure,
                      str(len(t.evidence)))
    Console().print(table)


def export(fmt: Optional[str] = typer.Option(None, "--format", help="Export format (see --list)."),
           output: Optional[str] = typer.Option(None, "--output", help="File to write; '-' for standard output."),
           list_formats: bool = typer.Option(False, "--list", help="List the export formats and exit."),
           db: Path = _DB, since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
           outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE) -> None:
    """Export events or the relations network (gdelt, plover, gexf, graphml, parquet, csv, relations-csv, ...).

    Example: detente export --format gexf --output relations.gexf   (detente export --list shows every format)
    """
    from ..exports import export as run_export
    from ..exports import exporters
    from ..store import Store

    if list_formats:
        for name, exporter in exporters().items():
            sys.stdout.write(f"{name:<20} {exporter.suffix:<9} {exporter.help}\n")
        return
    if fmt is None:
        raise typer.BadParameter("give --format (see --list)", param_hint="--format")
    if output is None:
        raise typer.BadParameter("give --output FILE, or '-' for standard output", param_hint="--output")
    try:
        with Store(db, read_only=True) as store:
            if output == "-":
                n = _export_to_stdout(store, fmt, run_export, _filters(since, until, outlet, exclude_outlet))
            else:
                n = run_export(store, fmt, Path(output), filters=_filters(since, until, outlet, exclude_outlet))
    except DetenteError as exc:
        _fail(exc)
        return
    skipped = getattr(n, "skipped", {})
    left_out = f" (left out: {', '.join(f'{v} {k}' for k, v in skipped.items())})" if skipped else ""
    sys.stderr.write(f"wrote {n} records to {'standard output' if output == '-' else output}{left_out}\n")


def _export_to_stdout(store: Any, fmt: str, run_export: Any, filters: Any) -> int:
    """Export to a temporary file, then copy its bytes to standard output (Parquet is binary)."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="detente-export-") as tmp:
        path = Path(tmp) / f"export.{fmt}"
        n = run_export(store, fmt, path, filters=filters)
        sys.stdout.flush()
        with path.open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return n


def series(db: Path = _DB, as_json: bool = _JSON,
           window: str = typer.Option("month", "--window", help="day, week, month, quarter, year or Nd (e.g. 14d)."),
           directed: bool = typer.Option(False, "--directed", help="One series per direction (source -> target)."),
           by_outlet: bool = typer.Option(False, "--by-outlet", help="The relations as each outlet tells them."),
           since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
           outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE) -> None:
    """Relations over time: volume and net cooperation-conflict per pair and window (or per outlet).

    Example: detente relations-over-time --window quarter --json
    """
    from rich.console import Console
    from rich.table import Table

    from ..store import Store
    from .dyads import dyad_series, relations_by_outlet

    filters = _filters(since, until, outlet, exclude_outlet)
    try:
        with Store(db, read_only=True) as store:
            if by_outlet:
                rels = relations_by_outlet(store, filters=filters)
            else:
                points = dyad_series(store, window=window, filters=filters, directed=directed)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--window") from None
    except DetenteError as exc:
        _fail(exc)
        return
    if by_outlet:
        if as_json:
            _print_json([r.to_dict() for r in rels])
            return
        table = Table("outlet", "a", "b", "score", "events")
        for r in rels:
            table.add_row(r.outlet or "", r.a_name, r.b_name, f"{r.score:+.1f}", str(r.n_events))
        Console().print(table)
        return
    if as_json:
        _print_json([p.to_dict() for p in points])
        return
    table = Table("a", "b", "period", "events", "score", "cooperation", "conflict")
    for p in points:
        table.add_row(p.a, p.b, p.period.isoformat(), str(p.n_events), f"{p.score:+.1f}", f"{p.cooperation:.1f}",
                      f"{p.conflict:.1f}")
    Console().print(table)


def register(app: Any) -> None:
    """Add the network commands to the Typer ``app``."""
    app.command("shifts")(shifts)
    app.command("balance")(balance)
    app.command("export")(export)
    app.command("relations-over-time")(series)
