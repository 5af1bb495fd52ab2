import type { Gazetteer } from "./types.js";

/**
 * Province outlines for the web map: data/boundaries/vietnam-provinces.json, built by
 * scripts/build-boundaries.ts from @svg-maps/vietnam (CC BY 4.0). Each province is one SVG
 * path of absolute M/L/Z commands in the file's viewBox, keyed by its gazetteer code: `old`
 * holds the 63 provinces until 30 June 2025, `new` the 34 from 1 July 2025.
 */
export interface ProvinceBoundaries {
  source: string;
  licence: string;
  attribution: string;
  viewBox: string;
  old: Record<string, string>;
  new: Record<string, string>;
}

/** The file's place under data/. */
export const BOUNDARIES_FILE = "boundaries/vietnam-provinces.json";

export type BoundaryPoint = [number, number];
/** A closed ring; the closing point is not repeated. */
export type BoundaryRing = BoundaryPoint[];

const TOKEN = /\s*(?:([MLZ])|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))\s*,?/y;

/**
 * Parses a boundary path: absolute `M`, `L` and `Z` only, coordinate pairs repeated after `M`
 * or `L` as in SVG (further pairs after `M` are line-tos). Every ring must be closed by `Z` and
 * have at least three points. Throws an Error saying what is wrong.
 */
export function parseBoundaryPath(path: string): BoundaryRing[] {
  const d = path.trimEnd();
  const rings: BoundaryRing[] = [];
  let ring: BoundaryRing | undefined;
  let command = "";
  let pending: number | undefined;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < d.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(d);
    if (!m) throw new Error(`unexpected "${d.slice(at, at + 12)}" at offset ${at}`);
    const [, letter, number] = m;
    if (letter) {
      if (pending !== undefined) throw new Error(`odd number of coordinates before offset ${at}`);
      if (letter === "Z") {
        if (!ring) throw new Error(`Z without an open ring at offset ${at}`);
        if (ring.length < 3) throw new Error(`ring with ${ring.length} point(s) at offset ${at}`);
        rings.push(ring);
        ring = undefined;
        command = "";
      } else {
        if (letter === "M" && ring) throw new Error(`ring not closed by Z before offset ${at}`);
        if (letter === "L" && !ring) throw new Error(`L without M at offset ${at}`);
        command = letter;
      }
      continue;
    }
    if (command === "") throw new Error(`coordinate without a command at offset ${at}`);
    const value = Number(number);
    if (!Number.isFinite(value)) throw new Error(`bad number "${number}" at offset ${at}`);
    if (pending === undefined) {
      pending = value;
      continue;
    }
    if (command === "M") {
      ring = [];
      command = "L";
    }
    ring?.push([pending, value]);
    pending = undefined;
  }
  if (pending !== undefined) throw new Error("odd number of coordinates at the end");
  if (ring) throw new Error("last ring not closed by Z");
  if (rings.length === 0) throw new Error("no ring");
  return rings;
}

/** Writes rings as an absolute M/L/Z path, coordinates rounded to `decimals`. */
export function formatBoundaryPath(rings: BoundaryRing[], decimals = 1): string {
  const f = 10 ** decimals;
  const num = (v: number) => String(Math.round(v * f) / f + 0); // + 0: no "-0"
  return rings
    .map((ring) => {
      const pairs = ring.map(([x, y]) => `${num(x)},${num(y)}`);
      return `M${pairs[0]}L${pairs.slice(1).join(" ")}Z`;
    })
    .join("");
}

/** Parses a viewBox "minX minY width height"; undefined if it is not one. */
export function parseViewBox(viewBox: string): [number, number, number, number] | undefined {
  const parts = viewBox
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) return undefined;
  const [x, y, w, h] = parts as [number, number, number, number];
  return w > 0 && h > 0 ? [x, y, w, h] : undefined;
}

/**
 * Checks the boundaries file against the gazetteer: the metadata strings, exactly the 63 old
 * and 34 new province codes, each path non-empty and parseable, every coordinate inside the
 * viewBox. Returns the problems found, empty if none.
 */
export function validateBoundaries(json: unknown, g: Gazetteer): string[] {
  const problems: string[] = [];
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return ["boundaries: not a JSON object"];
  }
  const data = json as Record<string, unknown>;
  for (const field of ["source", "licence", "attribution", "viewBox"]) {
    const v = data[field];
    if (typeof v !== "string" || v.trim() === "")
      problems.push(`boundaries: "${field}" must be a non-empty string`);
  }
  const box = typeof data.viewBox === "string" ? parseViewBox(data.viewBox) : undefined;
  if (typeof data.viewBox === "string" && !box) {
    problems.push(`boundaries: viewBox "${data.viewBox}" is not four numbers with a positive size`);
  }
  const sets = [
    { key: "old", what: "old province", codes: g.provinces.map((p) => p.code) },
    { key: "new", what: "2025 province", codes: g.provinces2025.map((p) => p.code) },
  ];
  for (const { key, what, codes } of sets) {
    const shapes = data[key];
    if (typeof shapes !== "object" || shapes === null || Array.isArray(shapes)) {
      problems.push(`boundaries: "${key}" must be an object of code → path`);
      continue;
    }
    const paths = shapes as Record<string, unknown>;
    for (const code of codes) {
      if (!Object.hasOwn(paths, code))
        problems.push(`boundaries.${key}: no shape for ${what} ${code}`);
    }
    const known = new Set(codes);
    for (const [code, d] of Object.entries(paths)) {
      const label = `boundaries.${key}["${code}"]`;
      if (!known.has(code)) problems.push(`${label}: not a ${what} code of the gazetteer`);
      if (typeof d !== "string" || d.trim() === "") {
        problems.push(`${label}: path must be a non-empty string`);
        continue;
      }
      let rings: BoundaryRing[];
      try {
        rings = parseBoundaryPath(d);
      } catch (error) {
        problems.push(`${label}: bad path: ${(error as Error).message}`);
        continue;
      }
      if (!box) continue;
      const [x0, y0, w, h] = box;
      const outside = rings
        .flat()
        .find(([x, y]) => !(x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h));
      if (outside) {
        problems.push(
          `${label}: point ${outside[0]},${outside[1]} is outside the viewBox ${data.viewBox}`,
        );
      }
    }
  }
  return problems;
}
