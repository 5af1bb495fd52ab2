import type Database from "better-sqlite3";
import type { Document } from "../ingest/types.js";
import { FOLD, WORD } from "../text/fold.js";
import { reindexForSearch } from "./migrate-search.js";
import { searchKey } from "./search-key.js";

/** A migration: SQL, or a function for what SQL cannot do (folding text as search does). */
type Migration = string | ((db: Database.Database) => void);

/** True when `searchKey` keeps something of `text` that the first folding dropped. */
function hasOtherScripts(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] === WORD || (c >= 0xd800 && c <= 0xdbff)) return true;
  }
  return false;
}

/**
 * 3: the full-text index keeps every script (`searchKey`): documents indexed before, whose
 * non-Latin words (Cyrillic, Han, fullwidth …) were dropped, are indexed again. Others are
 * left as they are: for Latin text the two foldings agree.
 */
function refoldOtherScripts(db: Database.Database): void {
  const joined = "FROM documents_fts f JOIN documents d ON d.id = f.document_id";
  const texts = (json: string) => {
    const { title, text } = JSON.parse(json) as Document;
    return { title: title ?? "", text };
  };
  // Which rows first (a statement being read cannot be written to), then each one again.
  const again: number[] = [];
  const rows = db.prepare(`SELECT f.rowid, d.json ${joined}`).raw().iterate();
  for (const [rowid, json] of rows as IterableIterator<[number, string]>) {
    const { title, text } = texts(json);
    if (hasOtherScripts(text) || hasOtherScripts(title)) again.push(rowid);
  }
  const read = db.prepare(`SELECT d.json ${joined} WHERE f.rowid = ?`).pluck();
  const update = db.prepare("UPDATE documents_fts SET title = ?, body = ? WHERE rowid = ?");
  for (const rowid of again) {
    const { title, text } = texts(read.get(rowid) as string);
    update.run(searchKey(title), searchKey(text), rowid);
  }
}

/**
 * Schema migrations, applied in order: `PRAGMA user_version` holds how many have run.
 * Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: Migration[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    publisher TEXT,
    json TEXT NOT NULL
  );
  CREATE INDEX documents_published ON documents (published);
  CREATE INDEX documents_source ON documents (source);
  CREATE INDEX documents_language ON documents (language);
  CREATE TABLE analyses (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    json TEXT NOT NULL
  );
  CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    province_code TEXT NOT NULL,
    province_name TEXT NOT NULL,
    province2025_code TEXT NOT NULL,
    province2025_name TEXT NOT NULL
  );
  CREATE INDEX mentions_document ON mentions (document_id);
  CREATE INDEX mentions_province ON mentions (province_code, document_id);
  CREATE INDEX mentions_province2025 ON mentions (province2025_code, document_id);
  CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (document_id, entity_id)
  );
  CREATE INDEX entities_entity ON entities (entity_id, document_id);
  CREATE TABLE topics (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (document_id, domain)
  );
  CREATE INDEX topics_domain ON topics (domain, document_id);
  CREATE TABLE provisions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    stance TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    added INTEGER NOT NULL,
    skipped INTEGER NOT NULL
  );
  CREATE VIRTUAL TABLE documents_fts USING fts5 (
    document_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
  // 2: (a) a run's status, so a run stopped halfway is told from one that finished: "running"
  // while `dossier ingest` works (with its process id, so the next ingest can tell a killed run
  // from a live one), then "done", "interrupted" or "failed"; runs recorded before had no way to
  // say, and count as "done".
  // (b) document_facets: per document, keyed by its rowid in documents_fts, what search filters
  // and counts facets on (province codes old and new, entity ids, domains as JSON arrays;
  // source, language, published); and facet_labels, the label of each value (the least name
  // stored for it, as min() gave). Search loads them into memory once, then only what is new:
  // facets over tens of thousands of matching documents take milliseconds, not seconds.
  // (c) Ingest writes less: document ids are hashes, so an index keyed by document id takes
  // each new document at a random page, and every batch rewrote most of such an index (ingest
  // slowed down as the database grew). The indexes on province, entity and domain are keyed by
  // the value alone now (then rowid, so new rows go at the end of each value's range); entities
  // and topics lose their (document_id, …) primary keys, which only added such an index (the
  // rows are unique per document as written); mentions lose their document_id index. Search
  // reads none of them (see b). Deleting a document (Dossier never does) scans those tables.
  `
  ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  CREATE TABLE document_facets (
    fts_rowid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    language TEXT NOT NULL,
    published TEXT,
    facets TEXT NOT NULL
  );
  INSERT INTO document_facets (fts_rowid, document_id, source, language, published, facets)
  SELECT f.rowid, d.id, d.source, d.language, d.published, json_object(
    'province', (SELECT json_group_array(c) FROM
      (SELECT DISTINCT province_code AS c FROM mentions WHERE document_id = d.id)),
    'province2025', (SELECT json_group_array(c) FROM
      (SELECT DISTINCT province2025_code AS c FROM mentions WHERE document_id = d.id)),
    'entity', (SELECT json_group_array(entity_id) FROM entities WHERE document_id = d.id),
    'domain', (SELECT json_group_array(domain) FROM topics WHERE document_id = d.id))
  FROM documents_fts f JOIN documents d ON d.id = f.document_id ORDER BY f.rowid;
  CREATE TABLE facet_labels (
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (kind, value)
  ) WITHOUT ROWID;
  INSERT INTO facet_labels
    SELECT 'province', province_code, min(province_name) FROM mentions GROUP BY 2;
  INSERT INTO facet_labels
    SELECT 'province2025', province2025_code, min(province2025_name) FROM mentions GROUP BY 2;
  INSERT INTO facet_labels SELECT 'entity', entity_id, min(name) FROM entities GROUP BY 2;
  INSERT INTO facet_labels SELECT 'domain', domain, min(label) FROM topics GROUP BY 2;
  DROP INDEX mentions_document;
  DROP INDEX mentions_province;
  DROP INDEX mentions_province2025;
  CREATE INDEX mentions_province ON mentions (province_code);
  CREATE INDEX mentions_province2025 ON mentions (province2025_code);
  CREATE TABLE entities_2 (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL
  );
  INSERT INTO entities_2 SELECT document_id, entity_id, type, name, count FROM entities
    ORDER BY rowid;
  DROP TABLE entities;
  ALTER TABLE entities_2 RENAME TO entities;
  CREATE INDEX entities_entity ON entities (entity_id);
  CREATE TABLE topics_2 (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    label TEXT NOT NULL
  );
  INSERT INTO topics_2 SELECT document_id, domain, label FROM topics ORDER BY rowid;
  DROP TABLE topics;
  ALTER TABLE topics_2 RENAME TO topics;
  CREATE INDEX topics_domain ON topics (domain);
  `,
  refoldOtherScripts,
  reindexForSearch,
  // The facet index as one value (see `FacetIndex.toBytes`): the next process reads it and
  // only the rows added after `last_rowid`, not every document's row. A cache: stamped with the
  // schema version, so a later migration that rewrites document_facets makes it unread.
  `
  CREATE TABLE IF NOT EXISTS facet_snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    schema_version INTEGER NOT NULL,
    last_rowid INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  `,
  // How many facet rows there are, kept by triggers: a search checks it at every refresh, and
  // count(*) reads the whole table (35-60 ms at 100,000 documents, at each process's first search).
  `
  CREATE TABLE IF NOT EXISTS facet_rows (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
  );
  INSERT OR REPLACE INTO facet_rows (id, n) SELECT 1, count(*) FROM document_facets;
  CREATE TRIGGER IF NOT EXISTS facet_rows_added AFTER INSERT ON document_facets
    BEGIN UPDATE facet_rows SET n = n + 1 WHERE id = 1; END;
  CREATE TRIGGER IF NOT EXISTS facet_rows_removed AFTER DELETE ON document_facets
    BEGIN UPDATE facet_rows SET n = n - 1 WHERE id = 1; END;
  `,
];

/**
 * Runs the migrations not yet applied, all in one transaction. Returns the schema version.
 * Several processes may open a new library at once (`ingest --workers`): the version is read
 * again under the write lock (BEGIN IMMEDIATE), so only the first migrates.
 */
export function migrate(db: Database.Database): number {
  const version = () => db.pragma("user_version", { simple: true }) as number;
  const check = (current: number) => {
    if (current > MIGRATIONS.length) {
      throw new Error(
        `database schema version ${current} is newer than this Dossier (${MIGRATIONS.length})`,
      );
    }
  };
  check(version());
  if (version() === MIGRATIONS.length) return MIGRATIONS.length;
  db.transaction(() => {
    const current = version();
    check(current);
    for (let v = current; v < MIGRATIONS.length; v++) {
      const migration = MIGRATIONS[v] as Migration;
      if (typeof migration === "string") db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${v + 1}`);
    }
    // A migration may rewrite the facet rows: the index kept from them is made again.
    if (current < MIGRATIONS.length) db.exec("DELETE FROM facet_snapshot");
  }).immediate();
  return MIGRATIONS.length;
}
