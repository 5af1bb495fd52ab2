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
  const all = [...fa, ...fb].flatMap((f) => f.segments);
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = all.length;
  const weigh = (s: Segment): Weighted => ({ vector: tfidf(s.bag, df, n), segment: s });
  const wa = fa.map((f) => f.segments.map(weigh));
  const wb = fb.map((f) => f.segments.map(weigh));
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
