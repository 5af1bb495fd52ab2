import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGazetteer, findPlaces, readGazetteerSources } from "../../src/index.js";

const sources = readGazetteerSources();
const { gazetteer: g, problems } = checkGazetteer(sources);

describe("bundled gazetteer", () => {
  it("validates without problems", () => {
    expect(problems).toEqual([]);
  });

  it("has 63 old and 34 new provinces, each old one in exactly one new one", () => {
    expect(g.provinces).toHaveLength(63);
    expect(g.provinces2025).toHaveLength(34);
    const members = g.provinces2025.flatMap((p) => p.members).sort();
    expect(members).toEqual(g.provinces.map((p) => p.code).sort());
  });

  it("records the 2025 mergers of Resolution 202/2025/QH15", () => {
    const merged = (name: string) =>
      g.provinces2025
        .find((p) => p.name === name)
        ?.members.map((c) => g.provinceByCode.get(c)?.name)
        .sort();
    expect(merged("Ho Chi Minh")).toEqual(["Ba Ria-Vung Tau", "Binh Duong", "Ho Chi Minh"]);
    expect(merged("Gia Lai")).toEqual(["Binh Dinh", "Gia Lai"]);
    expect(merged("Quang Ngai")).toEqual(["Kon Tum", "Quang Ngai"]);
    expect(merged("Hue")).toEqual(["Thua Thien Hue"]);
    expect(merged("Lam Dong")).toEqual(["Binh Thuan", "Dak Nong", "Lam Dong"]);
    expect(g.provinces2025.filter((p) => p.members.length === 1)).toHaveLength(11);
  });

  it("places every old and new provincial centre", () => {
    for (const p of [...g.provinces, ...g.provinces2025]) {
      const found = findPlaces(`Officials met in ${p.centre} today.`);
      expect(found.length, `centre ${p.centre} of ${p.name}`).toBeGreaterThan(0);
    }
  });

  it("resolves all 64 entries of a site's province picker to the 63 old provinces", () => {
    const picker = readFileSync(new URL("../fixtures/picker.txt", import.meta.url), "utf8");
    const found = findPlaces(picker);
    expect(found).toHaveLength(64);
    expect(new Set(found.map((m) => m.province.code)).size).toBe(63);
  });
});

describe("data validation catches broken data", () => {
  const broken = (edit: (s: typeof sources) => Partial<typeof sources>) =>
    checkGazetteer({ ...sources, ...edit(sources) }).problems.join("\n");

  it("duplicate codes", () => {
    expect(
      broken((s) => ({ provinces63: s.provinces63.replace("\n02\tHa Giang", "\n01\tHa Giang") })),
    ).toMatch(/duplicate old province code: 01/);
  });
  it("an old province mapped to an unknown new one", () => {
    expect(
      broken((s) => ({
        provinces63: s.provinces63.replace(/(\n96\tCa Mau(\t[^\t]*){6}\t)96/, "$199"),
      })),
    ).toMatch(/Ca Mau \(96\) maps to unknown 2025 province "99"/);
  });
  it("a place in an unknown province", () => {
    expect(
      broken((s) => ({ places: `${s.places}Nowhere\tNowhere\ttown\t00\t10\t106\t\t\n` })),
    ).toMatch(/Nowhere.*unknown province code "00"/);
  });
  it("a name claimed in two provinces without a rule, and the rule that settles it", () => {
    const places = `${sources.places}Hoi An\tHội An\ttown\t01\t21\t105.8\t\t\n`;
    expect(checkGazetteer({ ...sources, places }).problems.join("\n")).toMatch(
      /"hoi an" is claimed by places in different provinces/,
    );
    const ambiguous = `${sources.ambiguous}Hoi An\tplace:hoi-an\tthe famous one\n`;
    expect(checkGazetteer({ ...sources, places, ambiguous }).problems).toEqual([]);
  });
  it("coordinates outside Viet Nam and bad numbers", () => {
    expect(broken((s) => ({ places: `${s.places}Far\tFar\ttown\t01\t48.8\t2.3\t\t\n` }))).toMatch(
      /Far.*outside Viet Nam/,
    );
    expect(broken((s) => ({ places: `${s.places}Odd\tOdd\ttown\t01\tnorth\t2.3\t\t\n` }))).toMatch(
      /lat is not a number/,
    );
  });
  it("unknown flags and kinds", () => {
    expect(
      broken((s) => ({ places: `${s.places}Odd\tOdd\tcastle\t01\t21\t105\tshout\t\n` })),
    ).toMatch(/unknown kind "castle"[\s\S]*unknown flag "shout"/);
  });
});

describe("data parsing never throws", () => {
  it("turns arbitrary text into problems, not exceptions", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const rows = `${a}\n${a.replace(/ /g, "\t")}\n${b.split("").join("\t")}`;
        const { problems } = checkGazetteer({
          provinces63: rows,
          provinces34: rows,
          places: rows,
          ambiguous: b,
        });
        expect(Array.isArray(problems)).toBe(true);
        expect(problems.length).toBeGreaterThan(0); // never 63 valid provinces by chance
      }),
      { numRuns: 200 },
    );
  });
});
