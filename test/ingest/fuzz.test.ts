/**
 * Garbage through every reader of ingest: whatever the bytes, nothing throws but the project's
 * own coded errors (DossierError), and what comes out keeps its promises (NFC text without NUL,
 * one item per JSON Lines record named by its line, a known format and encoding).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DossierError, errorCodes, isDossierError } from "../../src/errors.js";
import { decodeBytes } from "../../src/ingest/decode.js";
import { detectFormat } from "../../src/ingest/detect.js";
import { type IngestItem, ingest, ingestBytes } from "../../src/ingest/index.js";
import { readJsonLines } from "../../src/ingest/jsonl.js";
import { textMetadata } from "../../src/ingest/metadata.js";

const FORMATS = ["text", "markdown", "html", "jsonl"];
const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1258", "windows-1252"];

/** Pieces of text, markup and JSON that readers treat specially, and bytes that are not text. */
const piece = fc.constantFrom(
  "Hà Nội",
  "Ha Noi (VNA) – ",
  "Đà Nẵng".normalize("NFD"),
  "# Title\n\n",
  "\n\n",
  "\r\n",
  "\t",
  "\0",
  "\u00ad",
  "\ufeff",
  "\ud800",
  "😀",
  "<p>",
  "</p>",
  "<br>",
  "<html>",
  "<article>",
  "<script>",
  "<!--",
  '{"text":"',
  '","title":"',
  '"}\n',
  '{"html":"<p>x</p>"}\n',
  "\\u0000",
  "[[[[",
  "]]]]",
  "Photo: VNA",
  "Related news",
  "Share",
);
const textish = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  textish.map((s) => Buffer.from(s)),
  textish.map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])),
  textish.map((s) => Buffer.from(s, "latin1")),
  // Past the 8 KiB the binary test reads first.
  fc
    .tuple(textish, fc.uint8Array({ maxLength: 200 }))
    .map(([s, b]) =>
      Buffer.concat([Buffer.from("Tàu cá cập cảng. ".repeat(500)), Buffer.from(s), b]),
    ),
);

/** Every item is a document or a coded error about a named input. */
function wellFormed(items: IngestItem[], source: string): void {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.source.startsWith(source)).toBe(true);
    if ("error" in item) {
      expect(item.error).toBeInstanceOf(DossierError);
      expect(Object.keys(errorCodes)).toContain(item.error.code);
      continue;
    }
    const d = item.document;
    expect(FORMATS).toContain(d.format);
    expect(ENCODINGS).toContain(d.encoding);
    expect(d.text).toBe(d.text.normalize("NFC"));
    expect(d.text).not.toContain("\0");
    expect(d.id).toMatch(/^[0-9a-f]{16}$/);
    for (const w of d.warnings) expect(typeof w).toBe("string");
    for (const r of d.removed) expect(r.end).toBeGreaterThanOrEqual(r.start);
  }
}

describe("ingest under fuzzing", () => {
  it("ingestBytes: documents or coded errors, never a throw", () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom("a.txt", "b.html", "c.jsonl", "d.md", ""), (b, name) => {
        wellFormed(ingestBytes(b, name), name);
      }),
      { numRuns: 300 },
    );
  });

  it("ingest(string): a document or a DossierError", () => {
    fc.assert(
      fc.property(fc.oneof(textish, fc.string({ unit: "binary" })), (s) => {
        try {
          const d = ingest(s, { source: "s" });
          expect(d.text).not.toContain("\0");
        } catch (error) {
          expect(isDossierError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decodeBytes and detectFormat: any bytes, NFC text, a known encoding and format", () => {
    fc.assert(
      fc.property(bytes, fc.string(), (b, name) => {
        const decoded = decodeBytes(b, "x");
        expect(ENCODINGS).toContain(decoded.encoding);
        expect(decoded.text).toBe(decoded.text.normalize("NFC"));
        expect(FORMATS).toContain(detectFormat(decoded.text, name));
      }),
      { numRuns: 300 },
    );
  });

  it("readJsonLines: one item per non-blank line, in order, each bad one named by its line", () => {
    const line = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc
        .record({ text: fc.string(), extra: fc.jsonValue({ maxDepth: 3 }) })
        .map((o) => JSON.stringify(o)),
      fc.record({ html: fc.string() }).map((o) => JSON.stringify(o)),
      textish,
      fc.nat({ max: 300 }).map((n) => `{"text":"t","x":${"[".repeat(n)}${"]".repeat(n)}}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const content = lines.join("\n");
        const expected = content
          .split("\n")
          .map((l, i) => ({ l: l.trim(), n: i + 1 }))
          .filter(({ l }) => l !== "")
          .map(({ n }) => n);
        const items = [...readJsonLines(content, "f")];
        const got = items.map((r) => (isDossierError(r) ? Number(r.input?.split(":")[1]) : r.line));
        expect(got).toEqual(expected);
        for (const r of items) {
          if (isDossierError(r)) expect(r.code).toBe("E_FORMAT");
          else expect(r.text !== null || r.html !== null).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("textMetadata: never throws; title and lede null or trimmed, non-empty text", () => {
    fc.assert(
      fc.property(fc.oneof(textish, fc.string({ unit: "grapheme" })), (s) => {
        const m = textMetadata(s);
        for (const v of [m.title, m.lede, m.publisher]) {
          if (v === null) continue;
          expect(v.length).toBeGreaterThan(0);
          expect(v).toBe(v.trim());
        }
      }),
      // Found by this property: a paragraph that is only an agency tag gave the lede "".
      { numRuns: 500, examples: [["Hà NộiHà NộiHà NộiHà NộiHà NộiHa Noi (VNA) – "]] },
    );
  });
});
