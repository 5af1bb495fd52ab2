import type { Comparison, DomainChanges, Pair } from "./types.js";

/** The kinds of change a reader scans for, in the order the reports list them. */
export const CHANGE_KINDS = [
  "added",
  "dropped",
  "strengthened",
  "weakened",
  "reversed",
  "kept",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABEL: Record<ChangeKind, string> = {
  added: "new",
  dropped: "dropped",
  strengthened: "strengthened",
  weakened: "weakened",
  reversed: "reversed",
  kept: "kept",
};

/** One line of the summary: a provision that changed, shortened, with how it changed. */
export interface ChangeItem {
  kind: Exclude<ChangeKind, "kept">;
  /** The provision as B words it (A's when dropped), cut to `width` characters. */
  text: string;
  /** "noted → agreed", "statement → commitment" for a change of force. */
  how: string | null;
}

const cut = (text: string, width: number) =>
  text.length <= width ? text : `${text.slice(0, width - 1).replace(/\s+\S*$/, "")}…`;

/** The changed provisions of one domain, new and dropped first. */
export function changeItems(c: Comparison, d: DomainChanges, width = 90): ChangeItem[] {
  const out: ChangeItem[] = [];
  for (const kind of CHANGE_KINDS) {
    if (kind === "kept") continue;
    for (const k of d[kind]) {
      const p = c.pairs[k] as Pair;
      out.push({ kind, text: cut(p.bText ?? p.aText ?? "", width), how: forceText(p) });
    }
  }
  return out;
}

function forceText(p: Pair): string | null {
  const parts = p.changes
    .filter((ch) => ch.kind === "stance" || ch.kind === "modality")
    .map((ch) => `${ch.a} → ${ch.b}`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** "19 kept · 2 strengthened · 3 new · 3 dropped": the counts that are not zero. */
export function changeCounts(c: Comparison): string {
  const s = c.summary.changes;
  const parts = CHANGE_KINDS.map((k) => [k, s[k]] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${CHANGE_LABEL[k]}`);
  return parts.length > 0 ? parts.join(" · ") : "no provisions";
}

/** "new 2 · strengthened 1": one domain's counts that are not zero. */
export function domainCounts(d: DomainChanges): string {
  return CHANGE_KINDS.filter((k) => d[k].length > 0)
    .map((k) => `${CHANGE_LABEL[k]} ${d[k].length}`)
    .join(" · ");
}

/** A pair's confidence and reasons in a line: "87% · shared: deepen, partnership · ~advance · stance same". */
export function reasonText(p: Pair): string {
  const r = p.reasons;
  const head = `${Math.round(p.confidence * 100)}%`;
  if (!r || p.class === "only_a" || p.class === "only_b") return head;
  const parts = [head];
  if (r.terms.length > 0) parts.push(`shared: ${r.terms.join(", ")}`);
  if (r.concepts.length > 0) parts.push(r.concepts.map((k) => `~${k}`).join(" "));
  if (r.entities.length > 0) parts.push(`both name ${r.entities.join(", ")}`);
  parts.push(`stance ${r.stance}`);
  if (r.clauses) parts.push(`clause ${r.clauses[0] + 1} ↔ ${r.clauses[1] + 1}`);
  if (r.clash) parts.push(`differ: ${r.clash}`);
  return parts.join(" · ");
}
