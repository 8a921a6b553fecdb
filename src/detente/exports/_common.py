"""What the exporters share: the events of the store, one row per event group, filtered."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..network.dyads import Filters
from ..store import readers


# OWASP's CSV-injection rule: a text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a formula-leading text cell prefixed by a single quote (OWASP CSV injection).

    Only text is touched: numbers (a score of -3.5) stay numbers.  Apply it to text columns only; a numeric
    column written as text (GDELT's fields are all strings) must be left out by the caller.
    """
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def event_rows(store: Any, filters: Filters) -> list[dict[str, Any]]:
    """Every stored event (filtered) with its ``group_id``, in date order."""
    return [r.to_dict() for r in readers.export_events(store.con, filters)]


def event_groups(store: Any, filters: Filters) -> list[dict[str, Any]]:
    """One record per event group: its first report (headline or lead first) plus every report."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in event_rows(store, filters):
        members[row["group_id"]].append(row)
    out = []
    for group_id, reports in members.items():
        reports.sort(key=lambda r: (r["date"] is None, r["date"], r["sent_idx"], r["id"]))
        out.append({"group_id": group_id, "first": reports[0], "reports": reports})
    return out


def actor_table(store: Any) -> dict[str, dict[str, Any]]:
    """Actor id -> actor row."""
    return {r.id: r.to_dict() for r in readers.actors(store.con)}


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL, else None: a local file path is no article URL."""
    if value and value.split(":", 1)[0].lower() in {"http", "https"} and "://" in value:
        return value
    return None


class Written(int):
    """The number of records written, with the records left out by reason (``skipped``)."""

    skipped: dict[str, int]

    def __new__(cls, n: int, skipped: dict[str, int] | None = None) -> "Written":
        obj = super().__new__(cls, n)
        obj.skipped = {k: v for k, v in (skipped or {}).items() if v}
        return obj
