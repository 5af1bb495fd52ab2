/**
 * The PostgreSQL store's facet snapshot: kept by an ingest of many documents, read by the next
 * process with only the rows stamped after it, the same answers as without it; a snapshot from
 * another schema version or newer than the library is not read.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_AFTER_ROWS } from "../../src/store/facet-index.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { PgSearchIndex } from "../../src/store/postgres-search.js";
import type { SearchQuery } from "../../src/store/types.js";
import { freshDatabase } from "../pg/databases.js";
import { manyDocuments } from "./fixtures.js";

const QUERIES: SearchQuery[] = [
  { q: "ASEAN" },
  { q: "Đà Nẵng", limit: 5 },
  { province: "48" },
  { entity: "org:asean", offset: 3 },
];

async function answers(url: string) {
  const store = await openPostgresStore(url);
  try {
    const out = [];
    for (const q of QUERIES) out.push(await store.search(q));
    return out;
  } finally {
    await store.close();
  }
}

/** A search index of its own on the library, loaded: what it read. */
async function loaded(url: string): Promise<PgSearchIndex> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const index = new PgSearchIndex(pool);
    await index.refresh();
    return index;
  } finally {
    await pool.end();
  }
}

describe("the PostgreSQL store's facet snapshot", () => {
  it("is kept by an ingest of many documents and read with the rows stamped after it", async () => {
    const url = await freshDatabase("snapshot");
    const store = await openPostgresStore(url);
    await store.add(manyDocuments(SNAPSHOT_AFTER_ROWS + 100, "a"));
    await store.close();
    const more = await openPostgresStore(url);
    await more.add(manyDocuments(3, "b"));
    await more.close();

    const index = await loaded(url);
    expect(index.rowsRead).toBe(3);
    expect(index.rowids.length).toBe(SNAPSHOT_AFTER_ROWS + 103);
    const withSnapshot = await answers(url);
    // Two of every five documents name ASEAN: 440 of the first 1,100, two of the last three.
    expect(withSnapshot[0]?.total).toBe(((SNAPSHOT_AFTER_ROWS + 100) / 5) * 2 + 2);

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT data FROM facet_snapshot");
      const data = rows[0]?.data as Buffer;
      await admin.query("DELETE FROM facet_snapshot");
      expect((await loaded(url)).rowsRead).toBe(SNAPSHOT_AFTER_ROWS + 103);
      // A search that read that many rows keeps a snapshot again.
      expect(await answers(url)).toEqual(withSnapshot);
      expect((await loaded(url)).rowsRead).toBe(0);

      // Another schema version's, or one newer than the library (made again): not read.
      for (const sql of [
        "UPDATE facet_snapshot SET schema_version = schema_version + 1, data = $1",
        "UPDATE facet_snapshot SET version = version + 100, data = $1",
      ]) {
        await admin.query(sql, [data]);
        expect((await loaded(url)).rowsRead).toBe(SNAPSHOT_AFTER_ROWS + 103);
        await admin.query("DELETE FROM facet_snapshot");
        await answers(url);
      }
    } finally {
      await admin.end();
    }
  });
});
