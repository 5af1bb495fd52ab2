import { FOLD, MARK, UPPER, WORD } from "./fold.js";

/** A sentence of a text: [start, end) UTF-16 offsets, trimmed. */
export interface Span {
  start: number;
  end: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sen rep gov inc ltd co corp dept ph tp".split(
    " ",
  ),
);
const CLOSERS = new Set([34, 0x201d, 0x2019, 41, 93]); // " ” ’ ) ]
const OPENERS = new Set([34, 0x201c, 0x2018, 40, 91]); // " “ ‘ ( [
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0;
const isLetter = (c: number) => {
  const f = FOLD[c] as number;
  return f >= 97 || f === WORD || f === MARK;
};
const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 0xa0 ||
  c === 0x2007 ||
  c === 0x202f ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x3000 ||
  c === 11 ||
  c === 12;

// The last text split and its sentences: analyze() asks for the same text twice (the places
// below the province, then the provisions). Read-only for that reason.
let lastText: string | undefined;
let lastSpans: readonly Readonly<Span>[] = [];

/**
 * Splits text into sentences: at a line break, or after ".", "!" or "?" (and closing quotes or
 * brackets) followed by space and a capital letter, digit or opening quote — but not after an
 * abbreviation ("Mr.", "No.") or an initial ("U.S.", "M.V."). One pass, linear in the text.
 */
export function sentences(text: string): readonly Readonly<Span>[] {
  if (text === lastText) return lastSpans;
  const spans = split(text);
  lastText = text;
  lastSpans = spans;
  return spans;
}

function split(text: string): Span[] {
  const upperOf = UPPER;
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  };
  let from = 0;
  const n = text.length;
  // The regex engine finds the next line break or stop far faster than a loop over every character.
  const candidate = /[\n.!?]/g;
  for (let i = 0; i < n; i++) {
    candidate.lastIndex = i;
    // test, not exec: no match array per stop; lastIndex is just past the one character found.
    if (!candidate.test(text)) break;
    i = candidate.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(from, i);
      from = i + 1;
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63) continue;
    // The run of stops and closers, then spaces, then the next sentence's first character.
    let j = i + 1;
    while (
      j < n &&
      (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)
    )
      j++;
    while (j < n && CLOSERS.has(text.charCodeAt(j))) j++;
    const end = j;
    if (j >= n || !isSpace(text.charCodeAt(j))) {
      i = end - 1;
      continue;
    }
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    let k = j;
    if (k < n && OPENERS.has(text.charCodeAt(k))) k++;
    const next = text.charCodeAt(k);
    if (k >= n || !(upperOf[next] === 1 || isDigit(next))) {
      i = end - 1;
      continue;
    }
    if (c === 46 && abbreviated(text, from, i)) {
      i = end - 1;
      continue;
    }
    push(from, end);
    from = j;
    i = j - 1;
  }
  push(from, n);
  return out;
}

// Letters of the longest abbreviation `packed` reads: ten, five bits each, within a double's 53.
const PACKED_LETTERS = 10;

/**
 * An ASCII word of up to ten letters as one number, five bits a letter, case folded: the
 * abbreviations are looked up without building a string at every full stop. -1 for anything
 * else (no abbreviation has another letter, and none lowercases from one: "K", the Kelvin
 * sign, would give "k", in none of them).
 */
function packed(text: string, start: number, end: number): number {
  if (end - start > PACKED_LETTERS) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    key = key * 32 + (c - 96);
  }
  return key;
}

const PACKED_ABBREVIATIONS = new Set(
  [...ABBREVIATIONS].map((w) => {
    const key = packed(w, 0, w.length);
    if (key < 0)
      throw new Error(`abbreviation "${w}": a–z only, ${PACKED_LETTERS} letters at most`);
    return key;
  }),
);

/** The word before the full stop at `dot` is an initial or a listed abbreviation. */
function abbreviated(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && s > dot - 12 && isLetter(text.charCodeAt(s - 1))) s--;
  return dot - s === 1 || PACKED_ABBREVIATIONS.has(packed(text, s, dot));
}
