"""GDELT 2.0 event export: tab-separated, no header, the 61 columns of the GDELT 2.0 events codebook in order.

One row per event group (the same act told by several outlets is one GDELT
event; ``NumMentions``, ``NumSources`` and ``NumArticles`` count its reports,
outlets and articles).  Negated events ("stopped short of condemning") are
left out: GDELT records only events said to have happened.  Geography is left
empty (detente does not geocode), ``AvgTone`` is 0.  ``GoldsteinScale`` holds
the PLOVER score, ``QuadClass`` comes from the CAMEO root (data/cameo_plover.tsv).
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..network.dyads import Filters
from . import Exporter
from ._common import actor_table, event_groups, safe_cell

# The GDELT 2.0 event columns, in file order (GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv).
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
# Columns that hold numbers (written as text): never quoted against formulas, so "-5" stays a number.
NUMERIC_COLUMNS = frozenset({
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "DATEADDED",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in ("Type", "Lat", "Long")),
})
_TEXT_INDEXES = tuple(i for i, c in enumerate(COLUMNS) if c not in NUMERIC_COLUMNS)
# GDELT's "lead paragraph" flag: the headline and the first two sentences of the body.
ROOT_EVENT_SENTENCES = 3


@cache
def _quads() -> dict[str, str]:
    text = resources.files("detente.data").joinpath("cameo_plover.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    return {row["cameo"]: row["quad"] for row in reader if row.get("quad")}


def _actor_fields(actor_id: str | None, actors: dict[str, dict[str, Any]]) -> list[str]:
    if not actor_id:
        return [""] * 10
    actor = actors.get(actor_id)
    code = actor_id.split(":", 1)[0]
    if actor is None:  # an unresolved mention: its text is all we know
        return ["", actor_id.upper(), "", "", "", "", "", "", "", ""]
    known_group = code if actor.get("kind") in {"igo", "armed_group"} and ":" in actor_id else ""
    country = actor.get("country") or ""
    return [code, (actor.get("name") or "").upper(), country if len(country) == 3 else "", known_group, "", "", "",
            actor.get("sector") or "", "", ""]


def _fraction(date: dt.date) -> str:
    return f"{date.year + (date.month * 30 + date.day) / 365:.4f}"


def gdelt_row(group: dict[str, Any], actors: dict[str, dict[str, Any]]) -> list[str]:
    """The 61 GDELT fields of one event group."""
    first, reports = group["first"], group["reports"]
    date: dt.date | None = first["date"]
    cameo = first["cameo"] or ""
    source = (first["source_ids"] or [None])[0]
    target = (first["target_ids"] or [None])[0]
    url = next((r["url"] or r["source_path"] for r in reports if r["url"] or r["source_path"]), "") or ""
    added = min((r["ingested_at"] for r in reports if r["ingested_at"]), default=None)
    row = [
        str(int(group["group_id"][:15], 16)),
        date.strftime("%Y%m%d") if date else "", date.strftime("%Y%m") if date else "",
        str(date.year) if date else "", _fraction(date) if date else "",
        *_actor_fields(source, actors), *_actor_fields(target, actors),
        "1" if min(r["sent_idx"] for r in reports) < ROOT_EVENT_SENTENCES else "0",
        cameo, cameo[:3], cameo[:2], _quads().get(cameo) or _quads().get(cameo[:2], ""),
        f"{first['score']:g}", str(len(reports)), str(len({r["outlet"] or "" for r in reports})),
        str(len({r["doc_id"] for r in reports})), "0",
        *([""] * 24),
        added.strftime("%Y%m%d%H%M%S") if added else "", url,
    ]
    return row


def write_gdelt(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the GDELT 2.0 event TSV (no header row) of the store's asserted event groups."""
    actors = actor_table(store)
    groups = [g for g in event_groups(store, filters) if not g["first"]["negated"]]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for group in groups:
            row = [v.replace("\t", " ").replace("\r", " ").replace("\n", " ") for v in gdelt_row(group, actors)]
            for i in _TEXT_INDEXES:  # formula-leading text cells quoted (OWASP CSV injection)
                row[i] = safe_cell(row[i])
            writer.writerow(row)
    return len(groups)


EXPORTERS = [Exporter("gdelt", ".tsv", "GDELT 2.0 events TSV (61 columns, no header)", write_gdelt)]
