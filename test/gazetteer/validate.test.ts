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

describe("the units below the province (districts-old, communes-old, communes-2025)", () => {
  it("hold every district, commune and 2025 commune, linked across the reform", () => {
    const count = (era: string, level: string) =>
      g.units.filter((u) => u.era === era && u.level === level).length;
    expect(count("new", "commune")).toBe(3321);
    expect(count("old", "commune")).toBeGreaterThan(10_000);
    expect(count("old", "district")).toBeGreaterThan(690);
    // An island district with no communes became a special zone of 2025.
    const island = g.units.find((u) => u.id === "d63:498");
    expect(island?.successors.map((i) => g.units[i]?.type)).toEqual(["đặc khu"]);
    expect(g.units.filter((u) => u.partial).length).toBeGreaterThan(400);
  });

  const broken = (edit: (s: typeof sources) => Partial<typeof sources>) =>
    checkGazetteer({ ...sources, ...edit(sources) }).problems.join("\n");
  const row = (file: string, code: string) =>
    file.split("\n").find((l) => l.startsWith(`${code}\t`)) ?? "";

  it("a commune in an unknown district, of an unknown type, with a bad code", () => {
    expect(
      broken((s) => ({ communesOld: `${s.communesOld}99999\tXóm Lạ\txã\t999\t00004\t\t\n` })),
    ).toMatch(/communes-old.tsv:\d+: unknown district "999"/);
    expect(
      broken((s) => ({ communesOld: `${s.communesOld}9999\tXóm Lạ\tlàng\t001\t00004\t\t\n` })),
    ).toMatch(/code "9999" is not 5 digits[\s\S]*unknown type "làng"/);
  });

  it("an old commune sent into a 2025 commune of another province", () => {
    // 00001 (Hà Nội) into 25747, a commune of 2025 Hồ Chí Minh City.
    const line = row(sources.communesOld ?? "", "00001");
    const moved = line.replace(/\t\d{5}(\|\d{5})*\t/, "\t25747\t");
    expect(broken((s) => ({ communesOld: (s.communesOld ?? "").replace(line, moved) }))).toMatch(
      /Phúc Xá \(c63:00001\) of province 01 went into .* of 2025 province 79, not 01/,
    );
  });

  it("a split commune not marked partial, and a whole one marked so", () => {
    const split = row(sources.communesOld ?? "", "00007");
    const whole = row(sources.communesOld ?? "", "00001");
    const problems = broken((s) => ({
      communesOld: (s.communesOld ?? "")
        .replace(split, split.replace("\tpartial", "\t"))
        .replace(whole, whole.replace(/\t\t$/, "\tpartial\t")),
    }));
    expect(problems).toMatch(/Cống Vị \(c63:00007\): 2 2025 communes but not marked partial/);
    expect(problems).toMatch(/Phúc Xá \(c63:00001\): 1 2025 communes but marked partial/);
  });

  it("a 2025 commune made of nothing, or of two old provinces", () => {
    expect(
      broken((s) => ({ communes2025: `${s.communes2025}99998\tMới Lập\txã\t01\t\n` })),
    ).toMatch(/Mới Lập \(c34:99998\): made of no old unit/);
    // A Hà Nội commune also sent into a Hồ Chí Minh City commune that draws on old Bình Dương.
    const line = row(sources.communesOld ?? "", "00001");
    const both = line.replace(/\t(\d{5})\t\t/, "\t$1|25747\tpartial\t");
    expect(broken((s) => ({ communesOld: (s.communesOld ?? "").replace(line, both) }))).toMatch(
      /made of units of several old provinces/,
    );
  });

  it("a district of an unknown province, and a 2025 commune of an unknown one", () => {
    expect(broken((s) => ({ districtsOld: `${s.districtsOld}999\tLạ\thuyện\t00\t\n` }))).toMatch(
      /districts-old.tsv:\d+: unknown province "00"/,
    );
    expect(broken((s) => ({ communes2025: `${s.communes2025}99997\tLạ\txã\t00\t\n` }))).toMatch(
      /communes-2025.tsv:\d+: unknown 2025 province "00"/,
    );
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
          districtsOld: rows,
          communesOld: b,
          communes2025: rows,
        });
        expect(Array.isArray(problems)).toBe(true);
        expect(problems.length).toBeGreaterThan(0); // never 63 valid provinces by chance
      }),
      { numRuns: 200 },
    );
  });
});
