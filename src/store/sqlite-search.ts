import type Database from "better-sqlite3";
import { DossierError } from "../errors.js";
import { provinceFilterCode } from "../gazetteer/province-filter.js";
import type { Document } from "../ingest/types.js";
import { foldKey } from "../text/fold.js";
import { type FtsQuery, parseFtsQuery } from "./fts-query.js";
import { knownNameLength, knownNames, nearestKnownName, otherSpellings } from "./known-names.js";
import { TIER_COUNT, type Tiers, tiersOf } from "./ranking.js";
import { makeSnippet, matchSpans } from "./snippet.js";
import type { Facet, QueryReading, SearchHit, SearchQuery, SearchResult } from "./types.js";

type Db = Database.Database;

/**
 * A hit's snippet around the first match: of the words as typed when `exact` (diacritics
 * counted), else folded; in the text, else in a caption ("Photo: …"). Without a match it starts
 * past the title line the text opens with.
 */
function snippetOf(json: string, title: string | null, fts: FtsQuery, exact: boolean): string {
  const { text, captions } = JSON.parse(json) as Document;
  const skip = title && text.startsWith(title) ? title.length : 0;
  for (const ex of exact ? [true, false] : [false]) {
    if (matchSpans(text, fts.terms, ex).length > 0)
      return makeSnippet(text, fts.terms, 200, skip, ex);
    for (const c of captions ?? []) {
      if (matchSpans(c.text, fts.terms, ex).length > 0)
        return `Photo: ${makeSnippet(c.text, fts.terms, 200, 0, ex)}`;
    }
  }
  return makeSnippet(text, fts.terms, 200, skip);
}

/** The facets a document has several values of, as document_facets.facets holds them. */
const MULTI = ["province", "province2025", "entity", "domain"] as const;
type Multi = (typeof MULTI)[number];
/** Every facet (month: the first 7 characters of `published`, or UNDATED). */
const KINDS = [...MULTI, "source", "publisher", "language", "month"] as const;
type Kind = (typeof KINDS)[number];

/** The month facet's value for documents without a date. */
export const UNDATED = "undated";
const FACET_LIMIT = 50;
/**
 * bm25 weights of the columns of documents_fts: document id, title, body, captions, stems
 * (the other forms of an English word, which a query with a stem looks for there and in the
 * text alike), marks (only a test: the words are in the body).
 */
const BM25_WEIGHTS = "0, 2.0, 1.0, 1.0, 1.0, 0";
/** Past this many results to rank (offset + limit), sort them all rather than keep the best. */
const SELECT_MAX = 1000;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An Int32Array that grows. */
class Ints {
  array = new Int32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.array.length) {
      const bigger = new Int32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = n;
  }
}

/**
 * What search filters and counts facets on, per document, in memory: loaded from
 * document_facets on the first search, then only the rows added since (by this connection, or
 * by another one: `PRAGMA data_version` tells). Keyed by the document's rowid in documents_fts,
 * which the full-text match returns, so a match never reads the documents it counts. Documents
 * are only ever added; a table that shrank (deleted by hand) is loaded again whole.
 *
 * Every value of every facet is numbered (`values`, `kinds`), and a document's values are one
 * run of those numbers in `data`, from `start[rowid]` to `end[rowid]`: counting the facets of
 * tens of thousands of documents is one tight loop.
 */
export class SearchIndex {
  private version = -1;
  private stale = true;
  private lastRowid = 0;
  /** Rowids loaded, ascending. */
  rowids: number[] = [];
  ids: string[] = [];
  published: (string | null)[] = [];
  start: number[] = [];
  end: number[] = [];
  data = new Ints();
  /** Facet values: `${kind}\t${value}` → number; and by number, the kind and the value. */
  numbers = new Map<string, number>();
  kinds: Kind[] = [];
  values: string[] = [];
  labels = {} as Record<Multi, Map<string, string>>;

  constructor(private readonly db: Db) {
    this.reset();
  }

  private reset(): void {
    this.lastRowid = 0;
    this.rowids = [];
    this.ids = [];
    this.published = [];
    this.start = [];
    this.end = [];
    this.data = new Ints();
    this.numbers = new Map();
    this.kinds = [];
    this.values = [];
    for (const k of MULTI) this.labels[k] = new Map();
  }

  /** The number of a facet value; undefined if no document has it. */
  number(kind: Kind, value: string): number | undefined {
    return this.numbers.get(`${kind}\t${value}`);
  }

  /** The numbers of the values of `kind` that fold to `value`'s key ("vgp" is "VGP"). */
  numbersFolded(kind: Kind, value: string): number[] {
    const key = foldKey(value);
    const out: number[] = [];
    this.kinds.forEach((k, n) => {
      if (k === kind && foldKey(this.values[n] as string) === key) out.push(n);
    });
    return out;
  }

  private add(kind: Kind, value: string): void {
    const key = `${kind}\t${value}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.numbers.set(key, n);
      this.kinds.push(kind);
      this.values.push(value);
    }
    this.data.push(n);
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
    const count = this.db.prepare("SELECT count(*) FROM document_facets").pluck().get() as number;
    if (count < this.rowids.length) this.reset();
    this.load();
    if (this.rowids.length !== count) {
      this.reset();
      this.load();
    }
    for (const k of MULTI) this.labels[k].clear();
    const labels = this.db.prepare("SELECT kind, value, label FROM facet_labels").raw().all();
    for (const [kind, value, label] of labels as [Multi, string, string][]) {
      this.labels[kind]?.set(value, label);
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
      this.rowids.push(rowid);
      this.ids[rowid] = id;
      this.published[rowid] = published;
      this.start[rowid] = this.data.length;
      const facets = JSON.parse(json) as Record<Multi, string[]>;
      for (const k of MULTI) for (const v of facets[k] ?? []) this.add(k, v);
      this.add("source", source);
      if (publisher !== null) this.add("publisher", publisher);
      this.add("language", language);
      this.add("month", published === null ? UNDATED : published.slice(0, 7));
      this.end[rowid] = this.data.length;
      this.lastRowid = rowid;
    }
  }

  /** Whether document `rowid` has value number `n`. */
  has(rowid: number, n: number): boolean {
    const data = this.data.array;
    for (let i = this.start[rowid] as number, end = this.end[rowid] as number; i < end; i++) {
      if (data[i] === n) return true;
    }
    return false;
  }

  /** Whether document `rowid` has any of the values numbered `ns` (one pass over its values). */
  hasAny(rowid: number, ns: number[]): boolean {
    const data = this.data.array;
    for (let i = this.start[rowid] as number, end = this.end[rowid] as number; i < end; i++) {
      if (ns.includes(data[i] as number)) return true;
    }
    return false;
  }

  /** How many of the documents have each value, by value number. */
  count(rowids: number[]): Int32Array {
    const counts = new Int32Array(this.values.length);
    const data = this.data.array;
    const { start, end } = this;
    for (const r of rowids) {
      for (let i = start[r] as number, e = end[r] as number; i < e; i++) {
        (counts[data[i] as number] as number)++;
      }
    }
    return counts;
  }
}

type RowTest = (rowid: number) => boolean;

/** Every test in one, or null for none. */
const allOf = (tests: RowTest[]): RowTest | null =>
  tests.length === 0 ? null : (r) => tests.every((t) => t(r));

/**
 * The documents passing the filters (not `q`), as tests on a rowid (null: no filter): `all`
 * with the date filter, `undated` true when the date filter leaves out undated documents, and
 * `others` (every filter but the date) to count those it leaves out.
 */
function filterOf(
  index: SearchIndex,
  query: SearchQuery,
): { all: RowTest | null; others: RowTest | null; undated: boolean } {
  const tests: RowTest[] = [];
  const having = (kind: Kind, value: string) => {
    const n = index.number(kind, value);
    tests.push(n === undefined ? () => false : (r) => index.has(r, n));
  };
  for (const kind of ["province", "province2025"] as const) {
    const value = query[kind];
    // By code or any name of the province; one that names none is an E_USAGE error.
    if (value) having(kind, provinceFilterCode(kind === "province" ? "old" : "new", value));
  }
  if (query.entity) having("entity", query.entity);
  if (query.domain) having("domain", query.domain);
  if (query.source) having("source", query.source);
  if (query.publisher) {
    const ns = index.numbersFolded("publisher", query.publisher);
    tests.push((r) => ns.some((n) => index.has(r, n)));
  }
  if (query.language) having("language", query.language);
  const others = allOf(tests);
  const date = dateFilter(index, query);
  if (date === null) return { all: others, others, undated: false };
  return { all: allOf([...tests, date]), others, undated: query.undated !== "include" };
}

/** The date filter: `from`/`to` on `published`, and what to do with undated documents. */
function dateFilter(index: SearchIndex, query: SearchQuery): RowTest | null {
  const { published } = index;
  const { from, to, undated } = query;
  if (undated === "only") {
    if (from || to)
      throw new DossierError(
        "E_USAGE",
        "undated=only asks for documents without a date: drop from/to",
        {
          input: "undated",
        },
      );
    return (r) => (published[r] ?? null) === null;
  }
  if (!from && !to) return null;
  const keepUndated = undated === "include";
  return (r) => {
    const p = published[r] ?? null;
    if (p === null) return keepUndated;
    return (!from || p >= from) && (!to || p.slice(0, to.length) <= to);
  };
}

/** The documents matching `match` (every stored one when null) and the filters, by rowid. */
function hitsOf(
  db: Db,
  index: SearchIndex,
  query: SearchQuery,
  match: string | null,
  fts: FtsQuery,
): {
  rowids: number[];
  matched: number;
  keep: (rowid: number) => boolean;
  undatedExcluded: number;
  tiers: Tiers | null;
} {
  const { all: filter, others, undated } = filterOf(index, query);
  const { ids, published } = index;
  const keep = filter
    ? (r: number) => ids[r] !== undefined && filter(r)
    : (r: number) => ids[r] !== undefined;
  // Text with no word in it finds nothing: listing everything would answer another question.
  if (fts.note !== undefined)
    return { rowids: [], matched: 0, keep, undatedExcluded: 0, tiers: null };
  let matched =
    match === null
      ? null
      : (db
          .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?")
          .pluck()
          .all(match) as number[]);
  // The ranking rules (diacritics as typed, known names), which may leave some matches out.
  let tiers: Tiers | null = null;
  if (match !== null && matched !== null) {
    const t = tiersOf(db, index, fts, match, matched, keep);
    tiers = t.tiers;
    matched = t.matched;
  }
  // What the date filter left out for want of a date, counted so it is never dropped unsaid.
  let undatedExcluded = 0;
  if (undated) {
    for (const r of matched ?? index.rowids) {
      if (ids[r] !== undefined && (published[r] ?? null) === null && (!others || others(r)))
        undatedExcluded++;
    }
  }
  if (matched === null) {
    return {
      rowids: filter ? index.rowids.filter(filter) : index.rowids,
      matched: index.rowids.length,
      keep,
      undatedExcluded,
      tiers,
    };
  }
  return { rowids: matched.filter(keep), matched: matched.length, keep, undatedExcluded, tiers };
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

/** The first `count` rowids in the order `before` gives, without sorting them all. */
function best(rowids: number[], count: number, before: (a: number, b: number) => number): number[] {
  if (count >= SELECT_MAX || count >= rowids.length)
    return [...rowids].sort(before).slice(0, count);
  const top: number[] = [];
  for (const r of rowids) {
    if (top.length === count && before(r, top[count - 1] as number) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(r, top[mid] as number) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, r);
    if (top.length > count) top.pop();
  }
  return top;
}

function facetsOf(index: SearchIndex, rowids: number[]): SearchResult["facets"] {
  const counts = index.count(rowids);
  const present = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<
    Kind,
    number[]
  >;
  const { kinds, values } = index;
  for (let n = 0; n < counts.length; n++) if (counts[n] !== 0) present[kinds[n] as Kind].push(n);
  // Most documents first, then by value; the best FACET_LIMIT only (every source is a value).
  const before = (a: number, b: number) =>
    (counts[b] as number) - (counts[a] as number) ||
    compare(values[a] as string, values[b] as string);
  const facets = {} as SearchResult["facets"];
  const facet = (n: number, labels: Map<string, string> | null): Facet => {
    const value = values[n] as string;
    return { value, label: labels?.get(value) ?? value, count: counts[n] as number };
  };
  for (const k of KINDS) {
    const labels = (MULTI as readonly string[]).includes(k) ? index.labels[k as Multi] : null;
    facets[k] = best(present[k], FACET_LIMIT, before).map((n) => facet(n, labels));
  }
  // Undated documents are a value of the month facet, always shown, and last.
  const undated = index.number("month", UNDATED);
  if (undated !== undefined && (counts[undated] ?? 0) > 0) {
    facets.month = [...facets.month.filter((f) => f.value !== UNDATED), facet(undated, null)];
  }
  return facets;
}

function run(db: Db, index: SearchIndex, query: SearchQuery, fts: FtsQuery, match: string | null) {
  const hits = hitsOf(db, index, query, match, fts);
  const limit = Math.min(100, Math.max(1, Math.floor(query.limit ?? 20) || 20));
  const offset = Math.max(0, Math.floor(query.offset ?? 0) || 0);
  const { ids, published } = index;
  const byId = (a: number, b: number) => compare(ids[a] as string, ids[b] as string);
  // Newest first, undated last, then by id.
  const newer = (a: number, b: number) => {
    const pa = published[a] ?? null;
    const pb = published[b] ?? null;
    if (pa === null || pb === null) return pa === pb ? byId(a, b) : pa === null ? 1 : -1;
    return compare(pb, pa) || byId(a, b);
  };
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
  const loose = hits.tiers?.diacritics === "loose";
  const results = page.map(({ rowid, score }): SearchHit => {
    const id = ids[rowid] as string;
    const row = get.get(id) as {
      title: string | null;
      source: string;
      published: string | null;
      publisher: string | null;
      json: string;
    };
    const hit: SearchHit = {
      id,
      title: row.title,
      source: row.source,
      score,
      snippet: snippetOf(row.json, row.title, fts, hits.tiers?.diacritics === "exact"),
      published: row.published,
      publisher: row.publisher,
    };
    if (loose) hit.loose = true;
    return hit;
  });
  return {
    total: hits.rowids.length,
    results,
    undatedExcluded: hits.undatedExcluded,
    facets: facetsOf(index, hits.rowids),
    tiers: hits.tiers,
  };
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
  if (first.total > 0 || !first.reading) return first;
  // Nothing found: a known name near the query's words ("Da Nag") is searched instead.
  const fts = parseFtsQuery(query.q ?? "", PARSE);
  if (fts.syntax) return first;
  const suggestion = didYouMean(fts);
  if (suggestion === null) return first;
  const again = searchOnce(db, index, { ...query, q: suggestion });
  if (again.total === 0 || !again.reading) return first;
  return { ...again, reading: { ...again.reading, didYouMean: suggestion } };
}

/** The query's words with the first run of them that is near a known name put right. */
function didYouMean(fts: FtsQuery): string | null {
  const words = fts.phrases.join(" ").split(" ");
  for (let i = 0; i < words.length - 1; i++) {
    for (let n = Math.min(6, words.length - i); n >= 2; n--) {
      const key = nearestKnownName(words.slice(i, i + n));
      const name = key === null ? undefined : knownNames().get(key);
      if (name === undefined) continue;
      const shown = fts.exact === null ? name.plain : name.marked;
      return [...words.slice(0, i), shown, ...words.slice(i + n)].join(" ");
    }
  }
  return null;
}

const PARSE = { phrase: knownNameLength, stems: true, spellings: otherSpellings } as const;

function searchOnce(db: Db, index: SearchIndex, query: SearchQuery): SearchResult {
  const fts = parseFtsQuery(query.q ?? "", PARSE);
  return db.transaction(() => {
    index.refresh();
    const { tiers, ...result } = withMatch(fts, (match) => run(db, index, query, fts, match));
    if (fts.note !== undefined) return { ...result, query: null, note: fts.note };
    if (fts.match === null) return { ...result, query: null };
    const reading: QueryReading = {
      diacritics: tiers?.diacritics ?? "folded",
      stems: fts.terms.flatMap((t) =>
        t.stem ? [{ word: t.words[0] as string, stem: t.stem }] : [],
      ),
      names: tiers?.names ?? [],
    };
    return { ...result, query: fts.match, reading };
  })();
}

/** Matching documents per province of the 63 ("old") or the 34 ("new"). */
export function provinceCountsSqlite(
  db: Db,
  index: SearchIndex,
  level: "old" | "new",
  query: SearchQuery,
): { code: string; name: string; count: number }[] {
  const kind = level === "old" ? "province" : "province2025";
  const fts = parseFtsQuery(query.q ?? "", PARSE);
  return db.transaction(() => {
    index.refresh();
    const { rowids } = withMatch(fts, (match) => hitsOf(db, index, query, match, fts));
    const counts = index.count(rowids);
    const out: { code: string; name: string; count: number }[] = [];
    counts.forEach((count, n) => {
      if (count === 0 || index.kinds[n] !== kind) return;
      const code = index.values[n] as string;
      out.push({ code, name: index.labels[kind].get(code) ?? code, count });
    });
    return out.sort((a, b) => b.count - a.count || compare(a.code, b.code));
  })();
}
