// The detente dashboard: the signed network on a layout that stays put over
// time, a time axis (reports per month, a period chosen with two handles), a
// dyad panel (the pair in the chosen period, its score over time, shifts), an
// evidence panel and a document view.  Plain JS and SVG, no framework,
// nothing loaded from elsewhere, no inline script or style (the server sends
// a Content-Security-Policy that forbids both).
//
// Article text is data: it only ever reaches the page through textContent
// (the el() and svgEl() helpers below); it is never parsed as HTML.

import { layout, tone } from "/static/layout.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const CHART_W = 420;
const CHART_H = 160;
// The map's drawing box: wide on a desktop, nearly square on a phone, so
// labels keep a readable size once the SVG is scaled to the screen.
const MAP_WIDE = { w: 900, h: 640 };
const MAP_NARROW = { w: 420, h: 520 };
const NARROW_QUERY = "(max-width: 600px)";
// Below this width the side panel sits under the map (style.css): a tapped
// relation scrolls its panel into view.
const STACKED_QUERY = "(max-width: 900px)";
// Line width grows with the square root of the number of items, capped so
// one busy pair does not hide the rest.
const MAX_EDGE_WIDTH = 14;
const AXIS_H = 74;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const state = {
  freq: "quarter",
  country: "",
  affiliation: "", // an outlet affiliation group or code from /api/outlets ("" for all)
  excluded: new Set(), // outlets unticked ("" stands for an unknown outlet)
  minEvents: 1,
  network: null,
  selected: null, // {a, b}
  dyad: null,
  names: new Map(), // node and actor id -> name
  base: null, // {ids: Set, edges: [...]}: the all-time network the layout is computed on
  positions: new Map(), // "w×h" -> Map(id -> {x, y})
  axis: { slots: [], counts: [], earlier: 0, coarse: 0, undated: 0 },
  range: { i0: 0, i1: 0 }, // selected slots, inclusive
  highlight: null, // evidence sentence to mark in the document view
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

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// A name where one is known, its id on hover; the bare id otherwise.
function nameOf(id) {
  return state.names.get(id) || id;
}

// An actor or node: an {id, name} reference as the API gives it (the one shape), or a bare id whose name is
// looked up.  A speaker that resolved to no stored actor has a null id: its name, and no id to show on hover.
function nameEl(actor) {
  const ref = typeof actor === "string" ? { id: actor, name: nameOf(actor) } : actor;
  const name = ref.name || nameOf(ref.id);
  return el("span", { className: "name", title: ref.id || "not resolved to a known actor", text: name });
}

function namesEl(actors) {
  const span = el("span", { className: "names" });
  (actors.length ? actors : ["?"]).forEach((actor, i) => {
    if (i) span.append(", ");
    span.append(actor === "?" ? "?" : nameEl(actor));
  });
  return span;
}

function stacked() {
  return window.matchMedia(STACKED_QUERY).matches;
}

function mapBox() {
  return window.matchMedia(NARROW_QUERY).matches ? MAP_NARROW : MAP_WIDE;
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

function outletParams() {
  return {
    exclude_outlet: [...state.excluded], outlet_country: state.country ? [state.country] : [],
    outlet_affiliation: state.affiliation ? [state.affiliation] : [],
  };
}

// -- the time axis: slots are months ("YYYY-MM"), led by "earlier" when background reaches further back -----
function monthOf(iso) {
  return iso.slice(0, 7);
}

function addMonths(month, k) {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

function lastDay(month) {
  const day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

function monthName(month) {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function buildAxis(timeline) {
  const rows = timeline.months || [];
  const axis = { slots: [], counts: [], earlier: 0, coarse: timeline.n_coarse || 0, undated: timeline.n_undated || 0 };
  if (rows.length) {
    // The axis runs over the news; background told about earlier years is one "earlier" slot.
    const news = rows.filter((r) => r.news > 0);
    const start = (news.length ? news[0] : rows[0]).month;
    const end = rows[rows.length - 1].month;
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const earlier = rows.filter((r) => r.month < start);
    if (earlier.length) {
      axis.slots.push("earlier");
      axis.counts.push({ news: 0, background: earlier.reduce((s, r) => s + r.background + r.news, 0) });
      axis.earlier = axis.counts[0].background;
    }
    for (let m = start; m <= end; m = addMonths(m, 1)) {
      const row = byMonth.get(m);
      axis.slots.push(m);
      axis.counts.push({ news: row ? row.news : 0, background: row ? row.background : 0 });
    }
  }
  state.axis = axis;
  state.range = { i0: 0, i1: Math.max(0, axis.slots.length - 1) };
}

function allTime() {
  const n = state.axis.slots.length;
  return n === 0 || (state.range.i0 === 0 && state.range.i1 === n - 1);
}

function currentRange() {
  if (allTime()) return { since: null, until: null, label: "All time" };
  const { slots } = state.axis;
  const first = slots[state.range.i0];
  const last = slots[state.range.i1];
  const since = first === "earlier" ? null : `${first}-01`;
  const until = last === "earlier" ? lastDay(addMonths(slots[1], -1)) : lastDay(last);
  let label;
  if (first === last) label = first === "earlier" ? `before ${monthName(slots[1])}` : monthName(first);
  else label = `${first === "earlier" ? "beginning" : monthName(first)} – ${monthName(last)}`;
  return { since, until, label: `${label} (${since || "…"} to ${until})` };
}

function axisGeometry() {
  const svg = $("time-axis");
  const width = Math.max(200, Math.round(svg.getBoundingClientRect().width || 600));
  const n = state.axis.slots.length;
  const left = 8, right = 8;
  const slot = n ? (width - left - right) / n : 0;
  return { width, left, slot, top: 6, barH: 38, n };
}

function drawAxis() {
  const svg = $("time-axis");
  const g = axisGeometry();
  svg.setAttribute("viewBox", `0 0 ${g.width} ${AXIS_H}`);
  svg.replaceChildren();
  const { slots, counts } = state.axis;
  if (!g.n) {
    svg.append(svgEl("text", { x: 8, y: 30, class: "tick" }, "No dated reports yet."));
    return;
  }
  const max = Math.max(1, ...counts.map((c) => c.news + c.background));
  const base = g.top + g.barH;
  const { i0, i1 } = state.range;
  svg.append(svgEl("rect", {
    class: "selection", x: g.left + i0 * g.slot, y: g.top - 4, width: (i1 - i0 + 1) * g.slot, height: g.barH + 8,
  }));
  // A month label wherever there is room for one; years always, or every few years on a long axis.
  const everyMonth = g.slot >= 34;
  const yearEvery = Math.max(1, Math.ceil(40 / (12 * g.slot)));
  slots.forEach((month, i) => {
    const x = g.left + i * g.slot;
    const c = counts[i];
    const inside = i >= i0 && i <= i1;
    const hNews = (c.news / max) * g.barH;
    const hBack = (c.background / max) * g.barH;
    const title = month === "earlier"
      ? `earlier: ${plural(c.background, "background report")} dated before ${monthName(slots[1])}`
      : `${monthName(month)}: ${plural(c.news, "report")} of news, ${c.background} background`;
    const bar = svgEl("g", { class: `month${inside ? " inside" : ""}`, "data-month": month });
    bar.append(svgEl("title", {}, title));
    if (hNews > 0) bar.append(svgEl("rect", { class: "news", x: x + 1, y: base - hNews, width: Math.max(1, g.slot - 2), height: hNews }));
    if (hBack > 0) bar.append(svgEl("rect", { class: "background", x: x + 1, y: base - hNews - hBack, width: Math.max(1, g.slot - 2), height: hBack }));
    svg.append(bar);
    if (month === "earlier") {
      svg.append(svgEl("text", { class: "tick", x: x + g.slot / 2, y: base + 14, "text-anchor": "middle" }, g.slot >= 44 ? "earlier" : "…"));
      return;
    }
    const january = month.endsWith("-01") && Number(month.slice(0, 4)) % yearEvery === 0;
    // the first month is labelled too, unless a year label follows too closely
    const labelled = (m) => m.endsWith("-01") && Number(m.slice(0, 4)) % yearEvery === 0;
    const next = slots.findIndex((m, j) => j > i && m !== "earlier" && labelled(m));
    const firstMonth = (i === 0 || slots[i - 1] === "earlier") && (january || next < 0 || (next - i) * g.slot >= 56);
    if (january || firstMonth || everyMonth) {
      svg.append(svgEl("line", { class: "tick-mark", x1: x, y1: base, x2: x, y2: base + (january ? 6 : 3) }));
    }
    if (everyMonth) {
      svg.append(svgEl("text", { class: "tick", x: x + g.slot / 2, y: base + 14, "text-anchor": "middle" }, MONTHS[Number(month.slice(5, 7)) - 1]));
    }
    if (january || firstMonth) {
      svg.append(svgEl("text", { class: "tick year", x: x + 2, y: base + (everyMonth ? 27 : 16) },
        firstMonth && !january && !everyMonth ? monthName(month) : month.slice(0, 4)));
    }
  });
  svg.append(svgEl("line", { class: "baseline", x1: g.left, y1: base, x2: g.left + g.n * g.slot, y2: base }));
  svg.append(handle("start", g.left + i0 * g.slot, g), handle("end", g.left + (i1 + 1) * g.slot, g));
  $("range-label").textContent = currentRange().label;
  $("range-prev").disabled = allTime() || i0 === 0;
  $("range-next").disabled = allTime() || i1 === g.n - 1;
}

function handle(which, x, g) {
  const { slots } = state.axis;
  const index = which === "start" ? state.range.i0 : state.range.i1;
  const month = slots[index];
  const text = month === "earlier" ? "the beginning" : which === "start" ? `${month}-01` : lastDay(month);
  const group = svgEl("g", {
    class: `handle ${which}`, id: `handle-${which}`, tabindex: 0, role: "slider",
    "aria-label": which === "start" ? "Start of the period" : "End of the period",
    "aria-valuemin": 0, "aria-valuemax": g.n - 1, "aria-valuenow": index, "aria-valuetext": text,
  });
  group.append(
    svgEl("line", { x1: x, y1: g.top - 4, x2: x, y2: g.top + g.barH + 4 }),
    svgEl("rect", { x: x - 5, y: g.top + g.barH / 2 - 9, width: 10, height: 18, rx: 3 }),
  );
  group.addEventListener("keydown", (event) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -12, PageUp: 12 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    moveHandle(which, index + step);
    drawAxis();
    $(`handle-${which}`).focus();
    commitRange();
  });
  return group;
}

function moveHandle(which, index) {
  const last = state.axis.slots.length - 1;
  if (which === "start") state.range.i0 = Math.max(0, Math.min(index, state.range.i1));
  else state.range.i1 = Math.min(last, Math.max(index, state.range.i0));
}

let committed = "";
function commitRange() {
  const key = `${state.range.i0}:${state.range.i1}`;
  if (key === committed) return;
  committed = key;
  refresh();
}

function bindAxis() {
  const svg = $("time-axis");
  let drag = null; // {which, anchor}
  const slotAt = (clientX, edge) => {
    const g = axisGeometry();
    const x = clientX - svg.getBoundingClientRect().left;
    return edge ? Math.round((x - g.left) / g.slot) : Math.floor((x - g.left) / g.slot);
  };
  svg.addEventListener("pointerdown", (event) => {
    if (!state.axis.slots.length) return;
    const g = axisGeometry();
    const x = event.clientX - svg.getBoundingClientRect().left;
    const xs = g.left + state.range.i0 * g.slot;
    const xe = g.left + (state.range.i1 + 1) * g.slot;
    if (Math.abs(x - xs) <= 10 && Math.abs(x - xs) <= Math.abs(x - xe)) drag = { which: "start" };
    else if (Math.abs(x - xe) <= 10) drag = { which: "end" };
    else {
      // a new period, from the month under the pointer to where it is let go
      const i = Math.max(0, Math.min(g.n - 1, slotAt(event.clientX, false)));
      drag = { which: "brush", anchor: i };
      state.range = { i0: i, i1: i };
      drawAxis();
    }
    svg.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    if (drag.which === "start") moveHandle("start", slotAt(event.clientX, true));
    else if (drag.which === "end") moveHandle("end", slotAt(event.clientX, true) - 1);
    else {
      const last = state.axis.slots.length - 1;
      const i = Math.max(0, Math.min(last, slotAt(event.clientX, false)));
      state.range = { i0: Math.min(i, drag.anchor), i1: Math.max(i, drag.anchor) };
    }
    drawAxis();
  });
  const end = () => {
    if (!drag) return;
    drag = null;
    drawAxis();
    commitRange();
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  const shift = (direction) => {
    const width = state.range.i1 - state.range.i0 + 1;
    const last = state.axis.slots.length - 1;
    const i0 = Math.max(0, Math.min(last - width + 1, state.range.i0 + direction * width));
    state.range = { i0, i1: i0 + width - 1 };
    drawAxis();
    commitRange();
  };
  $("range-prev").addEventListener("click", () => shift(-1));
  $("range-next").addEventListener("click", () => shift(1));
  $("range-all").addEventListener("click", () => {
    state.range = { i0: 0, i1: Math.max(0, state.axis.slots.length - 1) };
    drawAxis();
    commitRange();
  });
}

function describeAxisNote() {
  const { coarse, undated, earlier } = state.axis;
  const parts = ["Bars: reports per month (dark: news, light: background)."];
  if (earlier) parts.push(`${plural(earlier, "background report")} about earlier years sit in "earlier".`);
  const off = [];
  if (coarse) off.push(`${coarse} dated only to a year`);
  if (undated) off.push(`${undated} undated`);
  if (off.length) parts.push(`Not on the axis: ${off.join(", ")} (counted under All time only).`);
  $("timeline-note").textContent = parts.join(" ");
}

async function loadTimeline() {
  const timeline = await api("/api/timeline", { freq: state.freq });
  buildAxis(timeline);
  committed = `${state.range.i0}:${state.range.i1}`;
  drawAxis();
  describeAxisNote();
}

// -- controls ----------------------------------------------------------------------------
async function loadOutlets() {
  const outlets = (await api("/api/outlets")).items;
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

// Actors' names (people and organisations behind the nodes), read once, when first needed.
let actorsLoaded = null;
function loadNames() {
  if (!actorsLoaded) {
    actorsLoaded = api("/api/actors").then(({ items: actors }) => {
      for (const actor of actors) if (actor.name) state.names.set(actor.id, actor.name);
    }).catch((err) => {
      actorsLoaded = null; // try again on the next click
      throw err;
    });
  }
  return actorsLoaded;
}

function bindControls() {
  $("freq").addEventListener("change", (event) => {
    state.freq = event.target.value;
    if (state.selected) selectDyad(state.selected.a, state.selected.b);
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
  $("document-close").addEventListener("click", () => {
    if (window.location.hash) history.pushState("", document.title, window.location.pathname + window.location.search);
    closeDocument();
  });
  window.addEventListener("hashchange", route);
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    drawAxis();
    if (state.network) drawMap();
  });
}

async function refresh() {
  await loadNetwork();
  if (state.selected) await selectDyad(state.selected.a, state.selected.b, { scroll: false });
}

// -- the map: positions come from the all-time network, so a node stays put from one period to the next -----
async function loadBase() {
  const all = await api("/api/network");
  for (const node of all.nodes) state.names.set(node.id, node.name);
  state.base = {
    ids: new Set(all.nodes.map((n) => n.id)),
    edges: all.relations.map((r) => ({ a: r.a.id, b: r.b.id, score: r.score, n: r.n_events })),
  };
  state.positions.clear();
}

function positions() {
  const box = mapBox();
  const key = `${box.w}x${box.h}`;
  if (!state.positions.has(key)) {
    state.positions.set(key, layout([...state.base.ids], state.base.edges, box.w, box.h, box === MAP_NARROW ? 45 : 60));
  }
  return state.positions.get(key);
}

// Requests are numbered: when the period changes twice quickly, only the answer to the last one is drawn.
let networkRequest = 0;
let dyadRequest = 0;

async function loadNetwork() {
  const range = currentRange();
  const request = ++networkRequest;
  setStatus("Loading the network…");
  try {
    const network = await api("/api/network", {
      since: range.since, until: range.until, min_events: state.minEvents, ...outletParams(),
    });
    if (request !== networkRequest) return;
    state.network = network;
    // A node the layout has not seen (an article ingested since): lay out the whole period again.
    if (!state.base || state.network.nodes.some((n) => !state.base.ids.has(n.id))) await loadBase();
  } catch (err) {
    setStatus(`Could not load the network: ${err.message}`, true);
    return;
  }
  if (request !== networkRequest) return;
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
  const box = mapBox();
  svg.setAttribute("viewBox", `0 0 ${box.w} ${box.h}`);
  svg.replaceChildren();
  const { nodes, relations } = state.network;
  const pos = positions();
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
  for (const node of nodes) nodeLayer.append(drawNode(node, pos.get(node.id), volume.get(node.id) || 0, box));
  svg.append(edgeLayer, nodeLayer);
}

// What a line rests on, in words; and the marks: dashed for one outlet, dotted for background or undated only.
function edgeCaveats(rel) {
  const notes = [];
  const marks = [];
  if (rel.n_outlets <= 1) {
    notes.push("from one outlet only");
    marks.push("one-outlet");
  }
  const nb = rel.n_background || 0;
  const nu = rel.n_undated || 0;
  if (nb >= rel.n_events || nu >= rel.n_events) {
    notes.push("only background or undated reports: no news of the period");
    marks.push("background-only");
  } else if (nb || nu) {
    notes.push([nb ? `${nb} background` : "", nu ? `${nu} undated` : ""].filter(Boolean).join(", "));
  }
  return { notes, marks };
}

function drawEdge(rel, p, q) {
  const kind = tone(rel.score);
  const colour = { coop: "var(--coop)", conflict: "var(--conflict)", mixed: "var(--mixed)" }[kind];
  const { notes, marks } = edgeCaveats(rel);
  const label = `${rel.a.name} – ${rel.b.name}: ${signed(rel.score)}, ${plural(rel.n_events, "item")}, `
    + `${plural(rel.n_outlets, "outlet")}${notes.length ? " — " + notes.join("; ") : ""}`;
  const group = svgEl("g", {
    class: ["edge", kind, ...marks].join(" "), tabindex: 0, role: "button", "aria-label": label,
    "data-a": rel.a.id, "data-b": rel.b.id, "data-testid": `edge-${rel.a.id}-${rel.b.id}`,
  });
  const width = edgeWidth(rel.n_events);
  group.append(
    svgEl("title", {}, `${label}\n(${rel.a.id} – ${rel.b.id})`),
    svgEl("line", { class: "line", x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: colour, "stroke-width": width }),
    svgEl("line", { class: "hit", x1: p.x, y1: p.y, x2: q.x, y2: q.y, "stroke-width": Math.max(14, width + 8) }),
  );
  if (state.selected && state.selected.a === rel.a.id && state.selected.b === rel.b.id) group.classList.add("selected");
  const open = () => selectDyad(rel.a.id, rel.b.id, { scroll: true });
  group.addEventListener("click", open);
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
  });
  return group;
}

const NODE_COLOURS = {
  state: "#495057", armed_group: "#e67700", igo: "#1971c2", organization: "#7048e8", media: "#0c8599",
};

function drawNode(node, p, volume, box) {
  const r = 5 + Math.min(14, 1.6 * Math.sqrt(volume));
  const group = svgEl("g", { class: "node", "data-id": node.id, transform: `translate(${p.x},${p.y})` });
  // labels on the right half point left, so they stay inside the box
  const right = p.x > box.w * 0.62;
  group.append(
    svgEl("title", {}, `${node.name} (${node.id}${node.kind ? ", " + node.kind : ""})`),
    svgEl("circle", { r, fill: NODE_COLOURS[node.kind] || "#868e96" }),
    svgEl("text", { x: right ? -(r + 3) : r + 3, y: 4, "text-anchor": right ? "end" : "start" }, node.name),
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

// -- the dyad panel: the pair in the chosen period, against its whole history --------------------------------
function relationLine(rel) {
  const parts = [`${plural(rel.n_events, "event")} (reports of one event merged) from ${plural(rel.n_outlets, "outlet")}`];
  if (rel.first || rel.last) parts.push(`${rel.first || "?"} → ${rel.last || "?"}`);
  const { notes } = edgeCaveats(rel);
  return [...parts, ...notes].join(" · ");
}

async function selectDyad(a, b, { scroll = false } = {}) {
  state.selected = { a, b };
  markSelected();
  const range = currentRange();
  const request = ++dyadRequest;
  let dyad;
  try {
    // relation and evidence follow the period; the chart and the shifts cover every window
    dyad = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, {
      freq: state.freq, since: range.since, until: range.until, ...outletParams(),
    });
  } catch (err) {
    setStatus(`Could not load ${nameOf(a)} – ${nameOf(b)}: ${err.message}`, true);
    return;
  }
  if (request !== dyadRequest) return;
  state.dyad = dyad;
  closeDocument();
  $("dyad").hidden = false;
  const title = $("dyad-title");
  title.replaceChildren(nameEl(dyad.a.id), " – ", nameEl(dyad.b.id));
  const rel = dyad.relation;
  const summary = $("dyad-summary");
  summary.replaceChildren();
  summary.dataset.period = range.label;
  if (rel) {
    summary.append(
      el("span", { className: "period", text: `${range.label}: ` }),
      el("span", { className: `score ${rel.score > 0 ? "pos" : rel.score < 0 ? "neg" : ""}`, text: signed(rel.score) }),
      ` · ${relationLine(rel)}`,
    );
  } else {
    summary.append(el("span", { className: "period", text: `${range.label}: ` }),
      "no evidence for this pair in this period with the current outlet filters.");
  }
  const overall = $("dyad-overall");
  overall.textContent = dyad.overall && range.since === null && range.until === null ? ""
    : dyad.overall ? `All time: ${signed(dyad.overall.score)} · ${relationLine(dyad.overall)}` : "";
  drawChart(dyad, range);
  drawShifts(dyad);
  drawEvidence(dyad, range);
  if (scroll && stacked()) $("dyad").scrollIntoView({ block: "start" });
}

function shiftDate(shift) {
  for (const key of ["date", "at", "period", "start", "since", "when"]) {
    if (typeof shift[key] === "string" && /^\d{4}-\d{2}-\d{2}/.test(shift[key])) return shift[key].slice(0, 10);
  }
  return null;
}

function drawChart(dyad, range) {
  const svg = $("dyad-chart");
  svg.replaceChildren();
  // the chart starts where the time axis's months start (background of earlier years is not charted)
  const firstMonth = state.axis.slots.find((s) => s !== "earlier");
  const series = firstMonth ? dyad.series.filter((p) => p.until >= `${firstMonth}-01`) : dyad.series;
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
  if (range.since || range.until) {
    series.forEach((p, i) => {
      if ((!range.until || p.since <= range.until) && (!range.since || p.until >= range.since)) {
        svg.append(svgEl("rect", { class: "current", x: left + i * slot, y: top, width: slot, height: plotH }));
      }
    });
  }
  const labelEvery = Math.max(1, Math.ceil(series.length / 6));
  series.forEach((point, i) => {
    const x = left + i * slot;
    if (point.score !== null) {
      const kind = point.score > 0 ? "pos" : point.score < 0 ? "neg" : "zero";
      const height = Math.max(1.5, Math.abs(y(point.score) - mid));
      const bar = svgEl("rect", {
        class: `bar ${kind}`, x: x + slot * 0.15, width: Math.max(1, slot * 0.7),
        y: point.score >= 0 ? mid - height : mid, height, opacity: Math.min(1, 0.35 + 0.15 * point.n_events),
      });
      bar.append(svgEl("title", {}, `${point.label}: ${signed(point.score)} (${plural(point.n_events, "item")})`));
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
// A stated shift (kind "stated") is a change the sources themselves tell: its first and last statement and the
// outlets that tell it, no levels.
const SHIFT_SKIP = new Set(["a", "b", "a_name", "b_name", "date", "before", "after", "direction", "robust", "evidence",
  "kind", "last_date", "last_before", "outlets"]);

function describeShift(shift) {
  const parts = [];
  const date = shiftDate(shift);
  if (shift.kind === "stated") {
    const until = shift.last_date && shift.last_date !== date ? ` to ${shift.last_date}` : "";
    parts.push(`stated by the sources ${date ? `from ${date}${until}` : ""}`.trim());
    if (shift.direction) parts.push(shift.direction);
    const outlets = Array.isArray(shift.outlets) ? shift.outlets : [];
    parts.push(`${outlets.length} outlet${outlets.length === 1 ? "" : "s"}: ${outlets.join(", ")}`);
    return parts.join(" · ");
  }
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
// A date only as precise as it is known (the API's date_precision), as detente.ingest.dates.describe_date.
function describeDate(date, precision) {
  if (!date) return precision === "before-publication" ? "before publication" : "undated";
  if (precision === "week") return `week of ${date}`;
  if (precision === "month") return date.slice(0, 7);
  if (precision === "year") return date.slice(0, 4);
  return date;
}

const PRECISION_WORDS = {
  day: "dated to the day", week: "dated to the week", month: "dated to the month", year: "dated to the year",
  "before-publication": "told as before the article, no date given", unknown: "no date",
};

// "Russia → Israel": who did what to whom; a stated relation is between the two, without a direction.
function directionEl(sources, targets, stated) {
  const span = el("span", { className: "direction" });
  span.append(namesEl(sources), stated ? " ↔ " : " → ", namesEl(targets));
  return span;
}

function docLink(docId, title, text) {
  const link = el("a", { className: "doc", href: `#doc=${encodeURIComponent(docId)}`, text: title || "the article" });
  link.addEventListener("click", () => { state.highlight = text || null; });
  return link;
}

function evidenceItem(item) {
  const precision = item.date_precision || (item.date ? "day" : "unknown");
  const meta = el("div", { className: "meta" }, [
    el("span", { className: `date precision-${precision}`, title: PRECISION_WORDS[precision] || precision, text: describeDate(item.date, precision) }),
    directionEl(item.sources, item.targets, item.stated),
    el("span", { className: "label", text: item.label }),
    el("span", { className: `score ${item.score > 0 ? "pos" : item.score < 0 ? "neg" : ""}`, text: signed(item.score) }),
    el("span", { className: "outlet", text: item.outlet || "unknown outlet" }),
  ]);
  if (item.said_by) meta.append(el("span", { className: "speaker" }, ["said by ", nameEl(item.said_by)]));
  if (item.background) meta.append(el("span", { className: "flag background", text: "background", title: "told as context, before the article's news: never drives a shift" }));
  if (item.hedged) meta.append(el("span", { className: "flag hedged", text: "hedged" }));
  if (item.negated) meta.append(el("span", { className: "flag negated", text: "negated" }));
  if (item.weight < 1) meta.append(el("span", { className: "flag down", text: `weight ${Number(item.weight.toFixed(2))}` }));
  const children = [meta, el("blockquote", { text: item.text })];
  if (item.doc_id) children.push(docLink(item.doc_id, item.doc_title, item.text));
  return el("li", { className: "evidence-item", dataset: { id: item.id } }, children);
}

function drawEvidence(dyad, range) {
  const items = dyad.evidence;
  const title = $("evidence-title");
  title.replaceChildren("Evidence: ", nameEl(dyad.a.id), " – ", nameEl(dyad.b.id));
  const total = dyad.overall ? dyad.overall.evidence.length : items.length;
  $("evidence-note").textContent = range.since || range.until
    ? `${plural(items.length, "report")} in ${range.label}${total > items.length ? ` (${total} in all)` : ""}, oldest first.`
    : `${plural(items.length, "report")}, oldest first.`;
  $("evidence").replaceChildren(...items.map((item) => evidenceItem({
    ...item, sources: [item.source], targets: item.target ? [item.target] : [], stated: item.kind === "relation",
  })));
}

async function showActorEvents(node) {
  const range = currentRange();
  let rows;
  try {
    await loadNames();
    rows = (await api("/api/events", { actor: node.id, since: range.since, until: range.until, limit: 200, ...outletParams() })).items;
  } catch (err) {
    setStatus(`Could not load the events of ${node.name}: ${err.message}`, true);
    return;
  }
  closeDocument();
  $("evidence-title").replaceChildren("Events of ", nameEl(node.id));
  $("evidence-note").textContent = `${plural(rows.length, "event")} (${range.label}), oldest first.`;
  $("evidence").replaceChildren(...rows.map((e) => evidenceItem({
    id: e.id, date: e.date, date_precision: e.date_precision, background: e.date_basis === "background",
    label: e.type, sources: e.source, targets: e.target, stated: false,
    score: e.score, outlet: e.outlet, said_by: e.said_by, hedged: e.hedged, negated: e.negated, weight: 1,
    text: e.evidence_text || "", doc_id: e.doc_id, doc_title: null,
  })));
  if (stacked()) $("evidence-panel").scrollIntoView({ block: "start" });
}

async function search(q) {
  if (q.length < 2) {
    setStatus("Type at least two characters to search.", true);
    return;
  }
  const range = currentRange();
  let hits;
  try {
    hits = (await api("/api/search", { q, since: range.since, until: range.until, limit: 100, ...outletParams() })).items;
  } catch (err) {
    setStatus(`Search failed: ${err.message}`, true);
    return;
  }
  closeDocument();
  $("evidence-title").textContent = `Sentences containing “${q}”`;
  $("evidence-note").textContent = `${hits.length} sentences${hits.length === 100 ? " (first 100)" : ""}.`;
  $("evidence").replaceChildren(...hits.map((hit) => el("li", { className: "evidence-item search-hit", dataset: { id: hit.sentence_id } }, [
    el("div", { className: "meta" }, [
      el("span", { className: "date", text: hit.published || "undated" }),
      el("span", { className: "outlet", text: hit.outlet || "unknown outlet" }),
    ]),
    el("blockquote", { text: hit.text }),
    docLink(hit.doc_id, hit.title || hit.doc_id, hit.text),
  ])));
  if (stacked()) $("evidence-panel").scrollIntoView({ block: "start" });
}

// -- the document view (#doc=ID): the article's sentences, the cited one marked ---------------------------------
function closeDocument() {
  $("document").hidden = true;
  $("evidence-panel").hidden = false;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (err) {
    return null;
  }
}

async function openDocument(docId) {
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  } catch (err) {
    setStatus(`Could not open the document: ${err.message}`, true);
    return;
  }
  $("document-title").textContent = doc.title || "(untitled)";
  const meta = $("document-meta");
  meta.replaceChildren(
    `${doc.outlet || "unknown outlet"}${doc.outlet_country ? ` (${doc.outlet_country})` : ""} · `
      + `${doc.published ? `published ${doc.published}` : "no publication date"}`
      + `${doc.date_basis && doc.published ? ` (${doc.date_basis})` : ""} · ${plural(doc.n_events, "event")}`,
  );
  const href = doc.url ? safeUrl(doc.url) : null;
  if (href) meta.append(" · ", el("a", { href, rel: "noopener noreferrer", target: "_blank", text: "original" }));
  meta.append(el("span", { className: "doc-id", text: ` · id ${doc.id}` }));
  const body = $("document-text");
  body.replaceChildren();
  const wanted = state.highlight ? state.highlight.trim() : null;
  let paragraph = null;
  let current = null;
  let marked = null;
  for (const sentence of doc.sentences) {
    if (paragraph === null || sentence.paragraph !== current) {
      paragraph = el("p");
      body.append(paragraph);
      current = sentence.paragraph;
    }
    const hit = wanted && (sentence.text.includes(wanted) || wanted.includes(sentence.text.trim()));
    const span = el("span", { className: hit ? "sentence cited" : "sentence", dataset: { idx: sentence.idx }, text: sentence.text });
    if (hit && !marked) marked = span;
    paragraph.append(span, " ");
  }
  $("evidence-panel").hidden = true;
  $("document").hidden = false;
  (marked || $("document")).scrollIntoView({ block: marked ? "center" : "start" });
}

function route() {
  const match = /^#doc=(.+)$/.exec(window.location.hash);
  if (match) openDocument(decodeURIComponent(match[1]));
  else closeDocument();
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
    ...news.shifts.map((s) => el("li", { className: "news-shift", text: `shift: ${s.a.name} – ${s.b.name} on ${s.date}: ${signed(s.before)} → ${signed(s.after)}` })),
  );
}

async function main() {
  bindControls();
  bindAxis();
  if (stacked()) $("filters").open = false; // on a phone the map comes first; filters are one tap away
  try {
    await Promise.all([loadOutlets(), loadTimeline()]);
  } catch (err) {
    setStatus(`Could not load the store: ${err.message}`, true);
    return;
  }
  await loadNetwork();
  if (window.location.hash) route();
  await loadNews();
  setInterval(loadNews, 60_000);
  document.body.dataset.ready = "true";
}

main();
