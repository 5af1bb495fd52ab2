/**
 * Character folding for matching Vietnamese names: one lookup table over the BMP maps each
 * UTF-16 code unit to its base ASCII letter (diacritics and case dropped, đ → d), or to a class.
 * A table lookup per code unit is what lets the geoparser scan text at hundreds of MB/s
 * without normalising or copying it first, and it handles NFC and NFD input alike because
 * combining marks have a class of their own that the scanner skips.
 */

/** Not part of a word: punctuation, symbols, line breaks. */
export const OTHER = 0;
/** A combining mark (NFD diacritics): belongs to the word before it, folded away. */
export const MARK = 1;
/** A separator allowed between the syllables of one name: space, tab, NBSP, hyphens, dashes, full stop, apostrophes. */
export const SEP = 2;
/** A letter or digit that folds to nothing in a-z (CJK, Cyrillic, ß …): a word character all the same. */
export const WORD = 3;
// Codes 48–57 are digits 0–9 and 97–122 are letters a–z, folded.

// Apostrophes separate too: "Ministers' Meeting" is two words, and "Hanoi's" ends at "Hanoi".
const SEPARATORS = " \t\u00a0\u2007\u202f-\u2010\u2011\u2012\u2013\u2014\u2212.'\u2019";

/**
 * The tables, from Unicode's properties as this JavaScript engine knows them. Every process
 * builds them at load, so the letters and marks are picked out by two regular-expression passes
 * over the whole BMP instead of two tests per code unit, and a letter is normalised only once:
 * 40 ms instead of 100. test/text/fold.test.ts checks them against the per-code-unit definition.
 */
function buildTables(): { fold: Uint8Array; upper: Uint8Array } {
  const fold = new Uint8Array(0x10000);
  const upper = new Uint8Array(0x10000);
  // Every code unit but the surrogate halves (OTHER), in order.
  let all = "";
  for (let from = 0; from < 0x10000; from += 0x1000) {
    const codes: number[] = [];
    for (let c = from; c < from + 0x1000; c++) if (c < 0xd800 || c > 0xdfff) codes.push(c);
    all += String.fromCharCode(...codes);
  }
  const marks = all.replace(/[^\p{M}]/gu, "");
  for (let i = 0; i < marks.length; i++) fold[marks.charCodeAt(i)] = MARK;
  for (let i = 0; i < SEPARATORS.length; i++) {
    const c = SEPARATORS.charCodeAt(i);
    if (fold[c] !== MARK) fold[c] = SEP;
  }
  // Letters and digits (never marks: the categories are disjoint) that are not separators.
  const words = all.replace(/[^\p{L}\p{N}]/gu, "");
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    if (fold[c] === SEP) continue;
    // CJK ideographs and Hangul syllables have no case and fold to no ASCII letter.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      fold[c] = WORD;
      continue;
    }
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if (ch !== lower) upper[c] = 1;
    const decomposed = ch.normalize("NFD");
    // A letter that does not decompose folds to its lowercase; one that does, to its base's.
    const base =
      c === 0x0110 || c === 0x0111
        ? "d"
        : decomposed === ch
          ? lower
          : decomposed.replace(/\p{M}/gu, "").toLowerCase();
    const b = base.length === 1 ? base.charCodeAt(0) : 0;
    fold[c] = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) ? b : WORD;
  }
  return { fold, upper };
}

const tables = buildTables();

/** Per code unit: a folded letter (97–122), digit (48–57), or OTHER / MARK / SEP / WORD. */
export const FOLD: Uint8Array = tables.fold;
/** Per code unit: 1 when the character is an uppercase letter. */
export const UPPER: Uint8Array = tables.upper;

/**
 * FOLD and UPPER in one table for the scanner's hot loop: the low 7 bits are FOLD's value,
 * bit 7 (128) is set on uppercase letters. One lookup per code unit instead of two.
 */
export const CHAR: Uint8Array = tables.fold.map((f, c) => f | (tables.upper[c] === 1 ? 128 : 0));

/**
 * Word classes for skipping through a word fast: 0 not a word character, 1 lowercase letter,
 * 2 uppercase letter, 3 combining mark, 4 any other word character (digit, non-Latin letter).
 */
export const WORDCLASS: Uint8Array = tables.fold.map((f, c) =>
  f === MARK ? 3 : f >= 97 ? (tables.upper[c] === 1 ? 2 : 1) : f >= 48 || f === WORD ? 4 : 0,
);

/**
 * Folds a name to its matching key: lowercase ASCII letters and digits, one space between
 * syllables, no diacritics. `foldKey("Bà Rịa – Vũng Tàu") === "ba ria vung tau"`.
 */
export function foldKey(text: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)] as number;
    if (f === MARK) continue;
    if (f >= 48) {
      if (pendingSpace && out.length > 0) out += " ";
      pendingSpace = false;
      out += String.fromCharCode(f);
    } else {
      pendingSpace = true;
    }
  }
  return out;
}

/** Removes Vietnamese diacritics (and any combining marks) but keeps case: "Đà Nẵng" → "Da Nang". */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}
