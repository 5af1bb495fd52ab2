import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeHref, segment, snippetParts, toggled } from "./text.js";

describe("segment", () => {
  it("cuts the text at the spans; the earlier, then the longer span wins an overlap", () => {
    const text = "Ho Chi Minh City and Hue";
    const parts = segment(text, [
      { start: 0, end: 11, kind: "person", title: "" },
      { start: 0, end: 16, kind: "place", title: "" },
      { start: 21, end: 24, kind: "place", title: "" },
      { start: 22, end: 30, kind: "bad", title: "" },
    ]);
    expect(parts.map((p) => [p.text, p.span?.kind ?? null])).toEqual([
      ["Ho Chi Minh City", "place"],
      [" and ", null],
      ["Hue", "place"],
    ]);
  });

  it("always gives back the whole text, in order, each piece at its offset", () => {
    const span = (n: number) =>
      fc
        .tuple(fc.integer({ min: -2, max: n + 2 }), fc.integer({ min: 0, max: 8 }))
        .map(([start, len]) => ({ start, end: start + len, kind: "k", title: "" }));
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 40 })
          .chain((text) =>
            fc.tuple(fc.constant(text), fc.array(span(text.length), { maxLength: 8 })),
          ),
        ([text, spans]) => {
          const parts = segment(text, spans);
          expect(parts.map((p) => p.text).join("")).toBe(text);
          for (const p of parts) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
        },
      ),
    );
  });
});

describe("snippetParts", () => {
  it("splits « » marks into marked parts and keeps the rest as text", () => {
    expect(snippetParts("…rain in «Đà Nẵng» and «Huế».")).toEqual([
      { text: "…rain in ", mark: false },
      { text: "Đà Nẵng", mark: true },
      { text: " and ", mark: false },
      { text: "Huế", mark: true },
      { text: ".", mark: false },
    ]);
    expect(snippetParts("<b>no marks</b>")).toEqual([{ text: "<b>no marks</b>", mark: false }]);
  });
});

describe("safeHref", () => {
  it("links only http and https", () => {
    expect(safeHref("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe("toggled", () => {
  it("adds or removes without touching the original", () => {
    const a = new Set(["x"]);
    expect([...toggled(a, "y")]).toEqual(["x", "y"]);
    expect([...toggled(a, "x")]).toEqual([]);
    expect([...a]).toEqual(["x"]);
  });
});
