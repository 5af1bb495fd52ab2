import { stemmer } from "stemmer";
import type { Document } from "../ingest/types.js";
import { isVietnameseSyllable } from "../text/syllable.js";
import { forEachSearchWord, searchKey } from "./search-key.js";

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

/** The stems (those that differ from their word) and the exact keys of a text's words. */
export function stemsAndMarks(
  text: string,
  language: Document["language"],
): { stems: string; marks: string } {
  const vietnamese = language === "vi";
  const stems: string[] = [];
  const marks: string[] = [];
  forEachSearchWord(text, (key, start, end) => {
    const written = text.slice(start, end);
    if (stemmable(written, key, vietnamese)) {
      const stem = stemOf(key);
      if (stem !== null) stems.push(stem);
    } else {
      const exact = exactKey(written, key);
      if (exact !== null) marks.push(exact);
    }
  });
  return { stems: stems.join(" "), marks: marks.join(" ") };
}

/** The columns of `documents_fts` for a document (see `IndexedText`). */
export function indexedText(
  document: Pick<Document, "title" | "text" | "language"> & {
    captions?: Document["captions"];
  },
): IndexedText {
  const title = document.title ?? "";
  const captions = (document.captions ?? []).map((c) => c.text).join("\n");
  // Title, text and captions in one stream: these columns are looked in, not ranked on.
  const { stems, marks } = stemsAndMarks(
    `${title}\n\n${document.text}\n\n${captions}`,
    document.language,
  );
  return {
    title: searchKey(title),
    body: searchKey(document.text),
    captions: searchKey(captions),
    stems,
    marks,
  };
}
