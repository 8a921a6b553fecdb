// The detente dashboard: the signed network, a time slider over windows, a
// dyad panel (score over time, shifts) and an evidence panel.  Plain JS and
// SVG, no framework, nothing loaded from elsewhere.
//
// Article text is data: it only ever reaches the page through textContent
// (the el() and svgEl() helpers below); it is never parsed as HTML.

import { layout, tone } from "/static/layout.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAP_W = 900;
const MAP_H = 640;
const CHART_W = 420;
const CHART_H = 160;
// Line width grows with the square root of the number of items, capped so
// one busy pair does not hide the rest.
const MAX_EDGE_WIDTH = 14;

const state = {
  windows: [],
  windowIndex: 0, // 0: all time; i: windows[i - 1]
  cumulative: false,
  freq: "quarter",
  country: "",
  affiliation: "", // an outlet affiliation group or code from /api/outlets ("" for all)
  excluded: new Set(), // outlets unticked ("" stands for an unknown outlet)
  minEvents: 1,
  network: null,
  selected: null, // {a, b}
  dyad: null,
};

// -- small DOM helpers -------------------------------------------------------------
function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function svgEl(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function $(id) {
  return document.getElementById(id);
}

function setStatus(message, isError = false) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function signed(score) {
  return (score > 0 ? "+" : "") + Number(score).toFixed(1);
}

// -- the API -------------------------------------------------------------------------
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
    else if (value !== null && value !== undefined && value !== "") query.append(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    throw new Error(`${url}: HTTP ${response.status}, not JSON`);
  }
  if (!response.ok) throw new Error(body && body.error ? body.error : `${url}: HTTP ${response.status}`);
  return body;
}

function currentRange() {
  if (state.windowIndex === 0) return { since: null, until: null, label: "All time" };
  const win = state.windows[state.windowIndex - 1];
  if (state.cumulative) return { since: null, until: win.until, label: `up to ${win.label}` };
  return { since: win.since, until: win.until, label: win.label };
}

function outletParams() {
  return {
    exclude_outlet: [...state.excluded], outlet_country: state.country ? [state.country] : [],
    outlet_affiliation: state.affiliation ? [state.affiliation] : [],
  };
}

// -- controls ----------------------------------------------------------------------------
async function loadOutlets() {
  const outlets = await api("/api/outlets");
  const box = $("outlets");
  const countries = new Set();
  const groups = new Map(); // affiliation group -> outlets, for the affiliation filter
  for (const row of outlets) {
    if (!groups.has(row.affiliation_group)) groups.set(row.affiliation_group, 0);
    groups.set(row.affiliation_group, groups.get(row.affiliation_group) + 1);
    const name = row.outlet === null ? "" : row.outlet;
    if (row.country) countries.add(row.country);
    const input = el("input", { type: "checkbox", checked: "" });
    input.dataset.outlet = name;
    input.addEventListener("change", () => {
      if (input.checked) state.excluded.delete(name);
      else state.excluded.add(name);
      refresh();
    });
    const label = row.outlet === null ? "unknown outlet" : row.outlet;
    const suffix = row.country ? ` (${row.country}, ${row.documents})` : ` (${row.documents})`;
    const item = el("label", {}, [input, ` ${label}${suffix}`]);
    item.title = row.affiliation ? `${row.affiliation_label} (${row.affiliation})` : "not in the state-media profiles";
    item.dataset.affiliation = row.affiliation_group;
    box.append(item);
  }
  const affil = $("affiliation");
  for (const [group, n] of [...groups].sort()) {
    affil.append(el("option", { value: group, text: `${group} (${n})` }));
  }
  const select = $("country");
  for (const code of [...countries].sort()) select.append(el("option", { value: code, text: code }));
}

async function loadTimeline() {
  const timeline = await api("/api/timeline", { freq: state.freq });
  state.windows = timeline.windows;
  const slider = $("time-slider");
  slider.max = String(state.windows.length);
  state.windowIndex = Math.min(state.windowIndex, state.windows.length);
  slider.value = String(state.windowIndex);
  $("time-label").textContent = currentRange().label;
}

function bindControls() {
  const slider = $("time-slider");
  slider.addEventListener("input", () => {
    state.windowIndex = Number(slider.value);
    $("time-label").textContent = currentRange().label;
  });
  slider.addEventListener("change", () => refresh());
  $("cumulative").addEventListener("change", (event) => {
    state.cumulative = event.target.checked;
    $("time-label").textContent = currentRange().label;
    refresh();
  });
  $("freq").addEventListener("change", async (event) => {
    state.freq = event.target.value;
    state.windowIndex = 0;
    await loadTimeline();
    refresh();
  });
  $("affiliation").addEventListener("change", (event) => {
    state.affiliation = event.target.value;
    refresh();
  });
  $("country").addEventListener("change", (event) => {
    state.country = event.target.value;
    refresh();
  });
  $("min-events").addEventListener("change", (event) => {
    state.minEvents = Math.max(1, Number(event.target.value) || 1);
    refresh();
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search($("search-input").value.trim());
  });
}

async function refresh() {
  await loadNetwork();
  if (state.selected) await selectDyad(state.selected.a, state.selected.b);
}

// -- the map -----------------------------------------------------------------------------
async function loadNetwork() {
  const range = currentRange();
  setStatus("Loading the network…");
  try {
    state.network = await api("/api/network", {
      since: range.since, until: range.until, min_events: state.minEvents, ...outletParams(),
    });
  } catch (err) {
    setStatus(`Could not load the network: ${err.message}`, true);
    return;
  }
  drawMap();
  const n = state.network.relations.length;
  setStatus(n ? `${n} relations between ${state.network.nodes.length} actors (${range.label}).`
    : `No relations for this selection (${range.label}).`);
}

function edgeWidth(nEvents) {
  return Math.min(MAX_EDGE_WIDTH, 1.5 + 1.8 * Math.sqrt(nEvents));
}

function drawMap() {
  const svg = $("map");
  svg.replaceChildren();
  const { nodes, relations } = state.network;
  const edges = relations.map((r) => ({ a: r.a.id, b: r.b.id, score: r.score, n: r.n_events }));
  const pos = layout(nodes.map((n) => n.id), edges, MAP_W, MAP_H, 60);
  const volume = new Map();
  for (const r of relations) {
    volume.set(r.a.id, (volume.get(r.a.id) || 0) + r.n_events);
    volume.set(r.b.id, (volume.get(r.b.id) || 0) + r.n_events);
  }
  const edgeLayer = svgEl("g", { class: "edges" });
  const nodeLayer = svgEl("g", { class: "nodes" });
  // Draw light relations first so heavy ones sit on top.
  for (const r of [...relations].sort((p, q) => p.n_events - q.n_events)) {
    edgeLayer.append(drawEdge(r, pos.get(r.a.id), pos.get(r.b.id)));
  }
  for (const node of nodes) nodeLayer.append(drawNode(node, pos.get(node.id), volume.get(node.id) || 0));
  svg.append(edgeLayer, nodeLayer);
}

function drawEdge(rel, p, q) {
  const kind = tone(rel.score);
  const colour = { coop: "var(--coop)", conflict: "var(--conflict)", mixed: "var(--mixed)" }[kind];
  const label = `${rel.a.name} – ${rel.b.name}: ${signed(rel.score)}, ${rel.n_events} items, ${rel.n_outlets} outlets`;
  const group = svgEl("g", {
    class: `edge ${kind}`, tabindex: 0, role: "button", "aria-label": label,
    "data-a": rel.a.id, "data-b": rel.b.id, "data-testid": `edge-${rel.a.id}-${rel.b.id}`,
  });
  const width = edgeWidth(rel.n_events);
  group.append(
    svgEl("title", {}, label),
    svgEl("line", { class: "line", x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: colour, "stroke-width": width }),
    svgEl("line", { class: "hit", x1: p.x, y1: p.y, x2: q.x, y2: q.y, "stroke-width": Math.max(14, width + 8) }),
  );
  if (state.selected && state.selected.a === rel.a.id && state.selected.b === rel.b.id) group.classList.add("selected");
  const open = () => selectDyad(rel.a.id, rel.b.id);
  group.addEventListener("click", open);
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
  });
  return group;
}

const NODE_COLOURS = {
  state: "#495057", armed_group: "#e67700", igo: "#1971c2", organization: "#7048e8", media: "#0c8599",
};

function drawNode(node, p, volume) {
  const r = 5 + Math.min(14, 1.6 * Math.sqrt(volume));
  const group = svgEl("g", { class: "node", "data-id": node.id, transform: `translate(${p.x},${p.y})` });
  group.append(
    svgEl("title", {}, `${node.name} (${node.id}${node.kind ? ", " + node.kind : ""})`),
    svgEl("circle", { r, fill: NODE_COLOURS[node.kind] || "#868e96" }),
    svgEl("text", { x: r + 3, y: 4 }, node.name),
  );
  group.addEventListener("click", () => showActorEvents(node));
  return group;
}

function markSelected() {
  for (const edge of document.querySelectorAll("#map .edge")) {
    const on = state.selected && edge.dataset.a === state.selected.a && edge.dataset.b === state.selected.b;
    edge.classList.toggle("selected", Boolean(on));
  }
}

// -- the dyad panel --------------------------------------------------------------------------
async function selectDyad(a, b) {
  state.selected = { a, b };
  markSelected();
  let dyad;
  try {
    // The chart covers every window; only the evidence list follows the slider.
    dyad = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, {
      freq: state.freq, ...outletParams(),
    });
  } catch (err) {
    setStatus(`Could not load ${a} – ${b}: ${err.message}`, true);
    return;
  }
  state.dyad = dyad;
  $("dyad").hidden = false;
  $("dyad-title").textContent = `${dyad.a.name} – ${dyad.b.name}`;
  const rel = dyad.relation;
  const summary = $("dyad-summary");
  summary.replaceChildren();
  if (rel) {
    summary.append(
      el("span", { className: `score ${rel.score > 0 ? "pos" : rel.score < 0 ? "neg" : ""}`, text: signed(rel.score) }),
      ` · ${rel.n_events} events (reports of one event merged) from ${rel.n_outlets} outlets · `
        + `${rel.first || "?"} → ${rel.last || "?"}`,
    );
  } else {
    summary.textContent = "No evidence for this pair with the current outlet filters.";
  }
  drawChart(dyad);
  drawShifts(dyad);
  drawEvidence(dyad);
}

function shiftDate(shift) {
  for (const key of ["date", "at", "period", "start", "since", "when"]) {
    if (typeof shift[key] === "string" && /^\d{4}-\d{2}-\d{2}/.test(shift[key])) return shift[key].slice(0, 10);
  }
  return null;
}

function drawChart(dyad) {
  const svg = $("dyad-chart");
  svg.replaceChildren();
  const series = dyad.series;
  if (!series.length) return;
  const left = 26, right = 6, top = 8, bottom = 22;
  const plotW = CHART_W - left - right;
  const plotH = CHART_H - top - bottom;
  const mid = top + plotH / 2;
  const slot = plotW / series.length;
  const y = (score) => mid - (score / 10) * (plotH / 2);
  svg.append(
    svgEl("line", { class: "axis", x1: left, y1: mid, x2: CHART_W - right, y2: mid }),
    svgEl("text", { x: 2, y: top + 8 }, "+10"),
    svgEl("text", { x: 8, y: mid + 3 }, "0"),
    svgEl("text", { x: 4, y: top + plotH }, "−10"),
  );
  if (state.windowIndex > 0 && !state.cumulative) {
    const i = state.windowIndex - 1;
    if (i < series.length) svg.append(svgEl("rect", { class: "current", x: left + i * slot, y: top, width: slot, height: plotH }));
  }
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  series.forEach((point, i) => {
    const x = left + i * slot;
    if (point.score !== null) {
      const kind = point.score > 0 ? "pos" : point.score < 0 ? "neg" : "zero";
      const height = Math.max(1.5, Math.abs(y(point.score) - mid));
      const bar = svgEl("rect", {
        class: `bar ${kind}`, x: x + slot * 0.15, width: Math.max(1, slot * 0.7),
        y: point.score >= 0 ? mid - height : mid, height, opacity: Math.min(1, 0.35 + 0.15 * point.n_events),
      });
      bar.append(svgEl("title", {}, `${point.label}: ${signed(point.score)} (${point.n_events} items)`));
      svg.append(bar);
    }
    if (i % labelEvery === 0) svg.append(svgEl("text", { x: x + 1, y: CHART_H - 6 }, point.label));
  });
  for (const shift of dyad.shifts || []) {
    const date = shiftDate(shift);
    if (!date) continue;
    const i = series.findIndex((p) => p.since <= date && date <= p.until);
    if (i < 0) continue;
    const x = left + (i + 0.5) * slot;
    const mark = svgEl("line", { class: "shift-mark", x1: x, y1: top, x2: x, y2: top + plotH });
    mark.append(svgEl("title", {}, `shift at ${date}`));
    svg.append(mark);
  }
}

// Shift records come from the network stage (detente.network.shifts): a date,
// the level before and after, a direction and whether the shift survives
// leaving out any one outlet.  Unknown fields are listed as they are.
const SHIFT_SKIP = new Set(["a", "b", "a_name", "b_name", "date", "before", "after", "direction", "robust", "evidence"]);

function describeShift(shift) {
  const parts = [];
  const date = shiftDate(shift);
  if (date) parts.push(date);
  if (shift.direction) parts.push(shift.direction);
  if (typeof shift.before === "number" && typeof shift.after === "number") {
    parts.push(`${signed(shift.before)} → ${signed(shift.after)}`);
  }
  if (shift.robust === true) parts.push("robust to leaving out any one outlet");
  if (shift.robust === false) {
    const fragile = Array.isArray(shift.fragile_without) ? shift.fragile_without.join(", ") : "";
    parts.push(fragile ? `fragile: rests on ${fragile}` : "fragile");
  }
  for (const [key, value] of Object.entries(shift)) {
    if (SHIFT_SKIP.has(key) || key === "fragile_without" || value === null || typeof value === "object") continue;
    parts.push(`${key.replaceAll("_", " ")}: ${typeof value === "number" ? Number(value.toFixed(2)) : value}`);
  }
  return parts.join(" · ");
}

function drawShifts(dyad) {
  const list = $("dyad-shifts");
  list.replaceChildren();
  if (dyad.shifts === null) {
    list.append(el("li", { className: "muted", text: `Shift detection is not available: ${dyad.shifts_error || "unknown reason"}` }));
    return;
  }
  if (!dyad.shifts.length) {
    list.append(el("li", { className: "muted", text: "No shift detected for this pair." }));
    return;
  }
  for (const shift of dyad.shifts) list.append(el("li", { className: "shift", text: describeShift(shift) }));
}

// -- the evidence panel ------------------------------------------------------------------------
function inRange(date, range) {
  if (!range.since && !range.until) return true;
  if (!date) return false;
  return (!range.since || date >= range.since) && (!range.until || date <= range.until);
}

// A date only as precise as it is known (the API's date_precision), as detente.ingest.dates.describe_date.
function describeDate(date, precision) {
  if (!date) return precision === "before-publication" ? "before publication" : "undated";
  if (precision === "week") return `week of ${date}`;
  if (precision === "month") return date.slice(0, 7);
  if (precision === "year") return date.slice(0, 4);
  return date;
}

function evidenceItem(item) {
  const meta = el("div", { className: "meta" }, [
    el("span", { className: `date precision-${item.date_precision || "day"}`, text: describeDate(item.date, item.date_precision) }),
    el("span", { className: "label", text: item.label }),
    el("span", { className: `score ${item.score > 0 ? "pos" : item.score < 0 ? "neg" : ""}`, text: signed(item.score) }),
    el("span", { className: "outlet", text: item.outlet || "unknown outlet" }),
  ]);
  if (item.speaker) meta.append(el("span", { className: "speaker", text: `said by ${item.speaker}` }));
  if (item.background) meta.append(el("span", { className: "flag background", text: "background", title: "told as context, before the article's news: never drives a shift" }));
  if (item.hedged) meta.append(el("span", { className: "flag hedged", text: "hedged" }));
  if (item.negated) meta.append(el("span", { className: "flag negated", text: "negated" }));
  if (item.weight < 1) meta.append(el("span", { className: "flag down", text: `weight ${Number(item.weight.toFixed(2))}` }));
  const children = [meta, el("blockquote", { text: item.text })];
  if (item.doc_title) children.push(el("div", { className: "doc", text: item.doc_title }));
  return el("li", { className: "evidence-item", dataset: { id: item.id } }, children);
}

function drawEvidence(dyad) {
  const range = currentRange();
  const items = dyad.evidence.filter((item) => inRange(item.date, range));
  $("evidence-title").textContent = `Evidence: ${dyad.a.name} – ${dyad.b.name}`;
  $("evidence-note").textContent = items.length === dyad.evidence.length
    ? `${items.length} reports, oldest first.`
    : `${items.length} of ${dyad.evidence.length} reports fall in ${range.label}.`;
  $("evidence").replaceChildren(...items.map(evidenceItem));
}

async function showActorEvents(node) {
  const range = currentRange();
  let rows;
  try {
    rows = await api("/api/events", { actor: node.id, since: range.since, until: range.until, limit: 200, ...outletParams() });
  } catch (err) {
    setStatus(`Could not load the events of ${node.name}: ${err.message}`, true);
    return;
  }
  $("evidence-title").textContent = `Events of ${node.name}`;
  $("evidence-note").textContent = `${rows.length} events (${range.label}), oldest first.`;
  $("evidence").replaceChildren(...rows.map((e) => evidenceItem({
    id: e.id, date: e.date, date_precision: e.date_precision, background: e.date_basis === "background", label: `${e.source_ids.join(", ")} ${e.type} ${e.target_ids.join(", ")}`,
    score: e.score, outlet: e.outlet, speaker: e.said_by_name, hedged: e.hedged, negated: e.negated, weight: 1,
    text: e.evidence_text || "", doc_title: null,
  })));
}

async function search(q) {
  if (q.length < 2) {
    setStatus("Type at least two characters to search.", true);
    return;
  }
  const range = currentRange();
  let hits;
  try {
    hits = await api("/api/search", { q, since: range.since, until: range.until, limit: 100, ...outletParams() });
  } catch (err) {
    setStatus(`Search failed: ${err.message}`, true);
    return;
  }
  $("evidence-title").textContent = `Sentences containing “${q}”`;
  $("evidence-note").textContent = `${hits.length} sentences${hits.length === 100 ? " (first 100)" : ""}.`;
  $("evidence").replaceChildren(...hits.map((hit) => el("li", { className: "evidence-item search-hit", dataset: { id: hit.sentence_id } }, [
    el("div", { className: "meta" }, [
      el("span", { className: "date", text: hit.published || "undated" }),
      el("span", { className: "outlet", text: hit.outlet || "unknown outlet" }),
    ]),
    el("blockquote", { text: hit.text }),
    el("div", { className: "doc", text: hit.title || hit.doc_id }),
  ])));
}

// -- feeds: what the last poll brought (GET /api/feeds/news); refreshed every minute ------------------
async function loadNews() {
  let news;
  try {
    news = await api("/api/feeds/news");
  } catch (err) {
    return; // an older server, or no feed tables: the panel stays hidden
  }
  if (!news.poll) return;
  $("news").hidden = false;
  $("news-summary").textContent = `Poll ${news.poll.id} (${news.poll.finished_at}): ${news.documents} new articles, ` +
    `${news.relations.length} new relations, ${news.shifts.length} shifts.`;
  $("news-list").replaceChildren(
    ...news.relations.map((r) => el("li", { className: "news-relation", text: `new: ${r.a.name} – ${r.b.name} ${signed(r.score)} (${r.n_events} events)` })),
    ...news.shifts.map((s) => el("li", { className: "news-shift", text: `shift: ${s.a_name} – ${s.b_name} on ${s.date}: ${signed(s.before)} → ${signed(s.after)}` })),
  );
}

async function main() {
  bindControls();
  try {
    await Promise.all([loadOutlets(), loadTimeline()]);
  } catch (err) {
    setStatus(`Could not load the store: ${err.message}`, true);
    return;
  }
  await loadNetwork();
  await loadNews();
  setInterval(loadNews, 60_000);
  document.body.dataset.ready = "true";
}

main();
