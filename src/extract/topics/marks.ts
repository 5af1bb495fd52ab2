import { WORDCLASS } from "../../text/fold.js";

/**
 * Diacritics as bits, so that a folded match can be checked against the term's marks without
 * normalising or copying the text: "biến động" folds like "biển đông" but its marks differ.
 * A syllable's signature is the OR of its marks, which also makes the old and new placements
 * of the tone ("hoà"/"hòa", "thuỷ"/"thủy") equal.
 */
const VIETNAMESE_MARKS: Record<number, number> = {
  768: 1, // grave
  769: 2, // acute
  771: 4, // tilde
  777: 8, // hook above
  803: 16, // dot below
  770: 32, // circumflex
  774: 64, // breve
  795: 128, // horn
};
const OTHER_MARK = 256;
const STROKE = 512; // đ

function markBits(code: number): number {
  if (code === 0x110 || code === 0x111) return STROKE;
  if (code >= 0x300 && code < 0x370) return VIETNAMESE_MARKS[code] ?? OTHER_MARK;
  let bits = 0;
  const nfd = String.fromCharCode(code).normalize("NFD");
  for (let i = 1; i < nfd.length; i++) bits |= markBits(nfd.charCodeAt(i));
  return bits;
}

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const ranges: [number, number][] = [
    [0xc0, 0x250],
    [0x300, 0x370],
    [0x1e00, 0x1f00],
  ];
  for (const [lo, hi] of ranges) for (let c = lo; c < hi; c++) table[c] = markBits(c);
  return table;
}

/** Per code unit: the diacritics it carries or is (combining marks), as bits; 0 for ASCII. */
export const DIACRITICS: Uint16Array = buildTable();
const TABLE = DIACRITICS;
// A local binding: a hot loop should not read an imported table through a CommonJS getter.
const WORD_CLASS = WORDCLASS;

/** The signature of each syllable of `text.slice(start, end)`. */
export function syllableMarks(text: string, start = 0, end = text.length): number[] {
  const out: number[] = [];
  let bits = 0;
  let open = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (WORD_CLASS[c] !== 0) {
      bits |= TABLE[c] as number;
      open = true;
    } else if (open) {
      out.push(bits);
      bits = 0;
      open = false;
    }
  }
  if (open) out.push(bits);
  return out;
}

/**
 * True when a span that folds like a term may stand for it: the span carries no diacritics at
 * all (text typed without them), or each of its syllables carries exactly the term's marks.
 * Allocates nothing; ASCII spans return after one pass.
 */
export function marksAgree(text: string, start: number, end: number, term: number[]): boolean {
  let any = 0;
  for (let i = start; i < end; i++) any |= TABLE[text.charCodeAt(i)] as number;
  if (any === 0) return true;
  let k = 0;
  let bits = 0;
  let open = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (WORD_CLASS[c] !== 0) {
      bits |= TABLE[c] as number;
      open = true;
    } else if (open) {
      if (term[k++] !== bits) return false;
      bits = 0;
      open = false;
    }
  }
  return !open || term[k] === bits;
}
