import { FOLD, MARK, UPPER } from "../../text/fold.js";

/**
 * A word of a sentence, or one of the punctuation marks that shape a clause (, ; : ( )). Other
 * punctuation (full stops in "H.E.", quotes, dashes between spaces) is transparent: it makes
 * no token, so "H.E. Mr." reads as the words h, e, mr.
 */
export interface Token {
  start: number;
  end: number;
  /** Folded: lowercase ASCII letters and digits; the mark itself for punctuation. */
  key: string;
  /**
   * Lowercase NFC as written ("mời"), when the text has diacritics: phrases must then match it
   * exactly ("ban" is not "bàn"). Null in a text without any: it is matched folded.
   */
  exact: string | null;
  /** Punctuation rather than a word. */
  punct: boolean;
  /** The first letter is uppercase. */
  upper: boolean;
  /** Glued to the word before by a hyphen ("Vietnam-Australia") or an apostrophe ("Japan's"). */
  glue: "" | "-" | "'";
}

const CLAUSE_MARKS = new Set([",", ";", ":", "(", ")", "[", "]"]);
const HYPHENS = new Set(["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"]);
const APOSTROPHES = new Set(["'", "\u2019"]);

/**
 * The tokens of text[start, end), in order. Linear in the span. `written`: the text has
 * diacritics, so each word keeps its written form for exact matching.
 */
export function tokenize(text: string, start: number, end: number, written: boolean): Token[] {
  const mark = MARK;
  const fold = FOLD; // a local: module bindings cost a lookup in hot loops
  const upperOf = UPPER;
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const f = fold[c] as number;
    if (f >= 48 || f === 3) {
      const from = i;
      // Most words are plain lowercase ASCII: their key is a slice of the text, built no faster.
      let plain = true;
      while (i < end) {
        const code = text.charCodeAt(i);
        const g = fold[code] as number;
        if (g < 48 && g !== mark && g !== 3) break;
        if (plain && !((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) plain = false;
        i++;
      }
      let key: string;
      let exact: string | null = null;
      if (plain) {
        key = text.slice(from, i);
        if (written) exact = key;
      } else {
        const forms = formsOf(text.slice(from, i));
        key = forms.key;
        if (written) exact = forms.exact;
      }
      const before = text.charAt(from - 1);
      const joined = from - 1 > start && isWordChar(text.charCodeAt(from - 2));
      out.push({
        start: from,
        end: i,
        key,
        exact,
        punct: false,
        upper: upperOf[c] === 1,
        glue: joined && HYPHENS.has(before) ? "-" : joined && APOSTROPHES.has(before) ? "'" : "",
      });
      continue;
    }
    const ch = text.charAt(i);
    if (CLAUSE_MARKS.has(ch))
      out.push({ start: i, end: i + 1, key: ch, exact: null, punct: true, upper: false, glue: "" });
    i++;
  }
  return out;
}

// Vietnamese syllables repeat all through a text: fold and normalise each spelling once.
const FORMS = new Map<string, { key: string; exact: string }>();
const FORMS_MAX = 50_000;

function formsOf(word: string): { key: string; exact: string } {
  let forms = FORMS.get(word);
  if (!forms) {
    let key = "";
    for (let k = 0; k < word.length; k++) {
      const g = FOLD[word.charCodeAt(k)] as number;
      if (g >= 48) key += String.fromCharCode(g);
    }
    forms = { key, exact: word.toLowerCase().normalize("NFC") };
    if (FORMS.size >= FORMS_MAX) FORMS.clear();
    FORMS.set(word, forms);
  }
  return forms;
}

function isWordChar(code: number): boolean {
  const f = FOLD[code] as number;
  return f >= 48 || f === 3 || f === MARK;
}
