import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsTest, countStartingBefore, overlapTest, within } from "../../src/text/spans.js";

const range = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }))
  .map(([start, length]) => ({ start, end: start + length }));
const byStart = (rs: { start: number; end: number }[]) =>
  [...rs].sort((a, b) => a.start - b.start || a.end - b.end);

// Each fast test against the plain definition it replaces, on random spans.
describe("span tests", () => {
  it("containsTest: some blocker holds the span and reaches beyond it", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), range, (blockers, r) => {
        const naive = blockers.some(
          (b) => b.start <= r.start && b.end >= r.end && b.end - b.start > r.end - r.start,
        );
        expect(containsTest(blockers)(r.start, r.end)).toBe(naive);
      }),
    );
  });

  it("overlapTest: some blocker overlaps the span", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), range, (blockers, r) => {
        const naive = blockers.some((b) => b.start < r.end && b.end > r.start);
        expect(overlapTest(blockers)(r.start, r.end)).toBe(naive);
      }),
    );
  });

  it("countStartingBefore and within agree with a scan", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), range, (items, r) => {
        const sorted = byStart(items);
        expect(countStartingBefore(sorted, r.start)).toBe(
          sorted.filter((x) => x.start < r.start).length,
        );
        expect(within(sorted, r.start, r.end)).toEqual(
          sorted.filter((x) => x.start >= r.start && x.end <= r.end),
        );
      }),
    );
  });

  it("a span is not inside itself, nor inside a blocker of the same extent", () => {
    expect(containsTest([{ start: 3, end: 8 }])(3, 8)).toBe(false);
    expect(containsTest([{ start: 3, end: 9 }])(3, 8)).toBe(true);
    expect(containsTest([{ start: 2, end: 8 }])(3, 8)).toBe(true);
  });
});
