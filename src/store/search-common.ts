import { DossierError } from "../errors.js";
import { provinceFilterCode } from "../gazetteer/province-filter.js";
import type { Document } from "../ingest/types.js";
import { type FacetIndex, KINDS, type Kind, MULTI, type Multi, UNDATED } from "./facet-index.js";
import { type FtsQuery, parseFtsQuery } from "./fts-query.js";
import { knownNameLength, knownNames, nearestKnownName, otherSpellings } from "./known-names.js";
import type { Tiers } from "./ranking.js";
import { makeSnippet, matchSpans } from "./snippet.js";
import type { Facet, QueryReading, SearchHit, SearchQuery, SearchResult } from "./types.js";

/**
 * What both stores' searches share, whatever finds the matches (FTS5 or a tsvector): the
 * filters and facet counts over the in-memory `FacetIndex`, the ranking tiers, paging, the
 * hits' snippets, the reading of the query and the did-you-mean retry.
 */

export const FACET_LIMIT = 50;
/** Past this many results to rank (offset + limit), sort them all rather than keep the best. */
const SELECT_MAX = 1000;

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How the store's query parser reads a search: known names as phrases, stems, spellings. */
export const PARSE = { phrase: knownNameLength, stems: true, spellings: otherSpellings } as const;

export const parseSearch = (q: string | undefined): FtsQuery => parseFtsQuery(q ?? "", PARSE);

/**
 * A hit's snippet around the first match: of the words as typed when `exact` (diacritics
 * counted), else folded; in the text, else in a caption ("Photo: …"). Without a match it starts
 * past the title line the text opens with.
 */
export function snippetOf(
  json: string,
  title: string | null,
  fts: FtsQuery,
  exact: boolean,
): string {
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

/** A stored document's columns a hit shows. */
export interface HitRow {
  title: string | null;
  source: string;
  published: string | null;
  publisher: string | null;
  json: string;
}

/** A result of the page, from its document's row. */
export function hitOf(
  id: string,
  row: HitRow,
  score: number,
  fts: FtsQuery,
  tiers: Tiers | null,
): SearchHit {
  const hit: SearchHit = {
    id,
    title: row.title,
    source: row.source,
    score,
    snippet: snippetOf(row.json, row.title, fts, tiers?.diacritics === "exact"),
    published: row.published,
    publisher: row.publisher,
  };
  if (tiers?.diacritics === "loose") hit.loose = true;
  return hit;
}

export type RowTest = (rowid: number) => boolean;

/** Every test in one, or null for none. */
const allOf = (tests: RowTest[]): RowTest | null =>
  tests.length === 0 ? null : (r) => tests.every((t) => t(r));

/** The filters of a query (not `q`), as tests on a rowid. */
export interface Filters {
  /** Every filter, the date's included (null: none). */
  all: RowTest | null;
  /** Every filter but the date, to count the undated documents it leaves out. */
  others: RowTest | null;
  /** Whether the date filter leaves out undated documents. */
  undated: boolean;
  /** A document loaded and passing `all`. */
  keep: RowTest;
}

/** The documents passing the filters (not `q`), as tests on a rowid. */
export function filterOf(index: FacetIndex, query: SearchQuery): Filters {
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
  const all = date === null ? others : allOf([...tests, date]);
  const { ids } = index;
  const keep = all
    ? (r: number) => ids[r] !== undefined && all(r)
    : (r: number) => ids[r] !== undefined;
  return { all, others, undated: date !== null && query.undated !== "include", keep };
}

/** The date filter: `from`/`to` on `published`, and what to do with undated documents. */
function dateFilter(index: FacetIndex, query: SearchQuery): RowTest | null {
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

/** The matching documents that pass the filters, and what ranking needs of them. */
export interface Hits {
  rowids: number[];
  matched: number;
  keep: RowTest;
  undatedExcluded: number;
  tiers: Tiers | null;
}

/**
 * The hits of a search from its matches (`matched`: rowids, or null for every stored document
 * when there is no text query) and the tiers `tiering` sorts them into (which may leave some
 * out).
 */
export function hitsFrom(
  index: FacetIndex,
  filters: Filters,
  fts: FtsQuery,
  matched: number[] | null,
  tiering: ((matched: number[], keep: RowTest) => { tiers: Tiers; matched: number[] }) | null,
): Hits {
  const { all: filter, others, undated, keep } = filters;
  const { ids, published } = index;
  // Text with no word in it finds nothing: listing everything would answer another question.
  if (fts.note !== undefined)
    return { rowids: [], matched: 0, keep, undatedExcluded: 0, tiers: null };
  // The ranking rules (diacritics as typed, known names), which may leave some matches out.
  let tiers: Tiers | null = null;
  if (matched !== null && tiering !== null) {
    const t = tiering(matched, keep);
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

/** The first `count` rowids in the order `before` gives, without sorting them all. */
export function best(
  rowids: number[],
  count: number,
  before: (a: number, b: number) => number,
): number[] {
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

/** The page asked for: at most 100 results, 20 by default, from `offset`. */
export function pageOf(query: SearchQuery): { limit: number; offset: number } {
  return {
    limit: Math.min(100, Math.max(1, Math.floor(query.limit ?? 20) || 20)),
    offset: Math.max(0, Math.floor(query.offset ?? 0) || 0),
  };
}

/** Newest first, undated last, then by id: the order of equals. */
export function newerOf(index: FacetIndex): (a: number, b: number) => number {
  const { ids, published } = index;
  const byId = (a: number, b: number) => compare(ids[a] as string, ids[b] as string);
  return (a, b) => {
    const pa = published[a] ?? null;
    const pb = published[b] ?? null;
    if (pa === null || pb === null) return pa === pb ? byId(a, b) : pa === null ? 1 : -1;
    return compare(pb, pa) || byId(a, b);
  };
}

export function facetsOf(index: FacetIndex, rowids: number[]): SearchResult["facets"] {
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

/** A search's result from its hits and page, with the query as read (see `QueryReading`). */
export function resultOf(
  index: FacetIndex,
  fts: FtsQuery,
  hits: Hits,
  results: SearchHit[],
): SearchResult {
  const result = {
    total: hits.rowids.length,
    results,
    undatedExcluded: hits.undatedExcluded,
    facets: facetsOf(index, hits.rowids),
  };
  if (fts.note !== undefined) return { ...result, query: null, note: fts.note };
  if (fts.match === null) return { ...result, query: null };
  const reading: QueryReading = {
    diacritics: hits.tiers?.diacritics ?? "folded",
    stems: fts.terms.flatMap((t) => (t.stem ? [{ word: t.words[0] as string, stem: t.stem }] : [])),
    names: hits.tiers?.names ?? [],
  };
  return { ...result, query: fts.match, reading };
}

/**
 * When a search found nothing and a known name is near its words ("Da Nag"), the query to
 * search instead; null otherwise.
 */
export function didYouMeanQuery(first: SearchResult, query: SearchQuery): SearchQuery | null {
  if (first.total > 0 || !first.reading) return null;
  const fts = parseSearch(query.q);
  if (fts.syntax) return null;
  const suggestion = didYouMean(fts);
  return suggestion === null ? null : { ...query, q: suggestion };
}

/** The result to give after the did-you-mean retry `again` of `first`. */
export function afterRetry(
  first: SearchResult,
  again: SearchResult,
  suggestion: string,
): SearchResult {
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

/** Matching documents per province of the 63 ("old") or the 34 ("new"), most first. */
export function provinceCountsOf(
  index: FacetIndex,
  level: "old" | "new",
  rowids: number[],
): { code: string; name: string; count: number }[] {
  const kind = level === "old" ? "province" : "province2025";
  const counts = index.count(rowids);
  const out: { code: string; name: string; count: number }[] = [];
  counts.forEach((count, n) => {
    if (count === 0 || index.kinds[n] !== kind) return;
    const code = index.values[n] as string;
    out.push({ code, name: index.labels[kind].get(code) ?? code, count });
  });
  return out.sort((a, b) => b.count - a.count || compare(a.code, b.code));
}
