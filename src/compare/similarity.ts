import type { Provision } from "../extract/provisions/types.js";
import type { ProvisionFeatures, Segment } from "./features.js";
import { STANCE_FAMILY } from "./stance.js";
import { type Bag, CONCEPT } from "./terms.js";

/**
 * The weights of a pair's score; documented in the README, chosen on statements-dev with
 * leave-one-family-out cross-validation (scripts/tune-compare.ts).
 */
export const WEIGHTS = {
  /** Same stance: a bonus on the wording's similarity (the score is wording × (1 + bonuses)). */
  stance: 0.8,
  /** An entity (organisation, instrument, person, place abroad) named by both. */
  entity: 0.4,
  /** Both name entities, or visits, but different ones: "invited to visit Viet Nam" and "would visit Japan". */
  clash: 0.4,
};

export type Weights = typeof WEIGHTS;

/** Why two provisions were paired: what they share, and how their stances compare. */
export interface Reasons {
  /** Content words both hold, as A writes them, weightiest first. */
  terms: string[];
  /** Ideas both express in their own words ("advance": "deepen" and "increase the depth"). */
  concepts: string[];
  /** Entities both name (names). */
  entities: string[];
  stance: "same" | "same family" | "different";
  /** The clauses that matched, when a provision has several (0 is the main one). */
  clauses?: [number, number];
  /** Both name different entities or visit destinations: counted against the pair. */
  clash?: string;
}

export interface PairScore {
  score: number;
  /** The wording alone: the best TF-IDF cosine between the two provisions' segments. */
  wording: number;
  reasons: Reasons;
  /** The terms the best segment pair shares (stems and concepts). */
  shared: Set<string>;
}

interface Weighted {
  vector: Map<string, number>;
  segment: Segment;
}

/**
 * Scores every pair of provisions of two documents. The wording is TF-IDF cosine over terms
 * (stems and concepts), IDF over both documents' segments, the best of whole-to-whole and
 * clause-to-clause; the score multiplies it by the structure: same stance or stance family,
 * shared entities, and a clash of entities or destinations.
 */
export function scorePairs(
  a: Provision[],
  b: Provision[],
  fa: ProvisionFeatures[],
  fb: ProvisionFeatures[],
  weights: Weights = WEIGHTS,
): PairScore[][] {
  const { wa, wb } = weighSegments(fa, fb);
  return a.map((pa, i) =>
    b.map((pb, j) =>
      score(
        pa,
        pb,
        fa[i] as ProvisionFeatures,
        fb[j] as ProvisionFeatures,
        wa[i] as Weighted[],
        wb[j] as Weighted[],
        weights,
      ),
    ),
  );
}

/** Each side's segments as tf-idf vectors, document frequencies counted over both sides. */
function weighSegments(
  fa: ProvisionFeatures[],
  fb: ProvisionFeatures[],
): { wa: Weighted[][]; wb: Weighted[][] } {
  const all = [...fa, ...fb].flatMap((f) => f.segments);
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = all.length;
  const weigh = (s: Segment): Weighted => ({ vector: tfidf(s.bag, df, n), segment: s });
  return { wa: fa.map((f) => f.segments.map(weigh)), wb: fb.map((f) => f.segments.map(weigh)) };
}

/** Every pair's score as a number, and a pair's full score (with its reasons) on demand. */
export interface ScoreMatrix {
  /** `raw[i][j]`: the score of A's provision i and B's provision j, as `scorePairs` gives it. */
  raw: number[][];
  /** The pair's full score, the same as `scorePairs(…)[i][j]`, built when asked (and kept). */
  at(i: number, j: number): PairScore;
}

/** A tf-idf vector with its terms numbered: ids and weights in the vector's own order. */
interface Numbered {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * The scores of `scorePairs`, equal to the last bit, for many provisions: only pairs that share
 * a term are scored (the others' wording, hence their score, is 0), through an inverted index of
 * B's terms; the cosines run over term numbers, A's segment spread in a dense array; and the
 * reasons, which cost more than the score, are built only for the pairs the caller looks at.
 */
export function scoreMatrix(
  a: Provision[],
  b: Provision[],
  fa: ProvisionFeatures[],
  fb: ProvisionFeatures[],
  weights: Weights = WEIGHTS,
): ScoreMatrix {
  const { wa, wb } = weighSegments(fa, fb);
  // Terms as numbers; each of B's segments as parallel arrays in its vector's order.
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  };
  const numbered = (v: Map<string, number>): Numbered => ({
    ids: Int32Array.from(v.keys(), idOf),
    weights: Float64Array.from(v.values()),
  });
  const na = wa.map((segs) => segs.map((x) => numbered(x.vector)));
  const nb = wb.map((segs) => segs.map((y) => numbered(y.vector)));
  // Which of B's provisions hold each term.
  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  nb.forEach((segs, j) => {
    for (const y of segs)
      for (const id of y.ids) {
        const list = postings[id] as number[];
        if (list[list.length - 1] !== j) list.push(j);
      }
  });
  const dense = new Float64Array(ids.size);
  const place = new Int32Array(ids.size);
  const products = new Float64Array(
    na.reduce((most, segs) => segs.reduce((m, x) => Math.max(m, x.ids.length), most), 0),
  );
  const seen = new Int32Array(b.length).fill(-1);
  const wording = new Float64Array(b.length);
  const raw = a.map((pa, i) => {
    const row: number[] = new Array(b.length).fill(0);
    const candidates: number[] = [];
    const nai = na[i] as Numbered[];
    for (const x of nai)
      for (const id of x.ids)
        for (const j of postings[id] as number[])
          if (seen[j] !== i) {
            seen[j] = i;
            candidates.push(j);
            wording[j] = 0;
          }
    (wa[i] as Weighted[]).forEach((x, s) => {
      const nx = nai[s] as Numbered;
      nx.ids.forEach((id, k) => {
        dense[id] = nx.weights[k] as number;
        place[id] = k;
      });
      for (const j of candidates) {
        const wbj = wb[j] as Weighted[];
        const nbj = nb[j] as Numbered[];
        for (let t = 0; t < wbj.length; t++) {
          const y = wbj[t] as Weighted;
          // cosine(x, y), summed in the same order: over the smaller vector (y on a tie).
          const ny = nbj[t] as Numbered;
          let dot = 0;
          if (x.vector.size < y.vector.size) {
            // Over x's terms in x's order: y's products put at x's places, then summed.
            for (let k = 0; k < ny.ids.length; k++) {
              const id = ny.ids[k] as number;
              const v = dense[id] as number;
              if (v !== 0) products[place[id] as number] = v * (ny.weights[k] as number);
            }
            for (let k = 0; k < nx.ids.length; k++) {
              dot += products[k] as number;
              products[k] = 0;
            }
          } else {
            for (let k = 0; k < ny.ids.length; k++)
              dot += (ny.weights[k] as number) * (dense[ny.ids[k] as number] as number);
          }
          if (dot > (wording[j] as number)) wording[j] = dot;
        }
      }
      for (const id of nx.ids) dense[id] = 0;
    });
    for (const j of candidates) {
      const words = wording[j] as number;
      if (words === 0) continue;
      const bonus = bonusOf(
        pa,
        b[j] as Provision,
        fa[i] as ProvisionFeatures,
        fb[j] as ProvisionFeatures,
        weights,
      );
      row[j] = Math.max(0, words * (1 + bonus));
    }
    return row;
  });
  const kept = new Map<number, PairScore>();
  const at = (i: number, j: number): PairScore => {
    const key = i * b.length + j;
    let s = kept.get(key);
    if (s === undefined) {
      s = score(
        a[i] as Provision,
        b[j] as Provision,
        fa[i] as ProvisionFeatures,
        fb[j] as ProvisionFeatures,
        wa[i] as Weighted[],
        wb[j] as Weighted[],
        weights,
      );
      kept.set(key, s);
    }
    return s;
  };
  return { raw, at };
}

function tfidf(bag: Bag, df: Map<string, number>, n: number): Map<string, number> {
  const v = new Map<string, number>();
  let sum = 0;
  for (const [t, f] of bag) {
    const w = (f >= 1 ? 1 + Math.log(f) : f) * Math.log(1 + n / (df.get(t) ?? 1));
    v.set(t, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** What a pair's structure adds to (or takes from) its wording: stance, entities, clash. */
function structureOf(
  pa: Provision,
  pb: Provision,
  fa: ProvisionFeatures,
  fb: ProvisionFeatures,
  w: Weights,
): { stance: Reasons["stance"]; shared: string[]; clash: string | undefined; bonus: number } {
  const stance =
    pa.stance === pb.stance
      ? "same"
      : STANCE_FAMILY[pa.stance] === STANCE_FAMILY[pb.stance]
        ? "same family"
        : "different";
  const shared = [...fa.entities.keys()].filter((id) => fb.entities.has(id));
  const clash =
    fa.destination && fb.destination && fa.destination !== fb.destination
      ? `visits to ${fa.destination} and ${fb.destination}`
      : fa.entities.size > 0 && fb.entities.size > 0 && shared.length === 0
        ? `${[...fa.entities.values()].join(", ")} / ${[...fb.entities.values()].join(", ")}`
        : undefined;
  const bonus =
    (stance === "same" ? w.stance : 0) + (shared.length > 0 ? w.entity : 0) - (clash ? w.clash : 0);
  return { stance, shared, clash, bonus };
}

/** structureOf's bonus alone, the same number, without building the reasons' strings. */
function bonusOf(
  pa: Provision,
  pb: Provision,
  fa: ProvisionFeatures,
  fb: ProvisionFeatures,
  w: Weights,
): number {
  let shares = false;
  for (const id of fa.entities.keys())
    if (fb.entities.has(id)) {
      shares = true;
      break;
    }
  const clash =
    (fa.destination && fb.destination && fa.destination !== fb.destination) ||
    (fa.entities.size > 0 && fb.entities.size > 0 && !shares);
  return (pa.stance === pb.stance ? w.stance : 0) + (shares ? w.entity : 0) - (clash ? w.clash : 0);
}

function score(
  pa: Provision,
  pb: Provision,
  fa: ProvisionFeatures,
  fb: ProvisionFeatures,
  sa: Weighted[],
  sb: Weighted[],
  w: Weights,
): PairScore {
  let wording = 0;
  let best: [Weighted, Weighted] = [sa[0] as Weighted, sb[0] as Weighted];
  for (const x of sa)
    for (const y of sb) {
      const c = cosine(x.vector, y.vector);
      if (c > wording) {
        wording = c;
        best = [x, y];
      }
    }
  const { stance, shared, clash, bonus } = structureOf(pa, pb, fa, fb, w);
  const [x, y] = best;
  const common = [...x.vector]
    .filter(([t]) => y.vector.has(t))
    .map(([t, v]) => [t, v * (y.vector.get(t) ?? 0)] as const)
    .sort((p, q) => q[1] - p[1]);
  const reasons: Reasons = {
    terms: common
      .filter(([t]) => !t.startsWith(CONCEPT))
      .slice(0, 6)
      .map(([t]) => fa.surface.get(t) ?? t),
    concepts: common.filter(([t]) => t.startsWith(CONCEPT)).map(([t]) => t.slice(CONCEPT.length)),
    entities: shared.map((id) => fa.entities.get(id) ?? id),
    stance,
    ...(x.segment.clause >= 0 || y.segment.clause >= 0
      ? {
          clauses: [Math.max(0, x.segment.clause), Math.max(0, y.segment.clause)] as [
            number,
            number,
          ],
        }
      : {}),
    ...(clash ? { clash } : {}),
  };
  return {
    score: Math.max(0, wording * (1 + bonus)),
    wording,
    reasons,
    shared: new Set(common.map(([t]) => t)),
  };
}

export function cosine(x: Map<string, number>, y: Map<string, number>): number {
  const [small, large] = x.size < y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [t, v] of small) dot += v * (large.get(t) ?? 0);
  return dot;
}
