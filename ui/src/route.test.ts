import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./route.js";

describe("routes", () => {
  it("reads the three views from the hash", () => {
    expect(parseRoute("")).toEqual({ view: "search", filters: {}, level: "old", offset: 0 });
    expect(
      parseRoute("#/?q=%C4%91%C3%A0+n%E1%BA%B5ng&province2025=48&level=new&offset=20"),
    ).toEqual({
      view: "search",
      filters: { q: "đà nẵng", province2025: "48" },
      level: "new",
      offset: 20,
    });
    expect(parseRoute("#/doc/abc?q=hue&removed=1")).toEqual({
      view: "document",
      id: "abc",
      removed: true,
      q: "hue",
    });
    expect(parseRoute("#/compare/a/b")).toEqual({ view: "compare", a: "a", b: "b" });
    expect(parseRoute("#/?offset=-5&bogus=1")).toEqual({
      view: "search",
      filters: {},
      level: "old",
      offset: 0,
    });
  });

  it("formats and parses back to the same route, whatever the text", () => {
    const text = fc.string({ minLength: 1, maxLength: 30 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.record({
        view: fc.constant("search" as const),
        filters: fc.record({ q: text, province: text }, { requiredKeys: [] }),
        level: fc.constantFrom("old" as const, "new" as const),
        offset: fc.nat({ max: 10_000 }),
      }),
      fc.record({ view: fc.constant("document" as const), id: text, removed: fc.boolean() }),
      fc.record({ view: fc.constant("compare" as const), a: text, b: text }),
    );
    fc.assert(
      fc.property(route, (r) => {
        // Empty filter values are dropped on the way, as the UI never sets them.
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
    );
  });
});
