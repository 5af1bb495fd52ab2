import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultGazetteer, findPlaces, stripDiacritics } from "../../src/index.js";

const g = defaultGazetteer();
// Names that need no context to be places: no flags, not a one-syllable name.
const plainNames = g.places
  .flatMap((p) =>
    p.names.filter((n) => n.flags.length === 0 && n.text.includes(" ")).map((n) => n.text),
  )
  .sort();
const filler = fc.constantFrom(
  "In",
  "the",
  "storm",
  "hit",
  "and",
  "near",
  "where",
  "visitors",
  "said",
  ",",
  ";",
  "(",
  ")",
  "2025",
  "người",
  "dân",
  "ở",
  "về",
);
const sentence = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: filler },
      { weight: 1, arbitrary: fc.constantFrom(...plainNames) },
    ),
    { maxLength: 30 },
  )
  .map((words) => words.join(" "));

const summary = (text: string) => findPlaces(text).map((m) => `${m.place.id}|${m.province.code}`);

describe("findPlaces properties", () => {
  it("offsets always slice to the surface text", () => {
    fc.assert(
      fc.property(
        fc.oneof(sentence, fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        (text) => {
          for (const m of findPlaces(text)) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            expect(m.start).toBeLessThan(m.end);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds the same places with or without diacritics, in NFC or NFD", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const expected = summary(text);
        expect(summary(stripDiacritics(text))).toEqual(expected);
        expect(summary(text.normalize("NFD"))).toEqual(expected);
        expect(summary(text.normalize("NFC"))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary Unicode and returns ordered, disjoint mentions", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const found = findPlaces(text);
        for (let i = 1; i < found.length; i++) {
          expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(findPlaces(text)).toEqual(findPlaces(text));
      }),
      { numRuns: 100 },
    );
  });

  it("finds every plain name placed between fillers", () => {
    fc.assert(
      fc.property(fc.constantFrom(...plainNames), (name) => {
        const found = findPlaces(`Visitors went to ${name} last week.`);
        expect(found.map((m) => m.text)).toEqual([name]);
      }),
      { numRuns: 200 },
    );
  });
});
