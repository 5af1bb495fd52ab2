import type Database from "better-sqlite3";
import type { FtsQuery } from "./fts-query.js";
import { type KnownName, knownNames, otherSpellings } from "./known-names.js";
import type { QueryReading } from "./types.js";

/** What `SearchIndex` offers the ranking rules: facet value numbers and membership. */
export interface FacetLookup {
  number(kind: "province" | "entity" | "language", value: string): number | undefined;
  has(rowid: number, n: number): boolean;
  /** Whether document `rowid` has any of the values numbered `ns`. */
  hasAny(rowid: number, ns: number[]): boolean;
}

/**
 * The ranking rules before relevance, as tiers: a match's tier is 0 (best) to 3. Tier order:
 * 1. the words as typed with their diacritics (when typed with some): tiers 0–1 hold the
 *    texts with the exact forms, 2–3 the others that are kept;
 * 2. a known name of the query (a place or entity Dossier knows) named by the document: the
 *    even tiers, the odd ones for the texts where the same letters are common words.
 * Within a tier, bm25, then the newer document, then the id.
 */
export interface Tiers {
  /** Tier by rowid; null when every match is in tier 0 (no rule applies). */
  tier: Uint8Array | null;
  /** The FTS5 expression finding tiers 0–1 (fewer rows to rank than the whole query's). */
  exactMatch: string | null;
  diacritics: QueryReading["diacritics"];
  /** The known names of the query, as the data writes them. */
  names: string[];
}

/** The tier of a match left out: a Vietnamese text with the same letters but other marks. */
export const DROPPED = 255;
export const TIER_COUNT = 4;

const noTiers = (diacritics: QueryReading["diacritics"], names: string[]): Tiers => ({
  tier: null,
  exactMatch: null,
  diacritics,
  names,
});

/** The known names among the query's terms, and the facet values they stand for. */
function queryNames(fts: FtsQuery, index: FacetLookup): { names: KnownName[]; values: number[] } {
  const known = knownNames();
  const names: KnownName[] = [];
  const values: number[] = [];
  for (const phrase of fts.phrases) {
    const k =
      known.get(phrase) ??
      otherSpellings(phrase)
        .map((o) => known.get(o))
        .find((o) => o !== undefined);
    if (!k) continue;
    names.push(k);
    for (const code of k.provinces) {
      const n = index.number("province", code);
      if (n !== undefined) values.push(n);
    }
    for (const id of k.entities) {
      const n = index.number("entity", id);
      if (n !== undefined) values.push(n);
    }
  }
  return { names, values };
}

/**
 * Sorts the matches of `match` (their rowids, `matched`) into tiers, and leaves out, when the
 * query was typed with diacritics and some text passing `keep` holds them as typed, the
 * Vietnamese texts that hold the letters with other marks ("biến động" for "Biển Đông").
 * Returns the tiers and the matches kept. SQLite finds the texts with the exact forms here
 * (the marks column); see `tiersFrom` for a store that found them with the matches.
 */
export function tiersOf(
  db: Database.Database,
  index: FacetLookup,
  fts: FtsQuery,
  match: string,
  matched: number[],
  keep: (rowid: number) => boolean,
): { tiers: Tiers; matched: number[] } {
  let exactRows: number[] | null = null;
  if (fts.exact !== null) {
    let max = 0;
    for (const r of matched) if (r > max) max = r;
    // The marks alone (a phrase or two over one column) cost less than the whole expression
    // again; only the rows the query matched count.
    const marked = db
      .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?")
      .pluck()
      .all(fts.exact) as number[];
    const isMatch = new Uint8Array(max + 1);
    for (const r of matched) isMatch[r] = 1;
    exactRows = marked.filter((r) => r <= max && isMatch[r] === 1);
  }
  return tiersFrom(index, fts, match, matched, exactRows, keep);
}

/**
 * The tiers of `tiersOf`, given the matches that hold the words as typed (`exactRows`, among
 * `matched`; null when the query was typed without diacritics).
 */
export function tiersFrom(
  index: FacetLookup,
  fts: FtsQuery,
  match: string,
  matched: number[],
  exactRows: number[] | null,
  keep: (rowid: number) => boolean,
): { tiers: Tiers; matched: number[] } {
  const { names, values } = queryNames(fts, index);
  const shown = names.map((k) => (fts.exact ? k.marked : k.plain));
  const exactMatch = fts.exact !== null ? `(${match}) AND ${fts.exact}` : null;
  const rows = exactRows ?? [];
  let max = 0;
  for (const r of matched) if (r > max) max = r;
  const tier = new Uint8Array(max + 1);
  const exact = rows.some(keep);
  const diacritics = fts.exact === null ? "folded" : exact ? "exact" : "loose";
  if (!exact && values.length === 0) return { tiers: noTiers(diacritics, shown), matched };
  const vi = index.number("language", "vi");
  if (exact) {
    tier.fill(2);
    for (const r of rows) if (r <= max) tier[r] = 0;
    if (vi !== undefined)
      for (const r of matched) if (tier[r] === 2 && index.has(r, vi)) tier[r] = DROPPED;
  }
  if (values.length > 0) {
    for (const r of matched) {
      if (tier[r] === DROPPED) continue;
      if (!index.hasAny(r, values)) tier[r] = (tier[r] as number) + 1;
    }
  }
  const kept = exact ? matched.filter((r) => tier[r] !== DROPPED) : matched;
  // Ranking the exact tiers by the query ANDed with the marks reads fewer rows, but costs
  // more per row: worth it only when the exact forms are a minority of the matches.
  const narrow = exact && rows.length < 0.7 * matched.length;
  return {
    tiers: { tier, exactMatch: narrow ? exactMatch : null, diacritics, names: shown },
    matched: kept,
  };
}
