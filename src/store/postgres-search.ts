import type pg from "pg";
import { FacetIndex, type Multi, SNAPSHOT_AFTER_ROWS } from "./facet-index.js";
import type { FtsQuery } from "./fts-query.js";
import type { IndexedText } from "./index-text.js";
import { MIGRATIONS } from "./postgres-schema.js";
import { TIER_COUNT, tiersFrom } from "./ranking.js";
import {
  afterRetry,
  best,
  didYouMeanQuery,
  type Filters,
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

/**
 * ts_rank's weights of the lexeme labels {D, C, B, A}: the title (A) counts twice the text,
 * captions and stems (B), as SQLite's bm25 weights have it.
 */
const RANK_WEIGHTS = "{0, 0, 0.5, 1.0}";
/**
 * ts_rank normalisation 2: divided by the text's length, as bm25 weighs a match in a short text
 * above one in a long text. Of the normalisations, it orders the bundled samples' results most
 * often as SQLite's bm25 does (8 of 17 searches the same to the last result, 1: 7, none: 5).
 */
const RANK_NORMALISATION = 2;
/** PostgreSQL's limits of a tsvector: positions 1–16383, 256 of them per lexeme, 2 KB words. */
const MAX_POSITION = 16383;
const MAX_POSITIONS = 256;
const MAX_WORD_BYTES = 2000;
/** A tsvector holds at most 1 MB of lexemes; a text with more distinct words keeps the first. */
const MAX_LEXEME_BYTES = 1_000_000;

/** A word as a tsvector/tsquery lexeme, quoted. */
const quote = (word: string) => `'${word.replace(/\\/gu, "\\\\").replace(/'/gu, "''")}'`;

/**
 * Sections of words (space-separated, folded) as a tsvector literal, each section's lexemes
 * labelled with its weight. A one-position gap between sections keeps a phrase from matching
 * across them, as FTS5's columns do.
 */
function tsvectorOf(sections: { words: string; weight: "A" | "B" | "" }[]): string {
  const positions = new Map<string, string[]>();
  let bytes = 0;
  let pos = 0;
  for (const { words, weight } of sections) {
    if (words === "") continue;
    for (const word of words.split(" ")) {
      pos = Math.min(pos + 1, MAX_POSITION);
      let list = positions.get(word);
      if (list === undefined) {
        const size = Buffer.byteLength(word);
        if (size > MAX_WORD_BYTES || bytes + size > MAX_LEXEME_BYTES) continue;
        bytes += size;
        list = [];
        positions.set(word, list);
      }
      if (list.length < MAX_POSITIONS) list.push(`${pos}${weight}`);
    }
    pos = Math.min(pos + 1, MAX_POSITION);
  }
  const out: string[] = [];
  for (const [word, list] of positions) out.push(`${quote(word)}:${list.join(",")}`);
  return out.join(" ");
}

/**
 * The two tsvectors of a document (see postgres-schema.ts): its folded words (title A, then
 * captions, text and stems B; stems last, as only single words are looked for there, and past
 * PostgreSQL's last position phrases no longer match) and its words as written (marks).
 */
export function searchVectors(t: IndexedText): { words: string; marks: string } {
  return {
    words: tsvectorOf([
      { words: t.title, weight: "A" },
      { words: t.captions, weight: "B" },
      { words: t.body, weight: "B" },
      { words: t.stems, weight: "B" },
    ]),
    marks: tsvectorOf([{ words: t.marks, weight: "" }]),
  };
}

type FacetDbRow = {
  lv: number;
  rowid: number | null;
  document_id: string;
  source: string;
  language: string;
  published: string | null;
  publisher: string | null;
  facets: Record<Multi, string[]>;
};

/**
 * The facet index (see `FacetIndex`) of a PostgreSQL store: each search first loads the facet
 * rows stamped with a library version above the one it holds, up to the version committed
 * (one statement, one snapshot). Versions commit in order (see postgres-schema.ts), so rows
 * written by any process are loaded exactly once, and servers on one library agree.
 */
export class PgSearchIndex extends FacetIndex {
  private version = -1;
  private pending: Promise<void> | null = null;
  /** Whether the labels were read since the index was (re)started. */
  private labelled = false;

  constructor(private readonly pool: pg.Pool) {
    super();
  }

  /** Brings the index up to date; concurrent searches share one load. */
  async refresh(): Promise<void> {
    while (this.pending) await this.pending;
    this.pending = this.load().finally(() => {
      this.pending = null;
    });
    await this.pending;
  }

  /** Starts from the library's snapshot of the index, if it has a usable one. */
  private async readSnapshot(): Promise<void> {
    const { rows } = await this.pool.query<{ version: number; data: Buffer }>(
      `SELECT s.version::float8 AS version, s.data FROM facet_snapshot s, library_version lv
       WHERE s.id = 1 AND s.schema_version = $1 AND s.version <= lv.v`,
      [MIGRATIONS.length],
    );
    const row = rows[0];
    if (!row) return;
    if (this.loadBytes(row.data)) this.version = row.version;
    else this.reset();
    this.fromRows = 0;
  }

  /**
   * Keeps the index in the library as one value when building it read many rows, so that the
   * next process to search does not; a newer snapshot already there is kept. Only a cache: a
   * failure to write it is no failure of the search. Written only between loads, when the rows
   * held are exactly those up to `version`.
   */
  async saveSnapshot(minimumRows = SNAPSHOT_AFTER_ROWS): Promise<void> {
    if (this.pending || this.fromRows < minimumRows || this.rowids.length === 0) return;
    const data = this.toBytes();
    const { version } = this;
    this.fromRows = 0;
    await this.pool
      .query(
        `INSERT INTO facet_snapshot (id, schema_version, version, data) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET schema_version = excluded.schema_version,
         version = excluded.version, data = excluded.data
         WHERE facet_snapshot.version < excluded.version
         OR facet_snapshot.schema_version <> excluded.schema_version`,
        [MIGRATIONS.length, version, data],
      )
      .catch(() => {});
  }

  private async load(): Promise<void> {
    if (this.version < 0 && this.rowids.length === 0) await this.readSnapshot();
    const { rows } = await this.pool.query<FacetDbRow>(
      `SELECT lv.v::float8 AS lv, f.rowid::int4 AS rowid, f.document_id, f.source, f.language,
       f.published, f.publisher, f.facets
       FROM library_version lv LEFT JOIN document_facets f ON f.version > $1 AND f.version <= lv.v
       ORDER BY f.rowid`,
      [Math.max(this.version, 0)],
    );
    const latest = rows[0]?.lv ?? 0;
    if (latest === this.version && this.labelled) return;
    if (latest < this.version) {
      // The library went back (made again under the same name): load it whole.
      this.reset();
      this.version = -1;
      this.labelled = false;
      return this.load();
    }
    for (const r of rows) {
      if (r.rowid === null) continue;
      this.fromRows++;
      this.addRow({
        rowid: r.rowid,
        id: r.document_id,
        source: r.source,
        language: r.language,
        published: r.published,
        publisher: r.publisher,
        facets: r.facets,
      });
    }
    const labels = await this.pool.query<[string, string, string]>({
      text: "SELECT kind, value, label FROM facet_labels",
      rowMode: "array",
    });
    this.setLabels(labels.rows);
    this.labelled = true;
    this.version = latest;
  }
}

/** The matches of a text query, with their ts_rank scores and which hold the words as typed. */
interface Matches {
  rowids: number[];
  score: Map<number, number>;
  exactRows: number[] | null;
}

/** A tsquery PostgreSQL refused (a syntax error), to search again with the plain words. */
const isSyntaxError = (error: unknown) => (error as { code?: string } | null)?.code === "42601";

async function matchesOf(pool: pg.Pool, fts: FtsQuery): Promise<Matches> {
  const run = (tsquery: string) =>
    pool.query<[number, number, boolean | null]>({
      text: `SELECT s.rowid::int4, ts_rank($3::float4[], s.words, t.q, ${RANK_NORMALISATION}),
             CASE WHEN $2::tsquery IS NULL THEN NULL ELSE s.marks @@ $2::tsquery END
             FROM document_search s, (SELECT $1::tsquery AS q) t WHERE s.words @@ t.q`,
      values: [tsquery, fts.tsExact, RANK_WEIGHTS],
      rowMode: "array",
    });
  let result: pg.QueryResult<[number, number, boolean | null]>;
  try {
    result = await run(fts.tsquery as string);
  } catch (error) {
    if (!isSyntaxError(error) || fts.tsFallback === null) throw error;
    result = await run(fts.tsFallback);
  }
  const rowids: number[] = [];
  const score = new Map<number, number>();
  const exactRows: number[] | null = fts.tsExact === null ? null : [];
  for (const [rowid, rank, exact] of result.rows) {
    rowids.push(rowid);
    score.set(rowid, rank);
    if (exact) exactRows?.push(rowid);
  }
  return { rowids, score, exactRows };
}

async function hitsOf(
  pool: pg.Pool,
  index: PgSearchIndex,
  query: SearchQuery,
  fts: FtsQuery,
): Promise<{ hits: Hits; matches: Matches | null }> {
  const filters: Filters = filterOf(index, query);
  if (fts.note !== undefined || fts.tsquery === null)
    return { hits: hitsFrom(index, filters, fts, null, null), matches: null };
  const matches = await matchesOf(pool, fts);
  const match = fts.match as string;
  const hits = hitsFrom(index, filters, fts, matches.rowids, (rows, keep) =>
    tiersFrom(index, fts, match, rows, matches.exactRows, keep),
  );
  return { hits, matches };
}

/**
 * Results `offset` to `offset + limit`: tier by tier (see `Tiers`), each by ts_rank, then newer,
 * then id. Every match's score came with the match, so ranking is a selection in memory.
 */
function rankedPage(
  hits: Hits,
  score: Map<number, number>,
  offset: number,
  limit: number,
  newer: (a: number, b: number) => number,
): { rowid: number; score: number }[] {
  const scoreOf = (r: number) => score.get(r) ?? 0;
  const order = (a: number, b: number) => scoreOf(b) - scoreOf(a) || newer(a, b);
  const tier = hits.tiers?.tier ?? null;
  const groups: number[][] = [];
  if (tier === null) groups.push(hits.rowids);
  else {
    for (let t = 0; t < TIER_COUNT; t++) groups.push([]);
    for (const r of hits.rowids) groups[tier[r] as number]?.push(r);
  }
  const page: number[] = [];
  let before = 0;
  for (const these of groups) {
    if (before >= offset + limit) break;
    if (these.length > 0 && offset < before + these.length) {
      const want = Math.min(these.length, offset + limit - before);
      page.push(...best(these, want, order).slice(Math.max(0, offset - before)));
    }
    before += these.length;
  }
  return page.map((rowid) => ({ rowid, score: scoreOf(rowid) }));
}

async function searchOnce(
  pool: pg.Pool,
  index: PgSearchIndex,
  query: SearchQuery,
): Promise<SearchResult> {
  const fts = parseSearch(query.q);
  await index.refresh();
  const { hits, matches } = await hitsOf(pool, index, query, fts);
  const { limit, offset } = pageOf(query);
  const newer = newerOf(index);
  let page: { rowid: number; score: number }[] = [];
  if (offset < hits.rowids.length) {
    page = matches
      ? rankedPage(hits, matches.score, offset, limit, newer)
      : best(hits.rowids, offset + limit, newer)
          .slice(offset)
          .map((rowid) => ({ rowid, score: 0 }));
  }
  const ids = page.map(({ rowid }) => index.ids[rowid] as string);
  const rows = new Map<string, HitRow>();
  if (ids.length > 0) {
    const read = await pool.query<HitRow & { id: string }>(
      `SELECT id, title, source, published, publisher, json FROM documents
       WHERE id = ANY($1::text[])`,
      [ids],
    );
    for (const row of read.rows) rows.set(row.id, row);
  }
  const results = page.flatMap(({ score }, i) => {
    const id = ids[i] as string;
    const row = rows.get(id);
    return row ? [hitOf(id, row, score, fts, hits.tiers)] : [];
  });
  return resultOf(index, fts, hits, results);
}

/**
 * Full-text search with filters and facets: the tsvector match (with each match's ts_rank and
 * whether it holds the words as typed) in PostgreSQL, then filters, facet counts, tiers and
 * the page's order over the index in memory, and the page's documents read for snippets.
 */
export async function searchPostgres(
  pool: pg.Pool,
  index: PgSearchIndex,
  query: SearchQuery,
): Promise<SearchResult> {
  const first = await searchOnce(pool, index, query);
  await index.saveSnapshot();
  const retry = didYouMeanQuery(first, query);
  if (retry === null) return first;
  return afterRetry(first, await searchOnce(pool, index, retry), retry.q as string);
}

/** Matching documents per province of the 63 ("old") or the 34 ("new"). */
export async function provinceCountsPostgres(
  pool: pg.Pool,
  index: PgSearchIndex,
  level: "old" | "new",
  query: SearchQuery,
): Promise<{ code: string; name: string; count: number }[]> {
  const fts = parseSearch(query.q);
  await index.refresh();
  const { hits } = await hitsOf(pool, index, query, fts);
  const counts = provinceCountsOf(index, level, hits.rowids);
  await index.saveSnapshot();
  return counts;
}
