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
 * builds them at load (every start of the CLI waits for it), so the engine is asked in bulk:
 * regular-expression passes over the whole BMP pick out the marks, the letters, the uppercase
 * and the Latin letters, and only these are normalised one by one. test/text/fold.test.ts
 * checks them against the per-code-unit definition.
 */
function buildTables(): { fold: Uint8Array; upper: Uint8Array } {
  const fold = new Uint8Array(0x10000);
  const upper = new Uint8Array(0x10000);
  // Every code unit but the surrogate halves (OTHER), in order.
  const units = new Uint16Array(0x10000 - 0x800);
  for (let c = 0, j = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units[j++] = c;
  const all = new TextDecoder("utf-16le").decode(units);
  const marks = all.replace(/\P{M}+/gu, "");
  for (let i = 0; i < marks.length; i++) fold[marks.charCodeAt(i)] = MARK;
  for (let i = 0; i < SEPARATORS.length; i++) {
    const c = SEPARATORS.charCodeAt(i);
    if (fold[c] !== MARK) fold[c] = SEP;
  }
  // CJK ideographs and Hangul syllables have no case and fold to no ASCII letter.
  for (let c = 0x4e00; c <= 0x9fff; c++) fold[c] = WORD;
  for (let c = 0xac00; c <= 0xd7a3; c++) fold[c] = WORD;
  // Letters and digits (never marks: the categories are disjoint) that are not separators.
  const words = all.replace(/[^\p{L}\p{N}]+|[\u4e00-\u9fff\uac00-\ud7a3]+/gu, "");
  // Uppercase: what lowercasing changes (`ch !== ch.toLowerCase()`), as a Unicode property.
  const cased = words.replace(/\P{Changes_When_Lowercased}+/gu, "");
  for (let i = 0; i < cased.length; i++) upper[cased.charCodeAt(i)] = 1;
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    if (fold[c] !== SEP) fold[c] = WORD;
  }
  // A letter folds to its base's lowercase when that is one ASCII letter or digit: only Latin
  // letters (Kelvin and Ångström signs among them) and ASCII digits can, and đ. Looked at one
  // by one, as the definition says: about 1,400 of the 17,500 letters.
  const latin = words.replace(/[^\p{Script=Latin}0-9]+/gu, "");
  for (let i = 0; i < latin.length; i++) {
    const c = latin.charCodeAt(i);
    if (fold[c] === SEP) continue;
    let b = 0;
    if (c === 0x0110 || c === 0x0111) b = 100;
    else {
      const d = (latin[i] as string).normalize("NFD");
      let base = "";
      for (let k = 0; k < d.length; k++) if (fold[d.charCodeAt(k)] !== MARK) base += d[k];
      base = base.toLowerCase();
      b = base.length === 1 ? base.charCodeAt(0) : 0;
    }
    fold[c] = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) ? b : WORD;
  }
  return { fold, upper };
}

const tables = buildTables();

/** Per code unit: a folded letter (97–122), digit (48–57), or OTHER / MARK / SEP / WORD. */
export const FOLD: Uint8Array = tables.fold;
/** Per code unit: 1 when the character is an uppercase letter. */
export const UPPER: Uint8Array = tables.upper;

/** CHAR and WORDCLASS (below) from FOLD and UPPER, in one pass. */
function derivedTables(fold: Uint8Array, upper: Uint8Array) {
  const char = new Uint8Array(0x10000);
  const wordClass = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c] as number;
    if (f === 0) continue;
    const u = upper[c] === 1;
    char[c] = f | (u ? 128 : 0);
    wordClass[c] = f === MARK ? 3 : f >= 97 ? (u ? 2 : 1) : f >= 48 || f === WORD ? 4 : 0;
  }
  return { char, wordClass };
}
const derived = derivedTables(tables.fold, tables.upper);

/**
 * FOLD and UPPER in one table for the scanner's hot loop: the low 7 bits are FOLD's value,
 * bit 7 (128) is set on uppercase letters. One lookup per code unit instead of two.
 */
export const CHAR: Uint8Array = derived.char;

/**
 * Word classes for skipping through a word fast: 0 not a word character, 1 lowercase letter,
 * 2 uppercase letter, 3 combining mark, 4 any other word character (digit, non-Latin letter).
 */
export const WORDCLASS: Uint8Array = derived.wordClass;

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
