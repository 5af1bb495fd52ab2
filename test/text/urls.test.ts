import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDates } from "../../src/extract/dates/index.js";
import { analyze, findEntities, findPlaces, placesAndEntities } from "../../src/index.js";
import { maskUrls, urlSpans } from "../../src/text/urls.js";

const spanTexts = (text: string) => urlSpans(text).map((s) => text.slice(s.start, s.end));

describe("urlSpans", () => {
  it.each([
    ["Read it at https://example.org/news/a-b.html.", ["https://example.org/news/a-b.html"]],
    ["(see http://example.vn/x_(y)) now", ["http://example.vn/x_(y)"]],
    ["Write to desk@example.gov.vn, or call.", ["desk@example.gov.vn"]],
    ["visit www.example.vn/path today", ["www.example.vn/path"]],
    ["visit WWW.EXAMPLE.COM today", ["WWW.EXAMPLE.COM"]],
    // A host with a path, in a text that also has a scheme link.
    [
      "https://a.example.com and example.vn/tin-tuc/bai-1",
      ["https://a.example.com", "example.vn/tin-tuc/bai-1"],
    ],
  ])("%s", (text, want) => {
    expect(spanTexts(text)).toEqual(want);
  });

  it.each([
    "The talks in Hanoi.It was agreed that both sides would meet again.",
    "U.S. and e.g. No. 15/2025/NĐ-CP of 15/1/2025, and/or more.",
    "A bare host with no path, Hanoi.vn, stays words.",
    "@VNA reported it; the price was 2.5/3.",
  ])("leaves words alone: %s", (text) => {
    expect(spanTexts(text)).toEqual([]);
  });

  it("is linear enough on adversarial input (returns on 2 MB of near-links)", () => {
    for (const unit of ["a@b.", "http://", "(http://x.y/(", "www.", "a-b.c-d.e@"]) {
      const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
      for (const s of urlSpans(text)) expect(s.end).toBeGreaterThan(s.start);
    }
  });
});

describe("maskUrls", () => {
  it("returns the same string when there is nothing to mask", () => {
    const text = "Hà Nội, ngày 15/1/2025: Viet Nam and Japan.";
    expect(maskUrls(text)).toBe(text);
  });

  it("keeps the length and every character outside links", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc.emailAddress(),
            fc.constantFrom(" ", "\n", "www.", "://", "@", "Hanoi", "/", "."),
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const text = parts.join(" ");
          const masked = maskUrls(text);
          expect(masked.length).toBe(text.length);
          const spans = urlSpans(text);
          let last = 0;
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeGreaterThan(s.start);
            last = s.end;
          }
          expect(last).toBeLessThanOrEqual(text.length);
          for (let i = 0; i < text.length; i++) {
            const inside = spans.some((s) => s.start <= i && i < s.end);
            expect(masked[i]).toBe(inside ? " " : text[i]);
          }
        },
      ),
    );
  });

  it("masks every generated web URL from its first character through its host", () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ["http", "https"] }), (url) => {
        const text = `Source: ${url} ends here`;
        const start = text.indexOf(url);
        const host = url.indexOf("/", url.indexOf("://") + 3);
        const hostEnd = start + (host < 0 ? url.length : host);
        const span = urlSpans(text).find((s) => s.start === start);
        expect(span).toBeDefined();
        expect(span?.end ?? 0).toBeGreaterThanOrEqual(hostEnd);
      }),
    );
  });
});

describe("no place, entity or date inside a link", () => {
  const text =
    "Source: https://example.com/news/united-states-and-da-nang/ha-noi.html?day=2025-01-15\n" +
    "The delegation from Japan visited Hue. Contact hanoi@example.vn or www.example.vn/hue.";

  it("finds the places and entities of the words, none of the link's", () => {
    expect(findPlaces(text).map((p) => [p.text, p.start])).toEqual([["Hue", text.indexOf("Hue.")]]);
    expect(findEntities(text).map((e) => e.text)).toEqual(["Japan"]);
    const both = placesAndEntities(text);
    expect(both.places.map((p) => p.text)).toEqual(["Hue"]);
    expect(both.entities.map((e) => e.id)).toEqual(["country:JPN"]);
  });

  it("reads no date from a link", () => {
    expect(findDates(text)).toEqual([]);
  });

  it("analyze() keeps offsets into the unmasked text", () => {
    const a = analyze({ text });
    expect(a.places.map((p) => text.slice(p.start, p.end))).toEqual(["Hue"]);
    expect(a.entities.map((e) => e.text)).toEqual(["Japan"]);
    expect(a.dates).toEqual([]);
  });
});
