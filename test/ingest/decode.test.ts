import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode.js";
import { looksBinary } from "../../src/io/read-bytes.js";

describe("decodeBytes", () => {
  it("drops a UTF-8 BOM and normalises to NFC", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Hà Nội".normalize("NFD")),
    ]);
    expect(decodeBytes(bytes, "x")).toEqual({ text: "Hà Nội", encoding: "utf-8", warnings: [] });
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Huế", "utf16le")]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeBytes(le, "x").text).toBe("Huế");
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "x").text).toBe("Huế");
  });

  it("never throws on arbitrary bytes and always returns NFC", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const { text } = decodeBytes(bytes, "x");
        expect(text).toBe(text.normalize("NFC"));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips any valid text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const { text, warnings, encoding } = decodeBytes(Buffer.from(s, "utf8"), "x");
        expect(warnings).toEqual([]);
        expect(encoding).toBe("utf-8");
        expect(text).toBe(s.normalize("NFC").replace(/^\ufeff/, ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("looksBinary", () => {
  it("flags NUL bytes and control-character noise, not text", () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : 65))))).toBe(
      true,
    );
    expect(looksBinary(Buffer.from("Đà Nẵng\r\n\tQuảng Nam\f"))).toBe(false);
    expect(looksBinary(Buffer.alloc(0))).toBe(false);
  });
});
