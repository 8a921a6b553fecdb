"""PLOVER JSONL export: one record per event group, with the field names of the PLOVER 2.0 manual's JSON tables.

Required fields ``id``, ``date``, ``actor``, ``event``; optional ``recipient``,
``mode``, ``context``, ``event_text`` (the trigger words), ``quad_code``,
``event_scale`` (the PLOVER score), ``text`` and ``text_info`` (the evidence
sentence of the first report and its offsets), ``link`` (the event group),
``cite_info`` (``url``, ``title``, ``publication``, ``language``, ``coder``,
``codebook``), ``coder`` and ``coded_date``; plus detente's own ``cameo``,
``negated``, ``hedged``, ``intent``, ``date_basis``, ``date_precision`` and
``reports`` (every report: outlet, speaker, sentence, article), as the manual
invites providers to add named fields.

Entity objects carry ``code`` (the 3-letter country, or UNO, EUR, IGO, IMG
for international actors), ``sector``, ``entity_text`` (the words of the
article), ``identifier_id`` (detente's actor id), ``identifier_text`` (its
name) and ``office`` (a person's role at the article's date).

A record without a resolved source actor or without a date cannot meet the
required fields: it is left out and counted in the result's ``skipped``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..network.dyads import Filters
from ..store import views
from . import Exporter
from ._codes import plover_code
from ._common import Written, actor_table, event_groups, web_url
from ._gdelt import _lookup

REQUIRED = ("id", "date", "actor", "event")
ENTITY_FIELDS = ("code", "sector", "entity_text", "identifier_id", "identifier_text", "office")
CODEBOOK = "PLOVER 2.0 (draft of 4 Feb 2024)"


def _entity(actor_id: str, actors: dict[str, dict[str, Any]], texts: dict[tuple[str, int, str], str],
            report: dict[str, Any]) -> dict[str, Any] | None:
    actor = actors.get(actor_id)
    if actor is None:
        return None  # an unresolved mention: no code, no sector
    code = plover_code(actor_id, actor)
    if code is None:
        return None
    return {"code": code, "sector": actor.get("sector"),
            "entity_text": texts.get((report["doc_id"], report["sent_idx"], actor_id)) or actor.get("name"),
            "identifier_id": actor_id, "identifier_text": actor.get("name"), "office": actor.get("role")}


def plover_record(group: dict[str, Any], actors: dict[str, dict[str, Any]],
                  texts: dict[tuple[str, int, str], str] | None = None) -> dict[str, Any]:
    """The PLOVER JSON object of one event group (``actor`` may be empty: see ``plover_records``)."""
    texts = texts or {}
    first, reports = group["first"], group["reports"]
    cameo = first["cameo"] or ""
    quad = _lookup(cameo, "quad")
    language = first.get("language")
    return {
        "id": group["group_id"],
        "date": first["date"].isoformat() if first["date"] else None,
        "actor": [e for a in first["source_ids"] or [] if (e := _entity(a, actors, texts, first))],
        "recipient": [e for a in first["target_ids"] or [] if (e := _entity(a, actors, texts, first))],
        "event": [first["type"]],
        "mode": [first["mode"]] if first["mode"] else [],
        "context": [first["context"]] if first["context"] else [],
        "event_text": sorted({r["trigger"] for r in reports if r["trigger"]}),
        "quad_code": int(quad) if quad else None,
        "event_scale": first["score"],
        "text": first["evidence_text"],
        "text_info": {"sequence": first["sent_idx"], "start": first.get("evidence_start"),
                      "end": first.get("evidence_end")},
        "link": group["group_id"],
        "cite_info": {"url": web_url(first["url"]), "title": first["title"], "publication": first["outlet"],
                      "language": language, "coder": "detente", "codebook": CODEBOOK},
        "coder": "detente",
        "coded_date": first["ingested_at"].date().isoformat() if isinstance(first.get("ingested_at"), dt.datetime)
        else None,
        "cameo": cameo,
        "negated": bool(first["negated"]), "hedged": bool(first["hedged"]), "intent": bool(first["intent"]),
        "date_basis": first["date_basis"], "date_precision": first.get("date_precision"),
        "reports": [{"id": r["id"], "publication": r["outlet"], "speaker": r["said_by_name"], "doc_id": r["doc_id"],
                     "sequence": r["sent_idx"], "text": r["evidence_text"], "url": web_url(r["url"]),
                     "title": r["title"]} for r in reports],
    }


def plover_records(store: Any, filters: Filters = Filters()) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The PLOVER records of the store, and how many event groups were left out, by reason."""
    actors = actor_table(store)
    texts = views.mention_texts(store.con)
    languages = {d.id: d.language for d in views.document_refs(store.con).values()}
    out: list[dict[str, Any]] = []
    skipped = {"no resolved source actor": 0, "no date": 0}
    for group in event_groups(store, filters):
        group["first"] = {**group["first"], "language": languages.get(group["first"]["doc_id"])}
        record = plover_record(group, actors, texts)
        if not record["actor"]:
            skipped["no resolved source actor"] += 1
        elif record["date"] is None:
            skipped["no date"] += 1
        else:
            out.append(record)
    return out, skipped


def write_plover(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write one PLOVER JSON record per event group, one per line (groups that cannot meet the required
    fields are left out and counted)."""
    records, skipped = plover_records(store, filters)
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return Written(len(records), skipped)


EXPORTERS = [Exporter("plover", ".jsonl", "PLOVER 2.0 JSONL, one event group per line", write_plover)]
