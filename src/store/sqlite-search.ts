import type Database from "better-sqlite3";
import type { Document } from "../ingest/types.js";
import { foldKey } from "../text/fold.js";
import { type FtsQuery, parseFtsQuery } from "./fts-query.js";
import { makeSnippet } from "./snippet.js";
import type { Facet, SearchQuery, SearchResult } from "./types.js";

type Db = Database.Database;
type Params = Record<string, string | number>;

interface Selection {
  /** `FROM … WHERE …` selecting the matching documents as `d`. */
  sql: string;
  params: Params;
  ranked: boolean;
}

/** A province given by code ("48") or name ("Đà Nẵng", "Da Nang", "danang") → its code. */
function provinceCode(db: Db, column: "province" | "province2025", value: string): string {
  if (/^\d+$/u.test(value.trim())) return value.trim();
  const squash = (s: string) => foldKey(s).replaceAll(" ", "");
  const key = squash(value);
  const rows = db
    .prepare(`SELECT DISTINCT ${column}_code AS code, ${column}_name AS name FROM mentions`)
    .all() as { code: string; name: string }[];
  return rows.find((r) => squash(r.name) === key)?.code ?? value;
}

function select(db: Db, query: SearchQuery, match: string | null): Selection {
  const where: string[] = [];
  const params: Params = {};
  for (const column of ["province", "province2025"] as const) {
    const value = query[column];
    if (!value) continue;
    params[column] = provinceCode(db, column, value);
    where.push(`d.id IN (SELECT document_id FROM mentions WHERE ${column}_code = @${column})`);
  }
  if (query.entity) {
    params.entity = query.entity;
    where.push("d.id IN (SELECT document_id FROM entities WHERE entity_id = @entity)");
  }
  if (query.domain) {
    params.domain = query.domain;
    where.push("d.id IN (SELECT document_id FROM topics WHERE domain = @domain)");
  }
  for (const column of ["source", "language"] as const) {
    const value = query[column];
    if (!value) continue;
    params[column] = value;
    where.push(`d.${column} = @${column}`);
  }
  if (query.from) {
    params.from = query.from;
    where.push("d.published >= @from");
  }
  if (query.to) {
    params.to = query.to;
    where.push("substr(d.published, 1, length(@to)) <= @to");
  }
  if (match === null) {
    return {
      sql: `FROM documents d WHERE ${["1", ...where].join(" AND ")}`,
      params,
      ranked: false,
    };
  }
  params.match = match;
  const sql = `FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id
    WHERE ${["documents_fts MATCH @match", ...where].join(" AND ")}`;
  return { sql, params, ranked: true };
}

const FACETS: Record<keyof SearchResult["facets"], string> = {
  province: `SELECT province_code AS value, min(province_name) AS label,
    count(DISTINCT document_id) AS count FROM mentions WHERE document_id IN hits GROUP BY 1`,
  province2025: `SELECT province2025_code AS value, min(province2025_name) AS label,
    count(DISTINCT document_id) AS count FROM mentions WHERE document_id IN hits GROUP BY 1`,
  entity: `SELECT entity_id AS value, min(name) AS label, count(*) AS count
    FROM entities WHERE document_id IN hits GROUP BY 1`,
  domain: `SELECT domain AS value, min(label) AS label, count(*) AS count
    FROM topics WHERE document_id IN hits GROUP BY 1`,
  source: `SELECT source AS value, source AS label, count(*) AS count
    FROM documents WHERE id IN hits GROUP BY 1`,
  language: `SELECT language AS value, language AS label, count(*) AS count
    FROM documents WHERE id IN hits GROUP BY 1`,
  month: `SELECT substr(published, 1, 7) AS value, substr(published, 1, 7) AS label,
    count(*) AS count FROM documents WHERE id IN hits AND published IS NOT NULL GROUP BY 1`,
};
const FACET_LIMIT = 50;

function run(db: Db, query: SearchQuery, fts: FtsQuery, match: string | null): SearchResult {
  const s = select(db, query, match);
  // The matching ids, once, in a temporary table the count and every facet read: running the
  // full-text match again for each of them made a search eight times slower.
  db.exec("CREATE TEMP TABLE IF NOT EXISTS hits (id TEXT PRIMARY KEY); DELETE FROM hits");
  db.prepare(`INSERT OR IGNORE INTO hits SELECT d.id ${s.sql}`).run(s.params);
  const total = db.prepare("SELECT count(*) FROM hits").pluck().get() as number;
  const limit = Math.min(100, Math.max(1, Math.floor(query.limit ?? 20) || 20));
  const offset = Math.max(0, Math.floor(query.offset ?? 0) || 0);
  const score = s.ranked ? "-bm25(documents_fts, 0, 2.0, 1.0)" : "0";
  const order = s.ranked ? "score DESC, d.id" : "d.published IS NULL, d.published DESC, d.id";
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.source, d.published, d.json, ${score} AS score ${s.sql}
       ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    )
    .all(s.params) as {
    id: string;
    title: string | null;
    source: string;
    published: string | null;
    json: string;
    score: number;
  }[];
  const results = rows.map((r) => {
    const { text } = JSON.parse(r.json) as Document;
    const skip = r.title && text.startsWith(r.title) ? r.title.length : 0;
    return {
      id: r.id,
      title: r.title,
      source: r.source,
      score: r.score,
      published: r.published,
      snippet: makeSnippet(text, fts.terms, 200, skip),
    };
  });
  const facets = {} as SearchResult["facets"];
  for (const [name, sql] of Object.entries(FACETS)) {
    facets[name as keyof typeof FACETS] = db
      .prepare(`${sql} ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`)
      .all() as Facet[];
  }
  return { total, results, facets };
}

function isFtsSyntaxError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === "SQLITE_ERROR" &&
    /fts5|syntax|unterminated|no such column/iu.test(error.message)
  );
}

/** Full-text search with filters and facets; falls back to plain words if FTS5 refuses `q`. */
export function searchSqlite(db: Db, query: SearchQuery): SearchResult {
  const fts = parseFtsQuery(query.q ?? "");
  try {
    return run(db, query, fts, fts.match);
  } catch (error) {
    if (fts.match === null || !isFtsSyntaxError(error)) throw error;
    return run(db, query, fts, fts.fallback);
  }
}

/** Matching documents per province of the 63 ("old") or the 34 ("new"). */
export function provinceCountsSqlite(
  db: Db,
  level: "old" | "new",
  query: SearchQuery,
): { code: string; name: string; count: number }[] {
  const column = level === "old" ? "province" : "province2025";
  const fts = parseFtsQuery(query.q ?? "");
  const sql = (match: string | null) => {
    const s = select(db, query, match);
    return db
      .prepare(
        `WITH hits AS (SELECT d.id ${s.sql})
         SELECT ${column}_code AS code, min(${column}_name) AS name,
         count(DISTINCT document_id) AS count FROM mentions WHERE document_id IN hits
         GROUP BY 1 ORDER BY count DESC, code`,
      )
      .all(s.params) as { code: string; name: string; count: number }[];
  };
  try {
    return sql(fts.match);
  } catch (error) {
    if (fts.match === null || !isFtsSyntaxError(error)) throw error;
    return sql(fts.fallback);
  }
}
