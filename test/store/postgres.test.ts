import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store, StoredDocument } from "../../src/store/types.js";
import { freshDatabase } from "../pg/databases.js";
import { storeContract } from "./contract.js";
import { sampleDocuments } from "./fixtures.js";

/** Each store's URL (its location has no password), to open another store on its library. */
const urls = new WeakMap<Store, string>();

const open = async (): Promise<Store> => {
  const url = await freshDatabase("store");
  const store = await openPostgresStore(url);
  urls.set(store, url);
  return store;
};

/** Runs `f` on a new store, closing it after. */
async function withStore(f: (store: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await f(store);
  } finally {
    await store.close();
  }
}

const docs = sampleDocuments();

describe("PostgreSQL store", () => {
  const id = (i: number) => (docs[i] as StoredDocument).document.id;

  it("says what it is and where, without the password", async () => {
    const url = await freshDatabase("where");
    const store = await openPostgresStore(url);
    try {
      expect(store.kind).toBe("postgres");
      expect(store.location).not.toContain(`:${new URL(url).password}@`);
      expect(store.location).toContain(new URL(url).pathname);
    } finally {
      await store.close();
    }
  });

  it("searches folded: Đà Nẵng, da nang and DA NANG find the same documents", () =>
    withStore(async (store) => {
      await store.add(docs);
      const ids = async (q: string) => (await store.search({ q })).results.map((r) => r.id).sort();
      const danang = [id(0), id(1)].sort();
      expect(await ids("da nang")).toEqual(danang);
      expect(await ids("DA NANG")).toEqual(danang);
      expect(await ids("Đà Nẵng")).toEqual(danang);
      const exact = await store.search({ q: "Đà Nẵng" });
      expect(exact.reading?.diacritics).toBe("exact");
      expect(exact.results[0]?.id).toBe(id(1));
      expect(await ids('"joint statement"')).toEqual([id(4)]);
      expect(await ids("energy NOT wind")).toEqual([id(0)]);
      expect(await ids("hanoi OR hoi")).toEqual([id(2), id(3)].sort());
      expect(await ids("touri*")).toEqual([id(3)]);
      const all = await store.search({});
      expect(all.total).toBe(5);
      expect(all.facets.month.at(-1)).toEqual({ value: "undated", label: "undated", count: 1 });
    }));
});

storeContract("postgres", open, (store) => openPostgresStore(urls.get(store) as string));

describe("PostgreSQL store: texts past the limits of a tsvector", () => {
  it("stores and finds a text of 40,000 words, with a 3,000-letter word in it", () =>
    withStore(async (store) => {
      const words = Array.from({ length: 40_000 }, (_, i) => `word${i % 5000}`);
      const text = `Opening line about Hai Phong port.\n\n${words.join(" ")} ${"x".repeat(3000)} closing mangrove line.`;
      const document = { ...ingest(text, { source: "long.txt" }), published: null };
      expect(await store.add([{ document, analysis: analyze(document) }])).toEqual({
        added: 1,
        skipped: 0,
      });
      expect((await store.search({ q: "word4999" })).total).toBe(1);
      expect((await store.search({ q: "mangrove" })).total).toBe(1);
      expect((await store.search({ q: '"hai phong port"' })).total).toBe(1);
    }));

  it("keeps answering after the server ended its connections", () =>
    withStore(async (store) => {
      await store.add(docs);
      const admin = new pg.Client({ connectionString: inject("pgUrl") });
      await admin.connect();
      try {
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [new URL(store.location).pathname.slice(1)],
        );
      } finally {
        await admin.end();
      }
      // The pool's connections died: the first call may fail, coded; the next ones reconnect.
      await store.search({ q: "ASEAN" }).catch((error: { code?: string }) => {
        expect(error.code).toBe("E_DB_CONNECT");
      });
      expect((await store.search({ q: "ASEAN" })).total).toBe(2);
    }));
});

describe("PostgreSQL store: a batch larger than one statement's parameters", () => {
  it("adds 4,500 documents in one call, each once", () =>
    withStore(async (store) => {
      const analysis = analyze(ingest("Rice exports from Can Tho.", { source: "x.txt" }));
      const batch = Array.from({ length: 4500 }, (_, i) => ({
        document: ingest(`Rice exports from Can Tho, note ${i}.`, { source: `n${i}.txt` }),
        analysis,
      }));
      expect(await store.add(batch)).toEqual({ added: 4500, skipped: 0 });
      expect(await store.add(batch.slice(0, 10))).toEqual({ added: 0, skipped: 10 });
      expect((await store.search({ q: "rice" })).total).toBe(4500);
    }));
});
