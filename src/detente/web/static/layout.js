// A small signed force-directed layout: nodes repel each other, cooperative
// edges pull their ends together, hostile edges push them apart, so blocs
// gather and rivals sit on opposite sides.  Deterministic: nodes start on a
// circle in id order and no randomness is used, so the same network always
// draws the same way (a reader can compare two windows).

// Tuned by eye on the seeds' store (30 nodes) and on 200 random nodes:
// REPULSION and ATTRACTION set the spacing together; NEGATIVE_PUSH is how
// much more a hostile edge repels than two unrelated nodes.
const ITERATIONS = 400;
const REPULSION = 1.0;
const ATTRACTION = 1.0;
const NEGATIVE_PUSH = 2.5;
const NEUTRAL_PULL = 0.25;
const GRAVITY = 0.06;
// A relation is drawn as cooperation or conflict past this score (-10..+10);
// the same threshold colours the CLI's relations table.
export const TONE_THRESHOLD = 0.5;

export function tone(score) {
  if (score > TONE_THRESHOLD) return "coop";
  if (score < -TONE_THRESHOLD) return "conflict";
  return "mixed";
}

/**
 * Place nodes for a signed graph.
 * @param {string[]} ids node ids
 * @param {{a: string, b: string, score: number, n: number}[]} edges
 * @param {number} width
 * @param {number} height
 * @param {number} margin
 * @returns {Map<string, {x: number, y: number}>}
 */
export function layout(ids, edges, width, height, margin = 40) {
  const order = [...ids].sort();
  const n = order.length;
  const index = new Map(order.map((id, i) => [id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    x[i] = Math.cos(angle);
    y[i] = Math.sin(angle);
  }
  const links = edges
    .filter((e) => index.has(e.a) && index.has(e.b) && e.a !== e.b)
    .map((e) => ({ i: index.get(e.a), j: index.get(e.b), score: e.score, strength: Math.min(1, Math.abs(e.score) / 10) + Math.min(1, Math.log1p(e.n) / 3) }));
  const k = Math.sqrt(1 / Math.max(n, 1)) * 1.6; // ideal distance in a unit-ish square
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    const temperature = 0.12 * (1 - it / ITERATIONS) + 0.002;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i] - x[j];
        let ddy = y[i] - y[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-9) { ddx = 1e-3 * (i - j); ddy = 1e-3; d2 = ddx * ddx + ddy * ddy; }
        const f = (REPULSION * k * k) / d2;
        dx[i] += ddx * f; dy[i] += ddy * f;
        dx[j] -= ddx * f; dy[j] -= ddy * f;
      }
    }
    for (const l of links) {
      const ddx = x[l.i] - x[l.j];
      const ddy = y[l.i] - y[l.j];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) + 1e-9;
      let f;
      if (l.score > TONE_THRESHOLD) f = -(ATTRACTION * l.strength * d) / k;
      else if (l.score < -TONE_THRESHOLD) f = (NEGATIVE_PUSH * l.strength * k * k) / (d * d) - (NEUTRAL_PULL * 0.3 * d) / k;
      else f = -(NEUTRAL_PULL * d) / k;
      dx[l.i] += ddx * f; dy[l.i] += ddy * f;
      dx[l.j] -= ddx * f; dy[l.j] -= ddy * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= GRAVITY * x[i] * n;
      dy[i] -= GRAVITY * y[i] * n;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-12;
      const step = Math.min(len, temperature);
      x[i] += (dx[i] / len) * step;
      y[i] += (dy[i] / len) * step;
    }
  }
  return fit(order, x, y, width, height, margin);
}

function fit(order, x, y, width, height, margin) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < order.length; i++) {
    minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]);
  }
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - scale * spanX) / 2;
  const offY = (height - scale * spanY) / 2;
  const out = new Map();
  order.forEach((id, i) => {
    out.set(id, order.length === 1
      ? { x: width / 2, y: height / 2 }
      : { x: offX + (x[i] - minX) * scale, y: offY + (y[i] - minY) * scale });
  });
  return out;
}
