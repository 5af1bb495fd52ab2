import { describe, expect, it } from "vitest";
import {
  BOUNDARIES_FILE,
  formatBoundaryPath,
  type ProvinceBoundaries,
  parseBoundaryPath,
  validateBoundaries,
} from "../../src/gazetteer/boundaries.js";
import { DEFAULT_DATA_DIR, loadGazetteer, readDataFile } from "../../src/gazetteer/load.js";

const g = loadGazetteer();
const text = readDataFile(DEFAULT_DATA_DIR, BOUNDARIES_FILE);
const bundled = JSON.parse(text) as ProvinceBoundaries;
/** A deep copy to break. */
const copy = (): ProvinceBoundaries => JSON.parse(text) as ProvinceBoundaries;

describe("bundled province boundaries", () => {
  it("validate against the gazetteer", () => {
    expect(validateBoundaries(bundled, g)).toEqual([]);
  });

  it("have the 63 old and 34 new codes, sorted, with the licence and attribution", () => {
    expect(Object.keys(bundled.old)).toHaveLength(63);
    expect(Object.keys(bundled.new)).toHaveLength(34);
    expect(text.indexOf('"01"')).toBeLessThan(text.indexOf('"10"'));
    expect(bundled.viewBox).toBe("0 0 812 873");
    expect(bundled.licence).toBe("CC BY 4.0");
    expect(bundled.source).toMatch(/^@svg-maps\/vietnam \d+\.\d+\.\d+ \(https:\/\//);
    expect(bundled.attribution).toMatch(/Stephen Truong.*CC BY 4\.0/);
  });

  it("use absolute M/L/Z paths with one decimal", () => {
    for (const d of [...Object.values(bundled.old), ...Object.values(bundled.new)]) {
      expect(d).toMatch(/^M[-\d.,LMZ ]+Z$/);
      expect(d).not.toMatch(/\.\d\d/);
    }
  });

  it("attach the archipelagos to Da Nang and Khanh Hoa, before and after the merger", () => {
    // Hoang Sa is drawn east of 560 and north of 460, Truong Sa south-east of 480,600.
    const inBox = (d: string | undefined, x0: number, y0: number, x1: number, y1: number) =>
      parseBoundaryPath(d ?? "").filter((r) =>
        r.every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1),
      ).length;
    for (const side of [bundled.old, bundled.new]) {
      expect(inBox(side["48"], 560, 300, 812, 460)).toBeGreaterThanOrEqual(15);
      expect(inBox(side["56"], 480, 600, 812, 873)).toBeGreaterThanOrEqual(50);
    }
  });

  it("dissolve merged provinces into fewer rings than their members have together", () => {
    // Ninh Binh (2025) = Ha Nam + Nam Dinh + Ninh Binh: one mainland piece, no internal borders.
    const members = ["35", "36", "37"].map((c) => parseBoundaryPath(bundled.old[c] ?? "").length);
    const merged = parseBoundaryPath(bundled.new["37"] ?? "").length;
    expect(merged).toBeLessThan(members.reduce((a, b) => a + b, 0));
  });
});

describe("boundary validation catches broken data", () => {
  it("a missing code", () => {
    const b = copy();
    delete b.old["48"];
    delete b.new["96"];
    const problems = validateBoundaries(b, g).join("\n");
    expect(problems).toMatch(/boundaries\.old: no shape for old province 48/);
    expect(problems).toMatch(/boundaries\.new: no shape for 2025 province 96/);
  });

  it("a code the gazetteer does not have", () => {
    const b = copy();
    b.new["02"] = b.old["02"] ?? "";
    expect(validateBoundaries(b, g).join("\n")).toMatch(/new\["02"\]: not a 2025 province code/);
  });

  it("a coordinate outside the viewBox", () => {
    const b = copy();
    b.old["01"] = "M10,10L20,10 900,20Z";
    b.new["01"] = "M10,10L20,10 20,-0.5Z";
    const problems = validateBoundaries(b, g).join("\n");
    expect(problems).toMatch(/old\["01"\]: point 900,20 is outside the viewBox 0 0 812 873/);
    expect(problems).toMatch(/new\["01"\]: point 20,-0.5 is outside the viewBox/);
  });

  it("empty, unparseable and relative paths", () => {
    const b = copy();
    b.old["02"] = "";
    b.old["04"] = "M10,10L20,10 20,20";
    b.old["06"] = "m10,10 l5,0 0,5z";
    b.old["08"] = "M10,10L20Z";
    const problems = validateBoundaries(b, g).join("\n");
    expect(problems).toMatch(/old\["02"\]: path must be a non-empty string/);
    expect(problems).toMatch(/old\["04"\]: bad path: last ring not closed by Z/);
    expect(problems).toMatch(/old\["06"\]: bad path: unexpected "m10/);
    expect(problems).toMatch(/old\["08"\]: bad path: odd number of coordinates/);
  });

  it("missing metadata and a bad viewBox", () => {
    const b = copy() as unknown as Record<string, unknown>;
    delete b.licence;
    b.viewBox = "0 0 812";
    const problems = validateBoundaries(b, g).join("\n");
    expect(problems).toMatch(/"licence" must be a non-empty string/);
    expect(problems).toMatch(/viewBox "0 0 812" is not four numbers/);
    expect(validateBoundaries([], g)).toEqual(["boundaries: not a JSON object"]);
  });
});

describe("boundary paths", () => {
  it("round-trip through format and parse", () => {
    const rings: [number, number][][] = [
      [
        [0, 0],
        [10.04, 0],
        [10, 5.55],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 2],
      ],
    ];
    const d = formatBoundaryPath(rings);
    expect(d).toBe("M0,0L10,0 10,5.6ZM1,1L2,1 2,2 1,2Z");
    expect(parseBoundaryPath(d)).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 5.6],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 2],
      ],
    ]);
  });

  it("accept spaces and repeated L commands, as SVG does", () => {
    expect(parseBoundaryPath("M 1 2 L 3 4 L 5 6 Z")).toEqual([
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ]);
  });
});
