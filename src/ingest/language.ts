import type { Language } from "./types.js";

// Letters only Vietnamese writes among the languages we meet: ă â đ ê ô ơ ư and the
// precomposed tone-marked vowels (NFC input).
const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ\u1ea0-\u1ef9]/gu;
const LETTER = /\p{L}/gu;
const ENGLISH = new Set(
  "the of and to in a is that for on with as by was are be it from at this have has an or which were will their said its".split(
    " ",
  ),
);
// Common function words of Vietnamese written without diacritics.
const BARE_VIETNAMESE = new Set(
  "cua va cac nhung duoc trong nguoi cho voi mot khong la da nay ve tai cung khi de thi".split(" "),
);

/**
 * English, Vietnamese or other, from a sample of the text: the share of letters only Vietnamese
 * uses, else the share of common English (or unaccented Vietnamese) function words.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < 20) return "other";
  const vietnamese = sample.match(VIETNAMESE_LETTER)?.length ?? 0;
  if (vietnamese / letters > 0.05) return "vi";
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let en = 0;
  let vi = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    else if (BARE_VIETNAMESE.has(w)) vi++;
  }
  if (en / words.length > 0.08 && en >= vi) return "en";
  if (vi / words.length > 0.08) return "vi";
  return "other";
}
