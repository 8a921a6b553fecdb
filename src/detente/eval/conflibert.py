"""conflibert-cameo: 5-way CAMEO class and source/target spans on the ConfliBERT sentences.

Reads ``joined_*.jsonl`` (``text``, ``tokens``, ``penta_label``, ``spans`` with
half-open token ranges ``[start_tok, end_tok)`` over ``tokens``; checked on the
dev file: ``" ".join(tokens[start_tok:end_tok]) == span text`` for every span).

* Class: the CAMEO root of detente's most salient event (its first) mapped to
  the penta class; a sentence with no event is predicted class 0 (statement,
  the least committal class) and counted as a fallback.
* Spans: the source and target actors of that event, turned from character
  spans into token ranges (``metrics.align_tokens``), matched one-to-one to the
  gold spans exactly or by overlap; a ``reciprocal`` gold span accepts either
  role.  A sentence with no event predicts no spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from . import metrics
from .common import (
    ErrorCase,
    EvalResult,
    describe_crash,
    extract_all,
    find_files,
    make_document,
    read_jsonl,
    short_event,
    split_heads,
)

NAME = "conflibert-cameo"
PATTERNS = ("joined_*.jsonl", "*.jsonl")
FALLBACK_CLASS = 0  # "make statement": what a sentence with no coded event most often is
ROLES = ("source", "target", "reciprocal")
# The figures of the learned heads (5-way class; spans), reported learned vs rules on each split.
HEAD_FIGURES = ("macro_f1", "accuracy", "span_f1_exact", "span.exact_source.f1", "span.exact_target.f1",
                "span_f1_overlap")


def load_rows(files: list[Path]) -> list[dict[str, Any]]:
    """The sentence records of the files.

    Raises:
        InputError: a record lacks ``text``, ``tokens`` or a valid ``penta_label``.
    """
    out = []
    for path in files:
        for n, row in read_jsonl(path):
            label = row.get("penta_label")
            if not isinstance(row.get("text"), str) or not isinstance(row.get("tokens"), list) \
                    or not isinstance(label, int) or not 0 <= label <= 4:
                raise InputError(f"{path}:{n}: needs text, tokens and penta_label 0-4")
            out.append({**row, "_row": f"{path.name}:{n}"})
    return out


def gold_spans(row: dict[str, Any]) -> list[metrics.Span]:
    """The gold spans of a row as half-open token ranges."""
    out = []
    for s in row.get("spans") or []:
        if s.get("role") in ROLES and isinstance(s.get("start_tok"), int) and isinstance(s.get("end_tok"), int):
            out.append(metrics.Span(s["role"], s["start_tok"], s["end_tok"]))
    return out


def predicted_spans(event: dict[str, Any] | None, offsets: list[tuple[int, int]]) -> list[metrics.Span]:
    """The token ranges of an event's source and target actors."""
    if event is None:
        return []
    out = []
    for role in ("source", "target"):
        for actor in event.get(role, []):
            start, end = actor["span"]
            rng = metrics.chars_to_tokens(start, end, offsets)
            # Two actors of one phrase ("Hungarian and Romanian officials") share its span: one prediction.
            if rng is not None and metrics.Span(role, *rng) not in out:
                out.append(metrics.Span(role, *rng))
    return out


def evaluate(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalResult:
    """Score detente on the ConfliBERT sentences under ``path`` (file or folder).

    Args:
        path: a ``joined_*.jsonl`` file or the folder holding it.
        pipeline: a loaded ``Pipeline``.
        limit: score only the first ``limit`` rows (tests).
    """
    files = find_files(path, PATTERNS, dataset=NAME)
    rows = load_rows(files)[:limit]
    documents = [make_document(r["text"]) for r in rows]
    outputs = extract_all(pipeline, documents)
    result = _score(files, rows, outputs)
    # Issue 11: the learned model trained on this file's non-dev sentences; score dev and train apart, and the
    # rules alone beside it, so each head's figure shows where it comes from.
    rules = pipeline.rules_only() if getattr(pipeline, "learned", None) is not None else None
    rule_outputs = extract_all(rules, documents) if rules is not None else None
    result.figures["heads"], table = split_heads(
        [r["text"] for r in rows],
        lambda idx, outs: _score(files, [rows[i] for i in idx], [outs[i] for i in idx]).figures,
        outputs, rule_outputs, HEAD_FIGURES)
    result.tables.append(table)
    return result


def _score(files: list[Path], rows: list[dict[str, Any]], outputs: list[Any]) -> EvalResult:
    gold_cls: list[int] = []
    pred_cls: list[int] = []
    fallback = crashes = 0
    fallback_gold: list[int] = []
    span_counts = {(mode, role): [0, 0, 0] for mode in ("exact", "overlap") for role in (*ROLES, "all")}
    errors: list[ErrorCase] = []
    for row, out in zip(rows, outputs):
        gold = row["penta_label"]
        gspans = gold_spans(row)
        offsets = metrics.align_tokens(row["text"], row["tokens"])
        first = None
        if isinstance(out, Exception):
            crashes += 1
            errors.append(ErrorCase("crash", row["text"], _describe_gold(row), describe_crash(out), row["_row"], 9))
            pred = FALLBACK_CLASS
        elif not out["events"]:
            pred = FALLBACK_CLASS
        else:
            first = out["events"][0]
            pred = metrics.penta_of_cameo(first.get("cameo"))
            pred = FALLBACK_CLASS if pred is None else pred
        if first is None:
            fallback += 1
            fallback_gold.append(gold)
        gold_cls.append(gold)
        pred_cls.append(pred)
        pspans = predicted_spans(first, offsets)
        overlap_hits = _count_spans(span_counts, gspans, pspans)
        if not isinstance(out, Exception):
            error = _classify(gold, pred, first, gspans, pspans, overlap_hits)
            if error:
                kind, severity = error
                found = " | ".join(short_event(e) for e in out["events"][:2]) or "(no event)"
                detente = f"class {pred} ({metrics.PENTA_NAMES[pred]}): {found}"
                errors.append(ErrorCase(kind, row["text"], _describe_gold(row), detente, row["_row"], severity))

    per = metrics.per_label_prf(gold_cls, pred_cls, range(5))
    with_event = [(g, p) for g, p, o in zip(gold_cls, pred_cls, outputs)
                  if not isinstance(o, Exception) and o["events"]]
    figures: dict[str, Any] = {
        "macro_f1": metrics.macro_f1(gold_cls, pred_cls, range(5)) if rows else None,
        "accuracy": metrics.ratio(sum(g == p for g, p in zip(gold_cls, pred_cls)), len(rows)),
        "no_event_fallbacks": fallback,
        "fallback_class": FALLBACK_CLASS,
        "macro_f1_rows_with_event": metrics.macro_f1([g for g, _ in with_event], [p for _, p in with_event],
                                                     range(5)) if with_event else None,
        "n_rows_with_event": len(with_event),
        "span": {f"{mode}_{role}": metrics.PRF(*counts).to_dict() for (mode, role), counts in span_counts.items()},
        "span_f1_exact": metrics.PRF(*span_counts[("exact", "all")]).f1,
        "span_f1_overlap": metrics.PRF(*span_counts[("overlap", "all")]).f1,
        "class_confusions": [{"gold": g, "detente": p, "n": c}
                             for (g, p), c in metrics.confusion(gold_cls, pred_cls).items()],
    }
    table_rows = [
        [f"{label} {metrics.PENTA_NAMES[label]}", prf.n_gold, prf.n_pred, prf.precision, prf.recall, prf.f1,
         sum(1 for g in fallback_gold if g == label)]
        for label, prf in per.items()
    ]
    return EvalResult(NAME, [str(f) for f in files], len(rows), figures, "per gold penta class",
                      ["class", "n gold", "n pred", "precision", "recall", "F1", "no event"],
                      table_rows, errors, crashes)


def _count_spans(counts: dict[tuple[str, str], list[int]], gspans: list[metrics.Span],
                 pspans: list[metrics.Span]) -> int:
    """Add one sentence's span matches to ``counts`` ([tp, n_pred, n_gold]); returns the overlap matches."""
    hits = 0
    for mode in ("exact", "overlap"):
        matches = metrics.match_spans(gspans, pspans, mode=mode)
        if mode == "overlap":
            hits = len(matches)
        c = counts[(mode, "all")]
        c[0] += len(matches)
        c[1] += len(pspans)
        c[2] += len(gspans)
        for role in ROLES:
            # Per gold role; reciprocal spans have no predicted role of their own (recall only).
            c = counts[(mode, role)]
            c[0] += sum(1 for gi, _ in matches if gspans[gi].role == role)
            c[1] += sum(1 for p in pspans if p.role == role)
            c[2] += sum(1 for g in gspans if g.role == role)
    return hits


def _classify(gold: int, pred: int, first: dict[str, Any] | None, gspans: list[metrics.Span],
              pspans: list[metrics.Span], overlap_hits: int) -> tuple[str, int] | None:
    if first is None:
        return "no event", 8 if gold != FALLBACK_CLASS else 3
    if gold != pred:
        # Cooperation read as conflict (or the reverse) is worse than a near miss.
        coop, conf = {1, 2}, {3, 4}
        flipped = (gold in coop and pred in conf) or (gold in conf and pred in coop)
        return ("sign flip" if flipped else "wrong class"), 7 if flipped else 6
    if gspans and not pspans:
        return "no actor spans", 4
    if overlap_hits < len(gspans):
        return "actor span missed", 2
    return None


def _describe_gold(row: dict[str, Any]) -> str:
    spans = "; ".join(f"{s.get('role')}: {s.get('text')}" for s in row.get("spans") or [])
    label = row["penta_label"]
    return f"class {label} ({metrics.PENTA_NAMES[label]}); {spans or 'no spans'}"
