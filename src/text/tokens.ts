import { FOLD, MARK, UPPER, WORD } from "./fold.js";

/** A word next to a match, with what separates it from its neighbour nearer the match. */
export interface NearToken {
  start: number;
  end: number;
  /** Folded form: "thanh", "tp". */
  folded: string;
  /** First letter is uppercase. */
  capitalised: boolean;
  /** Only spaces between it and the token (or match) after it. */
  spaced: boolean;
}

function isWord(code: number): boolean {
  const f = FOLD[code] as number;
  return f === MARK || f >= 48 || f === WORD;
}

function foldRange(text: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)] as number;
    if (f >= 48) out += String.fromCharCode(f);
  }
  return out;
}

const INLINE_GAP = /[ \t\u00a0\u202f.]/;

/**
 * Up to `max` words before `pos` on the same line, nearest first. Stops at a line break or
 * any punctuation other than spaces and full stops.
 */
export function tokensBefore(text: string, pos: number, max: number): NearToken[] {
  const out: NearToken[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    let spaced = true;
    while (j > 0 && INLINE_GAP.test(text.charAt(j - 1))) {
      if (text.charCodeAt(j - 1) === 0x2e) spaced = false;
      j--;
    }
    if (j === i && i !== pos) break; // two words glued by nothing: cannot happen, guard anyway
    const end = j;
    while (j > 0 && isWord(text.charCodeAt(j - 1))) j--;
    if (j === end) break;
    out.push({
      start: j,
      end,
      folded: foldRange(text, j, end),
      capitalised: UPPER[text.charCodeAt(j)] === 1,
      spaced: spaced && end < i,
    });
    i = j;
  }
  return out;
}

/** The word right after `pos`, after spaces (none needed when glued by case: "ThuanProvince"). */
export function tokenAfter(text: string, pos: number): NearToken | undefined {
  let j = pos;
  while (j < text.length && /[ \t\u00a0\u202f]/.test(text.charAt(j))) j++;
  const start = j;
  while (j < text.length && isWord(text.charCodeAt(j))) j++;
  if (j === start) return undefined;
  return {
    start,
    end: j,
    folded: foldRange(text, start, j),
    capitalised: UPPER[text.charCodeAt(start)] === 1,
    spaced: start > pos,
  };
}

/** The line around [start, end), without its line break. */
export function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  let to = text.indexOf("\n", end);
  if (to < 0) to = text.length;
  return text.slice(from, to);
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
