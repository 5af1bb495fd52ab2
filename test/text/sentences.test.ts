import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sentences } from "../../src/text/sentences.js";

describe("sentences", () => {
  const piece = fc.constantFrom(
    ..."Mr. Smith|went|to Ha Noi.|He said:|“Yes!”|U.S.|No. 5|Really?|(see below)|\n|\r\n|  |. |1945.|Đà Nẵng|tp. HCM|…".split(
      "|",
    ),
  );
  const texty = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(" "));

  it("splits each line as the line alone: no sentence crosses a line break", () => {
    fc.assert(
      fc.property(texty, (text) => {
        const whole = sentences(text).map((s) => [s.start, s.end]);
        const byLine: number[][] = [];
        let start = 0;
        for (const line of text.split("\n")) {
          for (const s of sentences(line)) byLine.push([start + s.start, start + s.end]);
          start += line.length + 1;
        }
        expect(whole).toEqual(byLine);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same sentences when asked again, for the same text or an equal one", () => {
    const text = "Both sides agreed. The talks went on.\nHai bên nhất trí.";
    const first = sentences(text).map((s) => text.slice(s.start, s.end));
    expect(first).toEqual(["Both sides agreed.", "The talks went on.", "Hai bên nhất trí."]);
    sentences("Another text. Another sentence.");
    const copy = [...text].join("");
    expect(sentences(copy).map((s) => copy.slice(s.start, s.end))).toEqual(first);
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(first);
  });
});
