/**
 * Builds data/boundaries/vietnam-provinces.json from @svg-maps/vietnam (CC BY 4.0):
 * `npx tsx scripts/build-boundaries.ts`.
 *
 * - matches each of the package's 63 provinces to its gazetteer code by folded name;
 * - turns the relative, separately rounded source paths into absolute rings, then snaps every
 *   province's border onto the borders of the provinces already done (in code order), so that
 *   neighbours share their vertices and the 34 dissolved shapes have no hairline gaps;
 * - `old`: the 63 provinces; `new`: the 34 of Resolution 202/2025/QH15, each the union
 *   (polygon-clipping) of the old provinces whose `new` column names it, with the thin
 *   slivers the imperfect source borders leave inside a union dropped;
 * - attaches the Hoang Sa archipelago to Da Nang and Truong Sa to Khanh Hoa (old and new);
 * - writes absolute M/L/Z paths rounded to 0.1, keys sorted, and checks the file with
 *   validateBoundaries before writing it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import map from "@svg-maps/vietnam";
import polygonClipping, { type MultiPolygon, type Polygon } from "polygon-clipping";
import {
  BOUNDARIES_FILE,
  type BoundaryPoint,
  type BoundaryRing,
  formatBoundaryPath,
  validateBoundaries,
} from "../src/gazetteer/boundaries.js";
import { nameKeys } from "../src/gazetteer/keys.js";
import { DEFAULT_DATA_DIR, loadGazetteer } from "../src/gazetteer/load.js";
import { foldKey } from "../src/text/fold.js";

const PACKAGE = "@svg-maps/vietnam";
const UPSTREAM = "https://github.com/VictorCazanave/svg-maps/tree/master/packages/vietnam";
const ATTRIBUTION =
  "Map of Vietnam by Stephen Truong, svg-maps, CC BY 4.0; 34-province shapes dissolved by Dossier";

/** The two archipelagos of the package and the (old) province each is drawn with. */
const ARCHIPELAGOS: Record<string, string> = { hoangsa: "48", truongsa: "56" };
/**
 * Package ids whose name the gazetteer's folded names and aliases do not match. Empty at
 * present: "Ba Ria–Vung Tau", "Thua Thien-Hue" and "Ho Chi Minh" all fold to a gazetteer name.
 */
const ID_TO_CODE: Record<string, string> = {};

/** Output grid: coordinates are written with one decimal. */
const DECIMALS = 1;
/** How far (viewBox units) a vertex moves to meet a neighbour's vertex or edge. */
const SNAP = 0.4;
/** Holes inside a (dissolved) shape thinner than this on average, or smaller, are gaps. */
const SLIVER_WIDTH = 0.6;
const SLIVER_AREA = 2;
/**
 * Douglas–Peucker tolerance applied to the source rings before snapping (viewBox units, about
 * a pixel at the map's natural size): keeps the file small; snapping then makes neighbours agree.
 */
const SIMPLIFY = 0.2;
/**
 * Islands are a unit or two across (the archipelagos, Ha Long Bay): they, and every ring
 * smaller than SMALL_ISLAND square units, keep more of their outline.
 */
const SIMPLIFY_ISLANDS = 0.05;
const SMALL_ISLAND = 50;
/** Rings smaller than this (square units) are dropped as noise. */
const MIN_RING_AREA = 0.005;
/** Cubic Béziers (Truong Sa's islands) become this many line segments. */
const CURVE_STEPS = 4;

interface Location {
  id: string;
  name: string;
  path: string;
}

type Pt = BoundaryPoint;
type Ring = BoundaryRing;

function fail(message: string): never {
  process.stderr.write(`build-boundaries: ${message}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------- source paths

/**
 * Parses the package's SVG paths into closed rings of absolute points: M/m, L/l, H/h, V/v,
 * C/c (flattened) and Z/z, which is all the package uses. Anything else fails loudly.
 */
function parseSvgPath(d: string, label: string): Ring[] {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const rings: Ring[] = [];
  let ring: Ring = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = "";
  let i = 0;
  const isCommand = (t: string) => /^[a-zA-Z]$/.test(t);
  const num = (): number => {
    const t = tokens[i++];
    if (t === undefined || isCommand(t)) fail(`${label}: path ends inside a ${command} command`);
    return Number(t);
  };
  const close = () => {
    if (ring.length > 0) rings.push(ring);
    ring = [];
  };
  while (i < tokens.length) {
    const t = tokens[i] as string;
    if (isCommand(t)) {
      command = t;
      i++;
      if (command === "z" || command === "Z") {
        close();
        x = startX;
        y = startY;
      }
      continue;
    }
    const rel = command === command.toLowerCase();
    switch (command.toLowerCase()) {
      case "m": {
        const dx = num();
        const dy = num();
        close();
        x = rel ? x + dx : dx;
        y = rel ? y + dy : dy;
        startX = x;
        startY = y;
        ring.push([x, y]);
        command = rel ? "l" : "L"; // further pairs are line-tos
        break;
      }
      case "l": {
        const dx = num();
        const dy = num();
        x = rel ? x + dx : dx;
        y = rel ? y + dy : dy;
        ring.push([x, y]);
        break;
      }
      case "h":
        x = rel ? x + num() : num();
        ring.push([x, y]);
        break;
      case "v":
        y = rel ? y + num() : num();
        ring.push([x, y]);
        break;
      case "c": {
        const c = [num(), num(), num(), num(), num(), num()];
        const [x1, y1, x2, y2, x3, y3] = rel
          ? c.map((v, k) => v + (k % 2 === 0 ? x : y))
          : (c as number[]);
        for (let s = 1; s <= CURVE_STEPS; s++) {
          const u = s / CURVE_STEPS;
          const a = (1 - u) ** 3;
          const b = 3 * (1 - u) ** 2 * u;
          const e = 3 * (1 - u) * u ** 2;
          const f = u ** 3;
          ring.push([
            a * x + b * (x1 as number) + e * (x2 as number) + f * (x3 as number),
            a * y + b * (y1 as number) + e * (y2 as number) + f * (y3 as number),
          ]);
        }
        x = x3 as number;
        y = y3 as number;
        break;
      }
      default:
        fail(`${label}: unsupported path command "${command}"`);
    }
  }
  close();
  return rings;
}

// ---------------------------------------------------------------- geometry helpers

function ringArea(r: Ring): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i] as Pt;
    const b = r[(i + 1) % r.length] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

function ringPerimeter(r: Ring): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i] as Pt;
    const b = r[(i + 1) % r.length] as Pt;
    s += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return s;
}

const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * Rounds a ring to the output grid and removes what that leaves behind: repeated points and
 * spikes (a → b → a). Returns undefined if fewer than three points or no area remain.
 */
function cleanRing(ring: Ring): Ring | undefined {
  let pts: Ring = ring.map(([x, y]) => [round(x), round(y)]);
  const same = (a: Pt | undefined, b: Pt | undefined) =>
    a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  for (let changed = true; changed && pts.length >= 3; ) {
    changed = false;
    const out: Ring = [];
    for (const p of pts) {
      if (same(out[out.length - 1], p)) {
        changed = true;
        continue;
      }
      if (same(out[out.length - 2], p)) {
        out.pop(); // spike: drop its tip, keep one copy of its base
        changed = true;
        continue;
      }
      out.push(p);
    }
    while (out.length > 1 && same(out[0], out[out.length - 1])) {
      out.pop();
      changed = true;
    }
    while (out.length > 2 && same(out[1], out[out.length - 1])) {
      out.shift(); // spike across the start
      out.pop();
      changed = true;
    }
    pts = out;
  }
  if (pts.length < 3 || Math.abs(ringArea(pts)) < MIN_RING_AREA) return undefined;
  return pts;
}

/** A grid of points and segments for nearest-neighbour queries within SNAP. */
class SnapIndex {
  private readonly cells = new Map<string, { points: Pt[]; segments: [Pt, Pt][] }>();
  private readonly size = SNAP;

  private cell(ix: number, iy: number) {
    const key = `${ix},${iy}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { points: [], segments: [] };
      this.cells.set(key, c);
    }
    return c;
  }

  addRing(ring: Ring): void {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Pt;
      const b = ring[(i + 1) % ring.length] as Pt;
      this.cell(Math.floor(a[0] / this.size), Math.floor(a[1] / this.size)).points.push(a);
      // A segment goes into every cell its bounding box touches.
      const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
      const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
      for (let ix = Math.floor(x0 / this.size); ix <= Math.floor(x1 / this.size); ix++) {
        for (let iy = Math.floor(y0 / this.size); iy <= Math.floor(y1 / this.size); iy++) {
          this.cell(ix, iy).segments.push([a, b]);
        }
      }
    }
  }

  private *near(p: Pt) {
    const ix = Math.floor(p[0] / this.size);
    const iy = Math.floor(p[1] / this.size);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const c = this.cells.get(`${ix + dx},${iy + dy}`);
        if (c) yield c;
      }
    }
  }

  /** The nearest indexed vertex within SNAP, else the nearest point on an indexed segment. */
  snap(p: Pt): Pt | undefined {
    let best: Pt | undefined;
    let bestD = SNAP;
    for (const c of this.near(p)) {
      for (const q of c.points) {
        const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
        if (d < bestD) {
          best = q;
          bestD = d;
        }
      }
    }
    if (best) return best;
    for (const c of this.near(p)) {
      for (const [a, b] of c.segments) {
        const q = closestOnSegment(p, a, b);
        const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
        if (d < bestD) {
          best = q;
          bestD = d;
        }
      }
    }
    return best;
  }

  /** Indexed vertices within SNAP of segment a–b, strictly between its ends, in order. */
  between(a: Pt, b: Pt): Pt[] {
    const found = new Map<Pt, number>();
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) return [];
    const steps = Math.ceil(Math.sqrt(len2) / this.size);
    for (let s = 0; s <= steps; s++) {
      const probe: Pt = [a[0] + (dx * s) / steps, a[1] + (dy * s) / steps];
      for (const c of this.near(probe)) {
        for (const q of c.points) {
          if (found.has(q)) continue;
          const t = ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2;
          if (t <= 1e-9 || t >= 1 - 1e-9) continue;
          const r = closestOnSegment(q, a, b);
          if (Math.hypot(r[0] - q[0], r[1] - q[1]) < SNAP) found.set(q, t);
        }
      }
    }
    return [...found].sort((u, v) => u[1] - v[1]).map(([q]) => q);
  }
}

/** Douglas–Peucker on a closed ring, split at its first point and the point farthest from it. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const first = ring[0] as Pt;
  let far = 0;
  let farD = -1;
  ring.forEach((p, i) => {
    const d = Math.hypot(p[0] - first[0], p[1] - first[1]);
    if (d > farD) {
      far = i;
      farD = d;
    }
  });
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length],
  ];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    const a = ring[from] as Pt;
    const b = ring[to % ring.length] as Pt;
    let worst = -1;
    let worstD = tolerance;
    for (let i = from + 1; i < to; i++) {
      const q = closestOnSegment(ring[i] as Pt, a, b);
      const d = Math.hypot(q[0] - (ring[i] as Pt)[0], q[1] - (ring[i] as Pt)[1]);
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  const out = ring.filter((_, i) => keep[i] === 1);
  // A small island would shrink to a sliver or vanish: keep it as drawn.
  return out.length >= 4 ? out : ring;
}

function closestOnSegment(p: Pt, a: Pt, b: Pt): Pt {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return [a[0] + t * dx, a[1] + t * dy];
}

/**
 * Moves each province's vertices onto the vertices or edges of the provinces before it (within
 * SNAP), and threads its snapped edges through the earlier provinces' vertices, so that a
 * shared border is the same line on both sides.
 */
function snapProvinces(provinces: { code: string; rings: Ring[] }[]): Map<string, Ring[]> {
  const index = new SnapIndex();
  const out = new Map<string, Ring[]>();
  for (const { code, rings } of provinces) {
    const snappedRings: Ring[] = [];
    for (const ring of rings) {
      const moved = ring.map((p) => {
        const q = index.snap(p);
        return { p: q ?? p, snapped: q !== undefined };
      });
      const threaded: Ring = [];
      moved.forEach((m, i) => {
        threaded.push(m.p);
        const next = moved[(i + 1) % moved.length];
        if (m.snapped && next?.snapped) threaded.push(...index.between(m.p, next.p));
      });
      const clean = cleanRing(threaded);
      if (clean) snappedRings.push(clean);
    }
    for (const r of snappedRings) index.addRing(r);
    out.set(code, snappedRings);
  }
  return out;
}

const slivers = { count: 0, largest: 0, holesKept: 0 };

/**
 * Unions rings (each taken as filled, as SVG's nonzero rule draws same-direction rings) and
 * drops holes that are slivers between imperfectly matching borders.
 */
function dissolve(rings: Ring[]): Ring[] {
  const polygons: Polygon[] = rings.map((r) => [[...r, r[0] as Pt]]);
  const [first, ...rest] = polygons;
  if (!first) return [];
  const union: MultiPolygon = polygonClipping.union(first, ...rest);
  const out: Ring[] = [];
  for (const polygon of union) {
    polygon.forEach((closed, k) => {
      const ring = closed.slice(0, -1) as Ring;
      if (k > 0) {
        const area = Math.abs(ringArea(ring));
        const meanWidth = (2 * area) / ringPerimeter(ring);
        if (area < SLIVER_AREA || meanWidth < SLIVER_WIDTH) {
          slivers.count++;
          slivers.largest = Math.max(slivers.largest, area);
          return;
        }
        slivers.holesKept++;
      }
      const clean = cleanRing(ring);
      if (clean) out.push(clean);
    });
  }
  return out;
}

// ---------------------------------------------------------------- main

const g = loadGazetteer();
const require = createRequire(import.meta.url);
const version = (
  JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")) as {
    version: string;
  }
).version;
const source = map as unknown as { viewBox: string; locations: Location[] };

// Folded names and aliases of the 63 old provinces → their codes.
const codesByKey = new Map<string, Set<string>>();
for (const k of nameKeys(g)) {
  const place = g.places[k.place];
  if (!place?.id.startsWith("p63:")) continue;
  const set = codesByKey.get(k.key) ?? new Set<string>();
  set.add(place.provinceCode);
  codesByKey.set(k.key, set);
}

const provinceRings = new Map<string, Ring[]>();
const archipelagoRings = new Map<string, Ring[]>(); // by old code
const matchedBy = new Map<string, string>(); // code → package id
for (const loc of source.locations) {
  const label = `${loc.id} ("${loc.name}")`;
  const archipelagoOf = ARCHIPELAGOS[loc.id];
  const rings = parseSvgPath(loc.path, label).map((r) =>
    simplifyRing(
      r,
      archipelagoOf || Math.abs(ringArea(r)) < SMALL_ISLAND ? SIMPLIFY_ISLANDS : SIMPLIFY,
    ),
  );
  if (rings.length === 0) fail(`${label}: empty path`);
  if (archipelagoOf) {
    archipelagoRings.set(archipelagoOf, [...(archipelagoRings.get(archipelagoOf) ?? []), ...rings]);
    continue;
  }
  const byName = codesByKey.get(foldKey(loc.name));
  const code = ID_TO_CODE[loc.id] ?? (byName?.size === 1 ? [...byName][0] : undefined);
  if (!code || !g.provinceByCode.has(code)) {
    fail(`${label}: no gazetteer province matches this name (add it to ID_TO_CODE)`);
  }
  const previous = matchedBy.get(code);
  if (previous) fail(`${label}: code ${code} already matched by ${previous}`);
  matchedBy.set(code, loc.id);
  provinceRings.set(code, rings);
}
const missing = g.provinces.filter((p) => !matchedBy.has(p.code));
if (missing.length > 0) {
  fail(`no shape in ${PACKAGE} for ${missing.map((p) => `${p.name} (${p.code})`).join(", ")}`);
}
for (const [id, code] of Object.entries(ARCHIPELAGOS)) {
  if (!archipelagoRings.has(code)) fail(`archipelago ${id} not found in ${PACKAGE}`);
}

const codes = g.provinces.map((p) => p.code).sort();
const snapped = snapProvinces(
  codes.map((code) => ({ code, rings: provinceRings.get(code) ?? [] })),
);

const islands = (code: string): Ring[] =>
  (archipelagoRings.get(code) ?? []).flatMap((r) => {
    const clean = cleanRing(r);
    return clean ? [clean] : [];
  });

const old: Record<string, string> = {};
for (const code of codes) {
  const rings = dissolve(snapped.get(code) ?? []);
  if (rings.length === 0) fail(`old province ${code}: no shape left`);
  old[code] = formatBoundaryPath([...rings, ...islands(code)], DECIMALS);
}

const fresh: Record<string, string> = {};
for (const p of [...g.provinces2025].sort((a, b) => a.code.localeCompare(b.code))) {
  const members = [...p.members].sort();
  const rings = dissolve(members.flatMap((code) => snapped.get(code) ?? []));
  if (rings.length === 0) fail(`new province ${p.code}: no shape left`);
  fresh[p.code] = formatBoundaryPath([...rings, ...members.flatMap(islands)], DECIMALS);
}

const file = {
  source: `${PACKAGE} ${version} (${UPSTREAM})`,
  licence: "CC BY 4.0",
  attribution: ATTRIBUTION,
  viewBox: source.viewBox,
  old,
  new: fresh,
};
const problems = validateBoundaries(file, g);
if (problems.length > 0) fail(`the result does not validate:\n  ${problems.join("\n  ")}`);

// Written by hand so that the codes come out sorted ("01" < "10"; JSON.stringify would put
// integer-like keys such as "10" first), one shape per line.
const shapes = (record: Record<string, string>) =>
  `{\n${Object.keys(record)
    .sort()
    .map((code) => `    ${JSON.stringify(code)}: ${JSON.stringify(record[code])}`)
    .join(",\n")}\n  }`;
const text = `{
  "source": ${JSON.stringify(file.source)},
  "licence": ${JSON.stringify(file.licence)},
  "attribution": ${JSON.stringify(file.attribution)},
  "viewBox": ${JSON.stringify(file.viewBox)},
  "old": ${shapes(old)},
  "new": ${shapes(fresh)}
}
`;
const target = `${DEFAULT_DATA_DIR}${BOUNDARIES_FILE}`;
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, text);
process.stdout.write(
  `build-boundaries: wrote ${target} (${Object.keys(old).length} old, ${Object.keys(fresh).length} new, ` +
    `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB); ${slivers.count} sliver holes dropped ` +
    `(largest ${slivers.largest.toFixed(2)} square units), ${slivers.holesKept} holes kept\n`,
);
