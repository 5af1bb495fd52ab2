import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/ingest/detect.js";
import { type IngestItem, ingestBytes } from "../../src/ingest/index.js";
import { deeperThan, MAX_JSON_DEPTH } from "../../src/ingest/jsonl.js";

const docs = (items: IngestItem[]) => items.flatMap((i) => ("document" in i ? [i.document] : []));
const errors = (items: IngestItem[]) =>
  items.flatMap((i) => ("error" in i ? [i.error.message] : []));

describe("detectFormat: content first, name second", () => {
  it.each([
    ["<!doctype html><html><body><p>Hi</p></body></html>", "a.txt", "html"],
    ['{"text": "Hello"}\n{"text": "again"}', "a.txt", "jsonl"],
    ["# Heading\n\nBody text.", "a.txt", "markdown"],
    ["Plain words.", "a.md", "markdown"],
    ["Plain words about <p> tags in prose.", "a.txt", "text"],
    ["{broken json", "a.jsonl", "jsonl"],
    ["A story.", "story", "text"],
  ] as const)("%j (%s) → %s", (content, name, format) => {
    expect(detectFormat(content, name)).toBe(format);
  });
});

describe("JSON Lines", () => {
  const lines = [
    JSON.stringify({
      id: "a1",
      url: "https://example.org/a1",
      title: "Port traffic rises",
      text: "Hai Phong (VNA) – Cargo through the port rose by a tenth in the first quarter, the port authority said on Tuesday.",
      published: "2026-04-07T10:00:00+07:00",
      source: "Vietnam News Agency",
      language: "en",
      author: "Tran Minh",
      section: "Business",
      tags: ["ports", "trade"],
    }),
    "{not json",
    JSON.stringify({ title: "no body" }),
    "",
    JSON.stringify({
      html: "<html><body><article><h1>Rice exports</h1><p>Exports of rice from the Mekong Delta provinces rose again this month as prices held firm, traders in Can Tho said, adding that demand from the Philippines stayed strong.</p></article></body></html>",
    }),
  ].join("\n");
  const items = ingestBytes(Buffer.from(lines), "feed.jsonl");

  it("reads each record and keeps unknown fields", () => {
    const [first, second] = docs(items);
    expect(first).toMatchObject({
      source: "feed.jsonl:1",
      format: "jsonl",
      title: "Port traffic rises",
      url: "https://example.org/a1",
      published: "2026-04-07T10:00:00+07:00",
      publisher: "VNA",
      language: "en",
      authors: ["Tran Minh"],
      meta: { id: "a1", section: "Business", tags: ["ports", "trade"] },
    });
    expect(first?.lede).toMatch(/^Cargo through the port/);
    expect(second?.format).toBe("html");
    expect(second?.source).toBe("feed.jsonl:5");
    expect(second?.text).toMatch(/Exports of rice/);
  });

  it("names the line of each bad record and goes on", () => {
    expect(errors(items)).toEqual([
      expect.stringMatching(/^input is malformed: feed\.jsonl:2: not valid JSON/),
      'input is malformed: feed.jsonl:3: no "text" or "html" field',
    ]);
    expect(docs(items)).toHaveLength(2);
  });
});

describe("JSON Lines: deep records", () => {
  /** A record nested `depth` levels: itself, then arrays in its "extra" field. */
  const nested = (depth: number) =>
    `{"text":"Nested ${depth}","extra":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;

  it("refuses a record nested 5,000 deep by its line and keeps the others", () => {
    const lines = [
      JSON.stringify({ text: "Ferries to Cat Ba resumed on Monday." }),
      nested(5000),
      `{"text":"cut off","extra":${"[".repeat(5000)}`,
      JSON.stringify({ text: "Flights to Con Dao were added for the summer." }),
    ].join("\n");
    const items = ingestBytes(Buffer.from(lines), "feed.jsonl");
    expect(errors(items)).toEqual([
      `input is malformed: feed.jsonl:2: JSON nested more than ${MAX_JSON_DEPTH} levels deep`,
      expect.stringMatching(/^input is malformed: feed\.jsonl:3: not valid JSON/),
    ]);
    expect(docs(items).map((d) => d.source)).toEqual(["feed.jsonl:1", "feed.jsonl:4"]);
    // What is kept can be stored: its meta is JSON again.
    for (const d of docs(items)) expect(() => JSON.stringify(d)).not.toThrow();
  });

  it("keeps a record at the depth limit and refuses one a level deeper", () => {
    const refused = (depth: number) =>
      errors(ingestBytes(Buffer.from(nested(depth)), "f.jsonl")).length;
    expect(refused(MAX_JSON_DEPTH)).toBe(0);
    expect(refused(MAX_JSON_DEPTH + 1)).toBe(1);
  });

  it("measures depth by walking, at any depth, for any JSON value", () => {
    expect(deeperThan(JSON.parse("[".repeat(200_000) + "]".repeat(200_000)), 100)).toBe(true);
    const depth = (x: unknown): number =>
      typeof x === "object" && x !== null ? 1 + Math.max(0, ...Object.values(x).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (v, limit) => {
        expect(deeperThan(v, limit)).toBe(depth(v) > limit);
      }),
    );
  });
});

describe("bytes in, documents out", () => {
  it("refuses binary and empty input with a code", () => {
    expect(ingestBytes(Buffer.from([0, 1, 2, 3]), "x.bin")[0]).toMatchObject({
      error: { code: "E_BINARY" },
    });
    expect(ingestBytes(Buffer.from(" \n\t"), "blank.txt")[0]).toMatchObject({
      error: { code: "E_EMPTY" },
    });
  });

  /** 9,000 bytes of text: past the 8 KiB that the binary test looks at first. */
  const HEAD = "Tàu cá cập cảng Sa Kỳ sau chuyến đánh bắt dài ngày.\n".repeat(160);

  it("removes NUL bytes past the first 8 KiB with a warning, in files and records alike", () => {
    expect(Buffer.byteLength(HEAD)).toBeGreaterThan(8192);
    const bytes = Buffer.concat([
      Buffer.from(HEAD),
      Buffer.from("Gió\0 mạnh\0\0 cấp 6."),
      Buffer.alloc(3), // a file padded with NULs after a crash
    ]);
    const [doc] = docs(ingestBytes(bytes, "padded.txt"));
    expect(doc?.text).toBe(`${HEAD}Gió mạnh cấp 6.`.trim());
    expect(doc?.warnings).toEqual([
      `padded.txt: 6 NUL characters removed (the first at character ${HEAD.length + 3})`,
    ]);
    const record = JSON.stringify({ text: "Gió\u0000 mạnh cấp 6 trên vịnh." });
    const [fromJson] = docs(ingestBytes(Buffer.from(record), "feed.jsonl"));
    expect(fromJson?.text).toBe("Gió mạnh cấp 6 trên vịnh.");
    expect(fromJson?.warnings).toEqual([
      "feed.jsonl:1: 1 NUL character removed (the first at character 3)",
    ]);
  });

  it("refuses a text head with a binary body, and a NUL in the first 8 KiB, as binary", () => {
    const body = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? 0 : i % 32)));
    const head = ingestBytes(Buffer.concat([Buffer.from(HEAD), body]), "head.bin");
    expect(head).toEqual([
      { source: "head.bin", error: expect.objectContaining({ code: "E_BINARY" }) },
    ]);
    const early = ingestBytes(Buffer.from(`Gió\0 mạnh ${HEAD}`), "early.txt");
    expect(early[0]).toMatchObject({ error: { code: "E_BINARY" } });
  });

  it("gives the same id to the same article in NFC and NFD, and warns when nothing is left", () => {
    const a = "Lũ lụt ở Quảng Nam khiến nhiều tuyến đường bị chia cắt trong ngày thứ Hai.";
    const [x] = docs(ingestBytes(Buffer.from(a.normalize("NFD")), "a.txt"));
    const [y] = docs(ingestBytes(Buffer.from(a), "b.txt"));
    expect(x?.id).toBe(y?.id);
    expect(x?.text).toBe(a);
    const [chrome] = docs(ingestBytes(Buffer.from("Comment (0)\nShare\n"), "c.txt"));
    expect(chrome?.warnings).toEqual(["c.txt: nothing left after removing page chrome"]);
  });
});
