import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { foldKey } from "../text/fold.js";
import { migrate } from "./schema.js";
import { provinceCountsSqlite, searchSqlite } from "./sqlite-search.js";
import type { Store, StoredDocument } from "./types.js";

/**
 * Opens (creating it if need be) a SQLite store at `path` (":memory:" for a throwaway one):
 * WAL journal, foreign keys on, migrations applied. Text is indexed folded (see `foldKey`),
 * so searches ignore case and Vietnamese diacritics, đ included.
 */
export function openSqliteStore(path: string): Store {
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
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
    fts: db.prepare("INSERT INTO documents_fts (document_id, title, body) VALUES (?, ?, ?)"),
    run: db.prepare(
      `INSERT INTO runs (id, started, finished, added, skipped) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET finished = excluded.finished,
       added = added + excluded.added, skipped = skipped + excluded.skipped`,
    ),
  };

  function addOne({ document: d, analysis: a }: StoredDocument): boolean {
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
    const entities = new Map<string, { type: string; name: string; count: number }>();
    for (const e of a.entities) {
      const seen = entities.get(e.id);
      if (seen) seen.count++;
      else entities.set(e.id, { type: e.type, name: e.name, count: 1 });
    }
    for (const [id, e] of entities) insert.entity.run(d.id, id, e.type, e.name, e.count);
    const domains = new Map<string, string>();
    for (const t of a.topics) for (const h of t.domains) domains.set(h.domain, h.label);
    for (const [domain, label] of domains) insert.topic.run(d.id, domain, label);
    a.provisions.forEach((p, i) => {
      insert.provision.run(d.id, i, p.stance, p.actor.kind, p.text);
    });
    insert.fts.run(d.id, foldKey(d.title ?? ""), foldKey(d.text));
    return true;
  }

  const addAll = db.transaction((items: StoredDocument[], run: string, started: string) => {
    let added = 0;
    for (const item of items) if (addOne(item)) added++;
    const skipped = items.length - added;
    insert.run.run(run, started, new Date().toISOString(), added, skipped);
    return { added, skipped };
  });

  const getStmt = db.prepare(
    `SELECT d.json AS document, a.json AS analysis
     FROM documents d JOIN analyses a ON a.document_id = d.id WHERE d.id = ?`,
  );
  const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;

  return {
    add(items, run) {
      return addAll(items, run ?? randomUUID(), new Date().toISOString());
    },
    get(id) {
      const row = getStmt.get(id) as { document: string; analysis: string } | undefined;
      return row
        ? { document: JSON.parse(row.document), analysis: JSON.parse(row.analysis) }
        : null;
    },
    search: (query) => searchSqlite(db, query),
    stats: () => ({
      documents: count("SELECT count(*) FROM documents"),
      mentions: count("SELECT count(*) FROM mentions"),
      entities: count("SELECT count(DISTINCT entity_id) FROM entities"),
      provisions: count("SELECT count(*) FROM provisions"),
      runs: count("SELECT count(*) FROM runs"),
    }),
    provinceCounts: (level, query) => provinceCountsSqlite(db, level, query ?? {}),
    close() {
      if (db.open) db.close();
    },
  };
}
