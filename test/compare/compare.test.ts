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
