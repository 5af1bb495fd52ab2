import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { readDataFile } from "./load.js";
import type { Gazetteer } from "./types.js";

/** The province polygons of both eras, one TopoJSON topology (data/README.md). */
export const BOUNDARIES_FILE = "boundaries/vietnam-provinces.topo.json";

/** Viet Nam with its archipelagos, in degrees: every boundary point lies inside. */
export const VIETNAM_BBOX = { west: 102, south: 6, east: 118, north: 24 } as const;

export type BoundaryLevel = "old" | "new";

/** What each province polygon carries: its code at its level and its names. */
export interface BoundaryProperties {
  code: string;
  name: string;
  nameVi: string;
}

export type ProvinceFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

/**
 * Twice the signed area of a ring in the plane of lon/lat: positive when counter-clockwise,
 * the winding RFC 7946 asks of an exterior ring (holes the other way).
 */
export function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] as Position;
    const [x1 = 0, y1 = 0] = ring[i] as Position;
    sum += (x0 - x1) * (y0 + y1);
  }
  return sum;
}

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === "Polygon" ? [g.coordinates] : g.coordinates;

/**
 * One level's provinces as GeoJSON features (RFC 7946: lon/lat, exterior rings
 * counter-clockwise), sorted by code.
 */
export function provinceFeatures(topology: Topology, level: BoundaryLevel): ProvinceFeature[] {
  const object = topology.objects[level] as GeometryCollection<BoundaryProperties> | undefined;
  if (!object) throw new Error(`the topology has no "${level}" object`);
  const fc = feature(topology, object) as FeatureCollection<
    Polygon | MultiPolygon,
    BoundaryProperties
  >;
  return fc.features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
}

let cached: Topology | undefined;

/** The bundled topology, read once. */
export function defaultBoundaries(dataDir?: string): Topology {
  if (dataDir) return JSON.parse(readDataFile(dataDir, BOUNDARIES_FILE)) as Topology;
  cached ??= JSON.parse(
    readDataFile(new URL("../../data/", import.meta.url).pathname, BOUNDARIES_FILE),
  ) as Topology;
  return cached;
}

/**
 * Checks the topology against the gazetteer: objects `old` and `new` with exactly the 63 and 34
 * codes, each a Polygon or MultiPolygon whose rings are closed, have four points or more, wind
 * as RFC 7946 asks, and lie inside Viet Nam's box. Returns the problems (none when valid).
 */
export function validateBoundaryTopology(data: unknown, g: Gazetteer): string[] {
  const problems: string[] = [];
  const topo = data as Topology;
  if (topo?.type !== "Topology" || typeof topo.objects !== "object" || !Array.isArray(topo.arcs))
    return ["not a TopoJSON topology"];
  const want = {
    old: g.provinces.map((p) => p.code),
    new: g.provinces2025.map((p) => p.code),
  };
  for (const level of ["old", "new"] as const) {
    let features: ProvinceFeature[];
    try {
      features = provinceFeatures(topo, level);
    } catch (e) {
      problems.push(`${level}: ${(e as Error).message}`);
      continue;
    }
    const codes = features.map((f) => f.properties?.code);
    const missing = want[level].filter((c) => !codes.includes(c));
    const unknown = codes.filter((c) => !want[level].includes(c));
    if (missing.length > 0) problems.push(`${level}: no polygon for ${missing.join(", ")}`);
    if (unknown.length > 0) problems.push(`${level}: unknown codes ${unknown.join(", ")}`);
    if (new Set(codes).size !== codes.length) problems.push(`${level}: a code is repeated`);
    for (const f of features) {
      const label = `${level} ${f.properties?.code}`;
      const type: string | undefined = f.geometry?.type;
      if (type !== "Polygon" && type !== "MultiPolygon") {
        problems.push(`${label}: geometry ${type ?? "missing"}, not a polygon`);
        continue;
      }
      for (const polygon of polygonsOf(f.geometry)) {
        for (const [i, ring] of polygon.entries())
          problems.push(...ringProblems(ring, i === 0, label));
      }
    }
  }
  return problems;
}

function ringProblems(ring: Position[], exterior: boolean, label: string): string[] {
  const out: string[] = [];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4) out.push(`${label}: a ring of ${ring.length} points`);
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
    out.push(`${label}: a ring is not closed`);
  const area = ringArea(ring);
  if (exterior ? area <= 0 : area >= 0)
    out.push(`${label}: ${exterior ? "an exterior ring" : "a hole"} winds the wrong way`);
  const { west, south, east, north } = VIETNAM_BBOX;
  const outside = ring.find(([x = 0, y = 0]) => x < west || x > east || y < south || y > north);
  if (outside) out.push(`${label}: point ${outside.join(",")} is outside Viet Nam`);
  return out;
}
