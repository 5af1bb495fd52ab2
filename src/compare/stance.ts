import type { Modality, Provision, Stance } from "../extract/provisions/types.js";

/**
 * Stances that say much the same of a commitment: a statement that "agreed to" what an earlier
 * one "committed to" has kept it; one that "noted" what another "welcomed" has not.
 */
export const STANCE_FAMILY: Record<Stance, string> = {
  agree: "commit",
  commit: "commit",
  decide: "commit",
  readiness: "commit",
  affirm: "assert",
  emphasise: "assert",
  note: "assert",
  recall: "assert",
  welcome: "welcome",
  support: "welcome",
  congratulate: "welcome",
  invite: "invite",
  accept: "invite",
  call: "call",
  discuss: "discuss",
  concern: "oppose",
  oppose: "oppose",
};

// How binding a provision is, weakest first: first by modality, then by stance. "Both sides
// noted …" → "Both sides agreed to …" is a strengthening; "will" → "expressed readiness" a
// weakening.
const MODALITY_RANK: Record<Modality, number> = {
  statement: 0,
  aspiration: 1,
  future: 2,
  commitment: 3,
};
const STANCE_RANK: Record<Stance, number> = {
  note: 0,
  recall: 0,
  discuss: 0,
  concern: 0,
  congratulate: 0,
  welcome: 1,
  support: 1,
  emphasise: 1,
  affirm: 1,
  call: 1,
  invite: 1,
  accept: 1,
  readiness: 2,
  oppose: 2,
  agree: 3,
  commit: 3,
  decide: 3,
};

/** How a commitment's force changed from A to B: stronger, weaker, reversed (opposed), or kept. */
export function forceChange(
  a: Pick<Provision, "stance" | "modality" | "negated">,
  b: Pick<Provision, "stance" | "modality" | "negated">,
): "strengthened" | "weakened" | "reversed" | "kept" {
  if ((a.stance === "oppose") !== (b.stance === "oppose")) return "reversed";
  const rank = (p: typeof a) => MODALITY_RANK[p.modality] * 10 + STANCE_RANK[p.stance];
  const d = rank(b) - rank(a);
  return d > 0 ? "strengthened" : d < 0 ? "weakened" : "kept";
}
