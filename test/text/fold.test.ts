import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldKey, stripDiacritics } from "../../src/index.js";
import { CHAR, FOLD, MARK, SEP, UPPER, WORD, WORDCLASS } from "../../src/text/fold.js";
import { isVietnameseSyllable } from "../../src/text/syllable.js";
import { diacriticSignature } from "../../src/text/tokens.js";

describe("foldKey", () => {
  it.each([
    ["Bà Rịa – Vũng Tàu", "ba ria vung tau"],
    ["Thừa Thiên-Huế", "thua thien hue"],
    ["ĐẮK LẮK", "dak lak"],
    ["TP.HCM", "tp hcm"],
    ["  Hà\u00a0Nội  ", "ha noi"],
    ["Hà Nội".normalize("NFD"), "ha noi"],
  ])("%s → %s", (input, key) => expect(foldKey(input)).toBe(key));

  it("is idempotent and agrees on NFC, NFD and stripped forms", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        const k = foldKey(s);
        expect(foldKey(k)).toBe(k);
        expect(foldKey(s.normalize("NFD"))).toBe(foldKey(s.normalize("NFC")));
        expect(/^[a-z0-9 ]*$/.test(k)).toBe(true);
      }),
    );
  });
});

describe("stripDiacritics", () => {
  it("keeps case, drops marks, maps đ", () => {
    expect(stripDiacritics("Đà Nẵng, đường Huế")).toBe("Da Nang, duong Hue");
  });
});

describe("diacriticSignature", () => {
  it("treats tone placement variants as equal and other marks as different", () => {
    expect(diacriticSignature("Hoà Bình")).toBe(diacriticSignature("Hòa Bình"));
    expect(diacriticSignature("Kiến Giang")).not.toBe(diacriticSignature("Kiên Giang"));
    expect(diacriticSignature("Đà")).not.toBe(diacriticSignature("Dà"));
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    ["vinh", true],
    ["nguyen", true],
    ["trang", true],
    ["hy", true],
    ["imperial", false],
    ["city", false],
    ["hanoi", false],
    ["", false],
  ])("%s → %s", (s, expected) => expect(isVietnameseSyllable(s)).toBe(expected));
});

describe("the fold tables", () => {
  it("are, for every code unit, what the definition says", () => {
    // The definition, one code unit at a time (the module builds the tables faster).
    const fold = new Uint8Array(0x10000);
    const upper = new Uint8Array(0x10000);
    const separators = " \t\u00a0\u2007\u202f-\u2010\u2011\u2012\u2013\u2014\u2212.'\u2019";
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (/\p{M}/u.test(ch)) fold[c] = MARK;
      else if (separators.includes(ch)) fold[c] = SEP;
      else if (/[\p{L}\p{N}]/u.test(ch)) {
        if (ch !== ch.toLowerCase()) upper[c] = 1;
        const base =
          c === 0x0110 || c === 0x0111
            ? "d"
            : ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
        const b = base.length === 1 ? base.charCodeAt(0) : 0;
        fold[c] = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) ? b : WORD;
      }
    }
    expect(Buffer.from(FOLD).equals(Buffer.from(fold))).toBe(true);
    expect(Buffer.from(UPPER).equals(Buffer.from(upper))).toBe(true);
    const char = fold.map((f, c) => f | ((upper[c] as number) << 7));
    expect(Buffer.from(CHAR).equals(Buffer.from(char))).toBe(true);
    expect(WORDCLASS[0x1ea1]).toBe(1); // ạ
    expect(WORDCLASS[0x0110]).toBe(2); // Đ
    expect(WORDCLASS[0x0301]).toBe(3); // combining acute
    expect(WORDCLASS[0x4e2d]).toBe(4); // 中
  });
});
