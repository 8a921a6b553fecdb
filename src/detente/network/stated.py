"""Stated shifts: the changes of a relation that the sources themselves tell ("relations have soured since ...").

A detected shift (``network.shifts``) is a change of level in the dated series of a pair's events; it needs
news on both sides of the change.  Often the articles say the change outright instead: "ties between X and Y
have deteriorated", "X is no longer a friend of Y", "a thaw between X and Y".  Each such sentence is a stated
relation with a change (``events/change_rules.py``); here they become one ``Shift`` of kind ``stated`` per pair
and direction, dated by the statements (the first and last, each dated to the month or finer: never background,
never undated), citing every statement, and ``robust`` when more than one outlet tells it.  What the sources say
moved is reported as theirs; detente does not infer a change from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..store import Store
from ..store.changes import StatedChange, stated_changes
from .dyads import Filters, node_names
from .shifts import Shift


def stated_shifts(store: Store, *, filters: Filters = Filters(),
                  pairs: Sequence[tuple[str, str]] | None = None) -> list[Shift]:
    """One stated shift per pair and direction that the store's sentences tell, most told first."""
    by_key: dict[tuple[str, str, int], list[StatedChange]] = defaultdict(list)
    for row in stated_changes(store.con, filters=filters, pairs=pairs):
        by_key[(row.a, row.b, row.change)].append(row)
    names = node_names(store)
    out = []
    for (a, b, change), rows in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        outlets = sorted({r.outlet for r in rows})
        out.append(Shift(a, b, names.get(a, a), names.get(b, b), rows[0].date, None, None, None,
                         list(dict.fromkeys(r.id for r in rows)), len(outlets) > 1,
                         outlets if len(outlets) == 1 else [], kind="stated", change=change,
                         last_date=rows[-1].date, outlets=outlets))
    return out
