"""``detente eval``: the Typer command that scores detente on a gold set and renders the result.

Thin by design: it loads the pipeline once, calls ``eval.run.evaluate`` and
prints Rich tables (or one JSON object with ``--json``).  ``cli.py``
registers ``eval_command`` as the ``eval`` command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from .common import EvalResult

console = Console()
err = Console(stderr=True)
ERRORS_SHOWN = 15


def eval_command(
    dataset: str = typer.Argument(..., help="plover-gsr, conflibert-cameo, re3d, ngec-actors, probe (../shared/probe-dev), or all."),
    path: Path = typer.Argument(..., help="The set's folder or file; for 'all', the evaluation root (../shared/eval)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object with all figures and errors."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N rows of each set."),
    errors_shown: int = typer.Option(ERRORS_SHOWN, "--errors", min=0, help="How many worst errors to list per set."),
) -> None:
    """Score detente against a gold data set: figures, a per-category table and the worst errors.

    Example: detente eval all ../shared/eval
    """
    from ..pipeline import Pipeline
    from .run import DATASETS, evaluate

    # Cheap checks first, so a typo fails before the model loads.
    if dataset != "all" and dataset not in DATASETS:
        raise typer.BadParameter(f"choose one of {', '.join(DATASETS)} or all", param_hint="DATASET")
    if not path.exists():
        raise typer.BadParameter(f"{path} does not exist; give the data set's folder or file", param_hint="PATH")
    # A DetenteError goes to the CLI's one error renderer (detente.cli), with the error table's exit code.
    pipeline = Pipeline.load()
    results = evaluate(dataset, path, pipeline, limit=limit)
    if as_json:
        data = {"sets": {r.dataset: r.to_dict() for r in results}}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for result in results:
        render(result, errors_shown=errors_shown)


def render(result: EvalResult, *, errors_shown: int = ERRORS_SHOWN) -> None:
    """Print one set's figures, category table, error counts and worst errors."""
    console.rule(f"[bold]{result.dataset}[/bold]  n={result.n}  crashes={result.crashes}  {result.seconds:.1f}s")
    figures = Table("figure", "value", title="figures", title_justify="left")
    for key, value in _flatten(result.figures):
        figures.add_row(key, _fmt(value))
    console.print(figures)
    table = Table(*result.table_columns, title=result.table_title, title_justify="left")
    for row in result.table_rows:
        table.add_row(*(_fmt(v) for v in row))
    console.print(table)
    for extra in result.tables:
        table = Table(*extra["columns"], title=extra["title"], title_justify="left")
        for row in extra["rows"]:
            table.add_row(*(_fmt(v) for v in row))
        console.print(table)
    kinds = result.error_kinds()
    if kinds:
        console.print("errors by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    worst = result.worst_errors(errors_shown)
    if worst:
        listing = Table("kind", "text", "gold", "detente", title="worst errors", title_justify="left", show_lines=True)
        for e in worst:
            listing.add_row(e.kind, e.text[:300], e.gold, e.detente[:300])
        console.print(listing)
    listed = result.figures.get("unsupported")
    if listed:
        table = Table("article", "relation", "detente", "evidence", title=f"unsupported relations ({len(listed)})",
                      title_justify="left", show_lines=True)
        for u in listed:
            sign = "+" if u["sign"] > 0 else "-"
            table.add_row(u["article"], f"{u['source']} {sign} {u['target']}", u["what"], u["evidence"][:300])
        console.print(table)
    for note in result.notes:
        console.print(f"[dim]note: {note}[/dim]")


def _flatten(figures: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Scalar figures as ``(dotted key, value)``; lists (confusions, strings) are left to ``--json``."""
    out: list[tuple[str, Any]] = []
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            if {"precision", "recall", "f1"} <= value.keys():
                out.append((name, f"P {_fmt(value['precision'])}  R {_fmt(value['recall'])}  F1 {_fmt(value['f1'])}"
                                  f"  (tp {value['tp']}, pred {value['n_pred']}, gold {value['n_gold']})"))
            elif {"total", "share"} <= value.keys():
                hit = value.get("found", value.get("right"))
                rest = "  ".join(f"{k} {v}" for k, v in value.items()
                                 if k not in {"found", "right", "total", "share"} and not isinstance(v, (dict, list)))
                out.append((name, f"{hit}/{value['total']} ({_fmt(value['share'])})" + (f"  {rest}" if rest else "")))
                out.extend(_flatten({k: v for k, v in value.items() if isinstance(v, dict)}, f"{name}."))
            else:
                out.extend(_flatten(value, f"{name}."))
        elif not isinstance(value, list):
            out.append((name, value))
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
