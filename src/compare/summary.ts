import { defaultTopicLabels } from "../extract/topics/index.js";
import type { ChangeSummary, Comparison, DomainChanges, Pair, PairClass } from "./types.js";

const GENERAL = { domain: "general", label: "General relations" };

/**
 * The summary of a comparison: how many pairs of each class (overall and per domain), and what
 * changed, in one screen — each pair is a commitment kept, strengthened, weakened or reversed
 * (its stance or modality), added (only in B) or dropped (only in A), counted under the
 * provision's first domain (B's when both sides have one), "general" when it has none.
 */
export function summarise(pairs: Pair[]): Comparison["summary"] {
  const summary: Comparison["summary"] = {
    same: 0,
    reworded: 0,
    only_a: 0,
    only_b: 0,
    stanceChanges: 0,
    domains: {},
    changes: changesOf(pairs),
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

function changesOf(pairs: Pair[]): ChangeSummary {
  const labels = defaultTopicLabels();
  const byDomain = new Map<string, DomainChanges>();
  const out: ChangeSummary = {
    kept: 0,
    strengthened: 0,
    weakened: 0,
    reversed: 0,
    added: 0,
    dropped: 0,
    domains: [],
  };
  pairs.forEach((p, k) => {
    // A split or merge is one commitment: count its first pair only.
    if (p.split && pairs.slice(0, k).some((q) => q.split && (q.a === p.a || q.b === p.b))) return;
    const kind =
      p.class === "only_a" ? "dropped" : p.class === "only_b" ? "added" : (p.force ?? "kept");
    const domain = p.domains[0] ?? GENERAL.domain;
    let d = byDomain.get(domain);
    if (!d) {
      d = {
        domain,
        label: domain === GENERAL.domain ? GENERAL.label : (labels.get(domain) ?? domain),
        kept: [],
        strengthened: [],
        weakened: [],
        reversed: [],
        added: [],
        dropped: [],
      };
      byDomain.set(domain, d);
    }
    d[kind].push(k);
    out[kind]++;
  });
  const changed = (d: DomainChanges) =>
    d.strengthened.length +
    d.weakened.length +
    d.reversed.length +
    d.added.length +
    d.dropped.length;
  out.domains = [...byDomain.values()].sort(
    (x, y) =>
      changed(y) - changed(x) || y.kept.length - x.kept.length || x.domain.localeCompare(y.domain),
  );
  return out;
}
