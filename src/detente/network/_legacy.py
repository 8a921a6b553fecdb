"""The Python aggregation path that the SQL path replaced: kept only until the comparison test passes.

Consumes the store's ``events`` and ``claims`` tables; produces ``Relation``
rows: for each unordered pair of nodes (states and organisations; people
are already rolled up to whom they act for), the weighted mean PLOVER score
(-10..+10), the number of events and outlets, the first and last date, and
the evidence ids.  Each item of evidence counts with a weight:

* negated events count 0 by default ("stopped short of condemning" is no accusation);
* hedged ones ("reportedly", "rumoured") 0.5; second-hand ones (a speaker
  other than a party to the event) 0.75; background ones 0.5;
* a stated relation ("Russia is no friend of Israel") counts as an event
  of score ``polarity * STATED_RELATION_SCORE``.

All weights live in ``Weights`` and can be set by the caller (CLI options).

Each real-world event counts once: reports that ``dedup`` puts in one event
group (the same act told by several outlets, or a headline and its lede)
become one ``GroupItem`` per pair, whose score is the weighted mean of its
reports and whose weight is that of its best-attested report; every report
stays in the evidence.  ``dyad_series`` cuts the same evidence into time
windows (day, week, month, quarter, year or N days); ``relations_by_outlet``
shows one relation as each outlet tells it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Store
from .dedup import group_ids

UNKNOWN_OUTLET = "(unknown outlet)"
WINDOWS = ("day", "week", "month", "quarter", "year")

# A stated alliance or enmity weighs like a firm verbal act (PLOVER scores
# of SUPPORT and ACCUSE are about +/-3 to +/-5): chosen at 5.
STATED_RELATION_SCORE = 5.0


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts in a relation score."""

    negated: float = 0.0
    hedged: float = 0.5
    second_hand: float = 0.75
    background: float = 0.5
    stated: float = 1.0


@dataclass(frozen=True, slots=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    outlets: tuple[str, ...] = ()
    exclude_outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of evidence about a pair of nodes."""

    id: str
    a: str
    b: str
    source: str
    target: str | None
    score: float
    weight: float
    date: dt.date | None
    outlet: str | None
    kind: str
    doc_id: str
    type: str | None = None
    text: str = ""
    speaker: str | None = None
    hedged: bool = False
    negated: bool = False
    group: str = ""
    background: bool = False


@dataclass(frozen=True, slots=True)
class GroupItem:
    """One event group seen on one pair: counted once, with every report that tells it."""

    group: str
    a: str
    b: str
    source: str
    target: str | None
    score: float
    weight: float
    date: dt.date | None
    kind: str
    ids: tuple[str, ...]
    outlets: tuple[str, ...]
    background: bool = False


@dataclass
class Relation:
    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    n_events: int
    n_outlets: int
    first: dt.date | None
    last: dt.date | None
    evidence: list[str] = field(default_factory=list)
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outlet": self.outlet} if self.outlet is not None else {}
        return out | {
            "a": {"id": self.a, "name": self.a_name},
            "b": {"id": self.b, "name": self.b_name},
            "score": round(self.score, 2),
            "n_events": self.n_events,
            "n_outlets": self.n_outlets,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "evidence": self.evidence,
        }


def _weight(row: dict[str, Any], parties: set[str], w: Weights) -> float:
    weight = 1.0
    if row.get("negated"):
        weight *= w.negated
    if row.get("hedged"):
        weight *= w.hedged
    if row.get("date_basis") == "background":
        weight *= w.background
    speaker_node = row.get("speaker_node")
    if row.get("said_by_actor") and speaker_node not in parties:
        weight *= w.second_hand
    return weight


def where_clause(filters: Filters, *, date_col: str = "date", outlet_col: str = "outlet") -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the windows and outlet filters (shared by the CLI, the network and the API)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.since:
        clauses.append(f"{date_col} >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{date_col} <= ?")
        params.append(filters.until)
    if filters.outlets:
        clauses.append(f"{outlet_col} IN (SELECT unnest(?))")
        params.append(list(filters.outlets))
    if filters.exclude_outlets:
        clauses.append(f"coalesce({outlet_col}, '') NOT IN (SELECT unnest(?))")
        params.append(list(filters.exclude_outlets))
    return clauses, params


def _where(filters: Filters, date_col: str = "date", outlet_col: str = "outlet") -> tuple[str, list[Any]]:
    clauses, params = where_clause(filters, date_col=date_col, outlet_col=outlet_col)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def evidence_items(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                   merge: bool = True) -> list[Item]:
    """Every event and stated relation as pair-level evidence items.

    Args:
        store: the store to read.
        filters: dates and outlets to keep.
        weights: how much each kind of evidence counts.
        merge: tag each item with its event group (``dedup``); when False each report is its own group.

    Returns:
        One item per (report, pair of nodes), with its ``group``.
    """
    where, params = _where(filters, "e.date", "e.outlet")
    events = store.query(
        f"""SELECT e.id, e.doc_id, e.type, e.score, e.source_nodes, e.target_nodes, e.hedged, e.negated, e.date,
                   e.date_basis, e.outlet, e.said_by_actor, e.said_by_name, e.evidence_text, a.node AS speaker_node
            FROM events e LEFT JOIN actors a ON a.id = e.said_by_actor {where}""",
        params,
    )
    items: list[Item] = []
    for row in events:
        sources = [n for n in row["source_nodes"] or [] if n]
        targets = [n for n in row["target_nodes"] or [] if n]
        pairs: list[tuple[str, str | None]] = [(s, t) for s in sources for t in targets if s != t]
        if not targets and len(sources) >= 2:  # reciprocal: "A and B met"
            pairs = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1:]]
        for s, t in pairs:
            assert t is not None
            weight = _weight(row, {s, t}, weights)
            items.append(Item(row["id"], *sorted((s, t)), s, t, row["score"], weight, row["date"], row["outlet"],
                              "event", row["doc_id"], row["type"], row["evidence_text"], row["said_by_name"],
                              row["hedged"], row["negated"]))
    where, params = _where(filters, "c.date", "c.outlet")
    where = (where + " AND " if where else " WHERE ") + "c.kind = 'relation'"
    claims = store.query(
        f"""SELECT c.id, c.doc_id, c.a_node, c.b_node, c.polarity, c.hedged, c.negated, c.date, c.date_basis,
                   c.outlet, c.speaker_actor AS said_by_actor, c.speaker_name, c.evidence_text,
                   a.node AS speaker_node
            FROM claims c LEFT JOIN actors a ON a.id = c.speaker_actor {where}""",
        params,
    )
    for row in claims:
        if not row["a_node"] or not row["b_node"] or row["a_node"] == row["b_node"]:
            continue
        weight = _weight(row, {row["a_node"], row["b_node"]}, weights) * weights.stated
        a, b = sorted((row["a_node"], row["b_node"]))
        items.append(Item(row["id"], a, b, row["a_node"], row["b_node"], row["polarity"] * STATED_RELATION_SCORE,
                          weight, row["date"], row["outlet"], "relation", row["doc_id"], None, row["evidence_text"],
                          row["speaker_name"], row["hedged"], row["negated"]))
    groups = group_ids(store) if merge else {}
    background = {r["id"] for r in events if r["date_basis"] == "background"}
    background |= {r["id"] for r in claims if r["date_basis"] == "background"}
    return [replace(i, group=groups.get(i.id, i.id), background=i.id in background) for i in items]


def node_names(store: Store) -> dict[str, str]:
    return {r["id"]: r["name"] for r in store.query("SELECT id, name FROM nodes")}


def collapse(items: Iterable[Item], *, directed: bool = False) -> list[GroupItem]:
    """Fold the reports of each event group into one item per pair (per direction when ``directed``).

    The group's score is the weighted mean of its reports' scores, its weight
    the largest of theirs (a firm report is not weakened by a hedged retelling),
    and its date the earliest dated report.
    """
    buckets: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
    for item in items:
        key = (item.source, item.target or "", item.group or item.id) if directed else (
            item.a, item.b, item.group or item.id)
        buckets[key].append(item)
    out = []
    for (_, _, group), members in buckets.items():
        total = sum(i.weight for i in members)
        score = sum(i.score * i.weight for i in members) / total if total > 0 else members[0].score
        dates = [i.date for i in members if i.date]
        first = members[0]
        out.append(GroupItem(group, first.a, first.b, first.source, first.target, score,
                             max(i.weight for i in members), min(dates) if dates else None, first.kind,
                             tuple(dict.fromkeys(i.id for i in members)),
                             tuple(sorted({i.outlet or UNKNOWN_OUTLET for i in members})),
                             all(i.background for i in members)))
    return out


def aggregate(items: Iterable[Item], names: dict[str, str]) -> list[Relation]:
    """Fold evidence items into one relation per unordered pair, strongest first (each event group once)."""
    groups: dict[tuple[str, str], list[GroupItem]] = defaultdict(list)
    for gi in collapse(items):
        groups[(gi.a, gi.b)].append(gi)
    out = []
    for (a, b), group in groups.items():
        total = sum(i.weight for i in group)
        score = sum(i.score * i.weight for i in group) / total if total > 0 else 0.0
        dates = [i.date for i in group if i.date]
        outlets = {o for i in group for o in i.outlets}
        evidence = list(dict.fromkeys(x for i in group for x in i.ids))
        out.append(Relation(a, b, names.get(a, a), names.get(b, b), score, len(group), len(outlets),
                            min(dates) if dates else None, max(dates) if dates else None, evidence))
    out.sort(key=lambda r: (-r.n_events, r.a, r.b))
    return out


def relations(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights()) -> list[Relation]:
    """The relations table of the store (see module docstring for the weights)."""
    return aggregate(evidence_items(store, filters=filters, weights=weights), node_names(store))


def relations_by_outlet(store: Store, *, filters: Filters = Filters(),
                        weights: Weights = Weights()) -> list[Relation]:
    """The relations as each outlet tells them: one ``Relation`` per (outlet, pair), ``outlet`` set.

    Example: the Russia-Israel relation according to Al-Monitor alone, beside The Spectator's.
    """
    items = evidence_items(store, filters=filters, weights=weights)
    by_outlet: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_outlet[item.outlet or UNKNOWN_OUTLET].append(item)
    names = node_names(store)
    out = []
    for outlet in sorted(by_outlet):
        for rel in aggregate(by_outlet[outlet], names):
            rel.outlet = outlet
            out.append(rel)
    return out


@dataclass(frozen=True, slots=True)
class DyadPoint:
    """A pair's evidence in one time window."""

    a: str
    b: str
    period: dt.date
    n_events: int
    weight: float
    score: float
    cooperation: float
    conflict: float
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "period": self.period.isoformat(), "n_events": self.n_events,
                "weight": round(self.weight, 3), "score": round(self.score, 2),
                "cooperation": round(self.cooperation, 2), "conflict": round(self.conflict, 2),
                "evidence": list(self.evidence)}


def window_start(date: dt.date, window: str) -> dt.date:
    """The first day of the window holding ``date``.

    Args:
        date: the date to place.
        window: ``day``, ``week`` (ISO weeks from Monday), ``month``, ``quarter``, ``year``, or ``Nd``
            (N-day windows counted from 1970-01-01).

    Raises:
        ValueError: for any other window.
    """
    if window == "day":
        return date
    if window == "week":
        return date - dt.timedelta(days=date.weekday())
    if window == "month":
        return date.replace(day=1)
    if window == "quarter":
        return dt.date(date.year, 3 * ((date.month - 1) // 3) + 1, 1)
    if window == "year":
        return dt.date(date.year, 1, 1)
    if window.endswith("d") and window[:-1].isdigit() and int(window[:-1]) > 0:
        days = int(window[:-1])
        epoch = dt.date(1970, 1, 1)
        return epoch + dt.timedelta(days=(date - epoch).days // days * days)
    raise ValueError(f"unknown window {window!r}: use one of {', '.join(WINDOWS)} or a number of days like '14d'")


def dyad_series(store: Store, *, window: str = "month", filters: Filters = Filters(), weights: Weights = Weights(),
                directed: bool = False) -> list[DyadPoint]:
    """Volume and net cooperation-conflict of every pair per time window (undated evidence is left out).

    Args:
        store: the store to read.
        window: see ``window_start``.
        filters: dates and outlets to keep.
        weights: how much each kind of evidence counts.
        directed: one series per (source, target) instead of per unordered pair; a reciprocal event
            ("A and B met") then counts once, in the direction it was listed.

    Returns:
        Points sorted by pair and period.  ``score`` is the weighted mean (-10..+10), ``cooperation`` and
        ``conflict`` the weighted sums of positive and negative scores (conflict <= 0).
    """
    window_start(dt.date(2000, 1, 1), window)  # validate before reading
    cells: dict[tuple[str, str, dt.date], list[GroupItem]] = defaultdict(list)
    for gi in collapse(evidence_items(store, filters=filters, weights=weights), directed=directed):
        if gi.date is None:
            continue
        a, b = (gi.source, gi.target or "") if directed else (gi.a, gi.b)
        cells[(a, b, window_start(gi.date, window))].append(gi)
    out = []
    for (a, b, period), group in sorted(cells.items()):
        total = sum(i.weight for i in group)
        score = sum(i.score * i.weight for i in group) / total if total > 0 else 0.0
        out.append(DyadPoint(a, b, period, len(group), total, score,
                             sum(i.score * i.weight for i in group if i.score > 0),
                             sum(i.score * i.weight for i in group if i.score < 0),
                             tuple(x for i in group for x in i.ids)))
    return out


# -- the old Python path of shift detection (kept only to compare with the SQL path) ----------
def _legacy_survives(items: list[Item], brk: Any, outlet: str) -> bool:
    from .shifts import ROBUST_DAYS, find_breaks

    kept = [i for i in items if (i.outlet or UNKNOWN_OUTLET) != outlet]
    slack = dt.timedelta(days=ROBUST_DAYS)
    for other in find_breaks(collapse(kept)):  # type: ignore[arg-type]
        same_way = (other.after - other.before) * (brk.after - brk.before) > 0
        if same_way and other.last_before <= brk.date + slack and other.date >= brk.last_before - slack:
            return True
    return False


def detect_shifts(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights()) -> list[Any]:
    from .shifts import Shift, find_breaks

    items_by_pair: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in evidence_items(store, filters=filters, weights=weights):
        items_by_pair[(item.a, item.b)].append(item)
    names = node_names(store)
    out = []
    for (a, b), items in sorted(items_by_pair.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        outlets = sorted({i.outlet or UNKNOWN_OUTLET for i in items})
        for brk in find_breaks(collapse(items)):  # type: ignore[arg-type]
            fragile = [o for o in outlets if not _legacy_survives(items, brk, o)]
            out.append(Shift(a, b, names.get(a, a), names.get(b, b), brk.date, brk.last_before, brk.before,
                             brk.after, list(brk.drivers), not fragile, fragile))
    return out
