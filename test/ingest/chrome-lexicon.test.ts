import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTsv } from "../../src/gazetteer/tsv.js";
import { lineMatcher } from "../../src/ingest/clean/lexicon.js";

const chrome = readFileSync(new URL("../../data/lexicon/chrome.tsv", import.meta.url), "utf8");
const patterns = [
  ...parseTsv(chrome).map((row) => row.cells[1] as string),
  // Openings of the form the matcher cuts, with rests it must keep whole.
  ".{0,12}?(?:photo|ảnh)\\s*\\d",
  ".{0,5}?a|b",
  ".{0,8}?(?:x|y)+z?",
];
const plain = (pattern: string) => new RegExp(`^(?:${pattern})$`, "iu");

/** Lines made of the pieces chrome patterns look at, and anything else. */
const line = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "Ảnh",
        "ảnh ",
        "Photo",
        "photo",
        " 1",
        "12",
        "1234",
        ".",
        " - ",
        "–",
        "—",
        " ",
        "\r",
        "\u2028",
        "Share",
        "comments",
        "x",
        "y",
        "z",
        "a",
        "b",
        "here",
        "View the full text",
      ),
      fc.string({ maxLength: 6 }),
      fc.constant("n".repeat(290)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("chrome line patterns", () => {
  it("match a line exactly when the whole-line regular expression does", () => {
    const matchers = patterns.map((p) => [lineMatcher(p), plain(p)] as const);
    fc.assert(
      fc.property(line, (text) => {
        for (const [fast, slow] of matchers) expect(fast(text)).toBe(slow.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("find photo markers within the opening's length, and no further", () => {
    const photo = patterns.find((p) => p.includes("photo")) as string;
    const marker = lineMatcher(photo);
    expect(marker("Flood waters in the Mekong Delta - Ảnh 1.")).toBe(true);
    expect(marker("Photo 12")).toBe(true);
    expect(marker(`${"n".repeat(300)} Photo 3`)).toBe(true);
    expect(marker(`${"n".repeat(301)}Photo 3`)).toBe(false);
    expect(marker("The photo 3 of them took was lost.")).toBe(false);
    expect(marker("line\u2028break photo 3")).toBe(false);
  });
});
