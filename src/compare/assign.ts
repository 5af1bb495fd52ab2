import { munkres } from "munkres";

/** One link between provision i of A and provision j of B. */
export interface Link {
  i: number;
  j: number;
  /** The pair's relative score. */
  score: number;
  /** The link joins a provision to a partner that already has one: a split (1:2) or merge (2:1). */
  split: boolean;
}

/**
 * The links of two documents' provisions, from their scores and their scores relative to the
 * document pair (see `relative`):
 * 1. a global one-to-one assignment (Hungarian, through munkres) maximising the total relative
 *    score of the pairs above `threshold`, so two look-alikes cannot both take the same partner
 *    and each provision gets its best partner overall, not just the first greedy one;
 * 2. splits and merges: a provision left without a partner joins its best partner overall when
 *    that partner is already linked, the pair passes the same threshold, it scores at least
 *    SPLIT_SHARE of the partner's own link, and `adds` says it holds a part of the partner the
 *    partner's own link does not (a 1:2 or 2:1 alignment: "In declaring a Strategic Partnership,
 *    … pledge our commitment to …" ↔ "We jointly determine to abide by international law,
 *    including the United Nations Charter …" and "… our two Governments undertake to …"). A
 *    provision that is new in B does not join an old one for sharing its frame ("agreed to
 *    expand cooperation in …").
 */
export function assign(
  scores: number[][],
  relativeScores: number[][],
  threshold: number,
  adds: (leftover: [number, number], link: [number, number]) => boolean = () => true,
): Link[] {
  const rows = scores.length;
  const cols = scores[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return [];
  const rel = (i: number, j: number) => (relativeScores[i] as number[])[j] as number;
  const raw = (i: number, j: number) => (scores[i] as number[])[j] as number;
  // munkres minimises: the cost of a pair is how far it stands above the threshold, negated.
  const cost = relativeScores.map((row) => row.map((s) => -Math.max(0, s - threshold)));
  const links: Link[] = [];
  for (const [i, j] of munkres(cost))
    if (rel(i, j) >= threshold) links.push({ i, j, score: rel(i, j), split: false });
  const linkA = new Map(links.map((l) => [l.i, l]));
  const linkB = new Map(links.map((l) => [l.j, l]));
  const extra: Link[] = [];
  const joins = (i: number, j: number, own: Link | undefined) =>
    own !== undefined &&
    rel(i, j) >= threshold &&
    raw(i, j) >= SPLIT_SHARE * raw(own.i, own.j) &&
    adds([i, j], [own.i, own.j]);
  // (A leftover's best partner is taken on the relative score, which breaks ties by place.)
  for (let i = 0; i < rows; i++) {
    if (linkA.has(i)) continue;
    const j = bestAmong(cols, (k) => rel(i, k));
    if (j >= 0 && joins(i, j, linkB.get(j))) extra.push({ i, j, score: rel(i, j), split: true });
  }
  for (let j = 0; j < cols; j++) {
    if (linkB.has(j)) continue;
    const i = bestAmong(rows, (k) => rel(k, j));
    if (i >= 0 && joins(i, j, linkA.get(i))) extra.push({ i, j, score: rel(i, j), split: true });
  }
  for (const e of extra) for (const l of links) if (l.i === e.i || l.j === e.j) l.split = true;
  return [...links, ...extra];
}

// A split or merge is one commitment in two provisions: each half resembles the whole about as much.
const SPLIT_SHARE = 0.5;

const PRIOR = 8;

// Below this spread, a document pair's scores say too little about what is typical; the spread
// is taken to be this (two short texts whose provisions all look alike).
const MIN_SPREAD = 0.05;

/**
 * Scores relative to their document pair: how many standard deviations each stands above the
 * mean of all the pair's scores. Two excerpts of generic provisions score low everywhere, and
 * their true partners stand out only against that background; two long statements have many
 * unrelated pairs, and a few shared words must not pass for a rewording.
 */
export function relative(scores: number[][]): number[][] {
  const rows = scores.length;
  const cols = scores[0]?.length ?? 1;
  // Sums in reading order, without a flat copy of a million scores.
  let count = 0;
  let sum = 0;
  for (const row of scores) {
    count += row.length;
    for (const v of row) sum += v;
  }
  if (count === 0) return scores;
  // Short texts have few pairs to learn the background from: PRIOR unrelated pairs (score 0)
  // join them, and weigh nothing beside a long statement's hundreds.
  const n = count + PRIOR;
  const mean = sum / n;
  let squares = 0;
  for (const row of scores) for (const v of row) squares += (v - mean) ** 2;
  const spread = Math.max(MIN_SPREAD, Math.sqrt((squares + PRIOR * mean * mean) / n));
  return scores.map((row, i) =>
    row.map((v, j) => (v - mean) / spread - TIE * placeGap(rows, cols, i, j)),
  );
}

// Between equal scores (a sentence repeated), the pair at the nearer place in each document wins:
// a tiny nudge, the same whichever document comes first.
const TIE = 1e-6;

function placeGap(rows: number, cols: number, i: number, j: number): number {
  return Math.abs((i + 0.5) / rows - (j + 0.5) / cols);
}

function bestAmong(n: number, value: (k: number) => number): number {
  let best = -1;
  let top = -1;
  for (let k = 0; k < n; k++) {
    const v = value(k);
    if (v > top) {
      top = v;
      best = k;
    }
  }
  return top >= 0 ? best : -1;
}
