/**
 * Character folding for matching Vietnamese names: one lookup table over the BMP maps each
 * UTF-16 code unit to its base ASCII letter (diacritics and case dropped, đ → d), or to a class.
 * A table lookup per code unit is what lets the geoparser scan text at hundreds of MB/s
 * without normalising or copying it first, and it handles NFC and NFD input alike because
 * combining marks have a class of their own that the scanner skips.
 */

import { cachedBuild } from "../io/data-cache.js";

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
 * The tables below, from Unicode's properties as this Node.js knows them: 65,536 regular
 * expression tests and normalisations, a tenth of a second at every start, so kept in the data
 * cache (its key names the Node.js version).
 */
function buildTables(): Tables {
  const fold = new Uint8Array(0x10000);
  const upper = new Uint8Array(0x10000);
  const isMark = /\p{M}/u;
  const isWord = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogate halves: OTHER
    const ch = String.fromCharCode(c);
    if (isMark.test(ch)) {
      fold[c] = MARK;
      continue;
    }
    if (SEPARATORS.includes(ch)) {
      fold[c] = SEP;
      continue;
    }
    if (!isWord.test(ch)) continue;
    if (ch !== ch.toLowerCase()) upper[c] = 1;
    const base =
      c === 0x0110 || c === 0x0111 ? "d" : ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const b = base.length === 1 ? base.charCodeAt(0) : 0;
    fold[c] = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) ? b : WORD;
  }
  const char = fold.map((f, c) => f | (upper[c] === 1 ? 128 : 0));
  const wordclass = fold.map((f, c) =>
    f === MARK ? 3 : f >= 97 ? (upper[c] === 1 ? 2 : 1) : f >= 48 || f === WORD ? 4 : 0,
  );
  return { fold, upper, char, wordclass };
}

interface Tables {
  fold: Uint8Array;
  upper: Uint8Array;
  char: Uint8Array;
  wordclass: Uint8Array;
}

const tables = cachedBuild<Tables>({
  name: "fold",
  build: buildTables,
  save: (t) => ({ json: null, arrays: { ...t } }),
  restore: ({ arrays }) => {
    const table = (name: string) => {
      const a = arrays[name];
      if (!(a instanceof Uint8Array) || a.length !== 0x10000)
        throw new Error(`snapshot: no ${name}`);
      return a;
    };
    return {
      fold: table("fold"),
      upper: table("upper"),
      char: table("char"),
      wordclass: table("wordclass"),
    };
  },
});

/** Per code unit: a folded letter (97–122), digit (48–57), or OTHER / MARK / SEP / WORD. */
export const FOLD: Uint8Array = tables.fold;
/** Per code unit: 1 when the character is an uppercase letter. */
export const UPPER: Uint8Array = tables.upper;

/**
 * FOLD and UPPER in one table for the scanner's hot loop: the low 7 bits are FOLD's value,
 * bit 7 (128) is set on uppercase letters. One lookup per code unit instead of two.
 */
export const CHAR: Uint8Array = tables.char;

/**
 * Word classes for skipping through a word fast: 0 not a word character, 1 lowercase letter,
 * 2 uppercase letter, 3 combining mark, 4 any other word character (digit, non-Latin letter).
 */
export const WORDCLASS: Uint8Array = tables.wordclass;

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
