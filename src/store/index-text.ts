import { stemmer } from "stemmer";
import type { Document } from "../ingest/types.js";
import { isVietnameseSyllable } from "../text/syllable.js";
import { forEachSearchWord } from "./search-key.js";

/**
 * What the full-text index holds of a document, one string per column of `documents_fts`:
 *
 * 1. `title`, `body`: the words folded (`searchKey`: "Đà Nẵng" → "da nang"), as before;
 * 2. `captions`: the photo captions' words, folded the same way, so "Putin" in a caption is
 *    found (their places and entities are in the facets already);
 * 3. `stems`: the Porter stems of English words, only those that differ from the word
 *    ("flooded" → "flood", "investing" → "invest"): a query word is looked for as itself or as
 *    its stem, so "floods" finds "flood", "flooded" and "flooding". A word written with
 *    diacritics is never stemmed, and in a Vietnamese document neither is a word that could be
 *    a Vietnamese syllable ("bao", "nhung"): syllables stay whole. The document's language
 *    decides, word by word, so an English passage in a Vietnamese text is stemmed;
 * 4. `marks`: for each word written with diacritics, a key of the word as written
 *    (`exactKey`: "Biển" and "biến" differ), in text order: a query typed with diacritics is
 *    looked for here too, so that the texts holding the exact form rank first.
 *
 * The stems and marks columns hold only what the folded words do not tell (English words
 * whose stem differs, words with diacritics), which keeps the index small.
 */
export interface IndexedText {
  title: string;
  body: string;
  captions: string;
  stems: string;
  marks: string;
}

/** The combining marks of the five Vietnamese tones (grave, acute, tilde, hook, dot below). */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ASCII_WORD = /^[a-z]+$/;

/** FNV-1a over UTF-16 code units, as a short base-36 string. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The key of a word as written, diacritics kept, for a word whose folded `key` lost some
 * (null when the word is its folded key: plain ASCII). Case and the place of the tone mark do
 * not count ("Hoà" and "hòa" are one word, as Vietnamese spells it both ways); every other
 * mark does ("biển" ≠ "biến", "Đông" ≠ "Dông"). The key is the folded word, "0" and a hash of
 * its marks, so the index's own folding leaves it whole: `exactKey("Biển", "bien")` is
 * "bien0…".
 */
export function exactKey(written: string, key: string): string | null {
  const lower = written.normalize("NFC").toLowerCase();
  if (lower === key) return null;
  const nfd = lower.normalize("NFD");
  const tones = (nfd.match(TONES) ?? []).join("");
  const base = nfd.replace(TONES, "").normalize("NFC");
  return `${key}0${hash(`${base}|${tones}`)}`;
}

/** Whether `word` (folded, as written `written`) is stemmed in a text of `language`. */
function stemmable(written: string, key: string, vietnamese: boolean): boolean {
  if (key.length < 3 || !ASCII_WORD.test(key) || written.length !== key.length) return false;
  // Written with diacritics (the lengths agree for "bảo" in NFC): a Vietnamese word.
  if (written.toLowerCase() !== key) return false;
  return !(vietnamese && isVietnameseSyllable(key));
}

/** Porter's measure of a stem: how many vowel-consonant runs it has ("invest" 2, "fact" 1). */
function measure(stem: string): number {
  const shape = stem.replace(/[aeiou]+/gu, "V").replace(/[^V]+/gu, "C");
  return (shape.match(/VC/gu) ?? []).length;
}

/**
 * The stem of a folded English word, or null when stemming leaves it as it is: Porter's, and
 * an agent noun's "-or" dropped as Porter drops "-er" (from a stem of measure 2 or more:
 * "investor" is "invest" as "exporter" is "export"; "factor" and "sector" stay).
 */
export function stemOf(key: string): string | null {
  let stem = stemmer(key);
  if (stem.endsWith("or") && measure(stem.slice(0, -2)) > 1) stem = stem.slice(0, -2);
  return stem === key ? null : stem;
}

/** What one written word adds to the stems and marks columns (see `IndexedText`). */
interface WordExtras {
  stem: string | null;
  mark: string | null;
}

const NO_EXTRAS: WordExtras = { stem: null, mark: null };
// Per written form, in an English and in a Vietnamese text: a text repeats its words, and a
// language its few thousand syllables, so most words are looked up, not stemmed or hashed
// again. Each cache is dropped whole when full, which bounds its memory.
const CACHE_LIMIT = 50_000;
const extrasCache = [new Map<string, WordExtras>(), new Map<string, WordExtras>()];

function extrasOf(written: string, key: string, vietnamese: boolean): WordExtras {
  const cache = extrasCache[vietnamese ? 1 : 0] as Map<string, WordExtras>;
  let extras = cache.get(written);
  if (extras !== undefined) return extras;
  if (stemmable(written, key, vietnamese)) {
    const stem = stemOf(key);
    extras = stem === null ? NO_EXTRAS : { stem, mark: null };
  } else {
    const mark = exactKey(written, key);
    extras = mark === null ? NO_EXTRAS : { stem: null, mark };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(written, extras);
  return extras;
}

/** The columns of `documents_fts` for a document (see `IndexedText`). */
export function indexedText(
  document: Pick<Document, "title" | "text" | "language"> & {
    captions?: Document["captions"];
  },
): IndexedText {
  const title = document.title ?? "";
  const captions = (document.captions ?? []).map((c) => c.text).join("\n");
  const vietnamese = document.language === "vi";
  // Title, text and captions read in one pass, a blank line apart (no word spans it): each
  // word goes to its own column's folded words, and to the stems or marks, which are looked
  // in, not ranked on, for all three.
  const stream = `${title}\n\n${document.text}\n\n${captions}`;
  const bodyStart = title.length + 2;
  const captionsStart = bodyStart + document.text.length + 2;
  const columns: string[][] = [[], [], []];
  const stems: string[] = [];
  const marks: string[] = [];
  forEachSearchWord(stream, (key, start, end) => {
    (columns[start < bodyStart ? 0 : start < captionsStart ? 1 : 2] as string[]).push(key);
    const extras = extrasOf(stream.slice(start, end), key, vietnamese);
    if (extras.stem !== null) stems.push(extras.stem);
    else if (extras.mark !== null) marks.push(extras.mark);
  });
  return {
    title: (columns[0] as string[]).join(" "),
    body: (columns[1] as string[]).join(" "),
    captions: (columns[2] as string[]).join(" "),
    stems: stems.join(" "),
    marks: marks.join(" "),
  };
}
