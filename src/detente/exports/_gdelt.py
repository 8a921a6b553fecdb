"""GDELT 2.0 event export: tab-separated, no header, the 61 columns of the GDELT 2.0 events codebook in order.

One row per event group (the same act told by several outlets is one GDELT
event; ``NumMentions``, ``NumSources`` and ``NumArticles`` count its reports,
outlets and articles).  Negated events ("stopped short of condemning") are
left out: GDELT records only events said to have happened.  So are groups whose
source actor has no CAMEO code (it did not resolve): GDELT's rows are coded
events, and each is counted in the result's ``skipped``.

Actors are CAMEO codes (``_codes.cameo_actor``): country + role + known group
(Hamas ``PSEREBHMS``; the EU ``IGOEUREEC`` with known group ``EEC``, no
country).  A field detente has no value for is blank, never a made-up 0:
geography (detente does not geocode), ``AvgTone`` (no tone is measured),
religion and ethnicity.  ``GoldsteinScale`` is the Goldstein value of the
CAMEO code and ``QuadClass`` its quad class (data/cameo_plover.tsv);
``SOURCEURL`` is the article's web address when it has one, else blank.
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
from ._codes import CameoActor, cameo_actor
from ._common import Written, actor_table, event_groups, safe_cell, web_url

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
def _cameo_rows() -> dict[str, dict[str, str]]:
    text = resources.files("detente.data").joinpath("cameo_plover.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["cameo"]: row for row in csv.DictReader(lines, delimiter="\t")}


def _lookup(cameo: str, field: str) -> str:
    for code in (cameo, cameo[:3], cameo[:2]):
        value = _cameo_rows().get(code, {}).get(field)
        if value:
            return value
    return ""


def _quads() -> dict[str, str]:
    """CAMEO code -> GDELT quad class (1-4)."""
    return {code: row["quad"] for code, row in _cameo_rows().items() if row.get("quad")}


def _actor_fields(actor: CameoActor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    return [actor.code, actor.name, actor.country, actor.known_group, "", "", "", actor.type1, "", ""]


def _fraction(date: dt.date) -> str:
    # GDELT's own formula for FractionDate: YYYY + (MM * 30 + DD) / 365
    return f"{date.year + (date.month * 30 + date.day) / 365:.4f}"


def _actors(first: dict[str, Any], key: str, actors: dict[str, dict[str, Any]]) -> CameoActor | None:
    for actor_id in first[key] or []:
        coded = cameo_actor(actor_id, actors)
        if coded is not None:
            return coded
    return None


def gdelt_row(group: dict[str, Any], actors: dict[str, dict[str, Any]]) -> list[str] | None:
    """The 61 GDELT fields of one event group, or None when its source actor has no CAMEO code."""
    first, reports = group["first"], group["reports"]
    source = _actors(first, "source_ids", actors)
    if source is None:
        return None
    target = _actors(first, "target_ids", actors)
    date: dt.date | None = first["date"]
    cameo = first["cameo"] or ""
    goldstein = _lookup(cameo, "score")
    url = next((u for r in reports if (u := web_url(r["url"]))), "")
    added = min((r["ingested_at"] for r in reports if r["ingested_at"]), default=None)
    return [
        str(int(group["group_id"][:15], 16)),
        date.strftime("%Y%m%d") if date else "", date.strftime("%Y%m") if date else "",
        str(date.year) if date else "", _fraction(date) if date else "",
        *_actor_fields(source), *_actor_fields(target),
        "1" if min(r["sent_idx"] for r in reports) < ROOT_EVENT_SENTENCES else "0",
        cameo, cameo[:3], cameo[:2], _lookup(cameo, "quad"),
        f"{float(goldstein):g}" if goldstein else "", str(len(reports)),
        str(len({r["outlet"] or "" for r in reports})), str(len({r["doc_id"] for r in reports})),
        "",  # AvgTone: detente measures no tone
        *([""] * 24),
        added.strftime("%Y%m%d%H%M%S") if added else "", url,
    ]


def gdelt_rows(store: Any, filters: Filters = Filters()) -> tuple[list[list[str]], dict[str, int]]:
    """The GDELT rows of the store's asserted event groups, and how many groups were left out, by reason."""
    actors = actor_table(store)
    rows: list[list[str]] = []
    skipped = {"negated": 0, "no coded source actor": 0}
    for group in event_groups(store, filters):
        if group["first"]["negated"]:
            skipped["negated"] += 1
            continue
        row = gdelt_row(group, actors)
        if row is None:
            skipped["no coded source actor"] += 1
            continue
        rows.append(row)
    return rows, skipped


def write_gdelt(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the GDELT 2.0 event TSV (no header row) of the store's asserted, coded event groups."""
    rows, skipped = gdelt_rows(store, filters)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in rows:
            row = [v.replace("\t", " ").replace("\r", " ").replace("\n", " ") for v in row]
            for i in _TEXT_INDEXES:  # formula-leading text cells quoted (OWASP CSV injection)
                row[i] = safe_cell(row[i])
            writer.writerow(row)
    return Written(len(rows), skipped)


EXPORTERS = [Exporter("gdelt", ".tsv", "GDELT 2.0 events TSV (61 columns, no header, CAMEO actor codes)",
                      write_gdelt)]
