/**
 * Near-duplicate detection: the same article scraped twice with different site chrome, or
 * re-published with a figure updated, should be recognised without comparing every pair.
 *
 * Each document becomes the set of its word shingles (runs of `shingle` folded words), and the
 * set is summarised by a MinHash signature: for each of `permutations` hash functions, the
 * minimum hash over the set. The fraction of equal positions in two signatures estimates the
 * Jaccard similarity of the two sets. LSH banding finds candidates in constant time per
 * document: the signature is cut into `bands` bands of `rows` values, and two documents that
 * agree on a whole band land in the same bucket. Only candidates are compared.
 */
import { documentIdOfNormalised, normaliseForIdentity } from "./identity.js";

export interface NearDuplicateOptions {
  /** Estimated Jaccard similarity at or above which two documents are near-duplicates. Default 0.8. */
  threshold?: number;
  /** Words per shingle. Default 5 (documents shorter than that use their whole word list as one shingle). */
  shingle?: number;
  /** MinHash permutations. Default 128; split into bands × rows by {@link chooseBands}. */
  permutations?: number;
}

export interface DuplicateMatch {
  id: string;
  similarity: number;
  exact: boolean;
}

/** The Mersenne prime 2^31 − 1: permuted values stay below 2^31, so they fit a Uint32Array. */
const P = 2147483647;
const TWO_31 = 2147483648;
/** 2^-31, exact in a double: multiplying by it is an exact division. */
const INV_2_31 = 2 ** -31;
/** Signature value of a document with no words: above every permuted value, so never matches one. */
const EMPTY = 0xffffffff;
/** Chance that a pair exactly at the threshold shares at least one band (see chooseBands). */
const RECALL_AT_THRESHOLD = 0.995;
/** Fixed seed: permutations, and so signatures, are the same in every run and process. */
const SEED = 0x5eed_d055;

/**
 * Picks bands × rows = permutations for a threshold. A pair of similarity s shares at least
 * one band with probability 1 − (1 − s^rows)^bands, an S-curve that gets steeper with more
 * rows. More rows mean fewer false candidates to verify, so this takes the most rows that
 * still catch a pair at the threshold with probability ≥ 99.5 %. For 128 permutations:
 * 0.8 → 32 bands of 4 rows (16 × 8 would miss 5 % of pairs at 0.8), 0.5 → 64 × 2, 0.9 → 16 × 8.
 */
export function chooseBands(
  permutations: number,
  threshold: number,
): { bands: number; rows: number } {
  for (let rows = permutations; rows > 1; rows--) {
    if (permutations % rows !== 0) continue;
    const bands = permutations / rows;
    if (1 - (1 - threshold ** rows) ** bands >= RECALL_AT_THRESHOLD) return { bands, rows };
  }
  return { bands: permutations, rows: 1 };
}

interface Settings {
  threshold: number;
  shingle: number;
  permutations: number;
  bands: number;
  rows: number;
  /** Permutation k is x ↦ (a·x + b) mod P with a = aHi·2^16 + aLo (split so products stay exact). */
  aHi: Float64Array;
  aLo: Float64Array;
  b: Float64Array;
}

function settingsFor(options: NearDuplicateOptions = {}): Settings {
  const { threshold = 0.8, shingle = 5, permutations = 128 } = options;
  const bad = (name: string, value: number) => new RangeError(`invalid ${name}: ${value}`);
  if (!(threshold >= 0 && threshold <= 1)) throw bad("threshold (0 to 1)", threshold);
  if (!Number.isInteger(shingle) || shingle < 1) throw bad("shingle (words)", shingle);
  if (!Number.isInteger(permutations) || permutations < 1) throw bad("permutations", permutations);
  const aHi = new Float64Array(permutations);
  const aLo = new Float64Array(permutations);
  const b = new Float64Array(permutations);
  let state = SEED;
  const next = () => {
    // mulberry32: a small, well-mixed 32-bit PRNG.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let k = 0; k < permutations; k++) {
    const a = 1 + (next() % (P - 1));
    aHi[k] = Math.floor(a / 65536);
    aLo[k] = a % 65536;
    b[k] = next() % P;
  }
  return { threshold, shingle, permutations, ...chooseBands(permutations, threshold), aHi, aLo, b };
}

/** FNV-1a, 32 bits, over UTF-16 code units: cheap and good enough for short words. */
function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One step of murmur3_32 over a 32-bit block: combines word hashes in an order-sensitive way. */
function mix(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser: spreads every input bit over the whole hash. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const MAX_WORDS = 100_000;

/** MinHash signature of normalised text (words separated by single spaces). */
function signatureOf(normalised: string, s: Settings): Uint32Array {
  const signature = new Uint32Array(s.permutations).fill(EMPTY);
  if (normalised === "") return signature;
  // The first MAX_WORDS words decide: enough to tell articles apart, and a 50 MB one-line file
  // does not cost minutes of hashing.
  const words = normalised.split(" ", MAX_WORDS).map(fnv1a);
  const width = Math.min(s.shingle, words.length);
  const shingles = new Uint32Array(words.length - width + 1);
  for (let i = 0; i < shingles.length; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < width; j++) h = mix(h, words[i + j] as number);
    shingles[i] = fmix(h ^ width);
  }
  shingles.sort();
  const { aHi, aLo, b } = s;
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i] as number;
    if (i > 0 && h === shingles[i - 1]) continue; // a repeated shingle cannot lower any minimum
    const x = h % P;
    for (let k = 0; k < signature.length; k++) {
      // (a·x + b) mod P in exact doubles (below 2^53): aHi·x < 2^46 is reduced, then
      // (that·2^16 + aLo·x + b) < 2^49 is reduced again. Reducing v mod 2^31 − 1 needs no
      // division: with v = q·2^31 + r, v ≡ q + r, and q + r < 2P needs at most one subtraction.
      let v = (aHi[k] as number) * x;
      let q = Math.floor(v * INV_2_31);
      v = v - q * TWO_31 + q;
      if (v >= P) v -= P;
      v = v * 65536 + (aLo[k] as number) * x + (b[k] as number);
      q = Math.floor(v * INV_2_31);
      v = v - q * TWO_31 + q;
      if (v >= P) v -= P;
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return signature;
}

/** The fraction of equal positions: the MinHash estimate of Jaccard similarity. */
function estimate(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) equal++;
  return equal / a.length;
}

/** A 32-bit key for one band; a collision only adds a candidate, which verification rejects. */
function bandKey(signature: Uint32Array, start: number, rows: number): number {
  let h = start;
  for (let k = start; k < start + rows; k++) h = mix(h, signature[k] as number);
  return fmix(h);
}

/** An index of documents seen so far, answering "is this one a copy of an earlier one?". */
export class DuplicateIndex {
  readonly #s: Settings;
  readonly #ids: string[] = [];
  readonly #signatures: Uint32Array[] = [];
  /** documentId → index of the first document with that id. */
  readonly #exact = new Map<string, number>();
  /** One map per band: band key → indexes of the documents in that bucket. */
  readonly #buckets: Map<number, number[]>[];
  #added = 0;

  constructor(options?: NearDuplicateOptions) {
    this.#s = settingsFor(options);
    this.#buckets = Array.from({ length: this.#s.bands }, () => new Map());
  }

  /**
   * Adds a document and returns the best earlier match: exact (same documentId) first, else
   * the most similar near-duplicate at or above the threshold (the earliest on a tie), else
   * null. An exact repeat is not indexed again: its signature would only shadow the original.
   */
  add(id: string, text: string): DuplicateMatch | null {
    this.#added++;
    const normalised = normaliseForIdentity(text);
    const key = documentIdOfNormalised(normalised);
    const same = this.#exact.get(key);
    if (same !== undefined) return { id: this.#ids[same] as string, similarity: 1, exact: true };

    const index = this.#ids.length;
    const signature = signatureOf(normalised, this.#s);
    const { rows, threshold } = this.#s;
    const seen = new Set<number>();
    let best = -1;
    let bestSimilarity = -1;
    for (let band = 0; band < this.#buckets.length; band++) {
      const buckets = this.#buckets[band] as Map<number, number[]>;
      const bandId = bandKey(signature, band * rows, rows);
      const bucket = buckets.get(bandId);
      if (bucket === undefined) {
        buckets.set(bandId, [index]);
        continue;
      }
      for (const other of bucket) {
        if (seen.has(other)) continue;
        seen.add(other);
        const similarity = estimate(signature, this.#signatures[other] as Uint32Array);
        if (similarity < threshold) continue;
        if (similarity > bestSimilarity || (similarity === bestSimilarity && other < best)) {
          best = other;
          bestSimilarity = similarity;
        }
      }
      bucket.push(index);
    }
    this.#ids.push(id);
    this.#signatures.push(signature);
    this.#exact.set(key, index);
    if (best < 0) return null;
    return { id: this.#ids[best] as string, similarity: bestSimilarity, exact: false };
  }

  /** Estimated similarity of two texts (0–1), for tests and reports. Ignores the threshold. */
  static similarity(a: string, b: string, options?: NearDuplicateOptions): number {
    const s = settingsFor(options);
    const na = normaliseForIdentity(a);
    const nb = normaliseForIdentity(b);
    return na === nb ? 1 : estimate(signatureOf(na, s), signatureOf(nb, s));
  }

  /** Documents added so far, exact repeats included. */
  get size(): number {
    return this.#added;
  }
}
