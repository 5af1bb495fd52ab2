/**
 * Hostile uploads: a JSON Lines record nested 5,000 deep (the others are stored and the bad one
 * named by its line in a 201 answer, never a 500 that loses the whole upload) and NUL bytes
 * (removed past the first 8 KiB, binary within them: as `dossier ingest` does with files).
 */
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../../src/ingest/jsonl.js";
import { buildApp } from "../../src/server/app.js";
import { openSqliteStore } from "../../src/store/sqlite.js";

describe("POST /documents, JSON Lines with a deep record", () => {
  it("stores the good records and names the 5,000-deep one", async () => {
    const store = openSqliteStore(":memory:");
    const app = buildApp({ store, ui: false });
    try {
      const payload = [
        JSON.stringify({ text: "Ferries to Co To island resumed after the storm." }),
        `{"text":"deep","extra":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
        JSON.stringify({ text: "A new market opened in the border town on Sunday." }),
      ].join("\n");
      const r = await app.inject({
        method: "POST",
        url: "/documents",
        headers: { "content-type": "application/x-ndjson" },
        payload,
      });
      expect(r.statusCode).toBe(201);
      const body = r.json();
      expect(body.added).toBe(2);
      expect(body.documents.map((d: { source: string }) => d.source)).toEqual([
        "upload:1",
        "upload:3",
      ]);
      expect(body.errors).toEqual([
        {
          source: "upload:2",
          code: "E_FORMAT",
          message: `input is malformed: upload:2: JSON nested more than ${MAX_JSON_DEPTH} levels deep`,
        },
      ]);
      expect((await store.stats()).documents).toBe(2);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe("POST /documents with NUL bytes", () => {
  const HEAD = "Tàu cá cập cảng Sa Kỳ sau chuyến đánh bắt dài ngày.\n".repeat(160);

  it("stores text with NULs past 8 KiB without them, and refuses one within as binary", async () => {
    const store = openSqliteStore(":memory:");
    const app = buildApp({ store, ui: false });
    try {
      const post = (type: string, payload: string) =>
        app.inject({
          method: "POST",
          url: "/documents",
          // A raw text upload needs the header no cross-site form can send.
          headers: { "content-type": type, "x-requested-with": "test" },
          payload,
        });
      const plain = await post("text/plain", `${HEAD}Gió\0 mạnh cấp 6.`);
      expect(plain.statusCode).toBe(201);
      const json = await post("application/json", JSON.stringify({ text: `${HEAD}Mưa\0 to.` }));
      expect(json.statusCode).toBe(201);
      for (const id of [plain.json().id, json.json().id]) {
        const doc = (await store.get(id))?.document;
        expect(doc?.text).not.toContain("\0");
        expect(doc?.warnings).toEqual([
          `api: 1 NUL character removed (the first at character ${HEAD.length + 3})`,
        ]);
      }
      const early = await post("text/plain", `Gió\0 ${HEAD}`);
      expect(early.statusCode).toBe(400);
      expect(early.json().error.code).toBe("E_BINARY");
    } finally {
      await app.close();
      await store.close();
    }
  });
});
