import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareHistory } from "../../src/compare/history.js";
import { compare } from "../../src/compare/index.js";
import type { CompareInput } from "../../src/compare/types.js";
import { analyze } from "../../src/index.js";

// Our own invented statements between two real states, so entities and domains are real.
const doc = (source: string, published: string, sentences: string[]): CompareInput => {
  const text = ["Joint Statement", "", ...sentences].join("\n");
  return {
    source,
    title: "Joint Statement",
    published,
    provisions: analyze({ text, title: "Joint Statement" }).provisions,
  };
};
const A = doc("a.txt", "2025-01-15", [
  "Both sides agreed to expand cooperation in rice exports and fertiliser trade.",
  "Both sides support the full implementation of the Declaration on the Conduct of Parties in the East Sea.",
  "The two sides agreed to open a direct air route between the two capitals.",
  "Both sides welcomed the growth of student exchanges and scholarships.",
]);
const B = doc("b.txt", "2025-05-11", [
  "Both sides agreed to expand cooperation in rice exports and fertiliser trade.",
  "Both sides welcomed the full implementation of the Declaration on the Conduct of Parties in the South China Sea.",
  "Both sides agreed to cooperate in biosafety and vaccine research.",
  "Both sides welcomed the growth of student exchanges and scholarships, and agreed to double the number of scholarships.",
]);

describe("compare", () => {
  const c = compare(A, B);
  const byA = (i: number) => c.pairs.find((p) => p.a === i);

  it("classes each provision: same, reworded, only in A, only in B", () => {
    expect(byA(0)).toMatchObject({ b: 0, class: "same" });
    expect(byA(1)).toMatchObject({ b: 1, class: "reworded" });
    expect(byA(2)).toMatchObject({ b: null, class: "only_a" });
    expect(c.pairs.find((p) => p.b === 2)).toMatchObject({ a: null, class: "only_b" });
    expect(c.summary).toMatchObject({ same: 1, only_a: 1, only_b: 1 });
  });

  it("reports the variant name of the same sea and the stance change", () => {
    const changes = byA(1)?.changes ?? [];
    expect(changes).toContainEqual({
      kind: "variant",
      id: "place:south-china-sea",
      a: "East Sea",
      b: "South China Sea",
    });
    expect(changes).toContainEqual({ kind: "stance", a: "support", b: "welcome" });
    expect(c.summary.stanceChanges).toBe(1);
  });

  it("gives a word diff whose kept and removed parts spell A and kept and added parts spell B", () => {
    const p = byA(1);
    const aText = (p?.diff ?? [])
      .filter((d) => d.op !== "add")
      .map((d) => d.text)
      .join("");
    const bText = (p?.diff ?? [])
      .filter((d) => d.op !== "remove")
      .map((d) => d.text)
      .join("");
    expect(aText).toBe(p?.aText);
    expect(bText).toBe(p?.bText);
  });

  it("a document compared with itself is all same; with an empty one, all on one side", () => {
    const self = compare(A, A);
    expect(self.pairs.every((p) => p.class === "same" && p.a === p.b)).toBe(true);
    const empty: CompareInput = { source: "e.txt", provisions: [] };
    expect(compare(A, empty).pairs.map((p) => p.class)).toEqual([
      "only_a",
      "only_a",
      "only_a",
      "only_a",
    ]);
    expect(compare(empty, A).pairs.map((p) => p.class)).toEqual([
      "only_b",
      "only_b",
      "only_b",
      "only_b",
    ]);
  });

  it("is symmetric: compare(b, a) mirrors compare(a, b)", () => {
    const mirror = (x: typeof c) => x.pairs.map((p) => `${p.a}:${p.b}:${p.class}`).sort();
    const swapped = compare(B, A)
      .pairs.map(
        (p) =>
          `${p.b}:${p.a}:${p.class === "only_a" ? "only_b" : p.class === "only_b" ? "only_a" : p.class}`,
      )
      .sort();
    expect(swapped).toEqual(mirror(c));
  });

  it("never throws on arbitrary provisions, and stays symmetric up to which copy of a repeated sentence pairs", () => {
    const sentence = fc.constantFrom(
      "Both sides agreed to expand trade in coffee.",
      "Both sides agreed to expand trade in rice.",
      "The two sides welcomed the new air route.",
      "Both sides support the Declaration on the Conduct of Parties in the East Sea.",
      "Both sides oppose unilateral sanctions.",
      "The Russian side supports Viet Nam's role in ASEAN.",
    );
    fc.assert(
      fc.property(
        fc.array(sentence, { maxLength: 6 }),
        fc.array(sentence, { maxLength: 6 }),
        (xs, ys) => {
          const x = doc("x", "2025-01-01", xs);
          const y = doc("y", "2025-02-01", ys);
          const xy = compare(x, y)
            .pairs.map((p) => `${p.aText}|${p.bText}|${p.class.replace(/only_./, "only")}`)
            .sort();
          const yx = compare(y, x)
            .pairs.map((p) => `${p.bText}|${p.aText}|${p.class.replace(/only_./, "only")}`)
            .sort();
          expect(yx).toEqual(xy);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("follows each commitment through several documents in date order", () => {
    const C = doc("c.txt", "2025-09-01", [
      "Both sides agreed to expand cooperation in rice exports and fertiliser trade.",
    ]);
    const h = compareHistory([B, C, A]);
    expect(h.documents.map((d) => d.source)).toEqual(["a.txt", "b.txt", "c.txt"]);
    const rice = h.threads.find((t) =>
      t.text.startsWith("Both sides agreed to expand cooperation in rice"),
    );
    expect(rice?.indices).toEqual([0, 0, 0]);
    expect(rice?.steps).toEqual(["same", "same"]);
    const air = h.threads.find((t) =>
      t.text.startsWith("The two sides agreed to open a direct air route"),
    );
    expect(air?.indices).toEqual([2, null, null]);
    expect(air?.steps[0]).toBe("only_a");
  });
});

describe("nearestStatement", () => {
  it("finds the earlier statement that shares the most commitments", async () => {
    const { indexStatements, nearestStatement } = await import("../../src/compare/nearest.js");
    const other = doc("o.txt", "2024-01-01", [
      "Both sides agreed to build a new football stadium together.",
      "The two sides welcomed the film festival and the art exhibition.",
    ]);
    const index = indexStatements([other, A]);
    expect(nearestStatement(B, index)?.statement).toBe(1);
    expect(nearestStatement({ source: "e", provisions: [] }, index)).toBeNull();
  });
});

describe("compare: order, splits and merges", () => {
  it("aligns reordered provisions and keeps A's reading order", () => {
    const x = doc("x", "2025-01-01", [
      "Both sides agreed to expand trade in rice and coffee.",
      "Both sides welcomed the new direct air route between the capitals.",
      "Both sides support the Declaration on the Conduct of Parties in the East Sea.",
    ]);
    const y = doc("y", "2025-02-01", [
      "Both sides support the Declaration on the Conduct of Parties in the East Sea.",
      "Both sides agreed to expand trade in rice and coffee.",
      "Both sides welcomed the new direct air route between the capitals.",
    ]);
    const c = compare(x, y);
    expect(c.pairs.map((p) => [p.a, p.b, p.class])).toEqual([
      [0, 1, "same"],
      [1, 2, "same"],
      [2, 0, "same"],
    ]);
  });

  it("a provision split in two is aligned with both parts", () => {
    const x = doc("x", "2025-01-01", [
      "Both sides agreed to expand cooperation in oil and gas exploration on the continental shelf and in liquefied natural gas supply.",
      "Both sides welcomed the film festival.",
    ]);
    const y = doc("y", "2025-02-01", [
      "Both sides agreed to expand cooperation in oil and gas exploration on the continental shelf.",
      "Both sides agreed to expand cooperation in liquefied natural gas supply.",
      "Both sides welcomed the film festival.",
    ]);
    const c = compare(x, y);
    const fromFirst = c.pairs.filter((p) => p.a === 0);
    expect(fromFirst.map((p) => p.b).sort()).toEqual([0, 1]);
    expect(fromFirst.every((p) => p.split === true && p.class === "reworded")).toBe(true);
    expect(c.pairs.find((p) => p.a === 1)).toMatchObject({ b: 2, class: "same" });
  });
});

// Statements are long: most of each side's provisions have no partner on the other. These give
// the short test documents that background (compare() judges a pair against its document pair's
// typical pair).
const BACKGROUND_A = [
  "Both sides agreed to hold the tenth meeting of the Intergovernmental Commission in the autumn.",
  "The two sides welcomed the exhibition of lacquer paintings in the capital.",
  "Both sides supported the exchange of young diplomats between the two foreign ministries.",
  "The two sides noted the opening of a new branch of the joint venture bank.",
];
const BACKGROUND_B = [
  "Both sides agreed to simplify customs procedures at the land border crossings.",
  "The two sides welcomed the new sister-city agreement between the two port cities.",
  "Both sides supported a joint survey of migratory birds along the coast.",
  "The two sides noted the success of the first youth football tournament.",
];

describe("compare: rewordings, look-alikes and what changed", () => {
  it("pairs a rewording through the concept table, not a look-alike sharing its frame", () => {
    const x = doc("x", "2025-01-01", [
      "Both sides agreed to deepen and intensify the Comprehensive Partnership.",
      "Both sides agreed to expand cooperation in rice exports.",
      "The two sides welcomed the opening of a consulate in Da Nang.",
      ...BACKGROUND_A,
    ]);
    const y = doc("y", "2025-06-01", [
      "Both sides agreed to expand cooperation in cybersecurity.",
      "Both sides agreed to increase the depth and breadth of their Comprehensive Partnership.",
      "Both sides agreed to expand cooperation in rice exports and fertiliser.",
      ...BACKGROUND_B,
    ]);
    const c = compare(x, y);
    const partner = (i: number) => c.pairs.filter((p) => p.a === i).map((p) => p.b);
    expect(partner(0)).toEqual([1]);
    expect(partner(1)).toEqual([2]);
    expect(c.pairs.find((p) => p.b === 0)?.class).toBe("only_b");
    const deepen = c.pairs.find((p) => p.a === 0);
    expect(deepen?.reasons?.concepts).toContain("advance");
    expect(deepen?.reasons?.stance).toBe("same");
  });

  it("gives each pair a confidence between 0 and 1 and says why", () => {
    const c = compare(A, B);
    for (const p of c.pairs) {
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    const rice = c.pairs.find((p) => p.a === 0);
    expect(rice?.confidence).toBeGreaterThan(0.8);
    expect(rice?.reasons?.terms).toEqual(expect.arrayContaining(["rice", "fertiliser"]));
  });

  it("keeps a visit to one state apart from a visit to the other", () => {
    const x = doc("x", "2025-01-01", [
      "Prime Minister Pham Minh Chinh invited Prime Minister Shigeru Ishiba to visit Viet Nam at a convenient time.",
      "Both sides agreed to expand cooperation in rice exports.",
    ]);
    const y = doc("y", "2025-06-01", [
      "Both sides agreed to expand cooperation in rice exports.",
      "The two sides expressed their expectation that Vietnamese leaders would visit Japan at a convenient time.",
    ]);
    const c = compare(x, y);
    expect(c.pairs.find((p) => p.a === 0)?.b).toBeNull();
    expect(c.pairs.find((p) => p.b === 1)?.reasons?.clash).toMatch(
      /visits to country:VNM and country:JPN/,
    );
  });

  it("aligns Vietnamese statements on their own words", () => {
    const x = doc("x", "2025-01-01", [
      "Hai bên nhất trí tăng cường hợp tác thương mại và đầu tư.",
      "Hai bên hoan nghênh việc mở đường bay thẳng giữa hai thủ đô.",
      "Hai bên nhất trí tổ chức kỳ họp Ủy ban liên Chính phủ vào mùa thu.",
      "Hai bên ủng hộ việc trao đổi cán bộ ngoại giao trẻ.",
    ]);
    const y = doc("y", "2025-06-01", [
      "Hai bên hoan nghênh việc mở thêm đường bay thẳng giữa hai thủ đô.",
      "Hai bên nhất trí thúc đẩy mạnh mẽ hợp tác thương mại và đầu tư.",
      "Hai bên nhất trí đơn giản hóa thủ tục hải quan tại các cửa khẩu.",
      "Hai bên ghi nhận thành công của giải bóng đá thanh niên.",
    ]);
    const c = compare(x, y);
    expect(
      c.pairs
        .filter((p) => p.a !== null && p.b !== null)
        .map((p) => `${p.a}:${p.b}`)
        .sort(),
    ).toEqual(["0:1", "1:0"]);
  });

  it("sums up what changed by domain: kept, strengthened, weakened, new, dropped", () => {
    const x = doc("x", "2025-01-01", [
      "Both sides noted the potential of cooperation in semiconductors and chip design.",
      "Both sides agreed to expand cooperation in rice exports and fertiliser trade.",
      "Both sides agreed to build a nuclear research reactor together.",
      "Both sides welcomed the growth of tourism and direct flights.",
      ...BACKGROUND_A,
    ]);
    const y = doc("y", "2025-06-01", [
      "Both sides agreed to strengthen cooperation in semiconductors and chip design, including joint research.",
      "Both sides noted the potential of cooperation in rice exports and fertiliser trade.",
      "Both sides welcomed the growth of tourism and direct flights.",
      "Both sides agreed to open a joint centre for artificial intelligence research.",
      ...BACKGROUND_B,
    ]);
    const s = compare(x, y).summary.changes;
    expect([s.kept, s.strengthened, s.weakened]).toEqual([1, 1, 1]);
    expect([s.added, s.dropped]).toEqual([5, 5]);
    const by = (kind: "strengthened" | "weakened" | "added" | "dropped") =>
      s.domains.filter((d) => d[kind].length > 0).map((d) => d.domain);
    expect(by("strengthened")).toEqual(["digital"]);
    expect(by("weakened")).toEqual(["agriculture"]);
    expect(by("dropped")).toContain("nuclear");
    for (const d of s.domains) expect(d.label).not.toBe("");
  });
});
