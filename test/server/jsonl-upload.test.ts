/**
 * A JSON Lines upload holding one hostile record: the others are stored and the bad one is named
 * by its line in a 201 answer, never a 500 that loses the whole upload.
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
      expect(store.stats().documents).toBe(2);
    } finally {
      await app.close();
      store.close();
    }
  });
});
