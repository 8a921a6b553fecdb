"""The stated changes of relations: claims whose sentence says the relation moved ("ties have soured").

``network.stated`` turns them into stated shifts.  Only what may place a change in time is read: a stated
relation with a change (``claims.change``, set by ``events/change_rules.py``), neither negated nor hedged, not
background, dated to the month or finer (the same rule as the detected shifts: ``ingest.dates.DATED_FOR_SHIFTS``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ingest.dates import DATED_FOR_SHIFTS
from .pairs import UNKNOWN_OUTLET, Filters, where_clause


@dataclass(frozen=True, slots=True)
class StatedChange:
    """One sentence that says the relation of the pair (a < b) moved toward ``change`` (+1 / -1)."""

    id: str
    a: str
    b: str
    change: int
    date: dt.date
    precision: str
    outlet: str


def stated_changes(con: Any, *, filters: Filters = Filters(),
                   pairs: Sequence[tuple[str, str]] | None = None) -> list[StatedChange]:
    """The stated changes of every pair (or of ``pairs``, either order), ordered by pair, change and date."""
    clauses, params = where_clause(filters, date_col="c.date", outlet_col="c.outlet")
    clauses += ["c.kind = 'relation'", "coalesce(c.change, 0) <> 0", "NOT coalesce(c.negated, false)",
                "NOT coalesce(c.hedged, false)", "coalesce(c.date_basis, '') <> 'background'", "c.date IS NOT NULL",
                "c.date_precision IN (SELECT unnest(?))", "coalesce(c.a_node, '') <> ''",
                "coalesce(c.b_node, '') <> ''", "c.a_node <> c.b_node"]
    params.append(sorted(DATED_FOR_SHIFTS))
    if pairs is not None:
        wanted = sorted({tuple(sorted(p)) for p in pairs})
        if not wanted:
            return []
        clauses.append("(least(c.a_node, c.b_node) || chr(31) || greatest(c.a_node, c.b_node)) IN (SELECT unnest(?))")
        params.append([f"{a}\x1f{b}" for a, b in wanted])
    sql = f"""
    SELECT c.id, least(c.a_node, c.b_node) AS a, greatest(c.a_node, c.b_node) AS b, sign(c.change)::INTEGER,
           c.date, c.date_precision, coalesce(c.outlet, '{UNKNOWN_OUTLET}')
    FROM claims c WHERE {' AND '.join(clauses)}
    ORDER BY a, b, 4, c.date, c.id
    """
    return [StatedChange(*row) for row in con.execute(sql, params).fetchall()]
