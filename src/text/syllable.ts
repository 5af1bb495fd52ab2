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
