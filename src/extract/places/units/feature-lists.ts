import { UPPER } from "../../../text/fold.js";
import { readTokenAfter } from "../../../text/tokens.js";
import type { PlaceMention } from "../types.js";
import type { UnitLexicon } from "./lexicon.js";
import type { UnitCandidate } from "./matcher.js";

/** One name of a list: its span. */
export interface ListItem {
  start: number;
  end: number;
}

// Between the names of a list: ", ", ", and ", " and ", " và ".
const GAP_AFTER = /^(?:\s*,\s*(?:(?:and|or|và|hoặc)\s+)?|\s+(?:and|or|và|hoặc)\s+)/iu;
const GAP_BEFORE = /(?:\s*,\s*(?:(?:and|or|và|hoặc)\s+)?|\s+(?:and|or|và|hoặc)\s+)$/iu;
const MAX_ITEMS = 8;
const MAX_WORDS = 3;

const isLetter = (c: number) => /[\p{L}\p{M}]/u.test(String.fromCharCode(c));
const isUpper = (text: string, i: number) => UPPER[text.charCodeAt(i)] === 1;

/** The capitalised run of at most three words starting at `i`: its end, or -1. */
function runFrom(text: string, i: number): number {
  let pos = i;
  let end = -1;
  for (let w = 0; w < MAX_WORDS && isUpper(text, pos); w++) {
    let j = pos;
    while (j < text.length && isLetter(text.charCodeAt(j))) j++;
    end = j;
    if (text.charCodeAt(j) !== 32 || !isUpper(text, j + 1)) break;
    pos = j + 1;
  }
  return end;
}

/** The capitalised run of at most three words ending at `end`: its start, or -1. */
function runTo(text: string, end: number): number {
  let pos = end;
  let start = -1;
  for (let w = 0; w < MAX_WORDS; w++) {
    let j = pos;
    while (j > 0 && isLetter(text.charCodeAt(j - 1))) j--;
    if (j === pos || !isUpper(text, j)) break;
    start = j;
    if (text.charCodeAt(j - 1) !== 32 || !isLetter(text.charCodeAt(j - 2))) break;
    pos = j - 1;
  }
  return start;
}

const AFTER = { start: 0, end: 0, word: -1, capitalised: false, spaced: false };

/**
 * The list of names the name at [start, end) stands in, when a feature word closes it ("Thuy
 * Van, Cat Ba and Long beaches"): the items in text order, the name's own among them. Null
 * when the name stands in no such list.
 */
export function featureListAround(
  text: string,
  start: number,
  end: number,
  lex: UnitLexicon,
): ListItem[] | null {
  const items: ListItem[] = [{ start, end }];
  // Backwards, through the names before it.
  let from = start;
  while (items.length < MAX_ITEMS) {
    const gap = GAP_BEFORE.exec(text.slice(Math.max(0, from - 12), from));
    if (!gap) break;
    const s = runTo(text, from - gap[0].length);
    if (s < 0) break;
    items.unshift({ start: s, end: from - gap[0].length });
    from = s;
  }
  // Forwards, to the feature word that closes the list.
  let to = end;
  while (items.length <= MAX_ITEMS) {
    if (readTokenAfter(text, to, lex.words, AFTER) && AFTER.spaced && AFTER.word >= 0) {
      const w = lex.after.get(AFTER.word);
      if (w?.kind === "feature") return items.length >= 2 ? items : null;
    }
    const gap = GAP_AFTER.exec(text.slice(to, to + 12));
    if (!gap) return null;
    const s = to + gap[0].length;
    const e = runFrom(text, s);
    if (e < 0) return null;
    items.push({ start: s, end: e });
    to = e;
  }
  return null;
}

const overlaps = (a: ListItem, b: ListItem) => a.start < b.end && b.start < a.end;

/**
 * Towns named without a context word among the names of a list that a feature word closes,
 * most of whose names are no place we know ("Thuy Van, Cat Ba, Back and Front beaches"): the
 * names are the features' own, and the town's name is a beach's. Each such mention leaves
 * `placed` and joins `cands` (both in text order) as a site, tied later to the province its
 * sentence names. Returns the mentions kept.
 */
export function sitesInFeatureLists(
  text: string,
  placed: PlaceMention[],
  cands: UnitCandidate[],
  lex: UnitLexicon,
): PlaceMention[] {
  const kept: PlaceMention[] = [];
  // Built once, not per mention: most mentions never ask.
  const isKnown = (item: ListItem) =>
    placed.some((p) => overlaps(p, item)) || cands.some((c) => overlaps(c, item));
  for (const m of placed) {
    const town = m.place.kind === "city" || m.place.kind === "town";
    const items = town && m.confidence <= 0.9 ? featureListAround(text, m.start, m.end, lex) : null;
    if (!items || items.length < 3 || 2 * items.filter(isKnown).length >= items.length) {
      kept.push(m);
      continue;
    }
    const site: UnitCandidate = {
      start: m.start,
      end: m.end,
      text: m.text,
      units: [],
      unitWord: null,
      unitWordAfter: false,
      feature: true,
      generic: false,
      syllables: m.text.split(/\s+/).length,
      loose: false,
      unlisted: true,
      continued: false,
      inFeatureList: true,
    };
    const at = cands.findIndex((c) => c.start > m.start);
    cands.splice(at < 0 ? cands.length : at, 0, site);
  }
  return kept;
}
