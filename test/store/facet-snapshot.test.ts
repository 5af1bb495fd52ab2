import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { encodeSnapshot } from "../../src/io/snapshot.js";
import {
  FacetIndex,
  type FacetRow,
  KINDS,
  SNAPSHOT_AFTER_ROWS,
} from "../../src/store/facet-index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { SearchIndex } from "../../src/store/sqlite-search.js";
import type { SearchQuery } from "../../src/store/types.js";
import { manyDocuments } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a FacetIndex holds, in plain values. */
function state(index: FacetIndex) {
  return {
    rowids: index.rowids,
    rows: index.rowids.map((r) => [index.ids[r], index.published[r], index.start[r], index.end[r]]),
    data: [...index.data.array.subarray(0, index.data.length)],
    kinds: index.kinds,
    values: index.values,
    numbers: KINDS.map((k) => [...(index.numbers.get(k) ?? [])]),
    counts: [...index.count(index.rowids)],
  };
}

const value = fc.string({ maxLength: 12 });
const row = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  source: value,
  language: fc.constantFrom("en", "vi", "und"),
  published: fc.option(fc.constantFrom("2025-05-08", "2024-11-20T10:00:00+07:00", "1999-01")),
  publisher: fc.option(value),
  facets: fc.record(
    {
      province: fc.array(value, { maxLength: 4 }),
      province2025: fc.array(value, { maxLength: 4 }),
      entity: fc.array(value, { maxLength: 6 }),
      domain: fc.array(value, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
});

describe("FacetIndex as bytes", () => {
  it("loads back exactly what was loaded from rows, gaps between rowids included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.integer({ min: 1, max: 3 })), { maxLength: 40 }),
        (rows) => {
          const built = new FacetIndex();
          let rowid = 0;
          for (const [r, step] of rows) {
            rowid += step;
            built.addRow({ ...r, rowid } as FacetRow);
          }
          const loaded = new FacetIndex();
          loaded.addRow({
            rowid: 1,
            id: "left over",
            source: "s",
            language: "en",
            published: null,
            publisher: null,
            facets: {},
          });
          expect(loaded.loadBytes(built.toBytes())).toBe(true);
          expect(state(loaded)).toEqual(state(built));
        },
      ),
    );
  });

  it("refuses bytes that are no snapshot, without throwing", () => {
    const good = new FacetIndex();
    good.addRow({
      rowid: 7,
      id: "a",
      source: "s",
      language: "en",
      published: null,
      publisher: "VNA",
      facets: { province: ["48"] },
    });
    const bytes = good.toBytes();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (garbage) => {
        const index = new FacetIndex();
        if (!index.loadBytes(garbage)) expect(index.rowids).toEqual([]);
      }),
    );
    expect(new FacetIndex().loadBytes(bytes.subarray(0, bytes.length - 4))).toBe(false);
    const otherFormat = encodeSnapshot("facet-index/99", { json: {}, arrays: {} });
    expect(new FacetIndex().loadBytes(otherFormat)).toBe(false);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] as number) ^ 1;
    expect(new FacetIndex().loadBytes(damaged)).toBe(false);
  });
});

/** A library of `count` documents (`manyDocuments`) made by one ingest; its path. */
async function library(name: string, count: number): Promise<string> {
  const path = join(dir, name);
  const store = openSqliteStore(path);
  await store.add(manyDocuments(count, name));
  await store.close();
  return path;
}

/** A search index of its own on the library, loaded as a search loads it. */
function loaded(db: Database.Database): SearchIndex {
  const index = new SearchIndex(db);
  db.transaction(() => index.refresh())();
  return index;
}

const QUERIES: SearchQuery[] = [
  { q: "ASEAN" },
  { q: "Đà Nẵng", limit: 5 },
  { province: "48" },
  { q: "Japan", from: "2024-01-01", undated: "include" },
  { entity: "org:asean", offset: 3 },
];

async function answers(path: string) {
  const store = openSqliteStore(path);
  const out = [];
  for (const q of QUERIES) out.push(await store.search(q));
  await store.close();
  return out;
}

describe("the SQLite store's facet snapshot", () => {
  it("is kept by an ingest of many documents and read by the next process, with the rows after it", async () => {
    const path = join(dir, "kept.db");
    const store = openSqliteStore(path);
    await store.add(manyDocuments(SNAPSHOT_AFTER_ROWS + 200, "a"));
    await store.close();
    const raw = new Database(path);
    const max = raw.prepare("SELECT max(fts_rowid) FROM document_facets").pluck().get();
    expect(raw.prepare("SELECT last_rowid FROM facet_snapshot").pluck().get()).toBe(max);

    // A few documents more, too few for a new snapshot: read from their rows.
    const more = openSqliteStore(path);
    await more.add(manyDocuments(3, "b"));
    await more.close();
    const index = loaded(raw);
    expect(index.rowsRead).toBe(3);
    expect(index.rowids.length).toBe(SNAPSHOT_AFTER_ROWS + 203);

    const withSnapshot = await answers(path);
    // Two of every five documents name ASEAN: 480 of the first 1,200, two of the last three.
    expect(withSnapshot[0]?.total).toBe(((SNAPSHOT_AFTER_ROWS + 200) / 5) * 2 + 2);
    raw.exec("DELETE FROM facet_snapshot");
    expect(await answers(path)).toEqual(withSnapshot);
    raw.close();
  });

  it("is not read when corrupt, from another schema version, or larger than the table", async () => {
    const path = await library("bad.db", SNAPSHOT_AFTER_ROWS);
    const expected = await answers(path);
    const raw = new Database(path);
    const snapshot = raw.prepare("SELECT data FROM facet_snapshot").pluck().get() as Buffer;
    const bad: [string, unknown[]][] = [
      ["UPDATE facet_snapshot SET data = ?", [Buffer.from([1, 2, 3])]],
      ["UPDATE facet_snapshot SET data = ?, schema_version = schema_version + 1", [snapshot]],
    ];
    for (const [sql, args] of bad) {
      raw.prepare(sql).run(...args);
      expect(loaded(raw).rowsRead).toBe(SNAPSHOT_AFTER_ROWS);
      expect(await answers(path)).toEqual(expected);
    }
    // Rows deleted by hand: the table is smaller than the snapshot, so it is read whole.
    raw
      .prepare("UPDATE facet_snapshot SET data = ?, schema_version = ?")
      .run(snapshot, raw.pragma("user_version", { simple: true }));
    const rows = () => raw.prepare("SELECT n FROM facet_rows").pluck().get();
    expect(rows()).toBe(SNAPSHOT_AFTER_ROWS);
    raw.exec("DELETE FROM document_facets WHERE fts_rowid > 990");
    // The row count the triggers keep follows: it is what the search compares.
    expect(rows()).toBe(990);
    expect(loaded(raw).rowids.length).toBe(990);
    raw.close();
  });

  it("is written by a search that read many rows, and skipped on a read-only library", async () => {
    const path = await library("searched.db", SNAPSHOT_AFTER_ROWS);
    const raw = new Database(path);
    raw.exec("DELETE FROM facet_snapshot");
    const readOnly = new Database(path, { readonly: true });
    loaded(readOnly).saveSnapshot();
    expect(raw.prepare("SELECT count(*) FROM facet_snapshot").pluck().get()).toBe(0);
    readOnly.close();
    await answers(path);
    expect(raw.prepare("SELECT count(*) FROM facet_snapshot").pluck().get()).toBe(1);
    raw.close();
  });
});
