"""Dyads: the signed relations between nodes, from stored events and stated relations.

Consumes the store's flat ``pairs`` table (``detente.store.pairs``: one row per
report and pair of nodes, written with the events) and aggregates it in SQL;
produces ``Relation`` rows: for each unordered pair of nodes (states and organisations; people
are already rolled up to whom they act for), the weighted mean PLOVER score
(-10..+10), the number of events and outlets, the first and last date, and
the evidence ids.  Each item of evidence counts with a weight:

* negated events count 0 by default ("stopped short of condemning" is no accusation);
* hedged ones ("reportedly", "rumoured") 0.5; second-hand ones (a speaker
  other than a party to the event) 0.75; background ones 0.5;
* a stated relation ("Russia is no friend of Israel") counts as an event
  of score ``polarity * STATED_RELATION_SCORE``.

Each relation also says how many of its event groups are background (told as
context, before the article's news) and how many have no date at all
(``n_background``, ``n_undated``): such evidence counts in the score but never
in ``shifts``.

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
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import DyadPoint, Relation
from ..store import Store
from ..store import pairs as sql
from ..store.pairs import STATED_RELATION_SCORE, UNKNOWN_OUTLET, WINDOWS, Filters, Weights, where_clause

__all__ = ["STATED_RELATION_SCORE", "UNKNOWN_OUTLET", "WINDOWS", "DyadPoint", "Filters", "GroupItem", "Item",
           "Relation", "Weights", "dyad_series", "evidence_items", "node_names", "relations", "relations_by_outlet",
           "relations_json", "where_clause", "window_start"]

# One report on one pair, with its sentence (read from the pair table).
Item = sql.PairItem


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
    precision: str = "day"


def evidence_items(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                   pair: tuple[str, str] | None = None) -> list[Item]:
    """Every report as pair-level evidence (of ``pair`` only, given as (a, b) with a < b), by date then id."""
    return sql.pair_items(store.con, filters=filters, weights=weights, pair=pair)


def node_names(store: Store) -> dict[str, str]:
    return sql.node_names(store.con)


def relations(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
              pair: tuple[str, str] | None = None, evidence_limit: int | None = None,
              min_events: int = 1) -> list[Relation]:
    """The relations table of the store (see module docstring for the weights), busiest pairs first.

    Args:
        pair: only this pair, as (a, b) with a < b.
        evidence_limit: cite at most this many reports per relation (the most recent); 0 none; None all.
        min_events: only relations resting on this many event groups.
    """
    return sql.relation_rows(store.con, filters=filters, weights=weights, pair=pair,
                             evidence_limit=evidence_limit, min_events=min_events)


def relations_json(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                   pair: tuple[str, str] | None = None, by_outlet: bool = False, evidence_limit: int | None = None,
                   min_events: int = 1, limit: int = 0) -> Iterator[list[str]]:
    """``relations`` (or ``relations_by_outlet``) as the JSON texts of their ``to_dict()``, made by DuckDB and
    yielded a chunk of relations at a time: no Python record per relation (``store.pairs.relation_json``).

    Args:
        limit: only the first so many relations (0: all).
    """
    return sql.relation_json(store.con, filters=filters, weights=weights, by_outlet=by_outlet, pair=pair,
                             evidence_limit=evidence_limit, min_events=min_events, limit=limit)


def relations_by_outlet(store: Store, *, filters: Filters = Filters(), weights: Weights = Weights(),
                        evidence_limit: int | None = None) -> list[Relation]:
    """The relations as each outlet tells them: one ``Relation`` per (outlet, pair), ``outlet`` set.

    Example: the Russia-Israel relation according to Al-Monitor alone, beside The Spectator's.
    """
    return sql.relation_rows(store.con, filters=filters, weights=weights, by_outlet=True,
                             evidence_limit=evidence_limit)


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
                directed: bool = False, pair: tuple[str, str] | None = None) -> list[DyadPoint]:
    """Volume and net cooperation-conflict of every pair per time window.

    Undated evidence is left out, and so is evidence dated more coarsely than the window (a year in a
    monthly series would otherwise pile up in January).

    Args:
        store: the store to read.
        window: see ``window_start``.
        filters: dates and outlets to keep.
        weights: how much each kind of evidence counts.
        directed: one series per (source, target) instead of per unordered pair; a reciprocal event
            ("A and B met") then counts once, in the direction it was listed.
        pair: only this pair, as (a, b) with a < b.

    Returns:
        Points sorted by pair and period.  ``score`` is the weighted mean (-10..+10), ``cooperation`` and
        ``conflict`` the weighted sums of positive and negative scores (conflict <= 0).
    """
    window_start(dt.date(2000, 1, 1), window)  # validate before reading
    return sql.series_rows(store.con, window=window, filters=filters, weights=weights, directed=directed, pair=pair)
