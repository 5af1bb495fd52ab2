import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { databaseError } from "./db-errors.js";
import { documentFacets, type Labels, newLabels } from "./document-facets.js";
import { SNAPSHOT_AFTER_ROWS } from "./facet-index.js";
import { indexedText } from "./index-text.js";
import { FTS_COLUMNS } from "./migrate-search.js";
import { migrate } from "./schema.js";
import { processExists, SqliteClaims } from "./sqlite-claims.js";
import { provinceCountsSqlite, SearchIndex, searchSqlite } from "./sqlite-search.js";
import type { RunRecord, Store, StoredDocument } from "./types.js";

export interface SqliteOptions {
  /**
   * How long a write waits for another process's write lock before E_DB_BUSY (default 5,000
   * ms). The wait blocks the thread, so the server waits less and answers 503 sooner.
   */
  busyTimeoutMs?: number;
  /** Largest the database file may grow, in bytes; past it a write is E_DB_FULL. */
  maxBytes?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating it if need be) a SQLite store at `path` (":memory:" for a throwaway one):
 * WAL journal, foreign keys on, migrations applied. Text is indexed folded (see `searchKey`),
 * so searches ignore case and Vietnamese diacritics, đ included, and find any script. A busy, full, damaged or
 * unwritable database is a DossierError (E_DB_BUSY, E_DB_FULL, E_DB_CORRUPT, E_DB_IO) from
 * opening it or from any method.
 */
export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  const busyMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  try {
    return guarded(openStore(path, busyMs, options.maxBytes), path, busyMs);
  } catch (error) {
    throw databaseError(error, path, busyMs);
  }
}

/** The store's methods, as better-sqlite3 runs them: at once, on this thread. */
type SyncStore = {
  [K in Exclude<keyof Store, "kind" | "location">]: (
    ...args: Parameters<Store[K]>
  ) => Awaited<ReturnType<Store[K]>>;
};

/**
 * The asynchronous store over the synchronous one, every SQLite failure turned into a coded
 * error (a rejection, never a throw).
 */
function guarded(store: SyncStore, path: string, busyMs: number): Store {
  const out: Record<string, unknown> = { kind: "sqlite", location: path };
  for (const [name, method] of Object.entries(store)) {
    out[name] = async (...args: unknown[]) => {
      try {
        return (method as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        throw databaseError(error, path, busyMs);
      }
    };
  }
  return out as unknown as Store;
}

function openStore(path: string, busyMs: number, maxBytes: number | undefined): SyncStore {
  const db = new Database(path, { timeout: busyMs });
  try {
    db.pragma("journal_mode = WAL");
    // In WAL mode, NORMAL syncs at checkpoints, not at every commit: a crash of the process (or
    // SIGKILL) loses nothing committed, and the database stays consistent on power loss, when
    // only the last transactions may roll back (ingest then stores them again).
    db.pragma("synchronous = NORMAL");
    // 64 MB of page cache (the default is 2 MB): the indexes' pages a batch touches stay in
    // memory from one batch to the next.
    db.pragma("cache_size = -65536");
    db.pragma("foreign_keys = ON");
    if (maxBytes !== undefined) {
      const pageSize = db.pragma("page_size", { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
    }
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const insert = {
    document: db.prepare(
      `INSERT OR IGNORE INTO documents (id, source, title, published, language, publisher, json)
       VALUES (@id, @source, @title, @published, @language, @publisher, @json)`,
    ),
    analysis: db.prepare("INSERT INTO analyses (document_id, json) VALUES (?, ?)"),
    mention: db.prepare(
      `INSERT INTO mentions (document_id, start, end, place_id, province_code, province_name,
       province2025_code, province2025_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entity: db.prepare(
      "INSERT INTO entities (document_id, entity_id, type, name, count) VALUES (?, ?, ?, ?, ?)",
    ),
    topic: db.prepare("INSERT INTO topics (document_id, domain, label) VALUES (?, ?, ?)"),
    provision: db.prepare(
      "INSERT INTO provisions (document_id, idx, stance, actor_kind, text) VALUES (?, ?, ?, ?, ?)",
    ),
    fts: db.prepare(
      `INSERT INTO documents_fts (document_id, ${FTS_COLUMNS.join(", ")})
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    facets: db.prepare(
      `INSERT INTO document_facets (fts_rowid, document_id, source, language, published,
       publisher, facets) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    label: db.prepare(
      `INSERT INTO facet_labels (kind, value, label) VALUES (?, ?, ?)
       ON CONFLICT (kind, value) DO UPDATE SET label = min(label, excluded.label)`,
    ),
    run: db.prepare(
      `INSERT INTO runs (id, started, finished, added, skipped) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET finished = excluded.finished,
       added = added + excluded.added, skipped = skipped + excluded.skipped`,
    ),
    startRun: db.prepare(
      `INSERT INTO runs (id, started, finished, added, skipped, status, pid)
       VALUES (?, ?, ?, 0, 0, 'running', ?)
       ON CONFLICT (id) DO UPDATE SET status = 'running', pid = excluded.pid`,
    ),
  };
  const running = db.prepare("SELECT id, pid FROM runs WHERE status = 'running'");
  const endRun = db.prepare(
    "UPDATE runs SET status = ?, finished = ?, skipped = skipped + ? WHERE id = ?",
  );
  const hasStmt = db.prepare("SELECT 1 FROM documents WHERE id = ?").pluck();
  const claims = new SqliteClaims(path, busyMs);
  const claimAll = (ids: string[]) => {
    const stored: string[] = [];
    const free: string[] = [];
    for (const id of new Set(ids)) (hasStmt.get(id) === undefined ? free : stored).push(id);
    return { mine: free.length > 0 ? claims.take(free) : [], stored };
  };

  function addOne({ document: d, analysis: a }: StoredDocument, labels: Labels): boolean {
    const json = JSON.stringify(d);
    const analysisJson = JSON.stringify(a);
    const { changes } = insert.document.run({
      id: d.id,
      source: d.source,
      title: d.title,
      published: d.published,
      language: d.language,
      publisher: d.publisher,
      json,
    });
    if (changes === 0) return false;
    insert.analysis.run(d.id, analysisJson);
    for (const m of a.places) {
      insert.mention.run(
        d.id,
        m.start,
        m.end,
        m.place.id,
        m.province.code,
        m.province.name,
        m.province2025.code,
        m.province2025.name,
      );
    }
    const f = documentFacets(a, labels);
    for (const [id, e] of f.entities) insert.entity.run(d.id, id, e.type, e.name, e.count);
    for (const [domain, name] of f.domains) insert.topic.run(d.id, domain, name);
    a.provisions.forEach((p, i) => {
      insert.provision.run(d.id, i, p.stance, p.actor.kind, p.text);
    });
    const t = indexedText(d);
    const fts = insert.fts.run(d.id, t.title, t.body, t.captions, t.stems, t.marks);
    insert.facets.run(
      fts.lastInsertRowid,
      d.id,
      d.source,
      d.language,
      d.published,
      d.publisher,
      f.json,
    );
    return true;
  }

  const addAll = db.transaction((items: StoredDocument[], run: string, started: string) => {
    let added = 0;
    const labels = newLabels();
    for (const item of items) if (addOne(item, labels)) added++;
    for (const [kind, values] of Object.entries(labels)) {
      for (const [value, name] of values) insert.label.run(kind, value, name);
    }
    const skipped = items.length - added;
    insert.run.run(run, started, new Date().toISOString(), added, skipped);
    return { added, skipped };
  });

  const getStmt = db.prepare(
    `SELECT d.json AS document, a.json AS analysis
     FROM documents d JOIN analyses a ON a.document_id = d.id WHERE d.id = ?`,
  );
  const pageStmt = db.prepare(
    `SELECT d.json AS document, a.json AS analysis
     FROM documents d JOIN analyses a ON a.document_id = d.id
     WHERE d.id > ? ORDER BY d.id LIMIT ?`,
  );
  const index = new SearchIndex(db);
  const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
  // Documents this connection added: past SNAPSHOT_AFTER_ROWS, closing keeps the facet index.
  let added = 0;

  return {
    add(items, run) {
      index.invalidate();
      const result = addAll(items, run ?? randomUUID(), new Date().toISOString());
      added += result.added;
      return result;
    },
    startRun: db.transaction((id: string) => {
      const now = new Date().toISOString();
      for (const r of running.all() as { id: string; pid: number | null }[]) {
        if (!processExists(r.pid)) endRun.run("interrupted", now, 0, r.id);
      }
      insert.startRun.run(id, now, now, process.pid);
    }),
    finishRun(id, status, skipped = 0) {
      endRun.run(status, new Date().toISOString(), skipped, id);
    },
    has: (id) => hasStmt.get(id) !== undefined,
    claim: claimAll,
    runs: () =>
      db
        .prepare(
          "SELECT id, started, finished, status, added, skipped FROM runs ORDER BY started, id",
        )
        .all() as RunRecord[],
    get(id) {
      const row = getStmt.get(id) as { document: string; analysis: string } | undefined;
      return row
        ? { document: JSON.parse(row.document), analysis: JSON.parse(row.analysis) }
        : null;
    },
    page: (after, limit) =>
      (pageStmt.all(after ?? "", limit) as { document: string; analysis: string }[]).map((row) => ({
        document: JSON.parse(row.document),
        analysis: JSON.parse(row.analysis),
      })),
    search: (query) => searchSqlite(db, index, query),
    stats: () => ({
      documents: count("SELECT count(*) FROM documents"),
      mentions: count("SELECT count(*) FROM mentions"),
      entities: count("SELECT count(DISTINCT entity_id) FROM entities"),
      provisions: count("SELECT count(*) FROM provisions"),
      runs: count("SELECT count(*) FROM runs"),
    }),
    provinceCounts: (level, query) => provinceCountsSqlite(db, index, level, query ?? {}),
    close() {
      if (!db.open) return;
      // An ingest that added many documents leaves the facet index ready for the next search
      // (a server starting answers its first query without reading every row).
      if (added >= SNAPSHOT_AFTER_ROWS) {
        try {
          db.transaction(() => index.refresh())();
          index.saveSnapshot();
        } catch {
          // Only a cache: the documents are stored; the next search reads their rows.
        }
      }
      claims.close();
      db.close();
    },
  };
}
