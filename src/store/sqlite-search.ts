import type Database from "better-sqlite3";
import { FacetIndex, type Multi, SNAPSHOT_AFTER_ROWS } from "./facet-index.js";
import type { FtsQuery } from "./fts-query.js";
import { TIER_COUNT, type Tiers, tiersOf } from "./ranking.js";
import {
  afterRetry,
  best,
  didYouMeanQuery,
  filterOf,
  type HitRow,
  type Hits,
  hitOf,
  hitsFrom,
  newerOf,
  pageOf,
  parseSearch,
  provinceCountsOf,
  resultOf,
} from "./search-common.js";
import type { SearchQuery, SearchResult } from "./types.js";

type Db = Database.Database;

/**
 * bm25 weights of the columns of documents_fts: document id, title, body, captions, stems
 * (the other forms of an English word, which a query with a stem looks for there and in the
 * text alike), marks (only a test: the words are in the body).
 */
const BM25_WEIGHTS = "0, 2.0, 1.0, 1.0, 1.0, 0";

/**
 * The facet index (see `FacetIndex`) of a SQLite store: loaded from document_facets on the
 * first search, then only the rows added since (by this connection, or by another one:
 * `PRAGMA data_version` tells). Keyed by the document's rowid in documents_fts. Documents are
 * only ever added; a table that shrank (deleted by hand) is loaded again whole.
 */
export class SearchIndex extends FacetIndex {
  private version = -1;
  private stale = true;
  private lastRowid = 0;

  constructor(private readonly db: Db) {
    super();
  }

  override reset(): void {
    super.reset();
    this.lastRowid = 0;
  }

  /** Marks the index out of date: this connection added documents. */
  invalidate(): void {
    this.stale = true;
  }

  /** Brings the index up to date; call inside the read transaction the search runs in. */
  refresh(): void {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (version === this.version && !this.stale) return;
    this.version = version;
    this.stale = false;
    const count = this.rowCount();
    if (count < this.rowids.length) this.reset();
    if (this.rowids.length === 0) this.readSnapshot(count);
    this.load();
    if (this.rowids.length !== count) {
      this.reset();
      this.load();
    }
    const labels = this.db.prepare("SELECT kind, value, label FROM facet_labels").raw().all();
    this.setLabels(labels as [string, string, string][]);
  }

  /** How many facet rows the library holds: kept by its triggers, counted in an older one. */
  private rowCount(): number {
    try {
      const n = this.db.prepare("SELECT n FROM facet_rows WHERE id = 1").pluck().get();
      if (typeof n === "number") return n;
    } catch {
      // A library not yet migrated (opened read-only): counted below.
    }
    return this.db.prepare("SELECT count(*) FROM document_facets").pluck().get() as number;
  }

  /** Starts from the library's snapshot of the index, if it has a usable one. */
  private readSnapshot(count: number): void {
    let row: [number, number, Uint8Array] | undefined;
    try {
      row = this.db
        .prepare("SELECT schema_version, last_rowid, data FROM facet_snapshot WHERE id = 1")
        .raw()
        .get() as [number, number, Uint8Array] | undefined;
    } catch {
      return; // a library not yet migrated: no snapshot
    }
    if (!row || row[0] !== this.db.pragma("user_version", { simple: true })) return;
    if (!this.loadBytes(row[2]) || this.rowids.length > count) {
      this.reset();
      return;
    }
    this.lastRowid = row[1];
    this.fromRows = 0;
  }

  /**
   * Keeps the index in the library as one value when building it read many rows, so that the
   * next process to search (a server starting, `dossier search`) does not. Rows are only ever
   * added with a greater rowid, so a snapshot up to `lastRowid` stays true. Only a cache: a
   * library that is read-only or busy (another process writing) is left as it is, at once.
   */
  saveSnapshot(minimumRows = SNAPSHOT_AFTER_ROWS): void {
    if (this.fromRows < minimumRows || this.rowids.length === 0) return;
    const timeout = this.db.pragma("busy_timeout", { simple: true }) as number;
    try {
      this.db.pragma("busy_timeout = 0");
      this.db
        .prepare(
          `INSERT OR REPLACE INTO facet_snapshot (id, schema_version, last_rowid, data)
           VALUES (1, ?, ?, ?)`,
        )
        .run(this.db.pragma("user_version", { simple: true }), this.lastRowid, this.toBytes());
      this.fromRows = 0;
    } catch {
      // Read-only, busy or full: the next process reads the rows, as before.
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private load(): void {
    const rows = this.db
      .prepare(
        `SELECT fts_rowid, document_id, source, language, published, facets, publisher
         FROM document_facets WHERE fts_rowid > ? ORDER BY fts_rowid`,
      )
      .raw()
      .iterate(this.lastRowid) as IterableIterator<
      [number, string, string, string, string | null, string, string | null]
    >;
    for (const [rowid, id, source, language, published, json, publisher] of rows) {
      const facets = JSON.parse(json) as Record<Multi, string[]>;
      this.addRow({ rowid, id, source, language, published, publisher, facets });
      this.lastRowid = rowid;
      this.fromRows++;
    }
  }
}

/** The documents matching `match` (every stored one when null) and the filters, by rowid. */
function hitsOf(
  db: Db,
  index: SearchIndex,
  query: SearchQuery,
  match: string | null,
  fts: FtsQuery,
): Hits {
  const filters = filterOf(index, query);
  if (fts.note !== undefined) return hitsFrom(index, filters, fts, null, null);
  const matched =
    match === null
      ? null
      : (db
          .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?")
          .pluck()
          .all(match) as number[]);
  const tiering =
    match === null
      ? null
      : (rows: number[], keep: (r: number) => boolean) =>
          tiersOf(db, index, fts, match, rows, keep);
  return hitsFrom(index, filters, fts, matched, tiering);
}

/**
 * The best `count` of the matching documents that pass `keep`, by bm25 (then id), with their
 * scores (the negated bm25). SQLite ranks (computing bm25 for each match, which is most of the
 * cost of a search); rows are read in rank order until `count` pass, and those tied with the
 * last. Reading a first part (LIMIT, from how many pass) is enough unless it ends in the middle.
 */
function ranked(
  db: Db,
  match: string,
  hits: { rowids: number[]; matched: number; keep: (rowid: number) => boolean },
  count: number,
): { rowid: number; score: number }[] {
  const passing = hits.rowids.length / Math.max(1, hits.matched);
  let limit: number | null = Math.ceil(((count + 1) / Math.max(passing, 1e-9)) * 1.5) + 64;
  for (;;) {
    if (limit !== null && limit >= hits.matched) limit = null;
    const rows = db
      .prepare(
        `SELECT rowid, bm25(documents_fts, ${BM25_WEIGHTS}) FROM documents_fts
         WHERE documents_fts MATCH ? ORDER BY 2${limit === null ? "" : ` LIMIT ${limit}`}`,
      )
      .raw()
      .iterate(match) as IterableIterator<[number, number]>;
    const picked: { rowid: number; score: number }[] = [];
    let last = Number.NaN;
    let complete = limit === null;
    for (const [rowid, bm25] of rows) {
      if (!hits.keep(rowid)) continue;
      if (picked.length >= count && bm25 !== last) {
        complete = true;
        break;
      }
      picked.push({ rowid, score: -bm25 });
      last = bm25;
    }
    if (complete) return picked;
    limit = null; // the first part ended among the best: read them all
  }
}

function run(db: Db, index: SearchIndex, query: SearchQuery, fts: FtsQuery, match: string | null) {
  const hits = hitsOf(db, index, query, match, fts);
  const { limit, offset } = pageOf(query);
  const newer = newerOf(index);
  let page: { rowid: number; score: number }[] = [];
  if (offset < hits.rowids.length) {
    if (match !== null) page = rankedPage(db, match, hits, offset, limit, newer);
    else {
      page = best(hits.rowids, offset + limit, newer)
        .slice(offset)
        .map((rowid) => ({ rowid, score: 0 }));
    }
  }
  const get = db.prepare(
    "SELECT title, source, published, publisher, json FROM documents WHERE id = ?",
  );
  const results = page.map(({ rowid, score }) => {
    const id = index.ids[rowid] as string;
    return hitOf(id, get.get(id) as HitRow, score, fts, hits.tiers);
  });
  return resultOf(index, fts, hits, results);
}

/**
 * Results `offset` to `offset + limit` of the matches, tier by tier (see `Tiers`), each tier
 * by bm25, then `newer`. Only the tiers the page reaches are ranked.
 */
function rankedPage(
  db: Db,
  match: string,
  hits: {
    rowids: number[];
    matched: number;
    keep: (rowid: number) => boolean;
    tiers: Tiers | null;
  },
  offset: number,
  limit: number,
  newer: (a: number, b: number) => number,
): { rowid: number; score: number }[] {
  const order = (a: { rowid: number; score: number }, b: { rowid: number; score: number }) =>
    b.score - a.score || newer(a.rowid, b.rowid);
  const tier = hits.tiers?.tier ?? null;
  if (tier === null) {
    return ranked(db, match, hits, offset + limit)
      .sort(order)
      .slice(offset, offset + limit);
  }
  const rows: number[][] = Array.from({ length: TIER_COUNT }, () => []);
  for (const r of hits.rowids) rows[tier[r] as number]?.push(r);
  const page: { rowid: number; score: number }[] = [];
  let before = 0;
  for (let t = 0; t < TIER_COUNT && before < offset + limit; t++) {
    const these = rows[t] as number[];
    if (these.length > 0 && offset < before + these.length) {
      const want = Math.min(these.length, offset + limit - before);
      const exact = t < 2 && hits.tiers?.exactMatch ? hits.tiers.exactMatch : match;
      const keep = (r: number) => hits.keep(r) && tier[r] === t;
      const best = ranked(db, exact, { rowids: these, matched: hits.matched, keep }, want);
      page.push(...best.sort(order).slice(Math.max(0, offset - before), want));
    }
    before += these.length;
  }
  return page;
}

function isFtsSyntaxError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === "SQLITE_ERROR" &&
    /fts5|syntax|unterminated|no such column/iu.test(error.message)
  );
}

/** Runs `f` with the FTS5 expression of `q`, again with its plain words if FTS5 refuses it. */
function withMatch<T>(fts: FtsQuery, f: (match: string | null) => T): T {
  try {
    return f(fts.match);
  } catch (error) {
    if (fts.match === null || !isFtsSyntaxError(error)) throw error;
    return f(fts.fallback);
  }
}

/**
 * Full-text search with filters and facets, in one read transaction: the full-text match (and
 * its bm25 ranks) in SQLite, then filters, facet counts and the page's order over the index in
 * memory, and the page's documents read for their snippets.
 */
export function searchSqlite(db: Db, index: SearchIndex, query: SearchQuery): SearchResult {
  const first = searchOnce(db, index, query);
  index.saveSnapshot();
  // Nothing found: a known name near the query's words ("Da Nag") is searched instead.
  const retry = didYouMeanQuery(first, query);
  if (retry === null) return first;
  return afterRetry(first, searchOnce(db, index, retry), retry.q as string);
}

function searchOnce(db: Db, index: SearchIndex, query: SearchQuery): SearchResult {
  const fts = parseSearch(query.q);
  return db.transaction(() => {
    index.refresh();
    return withMatch(fts, (match) => run(db, index, query, fts, match));
  })();
}

/** Matching documents per province of the 63 ("old") or the 34 ("new"). */
export function provinceCountsSqlite(
  db: Db,
  index: SearchIndex,
  level: "old" | "new",
  query: SearchQuery,
): { code: string; name: string; count: number }[] {
  const fts = parseSearch(query.q);
  const counts = db.transaction(() => {
    index.refresh();
    const { rowids } = withMatch(fts, (match) => hitsOf(db, index, query, match, fts));
    return provinceCountsOf(index, level, rowids);
  })();
  index.saveSnapshot();
  return counts;
}
