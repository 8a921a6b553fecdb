"""Balance: the signed graph of a period, its unbalanced triads and the ties under pressure.

Consumes the relations of ``dyads`` (each event group once); produces a
networkx ``Graph`` whose edges carry a sign, and ``TriadReading`` records.

* Edge sign: +1 when the relation score is above ``DEAD_ZONE``, -1 below
  ``-DEAD_ZONE``, and no edge in between (a mixed or neutral relation neither
  binds nor divides).
* A closed triad (three signed edges) is balanced when the product of its signs
  is positive (Cartwright-Harary: friends of friends are friends, enemies of
  friends are enemies).  An unbalanced one puts its weakest tie (fewest event
  groups, then smallest |score|) under pressure toward the sign that would
  balance it.  All-hostile triads count as unbalanced, as in the strict theory;
  Davis's weak balance would accept them, so their pressure is the weakest.
* An open triad (two signed edges meeting at one node, the third pair without a
  signed relation, both edges with ``OPEN_TRIAD_MIN_EVENTS``) is read when
  balance predicts its closing tie: friend of a
  friend (+,+) -> friendly, friend of an enemy (+,-) -> hostile.  Enemy of an
  enemy (-,-) predicts nothing under weak balance, so it is left out.

Each reading cites the event and claim ids behind its edges.  ``signs`` lists
the ties (triad[0]-triad[1], triad[1]-triad[2], triad[0]-triad[2]), 0 for a
missing tie; in an open triad triad[1] is the node both ties meet at.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from ..store import Store
from ..store.pairs import evidence_of_pairs, triad_rows
from .dyads import Filters, Relation, Weights, relations

# A relation scoring within +/-1 on the -10..+10 scale is a mix of cooperation
# and conflict (e.g. one SUPPORT +5 against two ACCUSE -2), not a tie either way.
DEAD_ZONE = 1.0
# Event groups an edge needs to enter the signed graph: 1, since the seeds give
# many pairs only one or two events; raise it on larger corpora.
MIN_EDGE_EVENTS = 1
# An open triad is read only when both of its ties rest on this many event
# groups: a prediction from two one-event ties is noise (on the seeds, 3 keeps
# Iran-Russia-Israel and drops e.g. Iran-Russia-Jewish Agency, a single order).
OPEN_TRIAD_MIN_EVENTS = 3
# Readings ``read_balance`` returns at most (``/api/balance``): a dense graph of 200 states has 1.3M closed
# triads, more than any reader reads; unbalanced ones come first.  A store's real graphs have far fewer.
MAX_READINGS = 1000


@dataclass(frozen=True, slots=True)
class TriadReading:
    """One triad of the signed graph and what balance theory reads in it."""

    triad: tuple[str, str, str]
    names: tuple[str, str, str]
    signs: tuple[int, int, int]
    closed: bool
    balanced: bool
    pressure: dict[str, str] | None
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"triad": list(self.triad), "names": list(self.names), "signs": list(self.signs),
                "closed": self.closed, "balanced": self.balanced, "pressure": self.pressure,
                "evidence": list(self.evidence)}


def edge_sign(score: float, *, dead_zone: float = DEAD_ZONE) -> int:
    """+1, -1, or 0 inside the dead zone."""
    return 1 if score > dead_zone else -1 if score < -dead_zone else 0


def signed_graph(rels: list[Relation], *, dead_zone: float = DEAD_ZONE,
                 min_events: int = MIN_EDGE_EVENTS) -> nx.Graph:
    """The signed graph of ``rels``: nodes with ``name``, edges with ``sign``, ``score``, ``n_events``, ``evidence``."""
    graph = nx.Graph()
    for r in rels:
        sign = edge_sign(r.score, dead_zone=dead_zone)
        if sign == 0 or r.n_events < min_events:
            continue
        graph.add_node(r.a, name=r.a_name)
        graph.add_node(r.b, name=r.b_name)
        graph.add_edge(r.a, r.b, sign=sign, score=r.score, n_events=r.n_events, evidence=list(r.evidence))
    return graph


def read_triads(graph: nx.Graph) -> list[TriadReading]:
    """Every closed triad, and every open triad whose closing tie balance predicts."""
    out: list[TriadReading] = []
    seen: set[frozenset[str]] = set()
    for pivot in sorted(graph):
        for u, v in combinations(sorted(graph[pivot]), 2):
            key = frozenset((u, pivot, v))
            if key in seen:
                continue
            if graph.has_edge(u, v):
                seen.add(key)
                out.append(_closed(graph, tuple(sorted(key))))  # type: ignore[arg-type]
            else:
                reading = _open(graph, u, pivot, v)
                if reading is not None:
                    out.append(reading)
    out.sort(key=lambda t: (t.balanced, not t.closed, t.triad))
    return out


def _names(graph: nx.Graph, triad: tuple[str, str, str]) -> tuple[str, str, str]:
    return tuple(graph.nodes[n].get("name", n) for n in triad)  # type: ignore[return-value]


def _evidence(graph: nx.Graph, pairs: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for a, b in pairs for i in graph.edges[a, b]["evidence"]))


def _closed(graph: nx.Graph, triad: tuple[str, str, str]) -> TriadReading:
    x, y, z = triad
    pairs = [(x, y), (y, z), (x, z)]
    signs = tuple(graph.edges[p]["sign"] for p in pairs)
    balanced = signs[0] * signs[1] * signs[2] > 0
    pressure = None
    if not balanced:
        weakest = min(pairs, key=lambda p: (graph.edges[p]["n_events"], abs(graph.edges[p]["score"]), p))
        toward = -graph.edges[weakest]["sign"]
        pressure = {"a": weakest[0], "b": weakest[1], "toward": "friendly" if toward > 0 else "hostile"}
    return TriadReading(triad, _names(graph, triad), signs, True, balanced, pressure,  # type: ignore[arg-type]
                        _evidence(graph, pairs))


def _open(graph: nx.Graph, u: str, pivot: str, v: str) -> TriadReading | None:
    s1, s2 = graph.edges[u, pivot]["sign"], graph.edges[pivot, v]["sign"]
    weakest = min(graph.edges[u, pivot]["n_events"], graph.edges[pivot, v]["n_events"])
    if (s1 < 0 and s2 < 0) or weakest < OPEN_TRIAD_MIN_EVENTS:
        return None
    triad = (u, pivot, v)
    toward = "friendly" if s1 * s2 > 0 else "hostile"
    return TriadReading(triad, _names(graph, triad), (s1, s2, 0), False, True,
                        {"a": u, "b": v, "toward": toward}, _evidence(graph, [(u, pivot), (pivot, v)]))


def read_balance(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                 dead_zone: float = DEAD_ZONE, min_events: int = MIN_EDGE_EVENTS,
                 limit: int | None = MAX_READINGS) -> list[TriadReading]:
    """The balance reading of the store's signed graph for the period in ``filters``.

    Args:
        store: the store to read.
        filters: dates and outlets to keep (the period).
        weights: how much each kind of evidence counts.
        dead_zone: scores within +/- this are no tie.
        min_events: event groups an edge needs.
        limit: at most this many readings, the first in the order below (None: all).  The triads are
            enumerated in SQL (``store.pairs.triad_rows``) and only the readings returned are built, each
            citing every report of its ties.

    Returns:
        Unbalanced closed triads first, then balanced ones, then open triads with their predicted tie.
    """
    rels = relations(store, filters=filters, weights=weights, evidence_limit=0)  # the summaries: no evidence
    graph = signed_graph(rels, dead_zone=dead_zone, min_events=min_events)
    edges = [(a, b, d["sign"], d["n_events"]) for a, b, d in graph.edges(data=True)]
    rows = triad_rows(store.con, [(min(a, b), max(a, b), s, n) for a, b, s, n in edges],
                      open_min_events=OPEN_TRIAD_MIN_EVENTS, limit=limit)
    used = sorted({tuple(sorted(p)) for t1, t2, t3, closed, _ in rows
                   for p in ([(t1, t2), (t2, t3), (t1, t3)] if closed else [(t1, t2), (t2, t3)])})
    evidence = evidence_of_pairs(store.con, used, filters=filters)  # every report, as before, of these ties
    for a, b in used:
        graph.edges[a, b]["evidence"] = list(evidence.get((a, b), ()))
    out = []
    for t1, t2, t3, closed, _ in rows:
        reading = _closed(graph, (t1, t2, t3)) if closed else _open(graph, t1, t2, t3)
        if reading is not None:
            out.append(reading)
    return out
