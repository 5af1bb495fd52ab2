import pg from "pg";
import { describe, expect, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { StoredDocument } from "../../src/store/types.js";
import { freshDatabase } from "../pg/databases.js";

const PLACES = ["Da Nang", "Hà Nội", "Cần Thơ", "Quang Ninh", "Huế", "Hải Phòng"];

/** `n` small distinct documents, each naming a place. */
function documents(n: number, offset = 0): StoredDocument[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const text = `Report ${i}: officials in ${PLACES[i % PLACES.length]} discussed port investment and rice exports, item ${i}.`;
    const document = { ...ingest(text, { source: `doc-${i}.txt` }), published: null };
    return { document, analysis: analyze(document) };
  });
}

describe("PostgreSQL store: several processes on one library", () => {
  it("opens a new library from several stores at once (one migration)", async () => {
    const url = await freshDatabase("migrate");
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
    try {
      for (const s of stores) expect((await s.stats()).documents).toBe(0);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("stores each document once when two stores add overlapping batches at once", async () => {
    const url = await freshDatabase("overlap");
    const docs = documents(240);
    const a = await openPostgresStore(url);
    const b = await openPostgresStore(url);
    try {
      // Both take every document, in batches of 40, one in the opposite order: overlapping
      // batches at the same moment.
      const batches = (list: StoredDocument[]) =>
        Array.from({ length: list.length / 40 }, (_, i) => list.slice(i * 40, i * 40 + 40));
      const feed = async (store: typeof a, list: StoredDocument[], run: string) => {
        let added = 0;
        for (const batch of batches(list)) added += (await store.add(batch, run)).added;
        return added;
      };
      const [fromA, fromB] = await Promise.all([
        feed(a, docs, "run-a"),
        feed(b, [...docs].reverse(), "run-b"),
      ]);
      expect(fromA + fromB).toBe(240);
      expect((await a.stats()).documents).toBe(240);
      const runs = await a.runs();
      expect(runs.reduce((n, r) => n + r.added, 0)).toBe(240);
      expect(runs.reduce((n, r) => n + r.skipped, 0)).toBe(240);
      // Both see every document, each once, with its facets.
      for (const store of [a, b]) {
        const all = await store.search({ limit: 100 });
        expect(all.total).toBe(240);
        expect(all.facets.province.reduce((n, f) => n + f.count, 0)).toBe(240);
        expect((await store.search({ q: "rice" })).total).toBe(240);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("keeps a server's facet index right when another process writes", async () => {
    const url = await freshDatabase("stale");
    const server = await openPostgresStore(url);
    const writer = await openPostgresStore(url);
    try {
      await writer.add(documents(12));
      expect((await server.search({ q: "port" })).total).toBe(12);
      await writer.add(documents(6, 12));
      const after = await server.search({ q: "port", province: "Da Nang" });
      expect(after.total).toBe(3);
      expect((await server.search({})).total).toBe(18);
      expect((await server.provinceCounts("old")).reduce((n, c) => n + c.count, 0)).toBe(18);
    } finally {
      await server.close();
      await writer.close();
    }
  });

  it("marks a run interrupted when its process's session is gone, not while it lives", async () => {
    const url = await freshDatabase("runs");
    const worker = await openPostgresStore(url);
    const other = await openPostgresStore(url);
    try {
      await worker.startRun("w1");
      await worker.add(documents(3), "w1");
      await other.startRun("o1");
      const status = async () =>
        Object.fromEntries((await other.runs()).map((r) => [r.id, r.status]));
      expect(await status()).toEqual({ w1: "running", o1: "running" });
      // The worker's process dies: its session ends with it.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query("SELECT pg_terminate_backend(backend_pid) FROM runs WHERE id = 'w1'");
      } finally {
        await admin.end();
      }
      await other.startRun("o2");
      expect(await status()).toEqual({ w1: "interrupted", o1: "running", o2: "running" });
    } finally {
      await worker.close();
      await other.close();
    }
  });
});
