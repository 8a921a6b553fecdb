"""PLOVER JSONL export: one record per event group, with the fields of the PLOVER manual's JSON table.

Required fields ``id``, ``date``, ``actor``, ``event``; optional ``recipient``,
``mode``, ``context``, ``event_text`` (the trigger words), ``quad_code``,
``event_scale`` (the PLOVER score), ``text`` (the evidence sentence of the
first report), ``link`` (the event group), ``cite_info`` and ``coder``; plus
detente's own ``negated``, ``hedged``, ``intent``, ``date_basis`` and
``reports`` (every report: outlet, speaker, sentence, article), as the manual
invites providers to add named fields.  Actor objects carry ``code``,
``country``, ``sector``, ``raw_text``-free ``entity_name`` and ``identifier_id``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..network.dyads import Filters
from . import Exporter
from ._common import actor_table, event_groups
from ._gdelt import _quads


def _entity(actor_id: str, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    actor = actors.get(actor_id)
    if actor is None:
        return {"code": None, "entity_name": actor_id, "country": None, "sector": None, "identifier_id": None}
    return {"code": actor_id.split(":", 1)[0], "entity_name": actor["name"], "country": actor["country"],
            "sector": actor["sector"], "identifier_id": actor_id, "node": actor["node"]}


def plover_record(group: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The PLOVER JSON object of one event group."""
    first, reports = group["first"], group["reports"]
    cameo = first["cameo"] or ""
    return {
        "id": group["group_id"],
        "date": first["date"].isoformat() if first["date"] else None,
        "event": [first["type"]],
        "mode": [first["mode"]] if first["mode"] else [],
        "context": [first["context"]] if first["context"] else [],
        "actor": [_entity(a, actors) for a in first["source_ids"] or []],
        "recipient": [_entity(a, actors) for a in first["target_ids"] or []],
        "event_text": sorted({r["trigger"] for r in reports if r["trigger"]}),
        "quad_code": int(q) if (q := _quads().get(cameo) or _quads().get(cameo[:2])) else None,
        "event_scale": first["score"],
        "cameo": cameo,
        "text": first["evidence_text"],
        "link": group["group_id"],
        "negated": bool(first["negated"]), "hedged": bool(first["hedged"]), "intent": bool(first["intent"]),
        "date_basis": first["date_basis"],
        "cite_info": {"outlet": first["outlet"], "url": first["url"], "title": first["title"],
                      "doc_id": first["doc_id"]},
        "coder": "detente",
        "reports": [{"id": r["id"], "outlet": r["outlet"], "speaker": r["said_by_name"], "doc_id": r["doc_id"],
                     "sentence": r["sent_idx"], "text": r["evidence_text"], "url": r["url"]} for r in reports],
    }


def write_plover(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write one PLOVER JSON record per event group, one per line."""
    actors = actor_table(store)
    groups = event_groups(store, filters)
    with path.open("w", encoding="utf-8") as f:
        for group in groups:
            f.write(json.dumps(plover_record(group, actors), ensure_ascii=False, default=str) + "\n")
    return len(groups)


EXPORTERS = [Exporter("plover", ".jsonl", "PLOVER JSONL, one event group per line", write_plover)]
