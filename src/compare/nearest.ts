import { hasDiacritics } from "../text/tokens.js";
import { bagOf, defaultTermLexicon } from "./terms.js";
import type { CompareInput } from "./types.js";

/** A corpus of earlier statements, indexed by the words of their provisions. */
export interface StatementIndex {
  statements: CompareInput[];
  /** term → postings: [statement, provision, weight] flattened. */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
}

export function indexStatements(statements: CompareInput[]): StatementIndex {
  const postings = new Map<string, number[]>();
  const df = new Map<string, number>();
  let n = 0;
  statements.forEach((s, si) => {
    s.provisions.forEach((p, pi) => {
      n++;
      const tf = bagOf(p.text, hasDiacritics(p.text), defaultTermLexicon());
      for (const [t, f] of tf) {
        df.set(t, (df.get(t) ?? 0) + 1);
        const list = postings.get(t) ?? [];
        list.push(si, pi, 1 + Math.log(f));
        postings.set(t, list);
      }
    });
  });
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)] as const));
  return { statements, postings, idf };
}

/**
 * The statement of the corpus most like `target`: for each provision of the target, the best
 * matching provision of each statement by TF-IDF over the inverted index (only provisions that
 * share a word are ever touched); a statement scores the mean of those best matches.
 */
export function nearestStatement(
  target: CompareInput,
  index: StatementIndex,
): { statement: number; score: number } | null {
  const totals = new Float64Array(index.statements.length);
  for (const p of target.provisions) {
    const best = new Map<number, number>();
    const scores = new Map<number, number>(); // statement * 1e6 + provision → score
    const tf = bagOf(p.text, hasDiacritics(p.text), defaultTermLexicon());
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * (index.idf.get(t) ?? 0);
      norm += w * w;
      const list = index.postings.get(t);
      if (!list) continue;
      const idf = index.idf.get(t) ?? 0;
      for (let k = 0; k < list.length; k += 3) {
        const key = (list[k] as number) * 1e6 + (list[k + 1] as number);
        scores.set(key, (scores.get(key) ?? 0) + w * (list[k + 2] as number) * idf);
      }
    }
    if (norm === 0) continue;
    for (const [key, s] of scores) {
      const si = Math.floor(key / 1e6);
      const v = s / Math.sqrt(norm);
      if (v > (best.get(si) ?? 0)) best.set(si, v);
    }
    for (const [si, v] of best) totals[si] = (totals[si] as number) + v;
  }
  let statement = -1;
  let score = 0;
  totals.forEach((t, si) => {
    if (t > score) {
      score = t;
      statement = si;
    }
  });
  return statement < 0 ? null : { statement, score: score / Math.max(1, target.provisions.length) };
}
