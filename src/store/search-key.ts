import { FOLD, MARK, WORD } from "../text/fold.js";

/**
 * The words full-text search indexes and looks for. Latin letters fold as `foldKey` folds them
 * ("Đà Nẵng" → "da nang"); other letters and digits are kept, lowercased and NFKC-normalised
 * without their marks (Cyrillic "Ханой" → "ханои", fullwidth "ｈａｎｏｉ" →
 * "hanoi"); a script written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan) gives one word per character, so "河内" is
 * found as the phrase "河 内" inside "越南河内市". Symbols and emoji are not words.
 */

/** Scripts written without spaces between words: each character is a word of its own. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;

/** What one character (a code point) becomes: its key, and whether it stands alone. */
interface CharKey {
  key: string;
  alone: boolean;
}

const cache = new Map<number, CharKey | null>();

/**
 * The key of a character that `FOLD` does not make a-z or 0-9, null when it is no word: its
 * NFKD form (fullwidth "ｈ" is "h", a ligature its letters) without combining marks, lowercased.
 * Marks go as they go from Latin ("ἀ" is "α", "ё" is "е"), so a text and a query agree whether
 * either came composed (NFC) or decomposed (NFD).
 */
function charKey(cp: number): CharKey | null {
  let hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let key = "";
  if (LETTER_OR_DIGIT.test(ch)) {
    for (const c of ch.normalize("NFKD")) {
      const code = c.codePointAt(0) as number;
      const f = code < 0x10000 ? (FOLD[code] as number) : WORD;
      if (f >= 48) key += String.fromCharCode(f);
      else if (f !== MARK && !COMBINING.test(c) && LETTER_OR_DIGIT.test(c))
        key += c.toLowerCase().replace(/\p{M}/gu, "");
    }
  }
  // A combining mark outside the BMP (FOLD covers the BMP's) belongs to the word before it.
  if (COMBINING.test(ch)) hit = { key: "", alone: false };
  else hit = key === "" ? null : { key, alone: UNSPACED.test(ch) || UNSPACED.test(key) };
  cache.set(cp, hit);
  return hit;
}

/** A text's words as search sees them, with their offsets in the text. */
export interface SearchWord {
  start: number;
  end: number;
  key: string;
}

/**
 * Calls `emit` for each word of `text` as search sees it, in order, with its UTF-16 offsets.
 * One pass, a table lookup per code unit for Latin text.
 */
export function forEachSearchWord(
  text: string,
  emit: (key: string, start: number, end: number) => void,
): void {
  let start = -1;
  // A word written as its key (lowercase ASCII letters and digits, most English words) is
  // sliced from the text at its end; `key` is built only from the first code unit that differs.
  let plain = true;
  let key = "";
  const flush = (end: number) => {
    if (start !== -1) emit(plain ? text.slice(start, end) : key, start, end);
    start = -1;
    plain = true;
    key = "";
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = FOLD[code] as number;
    if (f >= 48) {
      if (start === -1) start = i;
      if (!plain) key += String.fromCharCode(f);
      else if (f !== code) {
        plain = false;
        key = text.slice(start, i) + String.fromCharCode(f);
      }
      continue;
    }
    if (f === MARK) {
      // a combining mark belongs to the word before it, and is not part of its key
      if (start !== -1 && plain) {
        plain = false;
        key = text.slice(start, i);
      }
      continue;
    }
    const surrogate = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (f !== WORD && !surrogate) {
      flush(i);
      continue;
    }
    const cp = surrogate ? (text.codePointAt(i) as number) : code;
    const width = cp > 0xffff ? 2 : 1;
    const ck = charKey(cp);
    if (ck === null) flush(i);
    else if (ck.alone) {
      flush(i);
      emit(ck.key, i, i + width);
    } else if (ck.key === "") {
      // a mark outside the BMP: nothing to add, but the word no longer reads as written
      if (start !== -1 && plain) {
        plain = false;
        key = text.slice(start, i);
      }
    } else {
      if (start === -1) start = i;
      else if (plain) key = text.slice(start, i);
      plain = false;
      key += ck.key;
    }
    i += width - 1;
  }
  flush(text.length);
}

/** The words of `text`, with offsets (for snippets). */
export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  forEachSearchWord(text, (key, start, end) => words.push({ start, end, key }));
  return words;
}

/**
 * The words of `text` joined by single spaces: what the full-text index holds, and what a
 * query's words are folded to. `searchKey("Đà Nẵng") === "da nang"`,
 * `searchKey("越南河内") === "越 南 河 内"`, `searchKey("ＨＡＮＯＩ") === "hanoi"`.
 */
export function searchKey(text: string): string {
  let out = "";
  forEachSearchWord(text, (key) => {
    out = out === "" ? key : `${out} ${key}`;
  });
  return out;
}
