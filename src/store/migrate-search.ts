import type Database from "better-sqlite3";
import type { Analysis } from "../analyze.js";
import type { Document } from "../ingest/types.js";
import { indexedText } from "./index-text.js";

/** The columns of the full-text index, in order (see `IndexedText`). */
export const FTS_COLUMNS = ["title", "body", "captions", "stems", "marks"] as const;

/** The entities a document counts in facets: its text's and its captions', with counts. */
export function entityCounts(
  analysis: Pick<Analysis, "entities"> & { captions?: Analysis["captions"] },
): Map<string, { type: string; name: string; count: number }> {
  const out = new Map<string, { type: string; name: string; count: number }>();
  const mentions = [...analysis.entities, ...(analysis.captions ?? []).flatMap((c) => c.entities)];
  for (const e of mentions) {
    const seen = out.get(e.id);
    if (seen) seen.count++;
    else out.set(e.id, { type: e.type, name: e.name, count: 1 });
  }
  return out;
}

/**
 * 4: search that reads as a reader means (issue 12). The full-text index gets three columns
 * (captions, English stems, words as written with their diacritics: see `IndexedText`), so
 * every document is indexed again from its stored text, keeping its rowid (document_facets is
 * keyed by it). document_facets gets the publisher (a facet and a filter), and the entities of
 * captions join the entity facet (and the entities table) as their places joined the provinces.
 */
export function reindexForSearch(db: Database.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE documents_fts_4 USING fts5 (
      document_id UNINDEXED, ${FTS_COLUMNS.join(", ")},
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `);
  const columns = db.prepare("SELECT name FROM pragma_table_info('document_facets')").pluck();
  if (!(columns.all() as string[]).includes("publisher"))
    db.exec("ALTER TABLE document_facets ADD COLUMN publisher TEXT");
  const rows = db
    .prepare(
      `SELECT f.rowid, d.id, d.publisher, d.json, a.json, df.facets
       FROM documents_fts f JOIN documents d ON d.id = f.document_id
       JOIN analyses a ON a.document_id = d.id
       LEFT JOIN document_facets df ON df.fts_rowid = f.rowid ORDER BY f.rowid`,
    )
    .raw()
    .all() as [number, string, string | null, string, string, string | null][];
  const insert = db.prepare(
    `INSERT INTO documents_fts_4 (rowid, document_id, ${FTS_COLUMNS.join(", ")})
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const facets = db.prepare(
    "UPDATE document_facets SET publisher = ?, facets = ? WHERE fts_rowid = ?",
  );
  const entity = db.prepare(
    "INSERT INTO entities (document_id, entity_id, type, name, count) VALUES (?, ?, ?, ?, ?)",
  );
  const label = db.prepare(
    `INSERT INTO facet_labels (kind, value, label) VALUES ('entity', ?, ?)
     ON CONFLICT (kind, value) DO UPDATE SET label = min(label, excluded.label)`,
  );
  for (const [rowid, id, publisher, json, analysisJson, facetsJson] of rows) {
    const document = JSON.parse(json) as Document;
    const t = indexedText(document);
    insert.run(rowid, id, t.title, t.body, t.captions, t.stems, t.marks);
    if (facetsJson === null) continue;
    const f = JSON.parse(facetsJson) as { entity?: string[] };
    const analysis = JSON.parse(analysisJson) as Analysis;
    const had = new Set(f.entity ?? []);
    for (const [entityId, e] of entityCounts(analysis)) {
      if (had.has(entityId)) continue;
      had.add(entityId);
      entity.run(id, entityId, e.type, e.name, e.count);
      label.run(entityId, e.name);
    }
    facets.run(publisher, JSON.stringify({ ...f, entity: [...had] }), rowid);
  }
  db.exec("DROP TABLE documents_fts; ALTER TABLE documents_fts_4 RENAME TO documents_fts;");
}
