"""Listings and reports over the store: events, actors, relations with their evidence.

Consumes the store (and the network stage's relations); produces plain data
(lists of dicts) and renderings of it as Markdown or HTML.  Every piece of
article text placed in HTML goes through ``html.escape``.  Loaded language
is reported as a property of the outlet that used it, never as a verdict.
"""

from __future__ import annotations

import html
from typing import Any

from .network.dyads import Filters, relations
from .store import Store

EVIDENCE_PER_RELATION = 8


def list_events(store: Store, *, actor: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    where, params = "", []
    if actor:
        where = "WHERE list_contains(source_nodes, ?) OR list_contains(target_nodes, ?) OR list_contains(source_ids, ?) OR list_contains(target_ids, ?)"
        params = [actor] * 4
    return store.query(
        f"""SELECT id, doc_id, date, date_basis, type, mode, cameo, score, source_ids, target_ids, source_nodes,
                   target_nodes, said_by_name, said_by_actor, outlet, hedged, negated, intent, trigger, evidence_text
            FROM events {where} ORDER BY date NULLS LAST, doc_id, sent_idx LIMIT ?""",
        [*params, limit],
    )


def list_actors(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT a.id, a.name, a.kind, a.country, a.sector, a.node, a.role, count(m.id) AS mentions,
                  list(DISTINCT m.text ORDER BY m.text) AS aliases, bool_or(m.loaded) AS loaded
           FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
           GROUP BY ALL ORDER BY mentions DESC, a.id"""
    )
    return rows


def list_unresolved(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """SELECT text, count(*) AS mentions, count(DISTINCT doc_id) AS documents
           FROM mentions WHERE actor_id IS NULL GROUP BY text ORDER BY mentions DESC, text"""
    )


def loaded_language_by_outlet(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet, m.text, count(*) AS uses
           FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.loaded
           GROUP BY ALL ORDER BY outlet, uses DESC"""
    )


def build_report(store: Store, *, filters: Filters = Filters()) -> dict[str, Any]:
    """Relations with their evidence (sentence, outlet, speaker, flags), plus loaded-language use per outlet."""
    rels = relations(store, filters=filters)
    out = []
    for r in rels:
        ids = r.evidence
        ev = store.query(
            """SELECT id, 'event' AS kind, type AS label, score, date, outlet, said_by_name AS speaker, hedged, negated,
                      evidence_text FROM events WHERE id IN (SELECT unnest(?))
               UNION ALL
               SELECT id, 'relation' AS kind, 'stated ' || CASE WHEN polarity > 0 THEN 'alignment' ELSE 'hostility' END,
                      polarity * 5.0, date, outlet, speaker_name, hedged, negated, evidence_text
               FROM claims WHERE kind = 'relation' AND id IN (SELECT unnest(?))
               ORDER BY date NULLS LAST""",
            [ids, ids],
        )
        out.append({**r.to_dict(), "items": ev[:EVIDENCE_PER_RELATION], "n_items": len(ev)})
    counts = store.counts()
    return {"counts": counts, "relations": out, "loaded_language": loaded_language_by_outlet(store)}


def _flags(item: dict[str, Any]) -> str:
    return ", ".join(f for f in ("hedged", "negated") if item.get(f))


def render_markdown(data: dict[str, Any]) -> str:
    c = data["counts"]
    lines = ["# detente report", "",
             f"{c['documents']} documents, {c['events']} events, {c['claims']} claims.", "", "## Relations", ""]
    for r in data["relations"]:
        tone = "cooperative" if r["score"] > 0.5 else "hostile" if r["score"] < -0.5 else "mixed/neutral"
        lines.append(f"### {r['a']['name']} – {r['b']['name']}: {r['score']:+.1f} ({tone})")
        lines.append(f"{r['n_events']} items from {r['n_outlets']} outlets, {r['first'] or '?'} to {r['last'] or '?'}.")
        lines.append("")
        for item in r["items"]:
            speaker = f" — said by {item['speaker']}" if item["speaker"] else ""
            flags = f" [{_flags(item)}]" if _flags(item) else ""
            lines.append(
                f"- {item['date'] or 'undated'} · {item['label']} ({item['score']:+.1f}) · "
                f"{item['outlet'] or 'unknown outlet'}{speaker}{flags}: “{item['evidence_text']}”"
            )
        if r["n_items"] > len(r["items"]):
            lines.append(f"- … and {r['n_items'] - len(r['items'])} more")
        lines.append("")
    if data["loaded_language"]:
        lines += ["## Loaded language, by outlet", "", "| outlet | term | uses |", "|---|---|---|"]
        for row in data["loaded_language"]:
            lines.append(f"| {row['outlet']} | {row['text']} | {row['uses']} |")
        lines.append("")
    return "\n".join(lines)


def render_html(data: dict[str, Any]) -> str:
    e = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>detente report</title></head><body>",
             "<h1>detente report</h1>"]
    for r in data["relations"]:
        parts.append(f"<h2>{e(r['a']['name'])} – {e(r['b']['name'])}: {r['score']:+.1f}</h2><ul>")
        for item in r["items"]:
            speaker = f" — said by {e(item['speaker'])}" if item["speaker"] else ""
            parts.append(
                f"<li>{e(str(item['date'] or 'undated'))} · {e(item['label'])} · {e(item['outlet'] or 'unknown outlet')}"
                f"{speaker} {e(_flags(item))}: <q>{e(item['evidence_text'])}</q></li>"
            )
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
