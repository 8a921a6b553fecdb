"""What every evaluator shares: the result record, file discovery and the crash-safe batch runner.

An evaluator reads one gold set, runs the loaded ``Pipeline`` over it and
returns an ``EvalResult``: headline figures, a per-category table, error
counts by kind and the individual errors (worst first).  It never prints.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, Extraction

# Documents per ``pipeline.extract`` call; a crash inside a chunk re-runs that
# chunk one document at a time so only the failing row is lost.
CHUNK = 32


@dataclass
class ErrorCase:
    """One row detente got wrong: what the gold says and what detente answered."""

    kind: str  # short error category, e.g. "no event", "wrong type", "crash"
    text: str
    gold: str
    detente: str
    row: str = ""
    severity: int = 0  # higher = worse; errors are listed by severity, then input order

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "row": self.row, "text": self.text, "gold": self.gold, "detente": self.detente}


@dataclass
class EvalResult:
    """The figures of one data set."""

    dataset: str
    files: list[str]
    n: int
    figures: dict[str, Any]
    table_title: str
    table_columns: list[str]
    table_rows: list[list[Any]]
    errors: list[ErrorCase] = field(default_factory=list)
    crashes: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    # Further tables: {"title", "columns", "rows"} (learned vs rule per head, confusions).
    tables: list[dict[str, Any]] = field(default_factory=list)

    def error_kinds(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.errors:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def worst_errors(self, limit: int = 15) -> list[ErrorCase]:
        """Up to ``limit`` errors, worst first, at most ``limit // 3`` of any one kind (so the list stays varied)."""
        ranked = sorted(enumerate(self.errors), key=lambda ie: (-ie[1].severity, ie[0]))
        cap = max(1, limit // 3)
        seen: dict[str, int] = {}
        picked: list[ErrorCase] = []
        for _, e in ranked:
            if seen.get(e.kind, 0) < cap:
                seen[e.kind] = seen.get(e.kind, 0) + 1
                picked.append(e)
            if len(picked) == limit:
                break
        return picked

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "files": self.files,
            "n": self.n,
            "crashes": self.crashes,
            "seconds": round(self.seconds, 2),
            "figures": self.figures,
            "categories": {"title": self.table_title, "columns": self.table_columns, "rows": self.table_rows},
            "error_kinds": self.error_kinds(),
            "errors": [e.to_dict() for e in sorted(self.errors, key=lambda e: -e.severity)],
            "notes": self.notes,
            "tables": self.tables,
        }


def find_files(path: Path, patterns: Sequence[str], *, dataset: str) -> list[Path]:
    """``path`` itself if it is a file, else the files in it matching the first pattern that matches.

    Raises:
        InputError: ``path`` does not exist or holds no matching file.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{dataset}: {path} does not exist; give the data set's folder or file")
    for pattern in patterns:
        found = sorted(p for p in path.glob(pattern) if p.is_file())
        if found:
            return found
    raise InputError(f"{dataset}: no file matching {' or '.join(patterns)} in {path}")


def read_jsonl(path: Path, *, encoding: str = "utf-8") -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line.

    Raises:
        InputError: a line is not a JSON object (the message names file and line).
    """
    with path.open(encoding=encoding) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{n}: not a JSON object")
            yield n, obj


def make_document(text: str, *, published: Any = None) -> Document:
    """A ``Document`` for an evaluation text (kept as given, so gold offsets index it)."""
    return Document(id=Document.make_id(text), text=text, published=published)


def extract_all(pipeline: Any, documents: Sequence[Document]) -> list[dict[str, Any] | Exception]:
    """The JSON-contract extraction of each document, or the exception it raised."""
    return [x if isinstance(x, Exception) else x.to_json() for x in extract_records(pipeline, documents)]


def extract_records(pipeline: Any, documents: Sequence[Document]) -> list[Extraction | Exception]:
    """The ``Extraction`` of each document, or the exception it raised.

    This is the one place where a per-row failure is caught: a crashing row is
    returned as its exception (counted as a miss by the caller) and the run goes on.
    """
    out: list[Extraction | Exception] = []
    for i in range(0, len(documents), CHUNK):
        chunk = documents[i:i + CHUNK]
        try:
            results = list(pipeline.extract(chunk))
        except Exception:  # noqa: BLE001 - isolate the failing row below
            for document in chunk:
                out.append(_extract_one(pipeline, document))
            continue
        out.extend(results)
    return out


def _extract_one(pipeline: Any, document: Document) -> Extraction | Exception:
    try:
        return next(iter(pipeline.extract([document])))
    except Exception as exc:  # noqa: BLE001 - a crash is data for the report
        return exc


def timed(evaluator: Callable[..., EvalResult], path: Path, pipeline: Any, *, limit: int | None = None) -> EvalResult:
    """Run ``evaluator(path, pipeline, limit=limit)`` and record its wall-clock time."""
    started = time.perf_counter()
    result = evaluator(path, pipeline, limit=limit)
    result.seconds = time.perf_counter() - started
    return result


def describe_crash(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def actor_country(actor: dict[str, Any]) -> str | None:
    """The country code an actor of the JSON contract stands for; international organisations are ``IGO``.

    (The gold sets code every IGO as the literal ``IGO``; detente gives IGOs no country.)
    """
    if actor.get("kind") == "igo":
        return "IGO"
    return actor.get("country") or None


def actor_node(actor: dict[str, Any]) -> str | None:
    """The network node of an actor (its ``node``, else its country)."""
    return actor.get("node") or actor.get("country") or None


def short_actor(actor: dict[str, Any]) -> str:
    """``text=ID`` for error listings (``text=?`` when unresolved)."""
    return f"{actor.get('text')}={actor.get('id') or '?'}"


def short_event(event: dict[str, Any]) -> str:
    src = ", ".join(short_actor(a) for a in event.get("source", [])) or "-"
    tgt = ", ".join(short_actor(a) for a in event.get("target", [])) or "-"
    return f"{event.get('type')}/{event.get('cameo_code')} '{event.get('trigger')}' [{src}] -> [{tgt}]"


def split_heads(texts: Sequence[str], score: Callable[[list[int], Any], dict[str, Any]], outputs: Any,
                rule_outputs: Any, keys: Sequence[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Head figures on the development split and on the rest, for the learned pipeline and the rules alone.

    The shipped event model trained on every sentence whose ``detente.learned.spec.is_dev`` is False, so only
    the ``dev`` figures are honest for it; ``train`` shows how far it fits what it saw (overfitting shows as the
    gap).  The rules are scored on both parts alike.

    Args:
        texts: the text of each gold row (the split is a hash of it).
        score: figures of the rows at the given indices, from the given outputs.
        outputs: extraction outputs of the configured pipeline; ``rule_outputs`` those of the rules alone
            (``None`` when the pipeline has no learned model).
        keys: the head figures to report (dotted keys into the figures).

    Returns:
        The figures (``{"dev": {"n", "learned": {...}, "rules": {...}}, "train": ...}``) and a table of them.
    """
    from ..learned.spec import is_dev

    figures: dict[str, Any] = {}
    parts = {"dev": [i for i, t in enumerate(texts) if is_dev(t)],
             "train": [i for i, t in enumerate(texts) if not is_dev(t)]}
    for part, idx in parts.items():
        if not idx:
            continue
        entry: dict[str, Any] = {"n": len(idx)}
        if rule_outputs is not None:
            entry["learned"] = {k: _dig(score(idx, outputs), k) for k in keys}
            entry["rules"] = {k: _dig(score(idx, rule_outputs), k) for k in keys}
        else:
            entry["rules"] = {k: _dig(score(idx, outputs), k) for k in keys}
        figures[part] = entry
    columns = ["head figure"] + [f"{part} {who} (n={figures[part]['n']})" for part in figures
                                 for who in ("rules", "learned") if who in figures[part]]
    rows = [[k] + [figures[part][who][k] for part in figures for who in ("rules", "learned") if who in figures[part]]
            for k in keys]
    table = {"title": "learned vs rules per head: dev = never trained on (honest), train = trained on",
             "columns": columns, "rows": rows}
    return figures, table


def _dig(figures: dict[str, Any], key: str) -> Any:
    value: Any = figures
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
