import { compare } from "./index.js";
import type { CompareInput, CompareOptions, Comparison } from "./types.js";

/** One commitment followed through several documents: its provision in each, or null. */
export interface Thread {
  /** Per document (in date order): the provision index, or null where it is absent. */
  indices: (number | null)[];
  /** Per step between consecutive documents: how it changed ("same", "reworded", "only_a" when dropped, "only_b" when new). */
  steps: (string | null)[];
  text: string;
}

export interface History {
  documents: { source: string; title: string | null; published: string | null }[];
  comparisons: Comparison[];
  threads: Thread[];
}

/**
 * Several documents in date order (undated ones keep their place after the dated), each
 * compared with the next; the pairs chain into threads, one per commitment, so a reader sees
 * where it first appears, how it is reworded and where it is dropped.
 */
export function compareHistory(inputs: CompareInput[], options: CompareOptions = {}): History {
  const docs = inputs
    .map((d, order) => ({ d, order }))
    .sort(
      (x, y) =>
        (x.d.published && y.d.published ? x.d.published.localeCompare(y.d.published) : 0) ||
        x.order - y.order,
    )
    .map((x) => x.d);
  const comparisons = docs.slice(1).map((d, k) => compare(docs[k] as CompareInput, d, options));
  const n = docs.length;
  const threads: Thread[] = [];
  const open = new Map<number, Thread>(); // provision index in the current document → its thread
  (docs[0]?.provisions ?? []).forEach((p, i) => {
    const t: Thread = {
      indices: [i, ...Array(n - 1).fill(null)],
      steps: Array(n - 1).fill(null),
      text: p.text,
    };
    threads.push(t);
    open.set(i, t);
  });
  comparisons.forEach((c, k) => {
    const next = new Map<number, Thread>();
    for (const pair of c.pairs) {
      if (pair.a !== null && pair.b === null) {
        const t = open.get(pair.a);
        if (t) t.steps[k] = "only_a";
        continue;
      }
      if (pair.b === null) continue;
      let t = pair.a !== null ? open.get(pair.a) : undefined;
      if (!t || t.indices[k + 1] !== null) {
        t = {
          indices: Array(n).fill(null),
          steps: Array(n - 1).fill(null),
          text: pair.bText ?? "",
        };
        threads.push(t);
      }
      t.indices[k + 1] = pair.b;
      t.steps[k] = pair.class;
      t.text = pair.bText ?? t.text;
      next.set(pair.b, t);
    }
    open.clear();
    for (const [i, t] of next) open.set(i, t);
  });
  return {
    documents: docs.map((d) => ({
      source: d.source,
      title: d.title ?? null,
      published: d.published ?? null,
    })),
    comparisons,
    threads,
  };
}
