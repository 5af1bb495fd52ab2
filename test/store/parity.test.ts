import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { inputDocuments } from "../../src/cli/inputs.js";
import { DEFAULT_MAX_BYTES } from "../../src/io/read-bytes.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { SearchQuery, Store, StoredDocument } from "../../src/store/types.js";
import { freshDatabase } from "../pg/databases.js";

/** The bundled samples as `dossier ingest samples` reads and analyses them. */
function samples(): StoredDocument[] {
  const out: StoredDocument[] = [];
  for (const { document } of inputDocuments("ingest", ["samples"], { maxBytes: DEFAULT_MAX_BYTES }))
    out.push({ document, analysis: analyze(document) });
  return out;
}

const QUERIES: SearchQuery[] = [
  { q: "Đà Nẵng" },
  { q: "da nang" },
  { q: "DA NANG" },
  { q: "joint statement" },
  { q: '"joint statement"' },
  { q: "ASEAN" },
  { q: "cao tốc" },
  { q: "cao toc" },
  { q: "investing" },
  { q: "port OR harbour" },
  { q: "ASEAN NOT summit" },
  { q: "touris*" },
  { q: "Quang Ngia" },
  { q: "energy", province: "Quảng Ninh" },
  { q: "trade", from: "2024-01-01" },
  { language: "vi" },
  {},
];

describe("SQLite and PostgreSQL stores hold and find the same", () => {
  it("for the bundled samples: counts, totals, result ids, facets", async () => {
    const docs = samples();
    expect(docs.length).toBeGreaterThan(10);
    const sqlite: Store = openSqliteStore(":memory:");
    const postgres = await openPostgresStore(await freshDatabase("parity"));
    try {
      expect(await sqlite.add(docs, "run")).toEqual(await postgres.add(docs, "run"));
      const { runs: _a, ...sqliteStats } = await sqlite.stats();
      const { runs: _b, ...postgresStats } = await postgres.stats();
      expect(postgresStats).toEqual(sqliteStats);
      for (const query of QUERIES) {
        const a = await sqlite.search({ ...query, limit: 100 });
        const b = await postgres.search({ ...query, limit: 100 });
        const label = JSON.stringify(query);
        expect(b.total, label).toBe(a.total);
        expect(b.undatedExcluded, label).toBe(a.undatedExcluded);
        expect(b.query, label).toEqual(a.query);
        expect(b.reading, label).toEqual(a.reading);
        expect(b.facets, label).toEqual(a.facets);
        expect(b.results.map((r) => r.id).sort(), label).toEqual(a.results.map((r) => r.id).sort());
        // Tiers (diacritics as typed, known names) and recency order alike; only relevance
        // inside a tier (bm25 against ts_rank) may order differently.
        expect(b.results.map((r) => r.snippet).sort(), label).toEqual(
          a.results.map((r) => r.snippet).sort(),
        );
      }
      for (const level of ["old", "new"] as const)
        expect(await postgres.provinceCounts(level, { q: "ASEAN" })).toEqual(
          await sqlite.provinceCounts(level, { q: "ASEAN" }),
        );
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
