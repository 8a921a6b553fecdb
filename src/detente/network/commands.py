"""CLI commands of the network stage (shifts, balance, export, series, groups), registered on the main app.

Thin Typer wrappers: parse options, call one library function, print a Rich
table or JSON (``--json``).  A ``DetenteError`` becomes one red line and exit
code 1, as in ``cli.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..cli_output import (
    CSV_OPTION,
    Column,
    check_format,
    emit,
    explain_empty,
    limit_option,
    limited,
    node,
    print_json,
)
from ..errors import DetenteError
from .shapes import public_record

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


def _fail(exc: DetenteError) -> None:
    from ..cli import render_error  # the CLI's one error renderer

    raise typer.Exit(render_error(exc))


def _store_names(store: Any) -> dict[str, str]:
    from .dyads import node_names

    return node_names(store)


SHIFT_COLUMNS = [
    Column("a", lambda s: node(s["a"])), Column("b", lambda s: node(s["b"])),
    Column("kind", lambda s: s["kind"]),
    Column("between", lambda s: f"{s['last_before']} .. {s['date']}" if s["kind"] == "detected"
           else f"stated {s['date']} .. {s['last_date']}"),
    Column("before", lambda s: s["before"]), Column("after", lambda s: s["after"]),
    Column("change", lambda s: s["direction"]),
    Column("robust", lambda s: "yes" if s["robust"] else "no (without " + ", ".join(s["fragile_without"]) + ")"),
    Column("evidence", lambda s: len(s["evidence"])),
]


def shifts(db: Path = _DB, as_json: bool = _JSON, as_csv: bool = CSV_OPTION, limit: int = limit_option(),
           since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
           outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE,
           since_last_poll: bool = typer.Option(False, "--since-last-poll",
                                                help="Only the relations and shifts new since the last feed poll."),
           ) -> None:
    """Change points per relation: date, level before and after, driving evidence, robustness to each outlet.

    Example: detente shifts --json
    """
    from rich.console import Console

    from ..store import Store
    from .shifts import detect_shifts

    check_format(as_json, as_csv)
    if since_last_poll:
        from ..feeds.poll import new_since_last_poll
        from ..live import read_through_server

        try:
            served = read_through_server(db, "/api/feeds/news")  # a running server's own view: no snapshot lag
            if served is not None:
                news = {k: v for k, v in served.items() if k != "ok"}
            else:
                with Store(db, read_only=True) as store:
                    news = new_since_last_poll(store)
        except DetenteError as exc:
            _fail(exc)
            return
        news = {**news, "shifts": [public_record(x) for x in news["shifts"]]}  # pairs as {id, name}
        if as_json:
            print_json(news)
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
            Console().print(f"  shift {s['a']['name']} - {s['b']['name']} on {s['date']}: {s['before']:+.1f} -> "
                            f"{s['after']:+.1f} ({s['direction']})")
        return

    try:
        with Store(db, read_only=True) as store:
            rows = detect_shifts(store, filters=_filters(since, until, outlet, exclude_outlet))
            records = [public_record(s.to_dict(), _store_names(store)) for s in rows]
    except DetenteError as exc:
        _fail(exc)
        return
    explain_empty(records, [], "shifts (a shift needs enough dated events on each side of a change)")
    emit(limited(records, limit), SHIFT_COLUMNS, as_json=as_json, as_csv=as_csv)


def _pressure(t: dict[str, Any]) -> str:
    p = t["pressure"]
    return f"{node(p['a'])} – {node(p['b'])} toward {p['toward']}" if p else ""


BALANCE_COLUMNS = [
    Column("triad", lambda t: " · ".join(node(r) for r in t["triad"])),
    Column("signs", lambda t: " ".join(f"{s:+d}" if s else "·" for s in t["signs"])),
    Column("reading", lambda t: ("balanced" if t["balanced"] else "unbalanced") if t["closed"] else "open"),
    Column("pressure", _pressure), Column("evidence", lambda t: len(t["evidence"])),
]


def balance(db: Path = _DB, as_json: bool = _JSON, as_csv: bool = CSV_OPTION, limit: int = limit_option(),
            since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
            outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE,
            dead_zone: float = typer.Option(1.0, "--dead-zone", help="Relations scoring within +/- this are no tie."),
            ) -> None:
    """Structural balance of the signed network: unbalanced triads and the ties under pressure.

    Example: detente balance --json --since 2023-10-01
    """
    from ..store import Store
    from .balance import read_balance

    check_format(as_json, as_csv)
    try:
        with Store(db, read_only=True) as store:
            rows = read_balance(store, filters=_filters(since, until, outlet, exclude_outlet), dead_zone=dead_zone)
            records = [public_record(t.to_dict(), _store_names(store)) for t in rows]
    except DetenteError as exc:
        _fail(exc)
        return
    explain_empty(records, [], "triads")
    emit(limited(records, limit), BALANCE_COLUMNS, as_json=as_json, as_csv=as_csv)


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


def series(db: Path = _DB, as_json: bool = _JSON, as_csv: bool = CSV_OPTION, limit: int = limit_option(),
           window: str = typer.Option("month", "--window", help="day, week, month, quarter, year or Nd (e.g. 14d)."),
           directed: bool = typer.Option(False, "--directed", help="One series per direction (source -> target)."),
           by_outlet: bool = typer.Option(False, "--by-outlet", help="The relations as each outlet tells them."),
           since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
           outlet: Optional[list[str]] = _OUTLET, exclude_outlet: Optional[list[str]] = _EXCLUDE) -> None:
    """Relations over time: volume and net cooperation-conflict per pair and window (or per outlet).

    Example: detente relations-over-time --window quarter --json
    """
    from ..store import Store
    from .dyads import dyad_series, relations_by_outlet

    check_format(as_json, as_csv)
    filters = _filters(since, until, outlet, exclude_outlet)
    try:
        with Store(db, read_only=True) as store:
            if by_outlet:
                records = [r.to_dict() for r in relations_by_outlet(store, filters=filters)]
            else:
                names = _store_names(store)
                records = [public_record(p.to_dict(), names)
                           for p in dyad_series(store, window=window, filters=filters, directed=directed)]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--window") from None
    except DetenteError as exc:
        _fail(exc)
        return
    if by_outlet:
        columns = [Column("outlet", lambda r: r.get("outlet")), Column("a", lambda r: node(r["a"])),
                   Column("b", lambda r: node(r["b"])), Column("score", lambda r: r["score"]),
                   Column("events", lambda r: r["n_events"])]
    else:
        columns = [Column("a", lambda p: node(p["a"])), Column("b", lambda p: node(p["b"])),
                   Column("period", lambda p: p["period"]), Column("events", lambda p: p["n_events"]),
                   Column("score", lambda p: p["score"]), Column("coop.", lambda p: p["cooperation"]),
                   Column("conflict", lambda p: p["conflict"])]
    explain_empty(records, [], "relations over time")
    emit(limited(records, limit), columns, as_json=as_json, as_csv=as_csv)


def register(app: Any) -> None:
    """Add the network commands to the Typer ``app``."""
    app.command("shifts")(shifts)
    app.command("balance")(balance)
    app.command("export")(export)
    app.command("relations-over-time")(series)
