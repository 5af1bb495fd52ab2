import { FOLD, MARK } from "./fold.js";

// Symbols: 1–26 = a–z, 27–36 = 0–9 (0 unused: words hold no spaces).
const ALPHABET = 37;

/**
 * Maps folded words to small integer ids, and words in a text to those ids without copying
 * them: the geoparser looks up the words around every candidate name, and building a string
 * for each was most of its cost. `lookup` folds as it reads (case, diacritics, NFD marks).
 */
export class WordIndex {
  readonly #next: Int32Array;
  readonly #id: Int32Array;
  readonly size: number;

  constructor(words: Iterable<string>) {
    const list = [...new Set(words)].filter((w) => /^[a-z0-9]+$/.test(w));
    const nodes = 1 + list.reduce((n, w) => n + w.length, 0);
    const next = new Int32Array(nodes * ALPHABET);
    const id = new Int32Array(nodes).fill(-1);
    let size = 1;
    list.forEach((word, index) => {
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        const slot = node * ALPHABET + (c >= 97 ? c - 96 : c - 21);
        if (next[slot] === 0) next[slot] = size++;
        node = next[slot] as number;
      }
      id[node] = index;
    });
    this.#next = next;
    this.#id = id;
    this.size = list.length;
  }

  /** The id of a folded word, or -1. */
  idOf(word: string): number {
    return this.lookup(word, 0, word.length);
  }

  /** The id of the word `text.slice(start, end)` once folded, or -1; allocates nothing. */
  lookup(text: string, start: number, end: number): number {
    const next = this.#next;
    let node = 0;
    for (let i = start; i < end; i++) {
      const f = FOLD[text.charCodeAt(i)] as number;
      if (f === MARK) continue;
      if (f < 48) return -1;
      node = next[node * ALPHABET + (f >= 97 ? f - 96 : f - 21)] as number;
      if (node === 0) return -1;
    }
    return this.#id[node] as number;
  }
}
