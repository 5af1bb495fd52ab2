import type { Provision } from "../extract/provisions/types.js";
import { foldKey } from "../text/fold.js";

// Function words and the actors' own words: they say nothing about what was committed.
const STOP = new Set(
  (
    "a an the of to in on for and or with by at as is are be been was were will shall that this these those its their " +
    "both two side sides parties countries country leaders also further which who from into within between " +
    "hai ben nuoc cac va cua cho voi trong la duoc nhung mot se da"
  ).split(" "),
);

/** Folded, stopword-free, lightly stemmed words: "agreed to strengthen cooperation" → agre strengthen cooperation. */
export function terms(text: string): string[] {
  return foldKey(text)
    .split(" ")
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

function stem(w: string): string {
  for (const suffix of ["ations", "ation", "ing", "ies", "ied", "es", "ed", "ly", "s"]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/** Character 4-gram shingles of the folded text without spaces, as a set. */
export function shingles(text: string): Set<string> {
  const s = foldKey(text).replace(/ /g, "");
  const out = new Set<string>();
  for (let i = 0; i + 4 <= s.length; i++) out.add(s.slice(i, i + 4));
  return out;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** What the similarity of two provisions is computed from, prepared once per provision. */
export interface Features {
  vector: Map<string, number>;
  norm: number;
  /** Sum of the weights: for the overlap coefficient. */
  mass: number;
  shingles: Set<string>;
  entities: Set<string>;
  domains: Set<string>;
}

/** TF-IDF vectors over both documents' provisions (IDF from their union), and the rest. */
export function features(a: Provision[], b: Provision[]): { a: Features[]; b: Features[] } {
  // Words and word pairs: "nuclear science", "continental shelf" say more than either word.
  const docs = [...a, ...b].map((p) => {
    const ws = terms(p.text);
    return [...ws, ...ws.slice(1).map((w, i) => `${ws[i]} ${w}`)];
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const build = (p: Provision, words: string[]): Features => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const vector = new Map<string, number>();
    let sum = 0;
    let mass = 0;
    for (const [w, f] of tf) {
      const weight = (1 + Math.log(f)) * Math.log(1 + n / (df.get(w) ?? 1));
      vector.set(w, weight);
      sum += weight * weight;
      mass += weight;
    }
    return {
      vector,
      norm: Math.sqrt(sum),
      mass,
      shingles: shingles(p.text),
      entities: new Set(p.entities.filter((e) => e.type !== "country").map((e) => e.id)),
      domains: new Set(p.domains),
    };
  };
  return {
    a: a.map((p, i) => build(p, docs[i] as string[])),
    b: b.map((p, i) => build(p, docs[a.length + i] as string[])),
  };
}

/** Shared canonical entities: Jaccard, but at least 0.5 as soon as one instrument or body is shared. */
function sharedEntities(a: Set<string>, b: Set<string>): number {
  const j = jaccard(a, b);
  return j > 0 ? Math.max(j, 0.5) : 0;
}

export function cosine(x: Features, y: Features): number {
  if (x.norm === 0 || y.norm === 0) return 0;
  const [small, large] =
    x.vector.size < y.vector.size ? [x.vector, y.vector] : [y.vector, x.vector];
  let dot = 0;
  for (const [w, v] of small) dot += v * (large.get(w) ?? 0);
  return dot / (x.norm * y.norm);
}

/**
 * How much of the shorter provision's weighted words the longer one holds: a commitment
 * restated inside a longer sentence ("… including the project to build a Nuclear Science
 * and Technology Center …") scores high here while its cosine stays low.
 */
export function overlap(x: Features, y: Features): number {
  const least = Math.min(x.mass, y.mass);
  if (least === 0) return 0;
  const [small, large] =
    x.vector.size < y.vector.size ? [x.vector, y.vector] : [y.vector, x.vector];
  let shared = 0;
  for (const [w, v] of small) {
    const u = large.get(w);
    if (u !== undefined) shared += Math.min(u, v);
  }
  return shared / least;
}

/** The weights of the combined similarity; documented in the README. */
export const WEIGHTS = {
  wording: 0.5,
  characters: 0.2,
  entities: 0.15,
  domains: 0.1,
  stance: 0.05,
  opposition: 0.1,
};

/**
 * How much two provisions are the same commitment, 0–1: TF-IDF cosine of their words, overlap
 * of character 4-grams, shared canonical entities and instruments (other than the two parties;
 * variant names count as the same), shared domains, and the same stance.
 */
export function similarity(pa: Provision, pb: Provision, fa: Features, fb: Features): number {
  return (
    WEIGHTS.wording * Math.max(cosine(fa, fb), 0.8 * overlap(fa, fb)) +
    WEIGHTS.characters * jaccard(fa.shingles, fb.shingles) +
    WEIGHTS.entities * sharedEntities(fa.entities, fb.entities) +
    WEIGHTS.domains * jaccard(fa.domains, fb.domains) +
    WEIGHTS.stance * (pa.stance === pb.stance ? 1 : 0) +
    // Oppositions are few and pointed: two of them on shared ground are likely the same one.
    (pa.stance === "oppose" && pb.stance === "oppose" ? WEIGHTS.opposition : 0)
  );
}
