import { FOLD, MARK, UPPER, WORD } from "./fold.js";
import { isVietnameseSyllableCodes } from "./syllable.js";
import type { WordIndex } from "./word-index.js";

/** A word next to a match, with what separates it from its neighbour nearer the match. */
export interface NearToken {
  start: number;
  end: number;
  /** Its id in the WordIndex the reader was given, -1 when it is not a known word. */
  word: number;
  /** First letter is uppercase. */
  capitalised: boolean;
  /** Only spaces between it and the token (or match) after it. */
  spaced: boolean;
}

function isWord(code: number): boolean {
  const f = FOLD[code] as number;
  return f === MARK || f >= 48 || f === WORD;
}

/** The folded form of a token: "thanh", "tp". */
export function foldedToken(text: string, t: NearToken): string {
  return foldRange(text, t.start, t.end);
}

/** Scratch for `isSyllableToken`: a syllable folds to seven code units at most. */
const FOLDED = new Uint8Array(8);

/**
 * `isVietnameseSyllable(foldedToken(text, t))` without building the string: the context rules
 * ask it of the words around every candidate name.
 */
export function isSyllableToken(text: string, t: NearToken): boolean {
  let n = 0;
  for (let i = t.start; i < t.end; i++) {
    const f = FOLD[text.charCodeAt(i)] as number;
    if (f < 48) continue;
    if (n === 7) return false;
    FOLDED[n++] = f;
  }
  return isVietnameseSyllableCodes(FOLDED, n);
}

function foldRange(text: string, start: number, end: number): string {
  // Most neighbouring words are plain lowercase ASCII ("in", "province"): one slice, no folding.
  let plain = true;
  for (let i = start; i < end && plain; i++) {
    const c = text.charCodeAt(i);
    plain = c >= 97 && c <= 122;
  }
  if (plain) return text.slice(start, end);
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)] as number;
    if (f >= 48) codes.push(f);
  }
  return String.fromCharCode(...codes);
}

/** Spaces (no line break) and full stops may stand between a name and the words before it. */
const isInlineGap = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2e;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;

/**
 * Reads up to `max` words before `pos` on the same line into `out`, nearest first, and returns
 * how many it read. It stops at a line break or any punctuation other than spaces and full
 * stops. The objects in `out` are reused from call to call: the geoparser calls this for every
 * candidate name, and allocation there is most of its cost.
 */
export function readTokensBefore(
  text: string,
  pos: number,
  max: number,
  words: WordIndex,
  out: NearToken[],
): number {
  let count = 0;
  let i = pos;
  while (count < max) {
    let j = i;
    let spaced = true;
    while (j > 0 && isInlineGap(text.charCodeAt(j - 1))) {
      if (text.charCodeAt(j - 1) === 0x2e) spaced = false;
      j--;
    }
    if (j === i && i !== pos) break; // two words glued by nothing: cannot happen, guard anyway
    const end = j;
    while (j > 0 && isWord(text.charCodeAt(j - 1))) j--;
    if (j === end) break;
    let t = out[count];
    if (t === undefined) {
      t = { start: 0, end: 0, word: -1, capitalised: false, spaced: false };
      out[count] = t;
    }
    t.start = j;
    t.end = end;
    t.word = words.lookup(text, j, end);
    t.capitalised = UPPER[text.charCodeAt(j)] === 1;
    t.spaced = spaced && end < i;
    count++;
    i = j;
  }
  return count;
}

/**
 * The word right after `pos`, after spaces (none needed when glued by case: "ThuanProvince"),
 * written into `out` (reused, see `readTokensBefore`); false when no word follows.
 */
export function readTokenAfter(
  text: string,
  pos: number,
  words: WordIndex,
  out: NearToken,
): boolean {
  let j = pos;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const start = j;
  while (j < text.length && isWord(text.charCodeAt(j))) j++;
  if (j === start) return false;
  out.start = start;
  out.end = j;
  out.word = words.lookup(text, start, j);
  out.capitalised = UPPER[text.charCodeAt(start)] === 1;
  out.spaced = start > pos;
  return true;
}

/** The word right after `pos` (see `readTokenAfter`). */
export function tokenAfter(text: string, pos: number, words: WordIndex): NearToken | undefined {
  const out: NearToken = { start: 0, end: 0, word: -1, capitalised: false, spaced: false };
  return readTokenAfter(text, pos, words, out) ? out : undefined;
}

/** True when every syllable of the span begins with an uppercase letter. */
export function allSyllablesCapitalised(text: string, start: number, end: number): boolean {
  let atSyllableStart = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const f = FOLD[code] as number;
    if (f === MARK) continue;
    if (f >= 48 || f === WORD) {
      if (atSyllableStart && UPPER[code] !== 1) return false;
      atSyllableStart = false;
    } else {
      atSyllableStart = true;
    }
  }
  return true;
}

/** True when the span holds any non-ASCII letter or combining mark (Vietnamese diacritics). */
export function hasDiacritics(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && (FOLD[c] as number) !== 0 && (FOLD[c] as number) !== 2) return true;
  }
  return false;
}

/**
 * A spelling's diacritic signature: per syllable, its base letters and its sorted marks, so
 * "Hoà" and "Hòa" (the tone on another vowel) agree, and "Kiến" and "Kiên" do not.
 */
export function diacriticSignature(text: string): string {
  let sig = signatures.get(text);
  if (sig === undefined) {
    sig = computeSignature(text);
    // A bounded memo: the same spellings recur through a corpus. The gazetteer's districts and
    // communes alone have over ten thousand marked spellings: at 4096 the memo was cleared
    // every few hundred KB and most signatures computed again (14,000 a 16 MB corpus).
    if (signatures.size >= 65536) signatures.clear();
    signatures.set(text, sig);
  }
  return sig;
}

const signatures = new Map<string, string>();

function computeSignature(text: string): string {
  const syllables = text
    .normalize("NFD")
    .toLowerCase()
    .replace(/đ/g, "d\u0335")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  return syllables
    .map((s) => {
      const marks = [...s.matchAll(/\p{M}/gu)]
        .map((m) => m[0])
        .sort()
        .join("");
      return `${s.replace(/\p{M}/gu, "")}${marks}`;
    })
    .join(" ");
}
