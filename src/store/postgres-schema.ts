import type pg from "pg";

/**
 * The PostgreSQL schema, as versioned migrations: `schema_version.v` holds how many have run.
 * Append new ones; never edit one that has shipped.
 *
 * The tables hold what SQLite's do (schema.ts), with two differences of design:
 * - `document_search` is the full-text index: per document a `rowid` (a sequence, taken only
 *   for documents actually added, so the in-memory facet index stays dense), a tsvector of the
 *   folded words with positions (title weighted A; text, captions and stems B) and one of the
 *   words as written with diacritics (`marks`), both built by Dossier from `indexedText`, so
 *   PostgreSQL's own parser and dictionaries never fold differently from SQLite's index.
 *   Only the words are indexed (GIN): the marks are tested on the rows the words matched.
 *   Both stay in the row (compressed) up to a page: a search reads every matching row (to
 *   check a phrase, to rank), and a row whose vectors sit in the TOAST table costs a lookup
 *   there on top (phrase searches at 100,000 documents took 2-3 times as long).
 * - `document_facets.version` stamps each batch with `library_version.v` as its transaction
 *   set it: the row lock on library_version makes versions commit in order, so a reader that
 *   sees version V has every facet row stamped ≤ V, whichever process wrote it. That lets each
 *   server keep its facet index in memory and load only what is new.
 * Document ids compare byte by byte (COLLATE "C"), as SQLite's do: `Store.page` walks them in
 * the same order whatever the server's locale. `ingest_claims` holds the documents an ingest
 * process took to analyse (`Store.claim`), by the backend of its session, as runs are held.
 * The rows of a document's analysis (mentions, entities, topics, provisions) carry no foreign
 * key and no index by document: they are written once, by the same transaction as their
 * document, and never looked up by it; each key checked or indexed per row would cost ingest
 * more than anything reads back (as SQLite's schema dropped those indexes in migration 2).
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id text COLLATE "C" PRIMARY KEY,
    source text NOT NULL,
    title text,
    published text,
    language text NOT NULL,
    publisher text,
    json text NOT NULL
  );
  CREATE TABLE analyses (
    document_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    json text NOT NULL
  );
  CREATE TABLE mentions (
    document_id text NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    place_id text NOT NULL,
    province_code text NOT NULL,
    province_name text NOT NULL,
    province2025_code text NOT NULL,
    province2025_name text NOT NULL
  );
  CREATE TABLE entities (
    document_id text NOT NULL,
    entity_id text NOT NULL,
    type text NOT NULL,
    name text NOT NULL,
    count integer NOT NULL
  );
  CREATE TABLE topics (
    document_id text NOT NULL,
    domain text NOT NULL,
    label text NOT NULL
  );
  CREATE TABLE provisions (
    document_id text NOT NULL,
    idx integer NOT NULL,
    stance text NOT NULL,
    actor_kind text NOT NULL,
    text text NOT NULL,
    PRIMARY KEY (document_id, idx)
  );
  CREATE TABLE runs (
    id text PRIMARY KEY,
    started text NOT NULL,
    finished text NOT NULL,
    added integer NOT NULL,
    skipped integer NOT NULL,
    status text NOT NULL DEFAULT 'done',
    backend_pid integer,
    backend_start timestamptz
  );
  CREATE SEQUENCE document_rowid;
  CREATE TABLE document_search (
    rowid bigint PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    words tsvector STORAGE MAIN NOT NULL,
    marks tsvector STORAGE MAIN NOT NULL
  ) WITH (toast_tuple_target = 8160);
  CREATE INDEX document_search_words ON document_search USING gin (words);
  CREATE TABLE library_version (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    v bigint NOT NULL
  );
  INSERT INTO library_version (v) VALUES (0);
  CREATE TABLE document_facets (
    rowid bigint PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source text NOT NULL,
    language text NOT NULL,
    published text,
    publisher text,
    facets jsonb NOT NULL,
    version bigint NOT NULL
  );
  CREATE INDEX document_facets_version ON document_facets (version);
  CREATE TABLE ingest_claims (
    document_id text COLLATE "C" PRIMARY KEY,
    backend_pid integer NOT NULL,
    backend_start timestamptz
  );
  CREATE TABLE facet_labels (
    kind text NOT NULL,
    value text NOT NULL,
    label text NOT NULL,
    PRIMARY KEY (kind, value)
  );
  `,
  // The facet index as one value (see \`FacetIndex.toBytes\`) as of library version \`version\`:
  // a process's first search reads it and the facet rows stamped after it, not every row. A
  // cache, stamped with the schema version: a later migration makes it unread.
  `
  CREATE TABLE IF NOT EXISTS facet_snapshot (
    id integer PRIMARY KEY CHECK (id = 1),
    schema_version integer NOT NULL,
    version bigint NOT NULL,
    data bytea NOT NULL
  );
  `,
];

/** Any number that names Dossier's migration lock among the advisory locks of a server. */
const MIGRATION_LOCK = 0x0d055e12;

/**
 * Runs the migrations not yet applied, in one transaction, under an advisory lock: several
 * processes opening the same new library at once wait for the first, then find it migrated.
 * Returns the schema version.
 */
export async function migrate(client: pg.ClientBase): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (v integer NOT NULL)");
    const { rows } = await client.query<{ v: number }>("SELECT v FROM schema_version");
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length)
      throw new Error(
        `database schema version ${current} is newer than this Dossier (${MIGRATIONS.length})`,
      );
    for (let v = current; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v] as string);
    // A migration may rewrite the facet rows: the index kept from them is made again.
    if (current < MIGRATIONS.length) await client.query("DELETE FROM facet_snapshot");
    if (rows.length === 0)
      await client.query("INSERT INTO schema_version (v) VALUES ($1)", [MIGRATIONS.length]);
    else await client.query("UPDATE schema_version SET v = $1", [MIGRATIONS.length]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return MIGRATIONS.length;
}
