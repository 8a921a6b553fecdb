"""How every list command prints its rows: a table, ``--json`` or ``--csv``, and why a result is empty.

One contract for ``relations``, ``events``, ``actors``, ``shifts``, ``balance``, ``relations-over-time`` and
the rest: the same ``--json``/``--csv``/``--limit`` options, names shown beside ids, and cells that are never
cut.  A Rich table is as wide as the terminal (80 columns when piped, or ``COLUMNS``); a cell too long for its
column folds onto the next line instead of ending in an ellipsis, so a pipe gets every character.  ``--csv``
gives one row per line for other tools (formula-leading text cells quoted, as the exports do).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Optional

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")
CSV_OPTION = typer.Option(False, "--csv", help="Print CSV (one row per line, a header first) instead of a table.")


def limit_option(default: int = 0) -> Any:
    """The ``--limit`` of a list command; a negative value is a usage error (exit 2)."""
    return typer.Option(default, "--limit", min=0, help="At most this many rows (0: all).")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a listing: its header and how to read its cell from a JSON record."""

    header: str
    cell: Callable[[dict[str, Any]], Any]
    style: Callable[[dict[str, Any]], str] | None = None  # Rich style of the cell, tables only
    min_width: int | None = None  # tables only: e.g. 10 keeps a date on one line
    ratio: int | None = None  # tables only: share of the spare width (a sentence takes more)


def node(value: Any) -> str:
    """An ``{id, name}`` reference as ``name (id)`` (just the id when the name is the id or unknown, just the name
    when there is no id: a speaker that resolved to no stored actor)."""
    if isinstance(value, dict):
        ident, name = value.get("id"), value.get("name")
        if not ident:
            return str(name or "")
        return f"{name} ({ident})" if name and name != ident else str(ident)
    return "" if value is None else str(value)


def nodes(values: Iterable[Any]) -> str:
    return ", ".join(node(v) for v in values or ())


def check_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both", param_hint="--csv")


def limited(rows: Sequence[Any], limit: int) -> list[Any]:
    return list(rows[:limit] if limit else rows)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:+.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _json_default(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def print_json(data: Any, *, plain_floats: bool = False) -> None:
    sys.stdout.write(dumps_indented(data, plain_floats=plain_floats) + "\n")


# ``json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)``, byte for byte, written here because
# on Python 3.11 the standard library's C encoder does not indent: ``indent=2`` falls back to its pure-Python
# generator encoder, which took 0.7 s of the 1.2 s that ``detente relations --json`` spends on 19,900 relations
# x 20 report ids.  This one joins lists of strings in C (``encode_basestring`` mapped over the list) and
# builds each container with one ``str.join``.  tests/test_cli_output.py compares it with ``json.dumps``.
_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]  # the C one when available
_INF = float("inf")


def _float_text(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key_text(k: Any) -> str:
    if isinstance(k, str):
        return k
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, int):
        return int.__repr__(k)
    if isinstance(k, float):
        return _float_text(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _encode_str, int: int.__repr__, float: _float_text, bool: lambda o: "true" if o else "false",
    type(None): lambda o: "null"}


def _indented(o: Any, pad: str, default: Callable[[Any], Any]) -> str:
    scalar = _SCALARS.get(type(o))
    if scalar is not None:
        return scalar(o)
    if isinstance(o, str):  # subclasses, as json does
        return _encode_str(o)
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float_text(o)
    inner = pad + "  "
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        try:  # a list of strings (report ids): encoded by C in one pass
            items = ("," + inner).join(map(_encode_str, o))
        except TypeError:
            items = ("," + inner).join([_indented(v, inner, default) for v in o])
        return "[" + inner + items + pad + "]"
    if isinstance(o, dict):
        if not o:
            return "{}"
        get = _SCALARS.get
        parts = []
        for k, v in o.items():
            scalar = get(type(v))
            parts.append(_encode_str(k if type(k) is str else _key_text(k)) + ": "
                         + (scalar(v) if scalar is not None else _indented(v, inner, default)))
        return "{" + inner + ("," + inner).join(parts) + pad + "}"
    return _indented(default(o), pad, default)


def dumps_indented(data: Any, default: Callable[[Any], Any] = _json_default, *, plain_floats: bool = False) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, default=default)``, faster (see above).

    ``plain_floats``: the caller guarantees that every float in ``data`` is 0 or finite with 1e-4 <= |x| < 1e16,
    the range where orjson writes the same digits as Python's ``repr`` (outside it orjson writes ``0.00001``
    for ``1e-05`` and ``null`` for NaN; checked over 400,000 values when this was written, and by
    tests/test_cli_json.py).  Then orjson encodes it (C, about 13x the pure-Python encoder on the relations
    listing); what orjson refuses (an integer past 64 bits, a lone surrogate, a key that is not a string)
    falls back to the encoder above.
    """
    if plain_floats:
        try:
            import orjson
        except ImportError:  # pragma: no cover - pinned in pyproject; a source checkout may lack it
            orjson = None
        if orjson is not None:
            try:
                return orjson.dumps(data, default=default, option=orjson.OPT_INDENT_2
                                    | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME).decode()
            except TypeError:  # orjson.JSONEncodeError is one
                pass
    return _indented(data, "\n", default)


def print_json_texts(chunks: Iterable[Sequence[str]]) -> int:
    """Write a JSON array whose items are ready JSON texts (lists of them, written as they come); returns how
    many.  One item a line: ``[``, then the items indented by two spaces, then ``]``; ``[]`` when none."""
    out = sys.stdout
    n = 0
    for chunk in chunks:
        if not chunk:
            continue
        out.write(("[\n  " if n == 0 else ",\n  ") + ",\n  ".join(chunk))
        n += len(chunk)
    out.write("\n]\n" if n else "[]\n")
    return n


def emit(records: Sequence[dict[str, Any]], columns: Sequence[Column], *, as_json: bool = False,
         as_csv: bool = False, console: Optional[Console] = None, plain_floats: bool = False) -> None:
    """Print ``records`` as JSON (the records themselves), CSV or a table (``columns`` of each record).

    ``plain_floats``: every float in ``records`` is 0 or 1e-4 <= |x| < 1e16 (see ``dumps_indented``).
    """
    if as_json:
        print_json(records if isinstance(records, list) else list(records), plain_floats=plain_floats)
        return
    if as_csv:
        from .exports._common import safe_cell

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([c.header for c in columns])
        for r in records:
            writer.writerow([safe_cell(_csv_text(c.cell(r))) for c in columns])
        return
    console = console or Console()
    table = _table(records, columns, minimums=True)
    probe = Console(width=console.width, file=io.StringIO(), color_system=None)
    probe.print(table, crop=False)
    if any(cell_len(line) > console.width for line in probe.file.getvalue().splitlines()):
        # Minimum widths that do not fit make Rich crop the table's right edge: then there are none.
        table = _table(records, columns, minimums=False)
    console.print(table)


def _table(records: Sequence[dict[str, Any]], columns: Sequence[Column], *, minimums: bool) -> Table:
    table = Table(expand=any(c.ratio for c in columns))
    for c in columns:
        # never an ellipsis: a long id or name folds onto the next line
        table.add_column(c.header, overflow="fold", min_width=c.min_width if minimums else None, ratio=c.ratio)
    for r in records:
        cells = []
        for c in columns:
            text = escape(_text(c.cell(r)))
            style = c.style(r) if c.style else ""
            cells.append(f"[{style}]{text}[/{style}]" if style else text)
        table.add_row(*cells)
    return table


def _csv_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    return _text(value)


MODEL_LOADING = "loading the language model (spaCy) ..."


@contextmanager
def model_loading(console: Console) -> Iterator[None]:
    """A message on stderr while the language model loads (about 10 s), on a terminal only (a pipe or a
    test gets no chatter)."""
    if console.is_terminal:
        with console.status(MODEL_LOADING):
            yield
    else:
        yield


# -- why a result is empty -------------------------------------------------------------------------------------
def closest(name: str, known: Iterable[str]) -> str | None:
    """The stored name ``name`` most likely meant (case and spacing aside, or a near spelling), or None."""
    known = [k for k in known if k]
    folded = {k.casefold(): k for k in known}
    key = name.casefold().strip()
    if key in folded:
        return folded[key]
    for k in known:  # 'spectator' for 'The Spectator'
        if key and key in k.casefold():
            return k
    try:
        from rapidfuzz import fuzz, process

        best = process.extractOne(name, known, scorer=fuzz.WRatio, processor=str.casefold, score_cutoff=80)
        return best[0] if best else None
    except ImportError:  # rapidfuzz is a dependency; difflib keeps the hint without it
        found = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.75)
        return folded[found[0]] if found else None


def unknown_names(kind: str, given: Iterable[str], known: Iterable[str], *, exact: Iterable[str] = ()) -> list[str]:
    """One hint per name in ``given`` that is not stored: "no outlet named 'x'; did you mean 'X'?"."""
    known = list(known)
    stored = set(known) | set(exact)
    hints = []
    for name in given:
        if name in stored:
            continue
        guess = closest(name, known)
        hints.append(f"no {kind} named {name!r}" + (f"; did you mean {guess!r}?" if guess else ""))
    return hints


def warn(lines: Iterable[str], console: Console) -> None:
    for line in lines:
        console.print(f"[yellow]note[/yellow] {escape(line)}")


def explain_empty(rows: Sequence[Any], hints: Sequence[str], what: str, console: Optional[Console] = None) -> None:
    """Say on stderr which filter named nothing stored, or why a listing is empty."""
    console = console or Console(stderr=True)
    warn(hints, console)
    if not rows and not hints:
        warn([f"no {what}: none match the filters (--since, --until, --outlet, ...), or the store has none yet "
              "(see 'detente ingest')"], console)
