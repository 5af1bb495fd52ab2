import { FOLD, MARK, SEP, WORDCLASS } from "../../text/fold.js";
import { breadthFirst, reordered, type TrieLinks } from "../../text/trie.js";
import { marksAgree } from "./marks.js";

// Symbols: 0 = a separator between words, 1–26 = a–z, 27–36 = 0–9.
const ALPHABET = 37;
const FULL_STOP = 0x2e;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** A term to compile: its folded key, whether its last word may go on, its syllables' marks. */
export interface TrieTerm {
  key: string;
  prefix: boolean;
  marks: number[];
}

/**
 * All terms in one character trie over folded symbols, in typed arrays: `exact[node]` is the
 * term whose key ends at `node`, `prefix[node]` the term whose key ends there with a `*`.
 */
export interface TopicTrie {
  /** In breadth-first order, two bytes a link while the nodes fit: see `breadthFirst`. */
  next: TrieLinks;
  exact: Int32Array;
  prefix: Int32Array;
  marks: number[][];
}

function symbol(code: number): number {
  if (code === 32) return 0;
  return code >= 97 ? code - 96 : code - 21;
}

export function buildTopicTrie(terms: TrieTerm[]): TopicTrie {
  const nodes = 1 + terms.reduce((n, t) => n + t.key.length, 0);
  const next = new Int32Array(nodes * ALPHABET);
  const exact = new Int32Array(nodes).fill(-1);
  const prefix = new Int32Array(nodes).fill(-1);
  let size = 1;
  terms.forEach((term, index) => {
    let node = 0;
    for (let i = 0; i < term.key.length; i++) {
      const slot = node * ALPHABET + symbol(term.key.charCodeAt(i));
      if (next[slot] === 0) next[slot] = size++;
      node = next[slot] as number;
    }
    (term.prefix ? prefix : exact)[node] = index;
  });
  const ordered = breadthFirst(next, size, ALPHABET);
  return {
    next: ordered.next,
    exact: reordered(exact, ordered.order),
    prefix: reordered(prefix, ordered.order),
    marks: terms.map((t) => t.marks),
  };
}

// Local bindings: a hot loop should not read imported tables through a CommonJS getter.
const FOLDED = FOLD;
const WORD_CLASS = WORDCLASS;
const CLASS_MARK = MARK;
const CLASS_SEP = SEP;

/** The longest match found by `longestMatch`; reused between calls. */
export interface Match {
  term: number;
  end: number;
}

/**
 * The longest term that starts at the word start `start` and ends on a word boundary at or
 * before `limit`, folding as it reads (case, diacritics, NFD marks skipped). Any run of spaces,
 * hyphens, dashes or a line break between words is one separator; a full stop ends the walk.
 * A prefix term ends where its last word ends. At equal ends the deeper (more specific) term
 * wins. Returns false when no term matches.
 */
export function longestMatch(
  trie: TopicTrie,
  text: string,
  start: number,
  limit: number,
  out: Match,
): boolean {
  const { next, exact, prefix, marks } = trie;
  out.term = -1;
  out.end = -1;
  let node = 0;
  let inSep = false;
  for (let j = start; j < limit; ) {
    const code = text.charCodeAt(j);
    const f = FOLDED[code] as number;
    if (f === CLASS_MARK) {
      j++;
      continue;
    }
    if ((f === CLASS_SEP && code !== FULL_STOP) || code === LINE_FEED || code === CARRIAGE_RETURN) {
      if (!inSep) {
        node = next[node * ALPHABET] as number;
        if (node === 0) break;
        inSep = true;
      }
      j++;
      continue;
    }
    if (f < 48) break;
    node = next[node * ALPHABET + (f >= 97 ? f - 96 : f - 21)] as number;
    if (node === 0) break;
    inSep = false;
    j++;
    const p = prefix[node] as number;
    if (p >= 0) {
      let end = j;
      while (end < limit && WORD_CLASS[text.charCodeAt(end)] !== 0) end++;
      if (end >= out.end && marksAgree(text, start, end, marks[p] as number[])) {
        out.term = p;
        out.end = end;
      }
    }
    const e = exact[node] as number;
    if (e >= 0) {
      let end = j;
      while (end < limit && FOLDED[text.charCodeAt(end)] === CLASS_MARK) end++;
      if (end < limit && WORD_CLASS[text.charCodeAt(end)] !== 0) continue;
      if (end >= out.end && marksAgree(text, start, end, marks[e] as number[])) {
        out.term = e;
        out.end = end;
      }
    }
  }
  return out.term >= 0;
}
