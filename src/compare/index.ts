import { diffWords } from "diff";
import type { Provision } from "../extract/provisions/types.js";
import { type Features, features, jaccard, similarity } from "./similarity.js";
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

/** Defaults of compare(), in one place. */
export const DEFAULT_COMPARE_OPTIONS: Required<CompareOptions> = {
  // Below this combined similarity two provisions are different commitments. Chosen on the
  // seed pair (eval/gold/compare): its rewordings score 0.22–0.54, most unrelated pairs below 0.2.
  threshold: 0.22,
  // Character 4-gram overlap from which a pair's wording counts as essentially equal.
  sameWording: 0.85,
};

/**
 * Aligns the provisions of two documents:
 * 1. features: TF-IDF over both documents' words, character 4-grams, canonical entities
 *    (variant names count as one), domains, stance;
 * 2. one-to-one assignment, best pairs first, above `threshold`;
 * 3. splits and merges: a provision left over on one side joins its best partner when that
 *    pair is above the threshold too (the partner is then in two pairs, marked `split`);
 * 4. each pair classed same / reworded (with a word diff and the variant, stance and modality
 *    changes), and the rest only_a / only_b, in reading order.
 */
export function compare(
  a: CompareInput,
  b: CompareInput,
  options: CompareOptions = {},
): Comparison {
  const { threshold, sameWording } = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const f = features(a.provisions, b.provisions);
  const scored: { i: number; j: number; score: number }[] = [];
  a.provisions.forEach((pa, i) => {
    b.provisions.forEach((pb, j) => {
      const score = similarity(pa, pb, f.a[i] as Features, f.b[j] as Features);
      if (score >= threshold) scored.push({ i, j, score });
    });
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const links: { i: number; j: number; score: number; split: boolean }[] = [];
  for (const s of scored) {
    if (takenA.has(s.i) || takenB.has(s.j)) continue;
    takenA.add(s.i);
    takenB.add(s.j);
    links.push({ ...s, split: false });
  }
  for (const s of scored) {
    // A leftover on either side, joining a partner already aligned: a split or a merge.
    if (takenA.has(s.i) && takenB.has(s.j)) continue;
    if (!takenA.has(s.i) && !takenB.has(s.j)) continue;
    takenA.add(s.i);
    takenB.add(s.j);
    links.push({ ...s, split: true });
    for (const l of links) if (l.i === s.i || l.j === s.j) l.split = true;
  }
  const pairs: Pair[] = links.map((l) => pairOf(a.provisions, b.provisions, l, f, sameWording));
  a.provisions.forEach((p, i) => {
    if (!takenA.has(i)) pairs.push(oneSided("only_a", i, p));
  });
  b.provisions.forEach((p, j) => {
    if (!takenB.has(j)) pairs.push(oneSided("only_b", j, p));
  });
  const ordered = readingOrder(pairs);
  return { a: described(a), b: described(b), pairs: ordered, summary: summarise(ordered) };
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
  l: { i: number; j: number; score: number; split: boolean },
  f: { a: Features[]; b: Features[] },
  sameWording: number,
): Pair {
  const pa = as[l.i] as Provision;
  const pb = bs[l.j] as Provision;
  const chars = jaccard((f.a[l.i] as Features).shingles, (f.b[l.j] as Features).shingles);
  const changes = changesBetween(pa, pb);
  const cls: PairClass =
    chars >= sameWording && !changes.some((c) => c.kind === "stance") ? "same" : "reworded";
  return {
    a: l.i,
    b: l.j,
    aText: pa.text,
    bText: pb.text,
    class: cls,
    score: Math.round(l.score * 1000) / 1000,
    diff: wordDiff(pa.text, pb.text),
    changes,
    domains: [...new Set([...pa.domains, ...pb.domains])],
    ...(l.split ? { split: true } : {}),
  };
}

function oneSided(cls: "only_a" | "only_b", index: number, p: Provision): Pair {
  return {
    a: cls === "only_a" ? index : null,
    b: cls === "only_b" ? index : null,
    aText: cls === "only_a" ? p.text : null,
    bText: cls === "only_b" ? p.text : null,
    class: cls,
    score: 0,
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

function summarise(pairs: Pair[]): Comparison["summary"] {
  const summary: Comparison["summary"] = {
    same: 0,
    reworded: 0,
    only_a: 0,
    only_b: 0,
    stanceChanges: 0,
    domains: {},
  };
  for (const p of pairs) {
    summary[p.class]++;
    if (p.changes.some((c) => c.kind === "stance")) summary.stanceChanges++;
    for (const d of p.domains) {
      summary.domains[d] ??= { same: 0, reworded: 0, only_a: 0, only_b: 0 };
      (summary.domains[d] as Record<PairClass, number>)[p.class]++;
    }
  }
  return summary;
}
