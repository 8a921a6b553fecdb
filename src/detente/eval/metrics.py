"""Pure scoring functions shared by the evaluators: no I/O, no model, no detente records.

Everything here works on plain values (labels, ``(start, end)`` ranges, sets of
country codes) so it can be tested on hand-made cases with known scores.
Conventions: a ratio over zero items is ``None`` (shown as "-"), never 0 or 1;
``(start, end)`` ranges are half-open.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# CAMEO root (01-20) -> ConfliBERT "PentaClass": 0 statement, 1 verbal cooperation,
# 2 material cooperation, 3 verbal conflict, 4 material conflict (Parolin et al. 2022;
# the same column is ``penta`` in detente/data/cameo_plover.tsv, checked by a test).
PENTA_OF_ROOT: dict[str, int] = {
    **{f"{r:02d}": 0 for r in (1, 2)},
    **{f"{r:02d}": 1 for r in (3, 4, 5)},
    **{f"{r:02d}": 2 for r in (6, 7, 8)},
    **{f"{r:02d}": 3 for r in (9, 10, 11, 12, 13, 16)},
    **{f"{r:02d}": 4 for r in (14, 15, 17, 18, 19, 20)},
}
PENTA_NAMES: tuple[str, ...] = (
    "statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict",
)
# PLOVER 2016 draft names (the GSR file) -> PLOVER 2.0 names (detente's PLOVER_TYPES).
PLOVER_2016_TO_2: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts (``None`` where undefined)."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.n_pred)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.n_gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int | None]:
        return {"tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def ratio(num: int | float, den: int | float) -> float | None:
    """``num / den``, or ``None`` when ``den`` is zero."""
    return None if not den else num / den


def map_plover_type(name: str) -> str:
    """Map a PLOVER 2016 draft category to its PLOVER 2.0 name (others unchanged, upper-cased)."""
    name = name.strip().upper()
    return PLOVER_2016_TO_2.get(name, name)


def penta_of_cameo(cameo: str | None) -> int | None:
    """The 5-way class of a CAMEO code (root = first two digits), or ``None`` if unknown."""
    if not cameo:
        return None
    return PENTA_OF_ROOT.get(str(cameo)[:2])


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None) -> float:
    """Unweighted mean F1 over ``labels`` (default: every label in ``gold``).

    A label with no gold and no predicted item scores F1 0 if listed in ``labels``
    (as scikit-learn does with ``zero_division=0``); an empty input scores 0.

    Raises:
        ValueError: ``gold`` and ``pred`` differ in length.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items, pred has {len(pred)}")
    per = per_label_prf(gold, pred, labels)
    if not per:
        return 0.0
    return sum(p.f1 or 0.0 for p in per.values()) / len(per)


def per_label_prf(gold: Sequence[Hashable], pred: Sequence[Hashable],
                  labels: Iterable[Hashable] | None = None) -> dict[Hashable, PRF]:
    """One ``PRF`` per label: tp = items with gold == pred == label."""
    wanted = list(labels) if labels is not None else sorted(set(gold), key=str)
    out = {}
    for label in wanted:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        out[label] = PRF(tp, sum(1 for p in pred if p == label), sum(1 for g in gold if g == label))
    return out


def confusion(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[tuple[Hashable, Hashable], int]:
    """Counts of ``(gold, pred)`` pairs where they differ, most frequent first."""
    counts: dict[tuple[Hashable, Hashable], int] = {}
    for g, p in zip(gold, pred):
        if g != p:
            counts[(g, p)] = counts.get((g, p), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))


# -- token / character alignment -------------------------------------------------
def align_tokens(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Character range of each token in ``text``, found left to right.

    Tokens are pieces of ``text`` in order (whitespace-split, then punctuation
    split off).  A token not found verbatim at the cursor (a quote mark the
    tokenizer rewrote, say) gets the characters up to where the next token
    starts, at most its own length, so one odd token never shifts the rest.
    """
    out: list[tuple[int, int]] = []
    cursor = 0
    for i, token in enumerate(tokens):
        found = text.find(token, cursor) if token else -1
        if found >= 0 and not text[cursor:found].strip():
            start, end = found, found + len(token)
        else:
            start = cursor
            while start < len(text) and text[start].isspace():
                start += 1
            end = min(len(text), start + max(len(token), 1))
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            next_at = text.find(following, start + 1) if following else -1
            if start < next_at < end:
                end = next_at
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
        out.append((start, end))
        cursor = end
    return out


def chars_to_tokens(start: int, end: int, offsets: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The half-open token range covering characters ``[start, end)``, or ``None`` if no token overlaps."""
    hit = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    if not hit:
        return None
    return hit[0], hit[-1] + 1


# -- span matching -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Span:
    """A labelled half-open range (token or character indices)."""

    role: str
    start: int
    end: int


def spans_compatible(gold: Span, pred: Span) -> bool:
    """A predicted role fits a gold role; a ``reciprocal`` gold span accepts source or target."""
    return gold.role == pred.role or (gold.role == "reciprocal" and pred.role in {"source", "target"})


def overlap(a: Span, b: Span) -> int:
    """Number of positions shared by two ranges."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_spans(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact") -> list[tuple[int, int]]:
    """One-to-one matches ``(gold_index, pred_index)`` between compatible spans.

    ``mode`` is ``exact`` (same start and end) or ``overlap`` (share at least
    one position).  Pairs are taken greedily, largest overlap first, so each
    gold and each predicted span is used at most once.

    Raises:
        ValueError: ``mode`` is neither ``exact`` nor ``overlap``.
    """
    if mode not in {"exact", "overlap"}:
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not spans_compatible(g, p):
                continue
            if mode == "exact" and (g.start, g.end) != (p.start, p.end):
                continue
            shared = overlap(g, p)
            if mode == "overlap" and shared == 0:
                continue
            candidates.append((-shared, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(candidates):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def span_prf(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact") -> PRF:
    """Precision/recall/F1 of ``pred`` against ``gold`` under ``match_spans``."""
    return PRF(len(match_spans(gold, pred, mode=mode)), len(pred), len(gold))


# -- dyads ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Dyad:
    """An event reduced to its type and the country sets of its two sides.

    ``reciprocal`` marks a gold event whose actors act jointly or on each other
    ("A and B agreed"): its ``source`` holds every side and ``target`` is empty.
    """

    type: str
    source: frozenset[str]
    target: frozenset[str]
    reciprocal: bool = False


def dyad_actors_match(gold: Dyad, pred: Dyad) -> bool:
    """Actor sets agree: equal source and target sets, or for a reciprocal gold event,
    the union of the predicted sides equals the gold actor set (order ignored).
    Otherwise direction matters: A -> B does not match B -> A.
    """
    if gold.reciprocal or pred.reciprocal:
        return gold.source | gold.target == pred.source | pred.target
    return gold.source == pred.source and gold.target == pred.target


def dyad_match(gold: Dyad, pred: Dyad) -> bool:
    """Same type and matching actor sets."""
    return gold.type == pred.type and dyad_actors_match(gold, pred)


def match_dyads(gold: Sequence[Dyad], pred: Sequence[Dyad], *, typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold_index, pred_index)``, first come first served.

    ``typed=False`` matches on actors only (the type may differ).
    """
    test = dyad_match if typed else dyad_actors_match
    used: set[int] = set()
    out = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and test(g, p):
                used.add(pi)
                out.append((gi, pi))
                break
    return out


def side_correct(gold_codes: Sequence[str], pred_codes: Iterable[str]) -> bool:
    """Whether one side's countries are right.

    A single gold actor is right when its code is among the predicted codes; a
    compound side (two or more distinct codes) must equal the predicted set.
    """
    wanted = [c for c in gold_codes if c]
    got = {c for c in pred_codes if c}
    if not wanted:
        return not got
    if len(set(wanted)) == 1:
        return wanted[0] in got
    return set(wanted) == got
