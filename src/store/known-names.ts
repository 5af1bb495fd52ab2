import { defaultEntities } from "../extract/entities/index.js";
import { defaultGazetteer } from "../gazetteer/load.js";
import { searchKey } from "./search-key.js";

/** The longest name, in words, looked for in a query. */
const MAX_WORDS = 6;
/** A one-word name is a known name for ranking only from this many letters ("Putin", "Hue"). */
const MIN_ONE_WORD = 3;

/**
 * A name Dossier knows, folded ("da nang"): the facet values a document has when it names
 * the thing (old province codes, entity ids), and how to show it ("Da Nang", "Đà Nẵng").
 */
export interface KnownName {
  provinces: string[];
  entities: string[];
  /** The name as the data writes it, without and with diacritics (the same when it has none). */
  plain: string;
  marked: string;
}

let known: Map<string, KnownName> | null = null;

/** Every name Dossier knows (places, entities), by its folded key. */
export function knownNames(): Map<string, KnownName> {
  if (known) return known;
  const map = new Map<string, KnownName>();
  const add = (text: string, what: { province?: string; entity?: string }) => {
    const key = searchKey(text);
    if (key.length < MIN_ONE_WORD) return;
    const ascii = /^[\x20-\x7e]*$/u.test(text);
    let k = map.get(key);
    if (!k) {
      k = { provinces: [], entities: [], plain: text, marked: text };
      map.set(key, k);
    } else {
      // The first name written in ASCII, and the first written with diacritics.
      if (ascii && !/^[\x20-\x7e]*$/u.test(k.plain)) k.plain = text;
      if (!ascii && /^[\x20-\x7e]*$/u.test(k.marked)) k.marked = text;
    }
    if (what.province && !k.provinces.includes(what.province)) k.provinces.push(what.province);
    if (what.entity && !k.entities.includes(what.entity)) k.entities.push(what.entity);
  };
  for (const p of defaultGazetteer().places)
    for (const n of p.names) add(n.text, { province: p.provinceCode });
  for (const e of defaultEntities()) for (const n of e.names) add(n.text, { entity: e.id });
  known = map;
  return map;
}

let compact: Map<string, string[]> | null = null;

/**
 * The other spellings of a place's name that differ only in spacing: "hanoi" for "ha noi",
 * "da nang" for "danang" (folded; a name of two or three syllables run together is one of
 * them, listed or not). Empty for anything else.
 */
export function otherSpellings(key: string): string[] {
  if (!compact) {
    compact = new Map();
    for (const p of defaultGazetteer().places) {
      for (const n of p.names) {
        const k = searchKey(n.text);
        const c = k.replace(/ /gu, "");
        const list = compact.get(c) ?? [];
        // A name of two or three syllables is written run together too: "Danang", "Haiphong".
        const spaces = k.split(" ").length - 1;
        for (const form of spaces >= 1 && spaces <= 2 ? [k, c] : [k])
          if (!list.includes(form)) list.push(form);
        compact.set(c, list);
      }
    }
  }
  return (compact.get(key.replace(/ /gu, "")) ?? []).filter((k) => k !== key);
}

/**
 * How many of `words` (folded, from the first) make a known name of two words or more,
 * longest first; 0 when they make none. A query's "da nang" is then the phrase "Đà Nẵng", not
 * "đã" anywhere and "năng" anywhere, which in Vietnamese text would match half of everything.
 */
export function knownNameLength(words: string[]): number {
  const names = knownNames();
  for (let n = Math.min(MAX_WORDS, words.length); n >= 2; n--)
    if (names.has(words.slice(0, n).join(" "))) return n;
  return 0;
}

/**
 * Edit distance (insertions, deletions, substitutions, swaps of two neighbours) between `a`
 * and `b`, or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The known name of two words or more nearest to `words` (folded) when no name is exactly
 * them: one edit for names up to 8 letters, two beyond ("da nag" → "da nang", "quang ngia" →
 * "quang ngai"), every word of the name kept (same number of words, each starting with the
 * same letter). Null when none is that near, or when two are equally near.
 */
export function nearestKnownName(words: string[]): string | null {
  if (words.length < 2) return null;
  const typed = words.join(" ");
  const names = knownNames();
  if (names.has(typed)) return null;
  const letters = typed.replace(/ /gu, "").length;
  const max = letters <= 8 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tied = false;
  for (const key of names.keys()) {
    const parts = key.split(" ");
    if (parts.length !== words.length) continue;
    if (!parts.every((p, i) => p[0] === (words[i] as string)[0])) continue;
    const d = editDistance(typed, key, max);
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && d <= max) tied = true;
  }
  return best !== null && !tied ? best : null;
}
