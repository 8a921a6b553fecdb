"""Listings and reports over the store: events, actors, relations with their evidence.

Consumes the store (and the network stage's relations, shifts and balance
reading); produces plain data (lists of dicts) and renderings of it as Markdown
or HTML, with charts drawn as SVG.  Every piece of article text placed in HTML
or SVG goes through ``html.escape``, and every piece placed in Markdown
through ``md_text`` (HTML escaped, Markdown punctuation backslash-escaped,
line breaks flattened), so no tag, image or link from an article survives a
Markdown viewer that renders HTML.  Loaded language is reported as a property
of the outlet that used it, never as a verdict.

The charts are small hand-written SVG (a line per dyad over months, and the
network on a circle) rather than matplotlib: matplotlib and its dependencies
(pillow, fonttools, kiwisolver, contourpy) add some 40 MB to the install for
two kinds of picture that take 60 lines of SVG, and SVG text stays escapable,
diffable and embeddable in both Markdown (data URI or file) and HTML (inline).
"""

from __future__ import annotations

import base64
import html
import math
import re
from pathlib import Path
from typing import Any

from .ingest.dates import describe_date
from .network.balance import read_triads, signed_graph
from .network.dyads import Filters, dyad_series, relations
from .network.shifts import detect_shifts
from .store import Store, readers

# Reports of one relation listed in full up to this many (the JSON has them all).
EVIDENCE_PER_RELATION = 40
# Dyads charted over time: the busiest ones, with enough events to draw a line.
MAJOR_DYADS = 4
MIN_CHART_EVENTS = 5
CHART_WINDOW = "month"


def list_actors(store: Store) -> list[dict[str, Any]]:
    return [r.to_dict() for r in readers.actor_listing(store.con)]


def list_unresolved(store: Store) -> list[dict[str, Any]]:
    return [r.to_dict() for r in readers.unresolved_mentions(store.con)]


def loaded_language_by_outlet(store: Store) -> list[dict[str, Any]]:
    return [r.to_dict() for r in readers.loaded_language(store.con)]


def _evidence_rows(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in readers.evidence(store.con, ids)]


def outlet_summary(store: Store, *, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Each outlet's documents (with their first and last publication date), events and stated relations."""
    return [r.to_dict() for r in readers.outlet_summary(store.con, filters)]


def period_summary(store: Store, *, filters: Filters = Filters()) -> dict[str, Any]:
    """The period the evidence covers: news dates apart from background, and what has no date."""
    return readers.period(store.con, filters).to_dict()


def build_report(store: Store, *, filters: Filters = Filters()) -> dict[str, Any]:
    """Relations with their evidence (sentence, outlet, speaker, flags), shifts, balance, series and loaded language.

    Each event group is one item; the other reports of the same event are in its ``also`` list.
    """
    from .network.dedup import group_ids

    groups = group_ids(store)
    rels = relations(store, filters=filters)
    out = []
    for r in rels:
        rows = _evidence_rows(store, r.evidence)
        items: dict[str, dict[str, Any]] = {}
        for row in rows:
            key = groups.get(row["id"], row["id"])
            if key in items:
                items[key]["also"].append(row)
            else:
                items[key] = {**row, "also": []}
        listed = list(items.values())
        out.append({**r.to_dict(), "items": listed[:EVIDENCE_PER_RELATION], "n_items": len(listed)})
    shifts = detect_shifts(store, filters=filters)
    shift_rows = []
    for sh in shifts:
        shift_rows.append({**sh.to_dict(), "items": _evidence_rows(store, sh.evidence)})
    major = [r for r in rels if r.n_events >= MIN_CHART_EVENTS][:MAJOR_DYADS]
    points = dyad_series(store, window=CHART_WINDOW, filters=filters)
    series = []
    for r in major:
        series.append({"a": {"id": r.a, "name": r.a_name}, "b": {"id": r.b, "name": r.b_name},
                       "points": [p.to_dict() for p in points if (p.a, p.b) == (r.a, r.b)],
                       "shifts": [sh.date.isoformat() for sh in shifts if (sh.a, sh.b) == (r.a, r.b)]})
    counts = readers.counts(store.con)
    return {
        "counts": counts,
        "dedup": {"reports": len(groups), "events": len(set(groups.values()))},
        "relations": out,
        "shifts": shift_rows,
        "balance": [t.to_dict() for t in read_triads(signed_graph(rels))],
        "series": series,
        "network": {"nodes": sorted({n for r in rels for n in ((r.a, r.a_name), (r.b, r.b_name))}),
                    "edges": [{"a": r.a, "b": r.b, "score": r.score, "n_events": r.n_events} for r in rels]},
        "loaded_language": loaded_language_by_outlet(store),
        "period": period_summary(store, filters=filters),
        "outlets": outlet_summary(store, filters=filters),
    }


def public_report(data: dict[str, Any]) -> dict[str, Any]:
    """``build_report``'s data as the report's JSON: every actor and pair in the one shape of every command and
    route (``{id, name}``, ``detente.network.shapes``): relations, shifts and series points as ``a``/``b``, triads
    and their tie under pressure, the network's nodes and edges, and each evidence item's ``said_by`` (null when
    the outlet itself asserts it).  The renderers keep reading ``build_report``'s own fields."""
    from .network.shapes import public_record, ref, speaker_ref

    names = dict(data["network"]["nodes"])

    def item(row: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in row.items() if k not in {"speaker", "speaker_id"}}
        out["said_by"] = speaker_ref(row.get("speaker_id"), row.get("speaker"))
        if "also" in row:
            out["also"] = [item(x) for x in row["also"]]
        return out

    def with_items(record: dict[str, Any]) -> dict[str, Any]:
        out = public_record(record, names)
        return {**out, "items": [item(x) for x in out["items"]]} if "items" in out else out

    return {
        **data,
        "relations": [with_items(r) for r in data["relations"]],
        "shifts": [with_items(sh) for sh in data["shifts"]],
        "balance": [public_record(t, names) for t in data["balance"]],
        "series": [{**x, "points": [public_record(p, names) for p in x["points"]]} for x in data["series"]],
        "network": {"nodes": [ref(i, n) for i, n in data["network"]["nodes"]],
                    "edges": [public_record(edge, names) for edge in data["network"]["edges"]]},
    }


def _told_before(r: dict[str, Any]) -> str:
    """"; 3 background, 2 undated": evidence that counts in the score but never drives a shift."""
    parts = [f"{r[k]} {label}" for k, label in (("n_background", "background"), ("n_undated", "undated")) if r.get(k)]
    return "; " + ", ".join(parts) if parts else ""


def _when(item: dict[str, Any]) -> str:
    """The item's date as precise as it is known, background marked (``dates.describe_date``)."""
    return describe_date(item.get("date"), item.get("date_precision"), item.get("date_basis"))


def _flags(item: dict[str, Any]) -> str:
    return ", ".join(f for f in ("hedged", "negated") if item.get(f))


def _tone(score: float) -> str:
    return "cooperative" if score > 0.5 else "hostile" if score < -0.5 else "mixed/neutral"


# -- SVG ------------------------------------------------------------------------

# Label widths in em, an upper bound per character (close to DejaVu Sans, one of the widest common sans-serif
# faces).  The charts name no font file (the viewer's sans-serif draws them) and the offline stack has no font
# metrics, so a bound that is never too small is what keeps every label inside its chart's box; an unknown
# character counts as wide.
_NARROW, _MEDIUM, _WIDE = set("iljI.,:;!|'`"), set("frt -()[]/"), set("MWmw@%")


def _text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper bound of ``text``'s width in px at font size ``size`` (see ``_NARROW``)."""
    em = sum(0.3 if c in _NARROW else 0.45 if c in _MEDIUM else 1.0 if c in _WIDE or not c.isascii()
             else 0.75 if c.isupper() else 0.65 for c in text)
    return em * size * (1.1 if bold else 1.0)


def _fit(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so that it fits ``room`` px (the full text stays in the chart's title)."""
    if _text_width(text, size, bold=bold) <= room:
        return text
    while text and _text_width(text + "…", size, bold=bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def svg_series(series: dict[str, Any], *, width: int = 560, height: int = 200) -> str:
    """A line chart of one dyad's monthly net score (-10..+10), points sized by events, shifts dashed."""
    e = html.escape
    pts = series["points"]
    pad, top = 40, 24
    title = f"{series['a']['name']} – {series['b']['name']}"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             f'<title>{e(title)}: net cooperation (+) and conflict (-) per month</title>',
             f'<text x="{pad}" y="14" font-weight="bold">{e(_fit(title, width - pad - 4, 11, bold=True))}</text>']
    if not pts:
        return "".join(parts) + "</svg>"
    ordinals = [_month_index(p["period"]) for p in pts]
    lo, hi = min(ordinals), max(ordinals)
    span = max(hi - lo, 1)

    def x(o: int) -> float:
        return pad + (o - lo) / span * (width - 2 * pad)

    def y(v: float) -> float:
        return top + (10 - v) / 20 * (height - top - 24)

    for v in (10, 0, -10):
        parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="{"#888" if v == 0 else "#ddd"}"/>'
                     f'<text x="4" y="{y(v) + 4:.1f}">{v:+d}</text>')
    for d in series.get("shifts", []):
        xs = x(_month_index(d))
        # the label right of its line, or left of it where it would leave the box
        right = xs + 3 + _text_width(f"shift {d}", 11) <= width
        parts.append(f'<line x1="{xs:.1f}" x2="{xs:.1f}" y1="{top}" y2="{height - 24}" stroke="#a0a" '
                     f'stroke-dasharray="4 3"/><text x="{xs + 3 if right else xs - 3:.1f}" y="{top + 10}" '
                     f'text-anchor="{"start" if right else "end"}" fill="#a0a">shift {e(d)}</text>')
    line = " ".join(f"{x(o):.1f},{y(p['score']):.1f}" for o, p in zip(ordinals, pts))
    parts.append(f'<polyline points="{line}" fill="none" stroke="#333"/>')
    for o, p in zip(ordinals, pts):
        colour = "#2a7" if p["score"] > 0.5 else "#c33" if p["score"] < -0.5 else "#999"
        r = 2.5 + 1.5 * math.sqrt(p["n_events"])
        parts.append(f'<circle cx="{x(o):.1f}" cy="{y(p["score"]):.1f}" r="{r:.1f}" fill="{colour}">'
                     f'<title>{e(p["period"][:7])}: {p["score"]:+.1f} from {p["n_events"]} events</title></circle>')
    parts.append(f'<text x="{pad}" y="{height - 6}">{e(pts[0]["period"][:7])}</text>'
                 f'<text x="{width - pad}" y="{height - 6}" text-anchor="end">{e(pts[-1]["period"][:7])}</text>')
    return "".join(parts) + "</svg>"


def _month_index(iso: str) -> int:
    return int(iso[:4]) * 12 + int(iso[5:7]) - 1


def svg_network(network: dict[str, Any], *, size: int = 520) -> str:
    """The relations network on a circle: green cooperative, red hostile, width by events."""
    import networkx as nx

    e = html.escape
    graph = nx.Graph()
    names = dict(network["nodes"])
    graph.add_nodes_from(sorted(names))
    pos = nx.circular_layout(graph, scale=size / 2 - 90, center=(size / 2, size / 2)) if names else {}
    # The box holds the circles and every label's extent (``_text_width``): no label is clipped however long.
    xs, ys = [size / 2 - 10, size / 2 + 10], [size / 2 - 10, size / 2 + 10]
    for node, (px, py) in pos.items():
        label = _text_width(names[node], 11)
        xs += [px - 6, px + 6, px + 7 + label if px >= size / 2 else px - 7 - label]
        ys += [py - 9, py + 9]
    left, top = math.floor(min(xs) - 4), math.floor(min(ys) - 4)
    box_w, box_h = math.ceil(max(xs) + 4) - left, math.ceil(max(ys) + 4) - top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{box_w}" height="{box_h}" '
             f'viewBox="{left} {top} {box_w} {box_h}" font-family="sans-serif" font-size="11">'
             '<title>relations network</title>']
    for edge in network["edges"]:
        (x1, y1), (x2, y2) = pos[edge["a"]], pos[edge["b"]]
        colour = "#2a7" if edge["score"] > 0.5 else "#c33" if edge["score"] < -0.5 else "#aaa"
        width = 1 + math.log1p(edge["n_events"])
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="{width:.1f}"><title>{e(names[edge["a"]])} – {e(names[edge["b"]])}: '
                     f'{edge["score"]:+.1f} ({edge["n_events"]} events)</title></line>')
    for node, (nx_, ny_) in pos.items():
        anchor = "start" if nx_ >= size / 2 else "end"
        dx = 7 if anchor == "start" else -7
        parts.append(f'<circle cx="{nx_:.1f}" cy="{ny_:.1f}" r="5" fill="#246"/>'
                     f'<text x="{nx_ + dx:.1f}" y="{ny_ + 4:.1f}" text-anchor="{anchor}">{e(names[node])}</text>')
    return "".join(parts) + "</svg>"


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


# -- Markdown -----------------------------------------------------------------------

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def md_text(value: Any) -> str:
    """``value`` as inert inline Markdown: one line, Markdown punctuation escaped, then HTML escaped.

    Brackets escaped means no link or image (``javascript:`` included) can form (a parenthesis or ``!``
    only matters next to a bracket); ``<`` and ``&`` escaped means no raw HTML (``<script>``,
    ``<img onerror>``), autolink or entity survives; emphasis, code and table pipes are escaped too.
    """
    text = _LINE_BREAKS.sub(" ", str(value))
    return html.escape(_MD_PUNCTUATION.sub(r"\\\1", text), quote=False)


def _md_image(alt: str, svg: str, name: str, assets: Path | None) -> str:
    if assets is None:
        return f"![{alt}]({_data_uri(svg)})"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / name).write_text(svg, encoding="utf-8")
    return f"![{alt}]({assets.name}/{name})"


def _md_item(item: dict[str, Any]) -> str:
    e = md_text
    speaker = f" — said by {e(item['speaker'])}" if item["speaker"] else ""
    flags = f" \\[{e(_flags(item))}\\]" if _flags(item) else ""
    line = (f"- {_when(item)} · {e(item['label'])} ({item['score']:+.1f}) · "
            f"{e(item['outlet'] or 'unknown outlet')}{speaker}{flags}: “{e(item['evidence_text'])}”")
    for other in item.get("also", []):
        line += (f"\n  - same event, also reported by {e(other['outlet'] or 'unknown outlet')}"
                 f"{' — said by ' + e(other['speaker']) if other['speaker'] else ''}: “{e(other['evidence_text'])}”")
    return line


def render_markdown(data: dict[str, Any], *, assets: Path | None = None) -> str:
    """The report as Markdown; charts are SVG data URIs, or files written into ``assets`` when given."""
    c = data["counts"]
    dedup = data.get("dedup", {})
    lines = ["# detente report", "",
             f"{c['documents']} documents, {c['events']} events, {c['claims']} claims"
             + (f"; {dedup['reports']} reports of {dedup['events']} distinct events and statements "
                "(each counted once)." if dedup else "."), ""]
    if data.get("network", {}).get("edges"):
        lines += ["## The network", "", _md_image("relations network", svg_network(data["network"]), "network.svg",
                                                  assets), ""]
    lines += ["## Relations", ""]
    e = md_text
    for r in data["relations"]:
        lines.append(f"### {e(r['a']['name'])} – {e(r['b']['name'])}: {r['score']:+.1f} ({_tone(r['score'])})")
        lines.append(f"{r['n_events']} events from {r['n_outlets']} outlets, "
                     f"{r['first'] or '?'} to {r['last'] or '?'}{_told_before(r)}.")
        lines.append("")
        lines.extend(_md_item(item) for item in r["items"])
        if r["n_items"] > len(r["items"]):
            lines.append(f"- … and {r['n_items'] - len(r['items'])} more")
        lines.append("")
    if data.get("series"):
        lines += ["## Major dyads over time", ""]
        for s in data["series"]:
            name = f"{s['a']['name']} – {s['b']['name']}"
            lines += [_md_image(f"{e(name)} over time", svg_series(s), f"dyad-{_slug(name)}.svg", assets), ""]
    lines += _md_shifts(data.get("shifts", [])) + _md_balance(data.get("balance", []))
    if data["loaded_language"]:
        lines += ["## Loaded language, by outlet", "",
                  "Terms the gazetteer lists as loaded or partisan names, counted per outlet that used them: "
                  "a property of each outlet's wording, not a judgement of the outlet.", "",
                  "| outlet | term | uses |", "|---|---|---|"]
        for row in data["loaded_language"]:
            lines.append(f"| {e(row['outlet'])} | {e(row['text'])} | {row['uses']} |")
        lines.append("")
    return "\n".join(lines)


def _stated_when(s: dict[str, Any]) -> str:
    """"on D" or "from D1 to D2": the first and last statement of a stated shift."""
    first, last = s["date"], s.get("last_date") or s["date"]
    return f"on {first}" if first == last else f"from {first} to {last}"


def _stated_by(s: dict[str, Any], escape: Any) -> str:
    """Who tells a stated shift: one outlet or several (the counterpart of a detected shift's robustness)."""
    outlets = ", ".join(escape(o) for o in s.get("outlets") or [])
    many = len(s.get("outlets") or []) > 1
    return (f"The sources say the relation changed ({len(s['evidence'])} statements; "
            f"{'outlets' if many else 'one outlet'}: {outlets}); detente reports it as theirs, not as a change "
            "it measured.")


def _md_shifts(shifts: list[dict[str, Any]]) -> list[str]:
    if not shifts:
        return []
    lines = ["## Shifts", ""]
    for s in shifts:
        if s.get("kind") == "stated":
            lines += [f"### {md_text(s['a_name'])} – {md_text(s['b_name'])}: {md_text(s['direction'])}, as stated "
                      f"{_stated_when(s)}",
                      f"{_stated_by(s, md_text)} The statements:", ""]
            lines.extend(_md_item(item) for item in s["items"])
            lines.append("")
            continue
        robust = "robust to leaving out any one outlet" if s["robust"] else (
            "not robust: it depends on " + ", ".join(md_text(o) for o in s["fragile_without"]))
        lines += [f"### {md_text(s['a_name'])} – {md_text(s['b_name'])}: {md_text(s['direction'])} between "
                  f"{s['last_before']} and {s['date']}",
                  f"Level {s['before']:+.1f} before, {s['after']:+.1f} after; {robust}. The evidence that drives it "
                  "(only news dated to the month or finer; background never drives a shift):", ""]
        lines.extend(_md_item(item) for item in s["items"])
        lines.append("")
    return lines


def _md_balance(triads: list[dict[str, Any]]) -> list[str]:
    if not triads:
        return []
    lines = ["## Balance", "", "| triad | ties | reading | pressure |", "|---|---|---|---|"]
    for t in triads:
        lines.append(f"| {' · '.join(md_text(n) for n in t['names'])} | {md_text(_signs(t))} | {_reading(t)} | "
                     f"{md_text(_pressure(t))} |")
    return lines + [""]


def _signs(t: dict[str, Any]) -> str:
    names = t["names"]
    pairs = [(0, 1), (1, 2), (0, 2)]
    return ", ".join(f"{names[i]}–{names[j]} {'+' if s > 0 else '−'}" for (i, j), s in zip(pairs, t["signs"]) if s)


def _reading(t: dict[str, Any]) -> str:
    if not t["closed"]:
        return "open triad"
    return "balanced" if t["balanced"] else "unbalanced"


def _pressure(t: dict[str, Any]) -> str:
    p = t["pressure"]
    if not p:
        return ""
    names = dict(zip(t["triad"], t["names"]))
    verb = "predicted" if not t["closed"] else "under pressure"
    return f"{names[p['a']]}–{names[p['b']]} {verb} toward {p['toward']}"


# -- HTML ---------------------------------------------------------------------------

# The report's whole style, inline: the file works offline and alone (no external
# font, script, image or stylesheet), and reads on a phone (390 px, no sideways
# scrolling: tables stack their cells below 600 px, charts scale down).
REPORT_CSS = """
:root { --coop: #2b8a3e; --conflict: #c92a2a; --mixed: #868e96; --ink: #212529; --muted: #6c757d;
  --line: #dee2e6; --bg: #f8f9fa; --bg-alt: #fff; color: var(--ink); background: var(--bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.2rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
section, article { overflow-wrap: anywhere; }
.lede { color: var(--muted); margin: 0.2rem 0 1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.6rem;
  margin: 0.8rem 0; padding: 0; }
.figures div { background: var(--bg-alt); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.7rem; }
.figures dt { color: var(--muted); font-size: 0.8rem; }
.figures dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
nav ul { padding-left: 1.1rem; margin: 0.3rem 0; columns: 2 12rem; }
table { border-collapse: collapse; width: 100%; background: var(--bg-alt); font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f1f3f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
.score.pos { color: var(--coop); } .score.neg { color: var(--conflict); } .score.mid { color: var(--mixed); }
.muted, .meta { color: var(--muted); }
.meta { font-size: 0.9rem; margin: 0.2rem 0 0.5rem; }
article.relation { background: var(--bg-alt); border: 1px solid var(--line); border-radius: 6px;
  padding: 0.2rem 0.9rem 0.5rem; margin: 0.8rem 0; }
ul.evidence { list-style: none; padding: 0; margin: 0; }
ul.evidence > li { border-top: 1px solid var(--line); padding: 0.45rem 0; font-size: 0.92rem; }
ul.evidence ul { padding-left: 1.1rem; font-size: 0.88rem; color: var(--muted); }
.when { font-weight: 600; font-variant-numeric: tabular-nums; }
.flag { border-radius: 3px; padding: 0 0.3rem; font-size: 0.75rem; font-weight: 600; text-transform: uppercase;
  background: #fff3bf; color: #8a6d00; }
blockquote { margin: 0.2rem 0 0; padding-left: 0.7rem; border-left: 3px solid var(--line); }
figure { margin: 0.5rem 0; }
svg { max-width: 100%; height: auto; display: block; background: var(--bg-alt); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 600px) {
  main { padding: 0.6rem 0.7rem 2rem; }
  h1 { font-size: 1.45rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: auto; }
  table.stack thead { display: none; }
  table.stack tr { border-bottom: 2px solid var(--line); padding: 0.3rem 0; }
  table.stack td { border: none; padding: 0.1rem 0.4rem; text-align: left; }
  table.stack td + td { display: inline-block; margin-right: 0.6rem; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
}
@media print { body { background: #fff; } article.relation { break-inside: avoid; } }
"""


def _score_span(score: float) -> str:
    kind = "pos" if score > 0.5 else "neg" if score < -0.5 else "mid"
    return f'<span class="score {kind}">{score:+.1f}</span>'


def _span_of(first: Any, last: Any) -> str:
    if not first and not last:
        return "undated"
    if first == last:
        return str(first)
    return f"{first or '?'} – {last or '?'}"


def _html_item(item: dict[str, Any]) -> str:
    e = html.escape
    speaker = f" — said by {e(item['speaker'])}" if item["speaker"] else ""
    flags = "".join(f' <span class="flag">{f}</span>' for f in ("hedged", "negated") if item.get(f))
    also = "".join(f"<li>same event, also reported by {e(o['outlet'] or 'unknown outlet')}"
                   f"{' — said by ' + e(o['speaker']) if o['speaker'] else ''}: <q>{e(o['evidence_text'])}</q></li>"
                   for o in item.get("also", []))
    return (f'<li><span class="when">{e(_when(item))}</span> · {e(item["label"])} {_score_span(item["score"])} · '
            f"{e(item['outlet'] or 'unknown outlet')}{speaker}{flags}"
            f"<blockquote>{e(item['evidence_text'] or '')}</blockquote>"
            + (f"<ul>{also}</ul>" if also else "") + "</li>")


def _html_summary(data: dict[str, Any]) -> list[str]:
    e = html.escape
    c = data["counts"]
    dedup = data.get("dedup", {})
    period = data.get("period") or {}
    outlets = data.get("outlets") or []
    figures = [("documents", c["documents"]), ("outlets", len(outlets)),
               ("distinct events and statements", dedup.get("events", c["events"])),
               ("reports of them", dedup.get("reports", c["events"] + c["claims"])),
               ("relations", len(data["relations"])), ("shifts", len(data.get("shifts", [])))]
    parts = ['<section id="summary"><h2>Summary</h2><dl class="figures">']
    parts += [f"<div><dt>{e(label)}</dt><dd>{value}</dd></div>" for label, value in figures]
    parts.append("</dl>")
    lines = []
    if period.get("news_first"):
        lines.append(f"News dated from <b>{e(str(period['news_first']))}</b> to <b>{e(str(period['news_last']))}</b>")
    if period.get("published_first"):
        lines.append(f"articles published {e(_span_of(period['published_first'], period['published_last']))}")
    text = "; ".join(lines) + "." if lines else "No dated evidence."
    if period.get("background") or period.get("undated"):
        earliest = (f", dated as early as {e(str(period['first']))}" if period.get("first")
                    and period.get("news_first") and period["first"] < period["news_first"] else "")
        text += (f" Of {period.get('reports', 0)} reports, {period.get('background', 0)} are told as background"
                 f"{earliest} and {period.get('undated', 0)} have no date: they count in the scores, never in the "
                 "shifts.")
    parts.append(f"<p>{text}</p>")
    if data["relations"]:
        strongest = data["relations"][:3]
        parts.append("<p>Most reported: " + "; ".join(
            f"{e(r['a']['name'])} – {e(r['b']['name'])} {_score_span(r['score'])} ({_tone(r['score'])}, "
            f"{r['n_events']} events)" for r in strongest) + ".</p>")
    toc = [("outlets", "Outlets"), ("relations", "Relations")]
    if data.get("network", {}).get("edges"):
        toc.insert(1, ("network", "The network"))
    toc += [(key, label) for key, label in (("series", "Major dyads over time"), ("shifts", "Shifts"),
                                            ("balance", "Balance"), ("loaded", "Loaded language"))
            if data.get({"loaded": "loaded_language"}.get(key, key))]
    parts.append("<nav><ul>" + "".join(f'<li><a href="#{k}">{label}</a></li>' for k, label in toc) + "</ul></nav>")
    parts.append("</section>")
    return parts


def _html_outlets(outlets: list[dict[str, Any]]) -> list[str]:
    e = html.escape
    parts = ['<section id="outlets"><h2>Outlets</h2>',
             '<table class="stack"><thead><tr><th>outlet</th><th class="num">documents</th><th>published</th>'
             '<th class="num">events</th><th class="num">stated relations</th></tr></thead><tbody>']
    for o in outlets:
        parts.append(f'<tr><td>{e(o["outlet"])}</td><td class="num" data-label="documents">{o["documents"]}</td>'
                     f'<td data-label="published">{e(_span_of(o["first"], o["last"]))}</td>'
                     f'<td class="num" data-label="events">{o["events"]}</td>'
                     f'<td class="num" data-label="stated relations">{o["stated"]}</td></tr>')
    parts.append("</tbody></table></section>")
    return parts


def _relation_anchor(r: dict[str, Any]) -> str:
    return "rel-" + _slug(f"{r['a']['id']}-{r['b']['id']}")


def _html_relations(relations: list[dict[str, Any]]) -> list[str]:
    e = html.escape
    parts = ['<section id="relations"><h2>Relations</h2>',
             "<p class=\"muted\">Score from −10 (conflict) to +10 (cooperation), each event counted once however "
             "many outlets report it. Dates: the first and last dated evidence.</p>",
             '<table class="stack"><thead><tr><th>pair</th><th class="num">score</th><th class="num">events</th>'
             '<th class="num">outlets</th><th>dates</th><th>background / undated</th></tr></thead><tbody>']
    for r in relations:
        parts.append(f'<tr><td><a href="#{_relation_anchor(r)}">{e(r["a"]["name"])} – {e(r["b"]["name"])}</a></td>'
                     f'<td class="num" data-label="score">{_score_span(r["score"])}</td>'
                     f'<td class="num" data-label="events">{r["n_events"]}</td>'
                     f'<td class="num" data-label="outlets">{r["n_outlets"]}</td>'
                     f'<td data-label="dates">{e(_span_of(r["first"], r["last"]))}</td>'
                     f'<td data-label="background / undated">{r.get("n_background", 0)} / {r.get("n_undated", 0)}</td>'
                     "</tr>")
    parts.append("</tbody></table>")
    for r in relations:
        parts.append(f'<article class="relation" id="{_relation_anchor(r)}">'
                     f"<h3>{e(r['a']['name'])} – {e(r['b']['name'])} {_score_span(r['score'])} "
                     f"<span class=\"muted\">{_tone(r['score'])}</span></h3>"
                     f"<p class=\"meta\">{r['n_events']} events from {r['n_outlets']} outlets · "
                     f"{e(_span_of(r['first'], r['last']))}{e(_told_before(r))}</p><ul class=\"evidence\">")
        parts.extend(_html_item(item) for item in r["items"])
        if r["n_items"] > len(r["items"]):
            parts.append(f"<li class=\"muted\">… and {r['n_items'] - len(r['items'])} more</li>")
        parts.append("</ul></article>")
    parts.append("</section>")
    return parts


def render_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page: inline style and SVG, nothing fetched, article text escaped."""
    from . import __version__

    e = html.escape
    c = data["counts"]
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>detente report</title>", f"<style>{REPORT_CSS}</style></head><body><main>",
             "<header><h1>detente report</h1>",
             f'<p class="lede">Who stands with whom in {c["documents"]} articles: relations with the sentences, '
             "speakers and outlets behind them.</p></header>"]
    parts += _html_summary(data)
    parts += _html_outlets(data.get("outlets") or [])
    if data.get("network", {}).get("edges"):
        parts += ['<section id="network"><h2>The network</h2><figure>', svg_network(data["network"]),
                  "<figcaption class=\"muted\">Green: cooperation; red: conflict; grey: mixed. Line width: "
                  "number of events.</figcaption></figure></section>"]
    parts += _html_relations(data["relations"])
    if data.get("series"):
        parts.append('<section id="series"><h2>Major dyads over time</h2>')
        parts.extend(f"<figure>{svg_series(s)}</figure>" for s in data["series"])
        parts.append("</section>")
    if data.get("shifts"):
        parts.append('<section id="shifts"><h2>Shifts</h2>')
        for s in data["shifts"]:
            if s.get("kind") == "stated":
                parts.append(f'<article class="relation"><h3>{e(s["a_name"])} – {e(s["b_name"])}: '
                             f'{e(s["direction"])}, as stated {e(_stated_when(s))}</h3><p class="meta">'
                             f'{_stated_by(s, e)}</p><ul class="evidence">')
                parts.extend(_html_item(item) for item in s["items"])
                parts.append("</ul></article>")
                continue
            robust = "robust to leaving out any one outlet" if s["robust"] else (
                "not robust: it depends on " + ", ".join(s["fragile_without"]))
            parts.append(f'<article class="relation"><h3>{e(s["a_name"])} – {e(s["b_name"])}: {e(s["direction"])} '
                         f"between {e(str(s['last_before']))} and {e(str(s['date']))}</h3><p class=\"meta\">Level "
                         f"{s['before']:+.1f} before, {s['after']:+.1f} after; {e(robust)}.</p><ul class=\"evidence\">")
            parts.extend(_html_item(item) for item in s["items"])
            parts.append("</ul></article>")
        parts.append("</section>")
    if data.get("balance"):
        parts.append('<section id="balance"><h2>Balance</h2><table class="stack"><thead><tr><th>triad</th>'
                     "<th>ties</th><th>reading</th><th>pressure</th></tr></thead><tbody>")
        for t in data["balance"]:
            parts.append(f"<tr><td>{e(' · '.join(t['names']))}</td><td data-label=\"ties\">{e(_signs(t))}</td>"
                         f"<td data-label=\"reading\">{_reading(t)}</td>"
                         f"<td data-label=\"pressure\">{e(_pressure(t))}</td></tr>")
        parts.append("</tbody></table></section>")
    if data["loaded_language"]:
        parts.append('<section id="loaded"><h2>Loaded language, by outlet</h2><p>Terms listed as loaded or partisan '
                     "names, counted per outlet that used them: a property of each outlet's wording, not a judgement "
                     'of the outlet.</p><table class="stack"><thead><tr><th>outlet</th><th>term</th>'
                     '<th class="num">uses</th></tr></thead><tbody>')
        for row in data["loaded_language"]:
            parts.append(f"<tr><td>{e(row['outlet'])}</td><td data-label=\"term\">{e(row['text'])}</td>"
                         f"<td class=\"num\" data-label=\"uses\">{row['uses']}</td></tr>")
        parts.append("</tbody></table></section>")
    parts.append(f"<footer>Made by detente {e(__version__)}. This page is self-contained: it loads nothing from "
                 "anywhere.</footer></main></body></html>")
    return "\n".join(parts)
