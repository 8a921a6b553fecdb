"""Shifts: the dates where a relation changed level, why, and whether one outlet alone says so.

Consumes the pair-level event groups of the store's pair table, pre-aggregated
in SQL per (pair, group, outlet) (``store.pairs.group_parts``) and folded here
into each real event once, with its weight; produces ``Shift`` records: the pair, the date of the change, the
weighted mean level before and after, the events that drive it, and whether
it survives leaving out any single outlet.

The method, and why.  A pair of states typically has 10-25 dated event groups
over two years, many on the same few publication dates, with scores that swing
from -9 to +10 inside one article.  Off-the-shelf change-point searches tuned
for long regular series (PELT with a BIC penalty on daily sums) find nothing on
such data, or a break at every busy day.  So the series is the time-ordered
groups themselves, pooled per date (a break can only fall between two dates),
and the segmentation is exact dynamic programming (the partitions of ruptures'
``Dynp``, computed by ``optimal_partitions`` in one vectorised pass) with a
weighted squared-error cost (``_WeightedL2``: each point counts with the
weight hedged, negated, second-hand and background evidence get in
``dyads.Weights``), for 0 to ``MAX_SHIFTS`` breaks, choosing the number of
breaks that minimises error + penalty x breaks.  Exact search, not binary
segmentation: cooperation, then hostility, then a retrospective aside is a
pattern no single greedy first split explains.  A segmentation is kept only when

* each break removes at least ``MIN_GAIN_SHARE`` of the pair's total weighted
  squared error (the penalty, relative so that it needs no noise estimate),
* each side holds at least ``MIN_SEGMENT_EVENTS`` event groups, and
* the two levels differ by at least ``MIN_LEVEL_CHANGE`` on the -10..+10 scale.

Only news dated to the month or finer drives a shift (issue 12): background
evidence ("before the war, X and Y had good
relations", "ties were cut in 2016") and evidence whose date is known only to the
year or not at all are left out of the series.  Such evidence has no date to
place it on; a shift built on it would be a shift in the telling, not in the
relation.  It still counts in ``relations``.

Robustness: the detection is rerun without each outlet in turn; a shift is
``robust`` when every rerun finds a shift in the same direction whose gap
(last date before, first date after) overlaps the original gap widened by
``ROBUST_DAYS`` on each side.

Left out: trends (a slow drift is reported as one step at its steepest
point), and reciprocity (shifts are found on the undirected pair).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import ruptures as rpt

from ..ingest.dates import DATED_FOR_SHIFTS
from ..store import Store
from ..store.pairs import GroupPart, group_parts
from .dyads import Filters, GroupItem, Weights, node_names

# Tuned on synthetic series (tests/network/test_shifts.py) and the seeds: a
# true step of 6-8 points in noise of sd 3 removes 40-70% of the error; a split
# of pure noise rarely removes more than 20%.  Moves with MIN_LEVEL_CHANGE.
MIN_GAIN_SHARE = 0.25
# Three event groups per side: two can be one article's framing, three rarely are.
MIN_SEGMENT_EVENTS = 3
# A third of the way from cooperation (+5, SUPPORT) to mild conflict (-2, ACCUSE)
# is noise-level; a change of 3 points is a change of kind.
MIN_LEVEL_CHANGE = 3.0
# At most this many shifts per pair: with ~20 events more would be over-fitting.
MAX_SHIFTS = 3
# Pairs have a few dated articles months apart: without one outlet the same
# change is found between the neighbouring dates, which can be months away.
ROBUST_DAYS = 183
# Evidence cited per shift: the strongest groups on each side.
EVIDENCE_PER_SIDE = 8
_TOO_SMALL = 1e9


class _WeightedL2(rpt.base.BaseCost):  # type: ignore[misc]
    """Weighted squared error around the weighted mean; signal columns are (score, weight, groups)."""

    model = "weighted_l2"
    min_size = 1

    def __init__(self, min_events: int = MIN_SEGMENT_EVENTS) -> None:
        self.min_events = min_events
        self.signal: np.ndarray = np.zeros((0, 3))

    def fit(self, signal: np.ndarray) -> "_WeightedL2":
        self.signal = signal
        return self

    def error(self, start: int, end: int) -> float:
        seg = self.signal[start:end]
        if seg[:, 2].sum() < self.min_events:
            return _TOO_SMALL
        return _weighted_sse(seg)


def _weighted_sse(seg: np.ndarray) -> float:
    w = seg[:, 1]
    total = w.sum()
    if total <= 0:
        return 0.0
    mean = float((seg[:, 0] * w).sum() / total)
    return float((w * (seg[:, 0] - mean) ** 2).sum())


@dataclass(frozen=True, slots=True)
class Break:
    """A change of level in one series: the first date after it and the levels either side."""

    date: dt.date
    last_before: dt.date
    before: float
    after: float
    drivers: tuple[str, ...]


@dataclass
class Shift:
    """A change in a relation, with the evidence that tells it.

    ``kind`` "detected": a change of level found in the pair's dated series (``before`` / ``after`` are the
    weighted mean levels, ``last_before`` the last date before the change, ``date`` the first after it).
    ``kind`` "stated": the sources say the relation moved (``network.stated``): ``change`` is its sign,
    ``date`` and ``last_date`` the first and last statement, ``outlets`` who told it; no levels.
    """

    a: str
    b: str
    a_name: str
    b_name: str
    date: dt.date
    last_before: dt.date | None
    before: float | None
    after: float | None
    evidence: list[str]
    robust: bool
    fragile_without: list[str] = field(default_factory=list)
    kind: str = "detected"
    change: int = 0
    last_date: dt.date | None = None
    outlets: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        if self.before is None or self.after is None:
            return "improvement" if self.change > 0 else "deterioration"
        return "improvement" if self.after > self.before else "deterioration"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "a_name": self.a_name, "b_name": self.b_name, "kind": self.kind,
                "date": self.date.isoformat(),
                "last_before": self.last_before.isoformat() if self.last_before else None,
                "last_date": self.last_date.isoformat() if self.last_date else None,
                "before": None if self.before is None else round(self.before, 2),
                "after": None if self.after is None else round(self.after, 2), "direction": self.direction,
                "evidence": self.evidence, "robust": self.robust, "fragile_without": self.fragile_without,
                "outlets": self.outlets}


def find_breaks(groups: Sequence[GroupItem], *, min_events: int = MIN_SEGMENT_EVENTS) -> list[Break]:
    """Change points in one pair's series of event groups (only news dated to the month or finer counts).

    Args:
        groups: the pair's event groups (``fold_parts``).
        min_events: event groups required on each side of a break.

    Returns:
        The breaks in date order; empty when the series is too short or flat.
    """
    dated = sorted((g for g in groups if drives_shifts(g)), key=lambda g: (g.date or dt.date.min, g.group))
    by_date: dict[dt.date, list[GroupItem]] = defaultdict(list)
    for g in dated:
        by_date[g.date or dt.date.min].append(g)
    dates = sorted(by_date)
    if len(dated) < 2 * min_events or len(dates) < 2:
        return []
    rows = []
    for d in dates:
        day = by_date[d]
        w = sum(g.weight for g in day)
        rows.append((sum(g.score * g.weight for g in day) / w, w, len(day)))
    signal = np.array(rows, dtype=float)
    cuts = _best_cuts(signal, min_events)
    bounds = [0, *cuts, len(signal)]
    out = []
    for i, cut in enumerate(cuts):
        before, after = _mean(signal[bounds[i]:cut]), _mean(signal[cut:bounds[i + 2]])
        side_l = [g for d in dates[bounds[i]:cut] for g in by_date[d]]
        side_r = [g for d in dates[cut:bounds[i + 2]] for g in by_date[d]]
        out.append(Break(dates[cut], dates[cut - 1], before, after, _drivers(side_l, side_r, before, after)))
    return out


def _best_cuts(signal: np.ndarray, min_events: int) -> list[int]:
    """The break positions minimising error + penalty x breaks, every level step large enough."""
    cost = _WeightedL2(min_events).fit(signal)
    total = cost.error(0, len(signal))
    if total <= 0 or total >= _TOO_SMALL:
        return []
    penalty = MIN_GAIN_SHARE * total
    best, best_cost = [], total
    for cuts in optimal_partitions(signal, min(MAX_SHIFTS, len(signal) - 1), min_events):
        bounds = [0, *cuts, len(signal)]
        err = sum(cost.error(s, e) for s, e in zip(bounds, bounds[1:]))
        levels = [_mean(signal[s:e]) for s, e in zip(bounds, bounds[1:])]
        steps_ok = all(abs(y - x) >= MIN_LEVEL_CHANGE for x, y in zip(levels, levels[1:]))
        if err < _TOO_SMALL and steps_ok and err + len(cuts) * penalty < best_cost:
            best, best_cost = cuts, err + len(cuts) * penalty
    return best


# Columns of the segment-error matrix computed at once in ``optimal_partitions`` (memory: rows x this x 8 bytes).
_BLOCK = 256


def optimal_partitions(signal: np.ndarray, max_breaks: int, min_events: int = MIN_SEGMENT_EVENTS) -> list[list[int]]:
    """For k = 1..``max_breaks``, the break positions of the partition of ``signal`` with the least summed
    ``_WeightedL2`` error: the exact segmentation ruptures' ``Dynp(min_size=1, jump=1)`` finds, ties going to
    the earliest last break as there.

    Written here rather than calling ``rpt.Dynp``: Dynp calls the cost once per (start, end) from Python,
    O(n^2) calls each summing a slice, which took 30 s for a pair with 1,530 dated days (1M-event store) and
    ran on every dyad request.  This is the same recurrence over all segment ends at once, with each
    segment's error from prefix sums (sum w x^2 - (sum w x)^2 / sum w): O(k n^2) array arithmetic, 0.14 s at
    that size.  The errors agree with ``_weighted_sse`` to rounding (the scores are centred
    first); ``tests/network/test_shifts.py`` checks the partitions against Dynp's.
    """
    n = len(signal)
    max_breaks = min(max_breaks, n - 1)
    if max_breaks < 1:
        return []
    w = signal[:, 1]
    centre = float((signal[:, 0] * w).sum() / w.sum()) if w.sum() > 0 else 0.0
    x = signal[:, 0] - centre
    zero = np.zeros(1)
    cw = np.concatenate([zero, np.cumsum(w)])
    cwx = np.concatenate([zero, np.cumsum(w * x)])
    cwxx = np.concatenate([zero, np.cumsum(w * x * x)])
    cn = np.concatenate([zero, np.cumsum(signal[:, 2])])
    # best[k][e]: least error of signal[:e] cut into k + 1 segments; arg[k][e]: the last break of that partition
    best = np.full((max_breaks + 1, n + 1), np.inf)
    arg = np.zeros((max_breaks + 1, n + 1), dtype=np.int64)
    for lo in range(1, n + 1, _BLOCK):
        hi = min(lo + _BLOCK, n + 1)
        ends = np.arange(lo, hi)[None, :]
        starts = np.arange(hi - 1)[:, None]  # a segment ending at e starts before e
        err = _segment_errors(cw, cwx, cwxx, cn, starts, ends, min_events)  # err[s, e - lo] for s < e
        best[0, ends[0]] = err[0]
        for k in range(1, max_breaks + 1):
            # last break b with k <= b <= e - 1; Dynp's sum of the partition's errors, left to right
            total = best[k - 1, :hi - 1][:, None] + err
            valid = (starts >= k) & (starts < ends)
            total = np.where(valid, total, np.inf)
            pick = np.argmin(total, axis=0)  # the first minimum: Dynp's min() keeps the earliest too
            best[k, ends[0]] = total[pick, np.arange(total.shape[1])]
            arg[k, ends[0]] = pick
    exact = _WeightedL2(min_events).fit(signal)
    tol = 1e-8 * (float(cwxx[-1]) + 1.0)
    memo: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def resolve(k: int, end: int) -> tuple[float, list[int]]:
        """Dynp's partition of signal[:end] into k + 1 segments, and its summed error in Dynp's arithmetic.

        The prefix-sum errors differ from ``_weighted_sse`` in the last bits, so where candidates tie to
        within ``tol`` (equal scores make exact ties common) they are compared again with the errors and the
        left-to-right sums Dynp uses, so that the same break wins.  Past ``_TOO_SMALL`` the choice does not
        matter: ``_best_cuts`` rejects such a partition."""
        if k == 0:
            return exact.error(0, end), []
        if (k, end) in memo:
            return memo[(k, end)]
        b = np.arange(k, end)
        totals = best[k - 1, b] + _segment_errors(cw, cwx, cwxx, cn, b, np.full(len(b), end), min_events)
        low = float(totals.min())
        candidates = [int(arg[k, end])] if low >= _TOO_SMALL else [int(c) for c in b[totals <= low + tol]]
        chosen: tuple[float, list[int]] | None = None
        for c in candidates:
            left, cuts = resolve(k - 1, c)
            value = left + exact.error(c, end)
            if chosen is None or value < chosen[0]:  # the first minimum, as Dynp's min()
                chosen = (value, [*cuts, c])
        assert chosen is not None
        memo[(k, end)] = chosen
        return chosen

    return [resolve(k, n)[1] for k in range(1, max_breaks + 1)]


def _segment_errors(cw: np.ndarray, cwx: np.ndarray, cwxx: np.ndarray, cn: np.ndarray, starts: np.ndarray,
                    ends: np.ndarray, min_events: int) -> np.ndarray:
    """``_WeightedL2.error(s, e)`` for every start (rows) and end (columns), from prefix sums; 0 where s >= e."""
    sw = cw[ends] - cw[starts]
    swx = cwx[ends] - cwx[starts]
    swxx = cwxx[ends] - cwxx[starts]
    with np.errstate(divide="ignore", invalid="ignore"):
        sse = np.where(sw > 0, swxx - swx * swx / np.where(sw > 0, sw, 1.0), 0.0)
    sse = np.maximum(sse, 0.0)
    return np.where(cn[ends] - cn[starts] < min_events, _TOO_SMALL, sse)


def drives_shifts(group: GroupItem) -> bool:
    """Whether an event group may drive a shift: news (not background) dated to the month or finer, with weight."""
    return (group.date is not None and group.weight > 0 and not group.background
            and group.precision in DATED_FOR_SHIFTS)


def _mean(seg: np.ndarray) -> float:
    return float((seg[:, 0] * seg[:, 1]).sum() / seg[:, 1].sum())


def _drivers(left: list[GroupItem], right: list[GroupItem], before: float, after: float) -> tuple[str, ...]:
    """The groups that pull each side away from the midpoint, strongest first; all their report ids."""
    mid, step = (before + after) / 2, (1.0 if after > before else -1.0)
    pulls = [(g.weight * (mid - g.score) * step, g) for g in left] + [
        (g.weight * (g.score - mid) * step, g) for g in right]
    strong_l = sorted(((p, g) for p, g in pulls[:len(left)] if p > 0), key=lambda x: (-x[0], x[1].group))
    strong_r = sorted(((p, g) for p, g in pulls[len(left):] if p > 0), key=lambda x: (-x[0], x[1].group))
    chosen = [g for _, g in strong_l[:EVIDENCE_PER_SIDE]] + [g for _, g in strong_r[:EVIDENCE_PER_SIDE]]
    return tuple(dict.fromkeys(i for g in chosen for i in g.ids))


def fold_parts(parts: Sequence[GroupPart], *, without: str | None = None) -> list[GroupItem]:
    """One ``GroupItem`` per event group of one pair, from its per-outlet parts (leaving out outlet ``without``).

    The group's score is the weighted mean of its reports, its weight the largest of theirs, its date (and
    precision) that of its most precisely dated report, the earliest of those, and it is background only when
    every report is.
    """
    by_group: dict[str, list[GroupPart]] = defaultdict(list)
    for p in parts:
        if p.outlet != without:
            by_group[p.group].append(p)
    out = []
    for group, ps in by_group.items():
        total = sum(p.w for p in ps)
        best = min(ps, key=lambda p: p.date_key)
        out.append(GroupItem(group, ps[0].a, ps[0].b, ps[0].a, ps[0].b,
                             sum(p.sw for p in ps) / total if total > 0 else min(p.score for p in ps),
                             max(p.wmax for p in ps), best.date, "",
                             tuple(sorted({i for p in ps for i in p.ids})), tuple(sorted({p.outlet for p in ps})),
                             all(p.background for p in ps), best.precision))
    return out


def _survives(without: list[Break], brk: Break) -> bool:
    """Whether ``brk`` is found again among the breaks of the series without one outlet (``without``)."""
    slack = dt.timedelta(days=ROBUST_DAYS)
    for other in without:
        same_way = (other.after - other.before) * (brk.after - brk.before) > 0
        if same_way and other.last_before <= brk.date + slack and other.date >= brk.last_before - slack:
            return True
    return False


def detect_shifts(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                  pairs: Sequence[tuple[str, str]] | None = None, stated: bool = True) -> list[Shift]:
    """The shifts of every pair (or of ``pairs``): the detected ones, busiest pairs first, then the stated ones.

    Args:
        store: the store to read.
        filters: dates and outlets to keep.
        weights: how much each kind of evidence counts.
        pairs: only these node pairs (either order).
        stated: also the shifts the sources state (``network.stated``), after the detected ones.

    Returns:
        One ``Shift`` per change point found, then one per pair and direction of change stated.
    """
    parts_by_pair: dict[tuple[str, str], list[GroupPart]] = defaultdict(list)
    for part in group_parts(store.con, filters=filters, weights=weights, pairs=pairs):
        parts_by_pair[(part.a, part.b)].append(part)
    names = node_names(store)
    out = []
    ranked = sorted(parts_by_pair.items(), key=lambda kv: (-sum(p.n for p in kv[1]), kv[0]))
    for (a, b), parts in ranked:
        outlets = sorted({p.outlet for p in parts})
        reruns: dict[str, list[Break]] = {}  # the breaks without each outlet, found once for all the pair's breaks
        for brk in find_breaks(fold_parts(parts)):
            for o in outlets:
                if o not in reruns:
                    reruns[o] = find_breaks(fold_parts(parts, without=o))
            fragile = [o for o in outlets if not _survives(reruns[o], brk)]
            out.append(Shift(a, b, names.get(a, a), names.get(b, b), brk.date, brk.last_before, brk.before,
                             brk.after, list(brk.drivers), not fragile, fragile))
    if stated:
        from .stated import stated_shifts  # it builds on ``Shift``

        out.extend(stated_shifts(store, filters=filters, pairs=pairs))
    return out
