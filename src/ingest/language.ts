import type { Language } from "./types.js";

// Letters only Vietnamese writes among the languages we meet: ă â đ ê ô ơ ư and the
// precomposed tone-marked vowels (NFC input).
const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ\u1ea0-\u1ef9]/u;
const LETTER = /\p{L}/u;
const ENGLISH = new Set(
  "the of and to in a is that for on with as by was are be it from at this have has an or which were will their said its".split(
    " ",
  ),
);
// Common function words of Vietnamese written without diacritics.
const BARE_VIETNAMESE = new Set(
  "cua va cac nhung duoc trong nguoi cho voi mot khong la da nay ve tai cung khi de thi".split(" "),
);

const IS_LETTER = 1;
const IS_VIETNAMESE = 2;
const KNOWN = 4;
// Per BMP code unit: KNOWN once classified, with IS_LETTER (\p{L}) and IS_VIETNAMESE. Filled
// as code units are first met, so a short text classifies a few dozen, not 65,536.
const classes = new Uint8Array(0x10000);

function classOf(code: number): number {
  const known = classes[code] as number;
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  const c =
    KNOWN | (LETTER.test(ch) ? IS_LETTER : 0) | (VIETNAMESE_LETTER.test(ch) ? IS_VIETNAMESE : 0);
  classes[code] = c;
  return c;
}

/** The letter at `i` (a code point, as `/\p{L}/u` reads): its width in code units, 0 if none. */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return classOf(code) & IS_LETTER;
  const cp = text.codePointAt(i) as number;
  if (cp <= 0xffff) return 0; // a lone surrogate
  return LETTER.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/**
 * English, Vietnamese or other, from a sample of the text: the share of letters only Vietnamese
 * uses, else the share of common English (or unaccented Vietnamese) function words. Counted
 * code unit by code unit: no array of letters or words is built.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let letters = 0;
  let vietnamese = 0;
  for (let i = 0; i < sample.length; i++) {
    const width = letterAt(sample, i);
    if (width === 0) continue;
    letters++;
    if (width === 1 && (classOf(sample.charCodeAt(i)) & IS_VIETNAMESE) !== 0) vietnamese++;
    i += width - 1;
  }
  if (letters < 20) return "other";
  if (vietnamese / letters > 0.05) return "vi";
  const lower = sample.toLowerCase();
  let words = 0;
  let en = 0;
  let vi = 0;
  for (let i = 0; i < lower.length; ) {
    let end = i;
    for (let w = letterAt(lower, end); w > 0; w = letterAt(lower, end)) end += w;
    if (end === i) {
      i++;
      continue;
    }
    const word = lower.slice(i, end);
    words++;
    if (ENGLISH.has(word)) en++;
    else if (BARE_VIETNAMESE.has(word)) vi++;
    i = end;
  }
  if (en / words > 0.08 && en >= vi) return "en";
  if (vi / words > 0.08) return "vi";
  return "other";
}
