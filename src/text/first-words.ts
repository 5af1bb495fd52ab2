import { CHAR, MARK, WORD } from "./fold.js";

// Slots of the two hash sets: 32 K bytes each, two orders of magnitude more than the first words
// of any of our lexicons, so few words pass by a collision.
const SLOTS = 1 << 15;
const UPPER_BIT = 128;

function slot(hash: number): number {
  return (hash ^ (hash >>> 15)) & (SLOTS - 1);
}

/** A key to filter for: its folded form ("viet nam"), and whether its last word may go on ("invest*"). */
export interface FirstWordKey {
  key: string;
  prefix?: boolean;
}

/**
 * A prefilter for trie walks, over the first word of each key: a word of the text whose folded
 * form is the first word of no key (or, for a one-word key with a `*`, begins with none) cannot
 * start a match, so it never enters the walk. The walks over our large tries are cache misses
 * at every step, and most words ("the", "said") go two or three steps deep before failing;
 * this test reads the word once, hashing as it goes, and looks up a few bytes in a table that
 * stays in cache.
 *
 * A word here is a run of letters, digits and combining marks (skipped, as the walks skip
 * them), ended by a separator or any other non-word character. A word that holds a letter
 * outside a–z (Cyrillic, CJK) or a lowercase letter followed by an uppercase one (a name glued
 * to the next: "ThuanProvince") always passes: the walks treat those places specially.
 */
export class FirstWords {
  readonly #whole = new Uint8Array(SLOTS);
  readonly #stems = new Uint8Array(SLOTS);
  /** Where the word read by the last `mayStart` ends: the next non-word character. */
  end = 0;

  constructor(keys: Iterable<FirstWordKey>) {
    for (const { key, prefix } of keys) {
      const space = key.indexOf(" ");
      const first = space < 0 ? key : key.slice(0, space);
      if (prefix && space < 0) {
        // Any word that begins with the stem: its first two or three letters must be a stem's.
        const stem = first.slice(0, 3);
        this.#stems[slot(hashOf(stem))] = 1;
      } else this.#whole[slot(hashOf(first))] = 1;
    }
  }

  /**
   * Whether a key may start at the word start `start` (the word read up to `limit`); sets
   * `end` to the end of the word either way.
   */
  mayStart(text: string, start: number, limit: number): boolean {
    const chars = CHAR; // a local: module bindings cost a lookup in hot loops
    let hash = 0;
    let length = 0;
    let two = 0;
    let three = 0;
    let special = false;
    let lower = false;
    let j = start;
    for (; j < limit; j++) {
      const c = chars[text.charCodeAt(j)] as number;
      const f = c & 127;
      if (f === MARK) continue;
      if (f < 48) {
        if (f !== WORD) break;
        special = true;
        continue;
      }
      if (lower && c & UPPER_BIT) special = true;
      lower = f >= 97 && (c & UPPER_BIT) === 0;
      hash = (Math.imul(hash, 33) + f) | 0;
      length++;
      if (length === 2) two = hash;
      else if (length === 3) three = hash;
    }
    this.end = j;
    return (
      special ||
      this.#whole[slot(hash)] === 1 ||
      (length >= 2 && this.#stems[slot(two)] === 1) ||
      (length >= 3 && this.#stems[slot(three)] === 1)
    );
  }
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 33) + word.charCodeAt(i)) | 0;
  return hash;
}
