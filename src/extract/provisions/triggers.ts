import { FOLD, MARK, UPPER } from "../../text/fold.js";
import type { ProvisionLexicon } from "./lexicon.js";
import type { PhraseSet, Word } from "./phrases.js";

const EXACT = 0;
const FOLDED = 1;

const PREDICATE = 1; // opens a stance predicate (a verb phrase, a modal)
const ACTOR = 2; // a word of a subject: a pronoun, "sides", "leaders", a title's words …
const FILLER = 4; // may stand between a subject and its predicate: "also", "will", "not", "to"
const IMPERSONAL = 8; // opens an impersonal clause: "it", "there", "consensus" …
const BE = 16; // "was", "were", "is" …: after an impersonal opener, the clause goes on
const NOMINAL = 32; // opens a nominal provision: "Support for …"

// The trie's alphabet: a–z, 0–9 and Vietnamese letters with their diacritics, so "mời" (to
// invite) and "mới" (new) are different paths. Uppercase maps to lowercase; anything else ends
// the path.
const LETTERS =
  "abcdefghijklmnopqrstuvwxyz0123456789àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
// One more column: the space between the two words of a two-word opening ("took note").
const SPACE = LETTERS.length;
const SYMBOLS = LETTERS.length + 1;
// Per UTF-16 code unit, in one lookup: its symbol (0 … SYMBOLS - 2), or a class: a word
// character outside the alphabet (ends the trie path, not the word), a combining mark (skipped),
// or anything else (ends the word).
const OTHER_LETTER = -2;
const COMBINING = -3;
const BREAK = -1;
const SYMBOL = (() => {
  const table = new Int16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c] as number;
    table[c] = f === MARK ? COMBINING : f >= 48 || f === 3 ? OTHER_LETTER : BREAK;
  }
  [...LETTERS].forEach((ch, i) => {
    table[ch.charCodeAt(0)] = i;
    table[ch.toUpperCase().charCodeAt(0)] = i;
  });
  return table;
})();

const WORD_SLOTS = 1 << 15;

/** The slot of a hash of symbols. */
const slotOf = (hash: number) => (hash ^ (hash >>> 15)) & (WORD_SLOTS - 1);

/** The slot of the first word of `word` (up to a space), walked from `root`. */
function firstWordSlot(root: number, word: string): number {
  let hash = root + 1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 32) break;
    hash = (Math.imul(hash, 33) + (SYMBOL[c] as number)) | 0;
  }
  return slotOf(hash);
}

/**
 * A necessary condition for a provision, tested on the characters of a sentence without
 * tokenising it or allocating: a lowercase opening of a predicate (its first word, or its
 * first two words when it has more: "took note", "is committed", "cho rằng"), right after
 * (fillers aside) a word that can end a subject — a word of the actor lexicon ("sides", "they",
 * "Ministers"), a capitalised word (a name, a state) or a comma (an aside or apposition); or an
 * impersonal opener followed by "was"/"were"; or a nominal provision's opening word. Most
 * sentences of a news story fail it, and `findProvisions` skips them at scanning speed.
 */
export class Triggers {
  // Two tries: written forms, for text with diacritics; folded forms, for text without.
  private next = new Int32Array(SYMBOLS * 256).fill(-1);
  private flags = new Uint8Array(256);
  private size = 2;
  // The first word of every phrase in the tries, hashed (see `firstWordSlot`): a word of the
  // text that is none of them ends on no flag and opens no two-word phrase, so `mayHold` skips
  // it without walking the tries (3.6 MB) letter by letter.
  private firstWords = new Uint8Array(WORD_SLOTS);

  constructor(lex: ProvisionLexicon) {
    // Each word by its written form and by its folded form: unaccented text is read too.
    const add = (w: Word, flag: number) => {
      this.add(EXACT, w.exact, flag);
      this.add(FOLDED, w.key, flag);
    };
    const first = (set: PhraseSet<unknown>, flag: number) => {
      for (const w of set.firstWords()) add(w, flag);
    };
    const every = (set: PhraseSet<unknown>, flag: number) => {
      for (const w of set.allWords()) add(w, flag);
    };
    for (const opening of lex.verbs.openings()) {
      this.add(EXACT, opening.map((w) => w.exact).join(" "), PREDICATE);
      this.add(FOLDED, opening.map((w) => w.key).join(" "), PREDICATE);
    }
    first(lex.roles.modal, PREDICATE);
    first(lex.impersonal, IMPERSONAL);
    first(lex.nominals, NOMINAL);
    for (const role of [
      "joint",
      "joint-pronoun",
      "person-pronoun",
      "generic",
      "both-after",
      "side",
      "number",
      "honorific-after",
    ] as const)
      every(lex.roles[role], ACTOR);
    every(lex.titles, ACTOR);
    for (const role of ["filler", "modal", "negation"] as const) every(lex.roles[role], FILLER);
    for (const w of ["was", "were", "is", "are", "has", "have", "been"]) {
      this.add(EXACT, w, BE);
      this.add(FOLDED, w, BE);
    }
  }

  private add(root: number, word: string, flag: number): void {
    this.firstWords[firstWordSlot(root, word)] = 1;
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const s = c === 32 ? SPACE : (SYMBOL[c] as number);
      if (s < 0) return;
      let to = this.next[node * SYMBOLS + s] as number;
      if (to < 0) {
        to = this.size++;
        if (to * SYMBOLS >= this.next.length) this.grow();
        this.next[node * SYMBOLS + s] = to;
      }
      node = to;
    }
    this.flags[node] = (this.flags[node] as number) | flag;
  }

  private grow(): void {
    const next = new Int32Array(this.next.length * 2).fill(-1);
    next.set(this.next);
    this.next = next;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }

  /**
   * True when text[start, end) may hold a clause that speaks (see the class comment). `written`:
   * the text has diacritics, so its words are read as written ("ban" there is not "bàn").
   */
  mayHold(text: string, start: number, end: number, written: boolean): boolean {
    const fold = FOLD; // a local: module bindings cost a lookup in hot loops
    const upperOf = UPPER;
    const symbolOf = SYMBOL;
    const root = written ? EXACT : FOLDED;
    let node = root;
    let cont = -1; // the path through the word before, when it may open a two-word predicate
    let contFits = false; // that word stood where a predicate may
    let inWord = false;
    let upper = false;
    let prev = 0; // flags of the last word that is not a filler
    let prevUpper = false;
    let comma = false; // a clause mark since that word
    let last = 0; // flags of the word right before
    let opening = true;
    const { next, flags: flagOf, firstWords } = this;
    for (let i = start; i <= end; i++) {
      const code = i < end ? text.charCodeAt(i) : 32;
      const s = symbolOf[code] as number;
      if (s === COMBINING) continue;
      if (s >= 0 || s === OTHER_LETTER) {
        if (!inWord) {
          inWord = true;
          // "Xin-va-ni-a": a syllable glued by a hyphen goes on the word before, capital and all.
          const glued =
            i - 2 >= start &&
            text.charCodeAt(i - 1) !== 32 &&
            fold[text.charCodeAt(i - 1)] === 2 &&
            (fold[text.charCodeAt(i - 2)] as number) >= 48;
          if (glued) cont = -1;
          upper = glued ? upper : upperOf[code] === 1;
          // The word read ahead and hashed as `firstWordSlot` hashes: most words are no
          // phrase's first word, and unless the word before opened a two-word phrase, the scan
          // jumps to the word's end.
          let hash = root + 1;
          let j = i;
          for (; j < end; j++) {
            const t = symbolOf[text.charCodeAt(j)] as number;
            if (t === COMBINING) continue;
            if (t < 0 && t !== OTHER_LETTER) break;
            hash = (Math.imul(hash, 33) + t) | 0;
          }
          const known = firstWords[slotOf(hash)] === 1;
          if (!known && cont < 0) {
            node = -1;
            i = j - 1;
            continue;
          }
          node = known ? root : -1;
        }
        if (node >= 0) node = s < 0 ? -1 : (next[node * SYMBOLS + s] as number);
        if (cont >= 0) cont = s < 0 ? -1 : (next[cont * SYMBOLS + s] as number);
        continue;
      }
      if (inWord) {
        inWord = false;
        const flags = node > FOLDED ? (flagOf[node] as number) : 0;
        if (cont > FOLDED && contFits && (flagOf[cont] as number) & PREDICATE) return true;
        const fits = !upper && ((prev & ACTOR) !== 0 || prevUpper || comma);
        if (flags & PREDICATE && fits) return true;
        if (flags & BE && last & IMPERSONAL) return true;
        if (flags & NOMINAL && opening && upper) return true;
        cont = node >= 0 ? (next[node * SYMBOLS + SPACE] as number) : -1;
        contFits = fits;
        last = flags;
        // "Both" is a filler ("They both shared") and a subject ("Both affirmed").
        if (!(flags & FILLER) || flags & ACTOR) {
          prev = flags;
          prevUpper = upper;
          comma = false;
          opening = false;
        }
      }
      if (code === 44 || code === 59 || code === 58 || code === 40 || code === 41) {
        comma = true;
        cont = -1;
      }
    }
    return false;
  }
}
