import type { NameKey } from "../gazetteer/keys.js";
import type { SnapshotArray } from "../io/snapshot.js";
import { FOLD, MARK, SEP, UPPER, WORD } from "./fold.js";

// Symbols: 0 = a separator between syllables, 1–26 = a–z, 27–36 = 0–9.
const ALPHABET = 37;
const FULL_STOP = 0x2e;
const CLASS_SEP = 27;
const CLASS_MARK = 28;

/** The bit of a `starts` mask for a code unit of CHAR class `k` (low 7 bits): letters 1–26. */
export function startClass(k: number): number {
  return k >= 97 ? k - 96 : k === SEP ? CLASS_SEP : k === MARK ? CLASS_MARK : 31;
}

/**
 * A trie's child links, 37 per node. Two bytes a link while the node numbers fit (every bundled
 * trie does): the rows the scans read are half as many bytes, so the tries of all the stages
 * fit in the caches together better (analyze() runs them in turn on each document).
 */
export type TrieLinks = Uint16Array | Int32Array;

/** The links of `size` nodes in the narrowest array that holds their numbers. */
function narrowLinks(links: Int32Array, size: number): TrieLinks {
  return size <= 0xffff ? Uint16Array.from(links) : links;
}

/**
 * A character trie over folded name keys, stored in typed arrays so that the scan allocates
 * nothing per word. `groups[term[node]]` lists the keys (often one) that end at `node`.
 */
export interface NameTrie<K extends { key: string } = NameKey> {
  next: TrieLinks;
  term: Int32Array;
  groups: K[][];
  /**
   * A prefilter for the scan, so that most words never enter the walk: for a word whose first
   * two code units fold to symbols `a` (a letter, 1–26) and `b` (a letter, or 0 for a
   * separator), bit `startClass(c)` of `starts[a * 27 + b]` is set when a key can go on with a
   * third code unit of CHAR class `c`. 27 × 27 32-bit masks: 3 KB, in L1 cache.
   */
  starts: Uint32Array;
  /**
   * The same one code unit further, for words whose first three code units fold to letters
   * `a`, `b`, `c` (1–26): bit `startClass(d)` of `starts3[(a * 27 + b) * 27 + c]` is set when a
   * key can go on with a fourth code unit of class `d` (bit 31: a digit; all bits where a key
   * of three letters ends). "said", "this", "biết" stop here instead of in the walk.
   */
  starts3: Uint32Array;
}

function symbol(code: number): number {
  if (code === 32) return 0;
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 48 + 27;
  throw new Error(
    `folded keys hold only a-z, 0-9 and spaces, got ${JSON.stringify(String.fromCharCode(code))}`,
  );
}

export function buildTrie<K extends { key: string }>(keys: K[]): NameTrie<K> {
  const byKey = new Map<string, K[]>();
  for (const k of keys) {
    const list = byKey.get(k.key);
    if (list) list.push(k);
    else byKey.set(k.key, [k]);
  }
  let capacity = 1024;
  let next = new Int32Array(capacity * ALPHABET);
  let term = new Int32Array(capacity).fill(-1);
  let size = 1;
  const groups: K[][] = [];
  for (const [key, group] of byKey) {
    if (key.replace(/ /g, "").length < 2)
      throw new Error(`name keys need two letters or more: "${key}"`);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const slot = node * ALPHABET + symbol(key.charCodeAt(i));
      let child = next[slot] as number;
      if (child === 0) {
        if (size === capacity) {
          capacity *= 2;
          const grownNext = new Int32Array(capacity * ALPHABET);
          grownNext.set(next);
          next = grownNext;
          const grownTerm = new Int32Array(capacity).fill(-1);
          grownTerm.set(term);
          term = grownTerm;
        }
        child = size++;
        next[slot] = child;
      }
      node = child;
    }
    term[node] = groups.length;
    groups.push(group);
  }
  const ordered = breadthFirst(next, size, ALPHABET);
  term = reordered(term, ordered.order);
  const links = ordered.next;
  const starts = new Uint32Array(27 * 27);
  const child = (node: number, sym: number) => links[node * ALPHABET + sym] as number;
  for (let a = 1; a <= 26; a++) {
    const n1 = child(0, a);
    if (n1 === 0) continue;
    for (let b = 0; b <= 26; b++) {
      const n2 = child(n1, b);
      if (n2 === 0) continue;
      // A separator may repeat (" - "): let the walk decide.
      starts[a * 27 + b] = b === 0 ? 0xffffffff : nextMask(links, term, n2);
    }
  }
  const starts3 = new Uint32Array(27 * 27 * 27);
  for (let a = 1; a <= 26; a++) {
    const n1 = child(0, a);
    if (n1 === 0) continue;
    for (let b = 1; b <= 26; b++) {
      const n2 = child(n1, b);
      if (n2 === 0) continue;
      for (let c = 1; c <= 26; c++) {
        const n3 = child(n2, c);
        if (n3 !== 0) starts3[(a * 27 + b) * 27 + c] = nextMask(links, term, n3);
      }
    }
  }
  return { next: links, term, groups, starts, starts3 };
}

/**
 * What may follow the node `node` (see `NameTrie.starts`, `starts3`) as a mask of `startClass`
 * bits; all bits where a key ends there (the walk decides).
 */
function nextMask(next: TrieLinks, term: Int32Array, node: number): number {
  if ((term[node] as number) >= 0) return 0xffffffff;
  let mask = (1 << CLASS_MARK) >>> 0;
  if ((next[node * ALPHABET] as number) !== 0) mask |= 1 << CLASS_SEP;
  for (let c = 1; c <= 26; c++) if ((next[node * ALPHABET + c] as number) !== 0) mask |= 1 << c;
  for (let d = 27; d < ALPHABET; d++)
    if ((next[node * ALPHABET + d] as number) !== 0) mask |= 1 << 31;
  return mask >>> 0;
}

/**
 * The nodes of a trie of `size` nodes (links of `alphabet` symbols per node, 0 for none, node
 * 0 the root) renumbered in breadth-first order: the first levels, which every walk reads, lie
 * together at the front of the links (a few cache lines instead of one per node, scattered over
 * megabytes for the units' trie), and the children of a node lie side by side. Returns the
 * renumbered links, narrowed (`narrowLinks`), and `order`, the old number of each new node, to
 * carry the trie's other per-node arrays over.
 */
export function breadthFirst(
  next: Int32Array,
  size: number,
  alphabet: number,
): { next: TrieLinks; order: Int32Array } {
  const order = new Int32Array(size); // new number → old
  const renamed = new Int32Array(size); // old number → new
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const node = order[head] as number;
    for (let sym = 0; sym < alphabet; sym++) {
      const child = next[node * alphabet + sym] as number;
      if (child === 0) continue;
      renamed[child] = tail;
      order[tail++] = child;
    }
  }
  const out = new Int32Array(size * alphabet);
  for (let n = 0; n < size; n++) {
    const node = order[n] as number;
    for (let sym = 0; sym < alphabet; sym++) {
      const child = next[node * alphabet + sym] as number;
      out[n * alphabet + sym] = child === 0 ? 0 : (renamed[child] as number);
    }
  }
  return { next: narrowLinks(out, size), order };
}

/** A per-node array carried over to the node numbers `breadthFirst` gave. */
export function reordered(values: Int32Array, order: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(order.length);
  for (let n = 0; n < order.length; n++) out[n] = values[order[n] as number] as number;
  return out;
}

/** Candidate matches found at one start position; reused between calls to avoid allocation. */
export interface Candidates {
  count: number;
  ends: Int32Array;
  groups: Int32Array;
}

export function newCandidates(): Candidates {
  return { count: 0, ends: new Int32Array(64), groups: new Int32Array(64) };
}

/**
 * Walks the trie from `start`, folding as it goes: combining marks are skipped, any run of
 * separators (space, hyphen, dash) is one separator, and a full stop counts as a separator
 * only after a short abbreviation ("TP.HCM") so that "Ba Ria. Vung Tau" across a sentence
 * break is not one name. Every complete key that ends on a word boundary is a candidate,
 * shortest first. A boundary is a non-word character, the end of the text, or a lowercase
 * letter glued to an uppercase one ("Binh ThuanProvince").
 */
export function walk<K extends { key: string }>(
  trie: NameTrie<K>,
  text: string,
  start: number,
  out: Candidates,
): void {
  const { next, term } = trie;
  const n = text.length;
  out.count = 0;
  let node = 0;
  let inSep = false;
  let tokenLength = 0;
  for (let j = start; j < n; ) {
    const code = text.charCodeAt(j);
    const f = FOLD[code] as number;
    if (f === MARK) {
      j++;
      continue;
    }
    if (f === SEP) {
      if (!inSep) {
        if (code === FULL_STOP && tokenLength > 2) return;
        const child = next[node * ALPHABET] as number;
        if (child === 0) return;
        node = child;
        inSep = true;
        tokenLength = 0;
      }
      j++;
      continue;
    }
    if (f < 48) return; // OTHER or WORD: no name continues through it
    const child = next[node * ALPHABET + (f >= 97 ? f - 96 : f - 21)] as number;
    if (child === 0) return;
    node = child;
    inSep = false;
    tokenLength++;
    j++;
    const group = term[node] as number;
    if (group < 0) continue;
    let end = j;
    while (end < n && FOLD[text.charCodeAt(end)] === MARK) end++;
    if (end < n) {
      const after = text.charCodeAt(end);
      const fa = FOLD[after] as number;
      const glued = fa >= 48 || fa === WORD;
      if (glued && !(UPPER[after] === 1 && fa >= 97 && UPPER[code] === 0)) continue;
    }
    if (out.count < out.ends.length) {
      out.ends[out.count] = end;
      out.groups[out.count] = group;
      out.count++;
    }
  }
}

/** The trie's prefilter (three or four code units) at a word start whose first letter is symbol `a`. */
export function mayStart<K extends { key: string }>(
  trie: NameTrie<K>,
  table: Uint8Array,
  text: string,
  i: number,
  a: number,
): boolean {
  // Past the end of the text is OTHER (0). Tested, not left to charCodeAt's NaN: once the
  // optimised code has seen a NaN index, every read here takes the slow, generic path.
  const n = text.length;
  const second = i + 1 < n ? (table[text.charCodeAt(i + 1)] as number) & 127 : 0;
  if (second === MARK) return true;
  const b = second >= 97 ? second - 96 : second === SEP ? 0 : -1;
  if (b < 0) return false;
  const k3 = i + 2 < n ? (table[text.charCodeAt(i + 2)] as number) & 127 : 0;
  const two = trie.starts[a * 27 + b] as number;
  if ((two & (1 << startClass(k3))) === 0) return false;
  // Three letters on the way to a longer key: the fourth code unit too. (All bits set: a key
  // of two letters ends here, or a separator follows; the walk decides.)
  if (k3 < 97 || two === 0xffffffff) return true;
  const k4 = i + 3 < n ? (table[text.charCodeAt(i + 3)] as number) & 127 : 0;
  const mask = trie.starts3[(a * 27 + b) * 27 + (k3 - 96)] as number;
  return (mask & (1 << startClass(k4))) !== 0;
}

/**
 * A trie as a snapshot holds it (`io/snapshot.ts`): its arrays under `prefix`, read back as
 * views, and its groups as JSON.
 */
export function packTrie<K extends { key: string }>(
  trie: NameTrie<K>,
  prefix: string,
  arrays: Record<string, SnapshotArray>,
): K[][] {
  arrays[`${prefix}.next`] = trie.next;
  arrays[`${prefix}.term`] = trie.term;
  arrays[`${prefix}.starts`] = trie.starts;
  arrays[`${prefix}.starts3`] = trie.starts3;
  return trie.groups;
}

/** The trie `packTrie` stored under `prefix`; throws if an array is missing or mistyped. */
export function unpackTrie<K extends { key: string }>(
  groups: K[][],
  prefix: string,
  arrays: Record<string, SnapshotArray>,
): NameTrie<K> {
  const array = <T>(name: string, ...types: (new (n: number) => T)[]): T => {
    const a = arrays[`${prefix}.${name}`];
    if (!types.some((type) => a instanceof type)) throw new Error(`snapshot: no ${prefix}.${name}`);
    return a as T;
  };
  if (!Array.isArray(groups)) throw new Error(`snapshot: no ${prefix} groups`);
  return {
    next: array<TrieLinks>("next", Uint16Array, Int32Array),
    term: array("term", Int32Array),
    groups,
    starts: array("starts", Uint32Array),
    starts3: array("starts3", Uint32Array),
  };
}
