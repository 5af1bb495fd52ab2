/**
 * Whether a folded token could be one Vietnamese syllable (initial consonant, vowel nucleus,
 * final consonant). Used to tell "Vinh Trang" (a longer Vietnamese name) from "Vinh City" or
 * "Hue Imperial City" (a place followed by an English word).
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;

export function isVietnameseSyllable(folded: string): boolean {
  return folded.length > 0 && folded.length <= 7 && SYLLABLE.test(folded);
}

// The same test over folded code units (a–z, 0–9), for the geoparser's hot path: no string.
const A = 97;
const isVowel = (c: number) =>
  c === A || c === 101 || c === 105 || c === 111 || c === 117 || c === 121; // a e i o u y
// Initial consonants one letter long: b c d g h k l m n p r s t v x.
const SINGLE_INITIAL = new Uint8Array(128);
for (const c of "bcdghklmnprstvx") SINGLE_INITIAL[c.charCodeAt(0)] = 1;
const pair = (a: number, b: number) => (a << 8) | b;
const codesOf = (s: string) => pair(s.charCodeAt(0), s.charCodeAt(1));
const PAIR_INITIALS = new Set(
  ["ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu"].map(codesOf),
);
const PAIR_FINALS = new Set(["ng", "nh", "ch"].map(codesOf));
const SINGLE_FINAL = new Uint8Array(128);
for (const c of "cmnpt") SINGLE_FINAL[c.charCodeAt(0)] = 1;

/** Whether codes[from, n) is one to three vowels and an optional final consonant. */
function nucleusAndFinal(codes: Uint8Array, from: number, n: number): boolean {
  let j = from;
  while (j < n && isVowel(codes[j] as number)) j++;
  const vowels = j - from;
  if (vowels < 1 || vowels > 3) return false;
  const rest = n - j;
  if (rest === 0) return true;
  if (rest === 1) return SINGLE_FINAL[codes[j] as number] === 1;
  return rest === 2 && PAIR_FINALS.has(pair(codes[j] as number, codes[j + 1] as number));
}

/**
 * `isVietnameseSyllable` over the first `n` folded code units of `codes`: every initial the
 * pattern allows is tried (none, one letter, "ngh", two letters), as the regular expression
 * backtracks ("gi" is "g" + "i").
 */
export function isVietnameseSyllableCodes(codes: Uint8Array, n: number): boolean {
  if (n === 0 || n > 7) return false;
  if (nucleusAndFinal(codes, 0, n)) return true;
  const c0 = codes[0] as number;
  if (SINGLE_INITIAL[c0] === 1 && nucleusAndFinal(codes, 1, n)) return true;
  if (n < 2) return false;
  const c1 = codes[1] as number;
  if (PAIR_INITIALS.has(pair(c0, c1)) && nucleusAndFinal(codes, 2, n)) return true;
  return n >= 3 && c0 === 110 && c1 === 103 && codes[2] === 104 && nucleusAndFinal(codes, 3, n);
}
