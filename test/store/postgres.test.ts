import { describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store, StoredDocument } from "../../src/store/types.js";
import { freshDatabase } from "../pg/databases.js";
import { storeContractAsync } from "./contract-async.js";
import { sampleDocuments } from "./fixtures.js";

const open = async (): Promise<Store> => openPostgresStore(await freshDatabase("store"));

/** Runs `f` on a new store, closing it after. */
async function withStore(f: (store: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await f(store);
  } finally {
    await store.close();
  }
}

describe("PostgreSQL store", () => {
  const docs = sampleDocuments();
  const id = (i: number) => (docs[i] as StoredDocument).document.id;

  it("says what it is and where, without the password", async () => {
    const url = await freshDatabase("where");
    const store = await openPostgresStore(url);
    try {
      expect(store.kind).toBe("postgres");
      expect(store.location).not.toContain("dossier-test");
      expect(store.location).toContain(new URL(url).pathname);
    } finally {
      await store.close();
    }
  });

  it("adds once: the same documents again are skipped", () =>
    withStore(async (store) => {
      expect(await store.add(docs)).toEqual({ added: 5, skipped: 0 });
      expect(await store.add([...docs, docs[0] as StoredDocument])).toEqual({
        added: 0,
        skipped: 6,
      });
      expect((await store.stats()).documents).toBe(5);
      expect((await store.stats()).runs).toBe(2);
      expect(await store.has(id(0))).toBe(true);
      expect(await store.has("nope")).toBe(false);
      expect(await store.get(id(1))).toEqual(docs[1]);
      expect(await store.get("nope")).toBeNull();
    }));

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

storeContractAsync("postgres", open);
