import { check } from "@placemarkio/check-geojson";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import {
  BOUNDARIES_FILE,
  provinceFeatures,
  ringArea,
  VIETNAM_BBOX,
  validateBoundaryTopology,
} from "../../src/gazetteer/boundaries.js";
import { DEFAULT_DATA_DIR, loadGazetteer, readDataFile } from "../../src/gazetteer/load.js";

const g = loadGazetteer();
const text = readDataFile(DEFAULT_DATA_DIR, BOUNDARIES_FILE);
const bundled = JSON.parse(text) as Topology;
/** A deep copy to break. */
const copy = (): Topology => JSON.parse(text) as Topology;

describe("bundled province boundaries (TopoJSON, lon/lat)", () => {
  it("validate against the gazetteer", () => {
    expect(validateBoundaryTopology(bundled, g)).toEqual([]);
  });

  it("stay small: quantised, one topology for both eras", () => {
    expect(text.length).toBeLessThan(400 * 1024);
    expect(bundled.transform).toBeDefined();
  });

  it.each([
    ["old", 63],
    ["new", 34],
  ] as const)("give %s provinces as %i RFC 7946 polygons", (level, n) => {
    const features = provinceFeatures(bundled, level);
    expect(features).toHaveLength(n);
    const collection = JSON.stringify({ type: "FeatureCollection", features });
    expect(() => check(collection)).not.toThrow();
    // Geometric validity (@turf/boolean-valid) is checked on the export: test/cli/export-geojson.
    for (const f of features) expect(f.properties.nameVi).not.toBe("");
  });

  it("attach Hoang Sa to Da Nang and Truong Sa to Khanh Hoa in both eras", () => {
    const partsEastOf = (level: "old" | "new", code: string, lon: number) => {
      const f = provinceFeatures(bundled, level).find((x) => x.properties.code === code);
      const polygons = f?.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [];
      return polygons.filter((p) => (p[0] ?? []).every(([x = 0]) => x > lon)).length;
    };
    for (const level of ["old", "new"] as const) {
      expect(partsEastOf(level, "48", 111)).toBeGreaterThanOrEqual(10);
      expect(partsEastOf(level, "56", 111)).toBeGreaterThanOrEqual(30);
    }
  });

  it("keep the country within its box", () => {
    const { west, south, east, north } = VIETNAM_BBOX;
    expect([west, south, east, north]).toEqual([102, 6, 118, 24]);
  });
});

describe("boundary validation catches broken data", () => {
  it("a missing code and an unknown one", () => {
    const t = copy();
    const old = t.objects.old as unknown as { geometries: { properties: { code: string } }[] };
    old.geometries = old.geometries.filter((x) => x.properties.code !== "48");
    const moved = old.geometries[0];
    if (moved) moved.properties.code = "99";
    const problems = validateBoundaryTopology(t, g).join("\n");
    expect(problems).toMatch(/old: no polygon for .*48/);
    expect(problems).toMatch(/old: unknown codes 99/);
  });

  it("a missing level, and something that is no topology", () => {
    const t = copy();
    delete t.objects.new;
    expect(validateBoundaryTopology(t, g).join("\n")).toMatch(/new: the topology has no "new"/);
    expect(validateBoundaryTopology([], g)).toEqual(["not a TopoJSON topology"]);
  });

  it("a point outside Viet Nam", () => {
    const t = copy();
    const arc = t.arcs[0] as number[][];
    // Quantised arcs are deltas: push the first point far east, the next one back.
    (arc[0] as number[])[0] = 10_000_000;
    expect(validateBoundaryTopology(t, g).join("\n")).toMatch(/is outside Viet Nam/);
  });
});

describe("ring winding", () => {
  it("is positive counter-clockwise, as RFC 7946 wants exterior rings", () => {
    const ccw = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(ringArea(ccw)).toBeGreaterThan(0);
    expect(ringArea([...ccw].reverse())).toBeLessThan(0);
  });
});
