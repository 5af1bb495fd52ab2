import type { MetadataLexicon } from "./lexicon.js";

const HEAD = 600;
const MAX_TITLE = 200;
const MIN_WORDS = 3;

/**
 * The title of the document a text reports, named in its first sentence after a release verb:
 * "On January 15th, the Ministry released a Joint Communiqué on the results of the visit, which
 * …" → "Joint Communiqué on the results of the visit". The name must open with a statement's
 * name (kinds.tsv) written capitalised, as titles are ("a joint statement" is a common noun);
 * it runs to a comma, a full stop, a bracket, a quote's end or a relative clause, and is kept
 * only at three words to 200 characters.
 */
export function reportedTitle(text: string, lexicon: MetadataLexicon): string | null {
  const first = text.trimStart();
  const nl = first.indexOf("\n");
  const head = first.slice(0, Math.min(HEAD, nl < 0 ? first.length : nl));
  const { release, genre, titleStop } = lexicon;
  release.lastIndex = 0;
  for (let m = release.exec(head); m !== null; m = release.exec(head)) {
    const rest = head.slice(m.index + m[0].length);
    const initial = rest.charAt(0);
    if (initial === initial.toLowerCase() || !genre.test(rest)) continue;
    const stop = titleStop.exec(rest);
    const title = (stop ? rest.slice(0, stop.index) : rest).trim();
    const words = title.split(/\s+/u).length;
    if (words >= MIN_WORDS && title.length <= MAX_TITLE) return title;
  }
  return null;
}
