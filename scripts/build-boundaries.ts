/**
 * Builds data/boundaries/vietnam-provinces.topo.json, the province polygons of the map and the
 * GeoJSON export, from the shared ward-derived pair (one topology for both eras):
 *   npx tsx scripts/build-boundaries.ts [../shared/data/boundaries]
 * 1. reads vietnam-provinces-63-from-wards.geojson and -34-from-wards.geojson (RFC 7946, lon/lat);
 * 2. joins them into one TopoJSON topology, objects `old` (63) and `new` (34): a border shared by
 *    two provinces, or by both eras, is stored once;
 * 3. simplifies it (Visvalingam, topology kept) to about SIMPLIFY_KEEP of the points, dropping
 *    the islets too small to draw (below MIN_ISLET_AREA square degrees);
 * 4. quantises it (QUANTISATION steps per axis: about 15 m);
 * 5. repairs what simplification and rounding broke: where parts of one province now overlap or
 *    share an edge (islets that drifted into each other), their union (polygon-clipping), less the
 *    slivers under SLIVER_AREA square degrees it leaves; the repaired features are joined into a
 *    topology again on the same grid;
 * 6. checks it: both objects complete, every ring closed and wound as RFC 7946 asks, every point
 *    inside Viet Nam's box, every geometry valid (@turf/boolean-valid);
 * 7. records the archipelagos the map draws as insets (`insets`, a foreign member TopoJSON
 *    readers ignore): each island place of the gazetteer east of OFFSHORE_LON, with the box of
 *    the polygon parts nearest it.
 * Deterministic: the same input gives the same bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import booleanValid from "@turf/boolean-valid";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import polygonClipping, { type MultiPolygon as Parts } from "polygon-clipping";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { filter, filterWeight, presimplify, quantile, simplify } from "topojson-simplify";
import {
  type ProvinceFeature,
  provinceFeatures,
  ringArea,
  validateBoundaryTopology,
} from "../src/gazetteer/boundaries.js";
import { loadGazetteer } from "../src/gazetteer/load.js";

const SIMPLIFY_KEEP = 0.3;
const MIN_ISLET_AREA = 2e-6;
const QUANTISATION = 1e5;
const SLIVER_AREA = 1e-6;
/** East of this longitude lie only the archipelagos, far from the mainland and its islands. */
const OFFSHORE_LON = 109.6;

const source =
  process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "data", "boundaries");
const target = join(import.meta.dirname, "..", "data", "boundaries", "vietnam-provinces.topo.json");
const read = (file: string) =>
  JSON.parse(readFileSync(join(source, file), "utf8")) as FeatureCollection;

const old = read("vietnam-provinces-63-from-wards.geojson");
const nu = read("vietnam-provinces-34-from-wards.geojson");
const byCode = (fc: FeatureCollection) => {
  fc.features.sort((a, b) => String(a.properties?.code).localeCompare(String(b.properties?.code)));
  for (const f of fc.features) {
    const { code, name, nameVi } = f.properties as Record<string, string>;
    f.properties = { code, name, nameVi };
  }
  return fc;
};

/** The topology type the simplifier takes; every step keeps it. */
type Topo = Parameters<typeof presimplify>[0];
let topo = topology({ old: byCode(old), new: byCode(nu) }) as Topo;
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, 1 - SIMPLIFY_KEEP));
topo = filter(topo, filterWeight(topo, MIN_ISLET_AREA));
// Quantise the simplified topology: delta-encoded integers, a fraction of the float text.
topo = quantize(topo, QUANTISATION);

/** A feature made valid again, or an error naming it. */
function repaired(f: ProvinceFeature, level: string): ProvinceFeature {
  if (booleanValid(f)) return f;
  const parts = (
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates
  ) as Parts;
  const [first = [], ...rest] = parts;
  const kept = polygonClipping
    .union(first, ...rest)
    .filter((polygon) => Math.abs(ringArea(polygon[0] ?? [])) / 2 >= SLIVER_AREA);
  const geometry: Polygon | MultiPolygon =
    kept.length === 1
      ? { type: "Polygon", coordinates: kept[0] ?? [] }
      : { type: "MultiPolygon", coordinates: kept };
  const fixed = { ...f, geometry };
  if (!booleanValid(fixed))
    throw new Error(`${level} ${f.properties.code}: still invalid after repair`);
  process.stdout.write(
    `repaired ${level} ${f.properties.code}: ${parts.length} → ${kept.length} parts\n`,
  );
  return fixed;
}
const collection = (level: "old" | "new"): FeatureCollection => ({
  type: "FeatureCollection",
  features: provinceFeatures(topo, level).map((f) => repaired(f, level)),
});
topo = quantize(topology({ old: collection("old"), new: collection("new") }) as Topo, QUANTISATION);

const problems = validateBoundaryTopology(topo, loadGazetteer());
for (const level of ["old", "new"] as const)
  for (const f of provinceFeatures(topo, level))
    if (!booleanValid(f)) problems.push(`${level} ${f.properties.code}: invalid geometry`);
if (problems.length > 0) {
  process.stderr.write(
    `build-boundaries: ${problems.length} problem(s):\n${problems.join("\n")}\n`,
  );
  process.exit(1);
}
const g = loadGazetteer();
const islands = g.places.filter((p) => p.kind === "island" && p.lon > OFFSHORE_LON);
const boxes = islands.map(() => [180, 90, -180, -90]);
for (const f of provinceFeatures(topo, "old")) {
  const polygons =
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    const lon = ring.reduce((s, [x = 0]) => s + x, 0) / ring.length;
    const lat = ring.reduce((s, [, y = 0]) => s + y, 0) / ring.length;
    if (lon <= OFFSHORE_LON) continue;
    const d = islands.map((p) => Math.hypot(p.lon - lon, p.lat - lat));
    const box = boxes[d.indexOf(Math.min(...d))] as number[];
    for (const [x = 0, y = 0] of ring) {
      box[0] = Math.min(box[0] as number, x);
      box[1] = Math.min(box[1] as number, y);
      box[2] = Math.max(box[2] as number, x);
      box[3] = Math.max(box[3] as number, y);
    }
  }
}
const round = (n: number) => Math.round(n * 1000) / 1000;
const insets = islands.map((p, i) => ({
  name: p.name,
  nameVi: p.nameVi,
  province: p.provinceCode,
  province2025: g.provinceByCode.get(p.provinceCode)?.code2025,
  bbox: (boxes[i] as number[]).map(round),
}));
const text = `${JSON.stringify({ ...topo, insets })}\n`;
writeFileSync(target, text);
const points = topo.arcs.reduce((n, arc) => n + arc.length, 0);
process.stdout.write(
  `${target}: ${topo.arcs.length} arcs, ${points} points, ${(text.length / 1024).toFixed(0)} KiB\n`,
);
