import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldKey, stripDiacritics } from "../../src/index.js";
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
