import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isVietnameseSyllable, isVietnameseSyllableCodes } from "../../src/text/syllable.js";
import { foldedToken, isSyllableToken } from "../../src/text/tokens.js";

const codes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("isVietnameseSyllableCodes", () => {
  it.each([
    "nghieng",
    "gi",
    "gia",
    "qua",
    "thuong",
    "y",
    "ngh",
    "trang",
    "hcm",
    "vinh",
    "aeio",
    "",
  ])("agrees with the regular expression on %j", (s) =>
    expect(isVietnameseSyllableCodes(codes(s), s.length)).toBe(isVietnameseSyllable(s)),
  );

  it("agrees with the regular expression on any folded word", () => {
    const letter = fc.constantFrom(..."abcdeghiklmnopqrtuvxy09z");
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 9 }), (letters) => {
        const s = letters.join("");
        expect(isVietnameseSyllableCodes(codes(s), s.length)).toBe(isVietnameseSyllable(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads a token of the text as foldedToken would", () => {
    const text = "Ông Nguyễn NGHIÊNG Quảng Trị's 1945";
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const t = {
        start: m.index,
        end: m.index + m[0].length,
        word: -1,
        capitalised: false,
        spaced: true,
      };
      expect(isSyllableToken(text, t)).toBe(isVietnameseSyllable(foldedToken(text, t)));
    }
  });
});
