import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";
import type { SearchQuery, Store, StoredDocument } from "../../src/store/types.js";
import { sampleDocuments } from "./fixtures.js";

/**
 * The behaviour every Store must have. `open` returns a new, empty store each call.
 * Documents: [0] Da Nang (en), [1] Đà Nẵng (vi), [2] Hà Nội, [3] Hoi An (Quang Nam), [4] joint statement.
 */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  /** Another store on the same library as `store` (another connection, as another process). */
  again: (store: Store) => Promise<Store>,
): void {
  describe(`Store contract: ${name}`, () => {
    const docs = sampleDocuments();
    const id = (i: number) => (docs[i] as StoredDocument).document.id;
    const withStore = (f: (store: Store) => Promise<void>) => async () => {
      const store = await open();
      try {
        await store.add(docs, "run-1");
        await f(store);
      } finally {
        await store.close();
      }
    };
    const ids = async (store: Store, query: SearchQuery) =>
      (await store.search(query)).results.map((r) => r.id).sort();
    const sorted = (...indices: number[]) => indices.map(id).sort();

    it("adds once: the same documents again are skipped", async () => {
      const store = await open();
      try {
        expect(await store.add(docs)).toEqual({ added: 5, skipped: 0 });
        expect(await store.add([...docs, docs[0] as StoredDocument])).toEqual({
          added: 0,
          skipped: 6,
        });
        expect((await store.stats()).documents).toBe(5);
        expect((await store.stats()).runs).toBe(2);
      } finally {
        await store.close();
      }
    });

    it("records runs: running until finished, and how each ended", async () => {
      const store = await open();
      try {
        await store.startRun("run-1");
        expect(await store.add(docs.slice(0, 2), "run-1")).toEqual({ added: 2, skipped: 0 });
        expect(await store.runs()).toEqual([
          {
            id: "run-1",
            started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u),
            finished: expect.any(String),
            status: "running",
            added: 2,
            skipped: 0,
          },
        ]);
        await store.add(docs, "run-1");
        await store.finishRun("run-1", "interrupted");
        // A run nobody started (the API's) is recorded as done.
        await store.add([docs[0] as StoredDocument], "run-2");
        expect((await store.runs()).map((r) => [r.id, r.status, r.added, r.skipped])).toEqual([
          ["run-1", "interrupted", 5, 2],
          ["run-2", "done", 0, 1],
        ]);
        await store.startRun("run-3");
        await store.finishRun("run-3", "done");
        expect((await store.runs()).map((r) => r.status)).toEqual(["interrupted", "done", "done"]);
        expect((await store.stats()).runs).toBe(3);
        // Documents a run found stored before analysing them count as skipped too.
        await store.startRun("run-4");
        await store.finishRun("run-4", "done", 3);
        expect((await store.runs()).at(-1)).toMatchObject({ id: "run-4", added: 0, skipped: 3 });
      } finally {
        await store.close();
      }
    });

    it("knows which documents it holds", async () => {
      const store = await open();
      try {
        const [first, second] = docs as [StoredDocument, StoredDocument];
        expect(await store.has(first.document.id)).toBe(false);
        await store.add([first]);
        expect(await store.has(first.document.id)).toBe(true);
        expect(await store.has(second.document.id)).toBe(false);
        expect(await store.has("")).toBe(false);
      } finally {
        await store.close();
      }
    });

    it("reads every document a page at a time, in id order", async () => {
      const store = await open();
      try {
        await store.add(docs);
        const byId = [...docs].sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
        const first = await store.page(null, 2);
        expect(first).toEqual(byId.slice(0, 2));
        const rest = await store.page(first[1]?.document.id ?? null, 10);
        expect(rest).toEqual(byId.slice(2));
        expect(await store.page(byId.at(-1)?.document.id ?? null, 10)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it("shares the work: a document is claimed by one store at a time, until stored or closed", async () => {
      const a = await open();
      const b = await again(a);
      try {
        const [d0, d1, d2, d3] = docs.map((d) => d.document.id) as [string, string, string, string];
        await a.add([docs[0] as StoredDocument]);
        expect(await a.claim([d0, d1, d2, d1])).toEqual({ mine: [d1, d2], stored: [d0] });
        // Claimed by a store still open: not b's to take; what is free is.
        expect(await b.claim([d1, d2, d3])).toEqual({ mine: [d3], stored: [] });
        expect(await a.claim([d1])).toEqual({ mine: [d1], stored: [] });
        // Stored by whoever: stored for all, the claim gone with it.
        await b.add([docs[1] as StoredDocument]);
        expect(await a.claim([d1])).toEqual({ mine: [], stored: [d1] });
        // A closed store's claims are void: d2 goes to the next who asks.
        await a.close();
        expect(await b.claim([d2])).toEqual({ mine: [d2], stored: [] });
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("ranks equal scores newest first, then by id, page after page, with and without filters", async () => {
      const store = await open();
      try {
        // Thirty documents alike but for a number: the same words, length and score; one in ten
        // dated.
        const alike = Array.from({ length: 30 }, (_, i): StoredDocument => {
          const text = `Farmers in Can Tho expect rice exports to grow, report ${10 + i}.`;
          const document = {
            ...ingest(text, { source: `alike-${i}.txt` }),
            published: i % 10 === 3 ? "2025-01-01" : null,
          };
          return { document, analysis: analyze(document) };
        });
        await store.add(alike);
        const all = (await store.search({ q: "rice", limit: 100 })).results;
        expect(new Set(all.map((r) => r.score)).size).toBe(1);
        // Recency breaks the tie (the dated first, undated last), then the id.
        const byDateThenId = [...alike]
          .sort(
            (a, b) =>
              Number(b.document.published !== null) - Number(a.document.published !== null) ||
              (a.document.id < b.document.id ? -1 : 1),
          )
          .map((d) => d.document.id);
        expect(all.map((r) => r.id)).toEqual(byDateThenId);
        const pages: string[] = [];
        for (const offset of [0, 7, 14, 21, 28])
          pages.push(
            ...(await store.search({ q: "rice", limit: 7, offset })).results.map((r) => r.id),
          );
        expect(pages).toEqual(all.map((r) => r.id));
        const dated = alike
          .filter((d) => d.document.published !== null)
          .map((d) => d.document.id)
          .sort();
        const filtered = await store.search({ q: "rice", from: "2025-01-01", limit: 2 });
        expect(filtered.total).toBe(3);
        expect(filtered.results.map((r) => r.id)).toEqual(dated.slice(0, 2));
        expect(
          (await store.search({ q: "rice", from: "2025", limit: 2, offset: 2 })).results.map(
            (r) => r.id,
          ),
        ).toEqual(dated.slice(2));
      } finally {
        await store.close();
      }
    });

    it(
      "get round-trips a document and its analysis",
      withStore(async (store) => {
        expect(await store.get(id(1))).toEqual(docs[1]);
        expect(await store.get("no-such-id")).toBeNull();
      }),
    );

    it(
      "finds Da Nang with or without diacritics and case",
      withStore(async (store) => {
        for (const q of ["Da Nang", "Đà Nẵng", "da nang", "DA NANG", "ĐÀ-NẴNG"]) {
          expect(await ids(store, { q })).toEqual(sorted(0, 1));
        }
        const hit = (await store.search({ q: "Đà Nẵng", language: "vi" })).results[0];
        expect(hit?.snippet).toContain("«Đà Nẵng»");
        expect(hit?.score).toBeGreaterThan(0);
      }),
    );

    it(
      "understands phrases, AND, OR, NOT and prefixes",
      withStore(async (store) => {
        expect(await ids(store, { q: '"renewable energy"' })).toEqual(sorted(0));
        expect(await ids(store, { q: '"energy renewable"' })).toEqual([]);
        expect(await ids(store, { q: '"năng lượng" OR Japan' })).toEqual(sorted(1, 2, 4));
        expect(await ids(store, { q: "energy AND Japan" })).toEqual(sorted(4));
        expect(await ids(store, { q: "ASEAN NOT ministers" })).toEqual(sorted(1));
        expect(await ids(store, { q: "touris*" })).toEqual(sorted(3));
      }),
    );

    it(
      "filters by province (code or name, old or new), entity, domain, language, source, dates",
      withStore(async (store) => {
        expect(await ids(store, { province: "48" })).toEqual(sorted(0, 1));
        expect(await ids(store, { province: "Đà Nẵng" })).toEqual(sorted(0, 1));
        expect(await ids(store, { province2025: "48" })).toEqual(sorted(0, 1, 3));
        expect(await ids(store, { province: "49" })).toEqual(sorted(3));
        expect(await ids(store, { entity: "org:asean" })).toEqual(sorted(0, 1));
        expect(await ids(store, { domain: "energy" })).toEqual(sorted(0, 1, 4));
        expect(await ids(store, { language: "vi" })).toEqual(sorted(1));
        expect(await ids(store, { source: "news/hanoi.txt" })).toEqual(sorted(2));
        expect(await ids(store, { from: "2025-05-09", to: "2025-06-30" })).toEqual(sorted(1, 2));
        expect(await ids(store, { to: "2025-05-08" })).toEqual(sorted(0, 4));
        expect(await ids(store, { q: "energy", province2025: "48", language: "en" })).toEqual(
          sorted(0),
        );
      }),
    );

    it(
      "lists newest first without q, with limit and offset",
      withStore(async (store) => {
        const all = await store.search({});
        expect(all.total).toBe(5);
        expect(all.results.map((r) => r.id)).toEqual([id(2), id(1), id(0), id(4), id(3)]);
        const page = await store.search({ limit: 2, offset: 2 });
        expect(page.total).toBe(5);
        expect(page.results.map((r) => r.id)).toEqual([id(0), id(4)]);
        expect((await store.search({ limit: 1000 })).results).toHaveLength(5);
      }),
    );

    it(
      "counts facets over the filtered documents",
      withStore(async (store) => {
        const { facets, total } = await store.search({ q: "energy OR năng" });
        expect(total).toBe(3);
        expect(facets.province).toEqual([
          { value: "48", label: "Da Nang", count: 2 },
          { value: "22", label: "Quang Ninh", count: 1 },
        ]);
        expect(facets.entity.find((f) => f.value === "org:asean")?.count).toBe(2);
        expect(facets.domain.find((f) => f.value === "energy")?.count).toBe(3);
        expect(facets.language).toEqual([
          { value: "en", label: "en", count: 2 },
          { value: "vi", label: "vi", count: 1 },
        ]);
        expect(facets.month).toEqual([
          { value: "2025-05", label: "2025-05", count: 2 },
          { value: "2024-11", label: "2024-11", count: 1 },
        ]);
        expect((await store.search({})).facets.province2025[0]).toEqual({
          value: "48",
          label: "Da Nang",
          count: 3,
        });
      }),
    );

    it(
      "counts and shows undated documents, never drops them from a date filter unsaid",
      withStore(async (store) => {
        // [3] is the one document without a date.
        expect((await store.search({})).facets.month.at(-1)).toEqual({
          value: "undated",
          label: "undated",
          count: 1,
        });
        const dated = await store.search({ from: "2025-01-01" });
        expect(dated.results.map((r) => r.id).sort()).toEqual(sorted(0, 1, 2));
        expect(dated.undatedExcluded).toBe(1);
        expect(dated.facets.month.some((f) => f.value === "undated")).toBe(false);
        expect((await store.search({ from: "2025-01-01", q: "rice" })).undatedExcluded).toBe(0);
        expect(
          (await store.search({ to: "2024-12-31", province: "Quang Nam" })).undatedExcluded,
        ).toBe(1);
        expect((await store.search({})).undatedExcluded).toBe(0);
        const included = await store.search({ from: "2025-01-01", undated: "include" });
        expect(included.results.map((r) => r.id).sort()).toEqual(sorted(0, 1, 2, 3));
        expect(included.undatedExcluded).toBe(0);
        expect(included.facets.month.at(-1)).toMatchObject({ value: "undated", count: 1 });
        expect(await ids(store, { undated: "only" })).toEqual(sorted(3));
        expect(await store.provinceCounts("old", { undated: "only" })).toEqual([
          { code: "49", name: "Quang Nam", count: 1 },
        ]);
        await expect(store.search({ undated: "only", from: "2025" })).rejects.toThrow(
          expect.objectContaining({ code: "E_USAGE" }),
        );
      }),
    );

    it("counts the places of a document's captions in its province facets", async () => {
      const store = await open();
      try {
        const document = ingest(
          "Rice exports rise\n\nVGP – Farmers sold more rice this spring than in any spring before.\n\nBoats at the pier in Phu Quoc - Photo: VNA\n",
          { source: "caption.txt" },
        );
        await store.add([{ document, analysis: analyze(document) }]);
        const found = await store.search({ province: "Kien Giang" });
        expect(found.results.map((r) => r.id)).toEqual([document.id]);
        expect(found.facets.province2025).toEqual([{ value: "91", label: "An Giang", count: 1 }]);
        expect((await store.stats()).mentions).toBe(0);
      } finally {
        await store.close();
      }
    });

    it(
      "reports stats and province counts",
      withStore(async (store) => {
        const entityIds = new Set(docs.flatMap((d) => d.analysis.entities.map((e) => e.id)));
        expect(await store.stats()).toEqual({
          documents: 5,
          mentions: docs.reduce((n, d) => n + d.analysis.places.length, 0),
          entities: entityIds.size,
          provisions: docs.reduce((n, d) => n + d.analysis.provisions.length, 0),
          runs: 1,
        });
        expect(await store.provinceCounts("old")).toEqual([
          { code: "48", name: "Da Nang", count: 2 },
          { code: "01", name: "Ha Noi", count: 1 },
          { code: "22", name: "Quang Ninh", count: 1 },
          { code: "49", name: "Quang Nam", count: 1 },
        ]);
        expect((await store.provinceCounts("new", { language: "en" }))[0]).toEqual({
          code: "48",
          name: "Da Nang",
          count: 2,
        });
      }),
    );

    it("stores nothing of a batch that fails midway", async () => {
      const store = await open();
      try {
        const bad = { ...(docs[1] as StoredDocument), analysis: { bad: 1n } } as never;
        await expect(store.add([docs[0] as StoredDocument, bad])).rejects.toThrow();
        expect(await store.stats()).toEqual({
          documents: 0,
          mentions: 0,
          entities: 0,
          provisions: 0,
          runs: 0,
        });
        expect((await store.search({ q: "Da Nang" })).total).toBe(0);
        expect((await store.add(docs)).added).toBe(5);
      } finally {
        await store.close();
      }
    });

    it(
      "never throws on arbitrary query strings",
      withStore(async (store) => {
        const chars = fc.constantFrom(..."aĐđ\"'*()^:+-{}[]., \tANDORNOTnear".split(""));
        const query = fc.oneof(
          fc.string(),
          fc.string({ unit: chars }),
          fc.string({ unit: "grapheme" }),
        );
        await fc.assert(
          fc.asyncProperty(query, async (q) => {
            const result = await store.search({ q });
            expect(result.total).toBeGreaterThanOrEqual(0);
          }),
          { numRuns: 300 },
        );
      }),
    );
  });
}
