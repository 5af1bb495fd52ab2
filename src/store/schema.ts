import type Database from "better-sqlite3";

/**
 * Schema migrations, applied in order: `PRAGMA user_version` holds how many have run.
 * Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: string[] = [
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
];

/** Runs the migrations not yet applied, all in one transaction. Returns the schema version. */
export function migrate(db: Database.Database): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this Dossier (${MIGRATIONS.length})`,
    );
  }
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
  return MIGRATIONS.length;
}
