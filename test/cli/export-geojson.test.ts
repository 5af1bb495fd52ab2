import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "@placemarkio/check-geojson";
import booleanValid from "@turf/boolean-valid";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { ringArea } from "../../src/gazetteer/boundaries.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });

let db = "";
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-export-"));
  db = join(dir, "export.db");
  const a = join(dir, "a.txt");
  const b = join(dir, "b.txt");
  writeFileSync(a, "Rice farmers in Long An and Tay Ninh expect a good harvest.\n");
  writeFileSync(b, "Floods hit Quang Binh; the Long An delegation sent aid.\n");
  expect(run(["ingest", a, b, "--db", db]).status).toBe(0);
}, 60_000);

const rings = (f: Feature<Polygon | MultiPolygon>): Position[][] =>
  f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();

describe("dossier export --format geojson", () => {
  it.each([
    ["old", 63],
    ["new", 34],
  ] as const)("--level %s: %i valid RFC 7946 province polygons with counts", (level, n) => {
    const r = run(["export", "--db", db, "-f", "geojson", "--level", level]);
    expect(r.status).toBe(0);
    // @placemarkio/check-geojson throws on anything RFC 7946 forbids (it names the issue).
    const fc = check(r.stdout) as FeatureCollection<Polygon | MultiPolygon>;
    expect(fc.features).toHaveLength(n);
    for (const f of fc.features) {
      expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
      expect(booleanValid(f), `${level} ${f.properties?.code}`).toBe(true);
      const polygons =
        f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      // Exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
      const wrong = polygons.flatMap((p) =>
        p.filter((ring, i) => ringArea(ring) > 0 !== (i === 0)),
      );
      expect(wrong).toEqual([]);
      const outside = rings(f)
        .flat()
        .filter(([lon = 0, lat = 0]) => lon < 102 || lon > 118 || lat < 6 || lat > 24);
      expect(outside).toEqual([]);
      // Plain properties a GIS can style by.
      for (const v of Object.values(f.properties ?? {})) expect(typeof v).not.toBe("object");
    }
  });

  it("counts documents per province at each level, codes with their era", () => {
    const counts = (level: string) =>
      Object.fromEntries(
        (
          JSON.parse(run(["export", "--db", db, "-f", "geojson", "--level", level]).stdout)
            .features as Feature[]
        )
          .filter((f) => (f.properties?.count as number) > 0)
          .map((f) => [f.properties?.key, f.properties?.count]),
      );
    // Long An (80) until June 2025; since then, with Tây Ninh, Tây Ninh (80) of the 34.
    expect(counts("old")).toEqual({ "63:80": 2, "63:72": 1, "63:44": 1 });
    expect(counts("new")).toEqual({ "34:80": 2, "34:44": 1 });
  });
});
