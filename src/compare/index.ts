import { diffWords } from "diff";
import type { Provision } from "../extract/provisions/types.js";
import { assign, type Link, relative } from "./assign.js";
import { featuresOf, jaccard, type ProvisionFeatures } from "./features.js";
import { type PairScore, scoreMatrix, WEIGHTS, type Weights } from "./similarity.js";
import { forceChange } from "./stance.js";
import { summarise } from "./summary.js";
import { CONCEPT, defaultTermLexicon } from "./terms.js";
import type {
  Change,
  CompareInput,
  CompareOptions,
  Comparison,
  DiffPart,
  Pair,
  PairClass,
} from "./types.js";

export { WEIGHTS } from "./similarity.js";
export type * from "./types.js";

/** Defaults of compare(), in one place; chosen on statements-dev (scripts/tune-compare.ts). */
export const DEFAULT_COMPARE_OPTIONS: Required<CompareOptions> = {
  // Standard deviations above the document pair's mean score from which two provisions are the
  // same commitment, within the global assignment.
  threshold: 1.25,
  // Character 4-gram overlap from which a pair's wording counts as essentially equal.
  sameWording: 0.85,
};

/**
 * The logistic curve that turns a pair's relative score (standard deviations above its document
 * pair's mean) into the chance that the gold calls it the same commitment, fitted on the judged
 * pairs of statements-dev and our seed and sample pairs (scripts/tune-compare.ts): confidence =
 * 1 / (1 + exp(-(slope × relative + intercept))).
 */
const CALIBRATION = { slope: 2.5, intercept: -2.2 };

/**
 * Aligns the provisions of two documents:
 * 1. features: each provision's content (after its predicate) as terms — Porter stems and the
 *    concepts of data/lexicon/concepts.tsv ("deepen" and "increase the depth" are one idea) —
 *    whole and clause by clause; the entities it names; where a visit it mentions goes;
 * 2. scores: TF-IDF cosine of the best segment pair, times the structure (same stance or
 *    stance family, shared entities; a clash of entities or destinations counts against);
 * 3. links: scores made relative to the document pair's (how far above its typical pair), a
 *    global one-to-one assignment above the threshold (Hungarian), then splits and merges;
 * 4. each pair classed same / reworded (word diff, variant names, stance and modality changes,
 *    force strengthened or weakened), with a calibrated confidence and its reasons; the rest
 *    only_a / only_b, in reading order;
 * 5. the summary: counts per class, and what changed (kept, strengthened, weakened, reversed,
 *    added, dropped) by domain.
 *
 * @example
 * const c = compare({ source: "a", provisions: a.provisions }, { source: "b", provisions: b.provisions });
 * c.summary.changes; // { kept: 4, strengthened: 1, weakened: 0, reversed: 0, added: 2, dropped: 1, domains: [...] }
 */
export function compare(
  a: CompareInput,
  b: CompareInput,
  options: CompareOptions = {},
  weights: Weights = WEIGHTS,
): Comparison {
  const { threshold, sameWording } = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const lex = defaultTermLexicon();
  const parties = partiesOf([...a.provisions, ...b.provisions]);
  const fa = a.provisions.map((p) => featuresOf(p, lex, parties));
  const fb = b.provisions.map((p) => featuresOf(p, lex, parties));
  // Every pair's score as a number; the full score, with its reasons, only for the pairs read.
  const { raw, at } = scoreMatrix(a.provisions, b.provisions, fa, fb, weights);
  const relativeScores = relative(raw);
  // A split's second half must share a word of the whole that its first half does not.
  const adds = ([i, j]: [number, number], [mi, mj]: [number, number]) => {
    const main = at(mi, mj).shared;
    return [...at(i, j).shared].some((t) => !t.startsWith(CONCEPT) && !main.has(t));
  };
  const links = assign(raw, relativeScores, threshold, adds);
  const pairs: Pair[] = links.map((l) =>
    pairOf(a.provisions, b.provisions, l, at(l.i, l.j), fa, fb, sameWording),
  );
  const linkedA = new Set(links.map((l) => l.i));
  const linkedB = new Set(links.map((l) => l.j));
  a.provisions.forEach((p, i) => {
    if (!linkedA.has(i)) {
      const rel = relativeScores[i] as number[];
      pairs.push(
        oneSided(
          "only_a",
          i,
          p,
          nearest(
            rel.length,
            (k) => rel[k] as number,
            (k) => at(i, k),
          ),
        ),
      );
    }
  });
  b.provisions.forEach((p, j) => {
    if (!linkedB.has(j))
      pairs.push(
        oneSided(
          "only_b",
          j,
          p,
          nearest(
            relativeScores.length,
            (k) => (relativeScores[k] as number[])[j] as number,
            (k) => at(k, j),
          ),
        ),
      );
  });
  const ordered = readingOrder(pairs);
  return {
    a: described(a),
    b: described(b),
    pairs: ordered,
    summary: summarise(ordered),
  };
}

/** The states that speak in the provisions (their actors), the two most frequent: the parties. */
export function partiesOf(provisions: Provision[]): Set<string> {
  const count = new Map<string, number>();
  for (const p of provisions)
    for (const id of p.actor.ids)
      if (id.startsWith("country:")) count.set(id, (count.get(id) ?? 0) + 1);
  return new Set(
    [...count]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2)
      .map(([id]) => id),
  );
}

/** The chance that a pair with this score is the same commitment (see CALIBRATION). */
export function confidenceOf(score: number): number {
  return round(1 / (1 + Math.exp(-(CALIBRATION.slope * score + CALIBRATION.intercept))));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A one-sided provision's nearest miss among its `count` partners: its best pair (the first of
 * the highest relative scores), with that pair's relative score.
 */
function nearest(
  count: number,
  rel: (k: number) => number,
  scoreOf: (k: number) => PairScore,
): { score: PairScore; relative: number } | null {
  if (count === 0) return null;
  let best = 0;
  for (let k = 1; k < count; k++) if (rel(k) > rel(best)) best = k;
  return { score: scoreOf(best), relative: rel(best) };
}

function described(d: CompareInput) {
  return {
    source: d.source,
    title: d.title ?? null,
    published: d.published ?? null,
    provisions: d.provisions.length,
  };
}

function pairOf(
  as: Provision[],
  bs: Provision[],
  l: Link,
  s: PairScore,
  fa: ProvisionFeatures[],
  fb: ProvisionFeatures[],
  sameWording: number,
): Pair {
  const pa = as[l.i] as Provision;
  const pb = bs[l.j] as Provision;
  const chars = jaccard(
    (fa[l.i] as ProvisionFeatures).shingles,
    (fb[l.j] as ProvisionFeatures).shingles,
  );
  const changes = changesBetween(pa, pb);
  const cls: PairClass =
    chars >= sameWording && !changes.some((c) => c.kind === "stance") ? "same" : "reworded";
  return {
    a: l.i,
    b: l.j,
    aText: pa.text,
    bText: pb.text,
    class: cls,
    score: round(s.score),
    confidence: confidenceOf(l.score),
    reasons: s.reasons,
    force: forceChange(pa, pb),
    diff: wordDiff(pa.text, pb.text),
    changes,
    domains: [...new Set([...pb.domains, ...pa.domains])],
    ...(l.split ? { split: true } : {}),
  };
}

function oneSided(
  cls: "only_a" | "only_b",
  index: number,
  p: Provision,
  near: { score: PairScore; relative: number } | null,
): Pair {
  return {
    a: cls === "only_a" ? index : null,
    b: cls === "only_b" ? index : null,
    aText: cls === "only_a" ? p.text : null,
    bText: cls === "only_b" ? p.text : null,
    class: cls,
    score: 0,
    confidence: round(1 - (near ? confidenceOf(near.relative) : 0)),
    reasons: near?.score.reasons ?? null,
    diff: [],
    changes: [],
    domains: p.domains,
  };
}

export function wordDiff(a: string, b: string): DiffPart[] {
  return diffWords(a, b).map((part) => ({
    op: part.added ? "add" : part.removed ? "remove" : "keep",
    text: part.value,
  }));
}

/** Entities named differently on each side (same id), and stance or modality changes. */
function changesBetween(pa: Provision, pb: Provision): Change[] {
  const changes: Change[] = [];
  const surfaces = (p: Provision) => {
    const m = new Map<string, Set<string>>();
    for (const e of p.entities) m.set(e.id, (m.get(e.id) ?? new Set()).add(e.text));
    return m;
  };
  const sa = surfaces(pa);
  const sb = surfaces(pb);
  for (const [id, texts] of sa) {
    const other = sb.get(id);
    if (!other) continue;
    const onlyA = [...texts].filter((t) => !other.has(t));
    const onlyB = [...other].filter((t) => !texts.has(t));
    if (onlyA.length > 0 && onlyB.length > 0)
      changes.push({ kind: "variant", id, a: onlyA.join(" / "), b: onlyB.join(" / ") });
  }
  if (pa.stance !== pb.stance) changes.push({ kind: "stance", a: pa.stance, b: pb.stance });
  if (pa.modality !== pb.modality)
    changes.push({ kind: "modality", a: pa.modality, b: pb.modality });
  return changes;
}

/** Pairs in A's order; a provision only in B goes after the pair holding the B provision before it. */
function readingOrder(pairs: Pair[]): Pair[] {
  const withA = pairs
    .filter((p) => p.a !== null)
    .sort((x, y) => (x.a as number) - (y.a as number) || (x.b ?? 0) - (y.b ?? 0));
  const onlyB = pairs.filter((p) => p.a === null).sort((x, y) => (x.b as number) - (y.b as number));
  const out = [...withA];
  for (const p of onlyB) {
    let at = 0;
    for (let k = 0; k < out.length; k++) {
      const b = (out[k] as Pair).b;
      if (b !== null && b < (p.b as number)) at = k + 1;
    }
    out.splice(at, 0, p);
  }
  return out;
}
