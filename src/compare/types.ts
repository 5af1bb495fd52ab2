import type { Provision, Stance } from "../extract/provisions/types.js";
import type { Reasons } from "./similarity.js";

export type { Reasons } from "./similarity.js";

export type PairClass = "same" | "reworded" | "only_a" | "only_b";

/** One piece of a word-level diff: kept, removed (only in A) or added (only in B). */
export interface DiffPart {
  op: "keep" | "remove" | "add";
  text: string;
}

/** A change between two aligned provisions that a reader should see. */
export type Change =
  | { kind: "variant"; id: string; a: string; b: string }
  | { kind: "stance"; a: Stance; b: Stance }
  | { kind: "modality"; a: string; b: string };

/** One aligned pair, or a provision found on one side only. Indices are into each side's provisions. */
export interface Pair {
  a: number | null;
  b: number | null;
  aText: string | null;
  bText: string | null;
  class: PairClass;
  /** Combined similarity: the wording's (0–1) times the structure's bonuses (0 for one-sided pairs). */
  score: number;
  /**
   * How likely the two are the same commitment, 0–1: the score relative to the document pair's
   * other pairs, through a logistic curve fitted on judged pairs; for a one-sided provision, how
   * likely it truly has no partner (1 minus that of its best pair).
   */
  confidence: number;
  /** What the two share and how their stances compare; for a one-sided provision, its nearest miss. */
  reasons: Reasons | null;
  /** How the commitment's force changed from A to B (stance and modality). */
  force?: "strengthened" | "weakened" | "reversed" | "kept";
  /** Word-level diff from A to B; empty for one-sided pairs. */
  diff: DiffPart[];
  changes: Change[];
  /** Domains of the provision(s), for the report and the per-domain summary. */
  domains: string[];
  /** True when one provision of A was split in B (or B's merges several of A): the pair is one of several for it. */
  split?: boolean;
}

export interface ComparedDocument {
  source: string;
  title: string | null;
  published: string | null;
  provisions: number;
}

/** What happened to the commitments of one domain from A to B. */
export interface DomainChanges {
  /** A domain id of the topic taxonomy, or "general" for provisions with none. */
  domain: string;
  label: string;
  /** Pair indices (into `pairs`) of each kind of change. */
  kept: number[];
  strengthened: number[];
  weakened: number[];
  reversed: number[];
  added: number[];
  dropped: number[];
}

/** What changed, in one screen: counts of each kind of change, then the same by domain. */
export interface ChangeSummary {
  kept: number;
  strengthened: number;
  weakened: number;
  reversed: number;
  added: number;
  dropped: number;
  /** Domains with any change first, most changed first. */
  domains: DomainChanges[];
}

export interface Comparison {
  a: ComparedDocument;
  b: ComparedDocument;
  pairs: Pair[];
  summary: {
    same: number;
    reworded: number;
    only_a: number;
    only_b: number;
    stanceChanges: number;
    /** Per domain: how many pairs of each class touch it. */
    domains: Record<string, { same: number; reworded: number; only_a: number; only_b: number }>;
    /** Commitments kept, strengthened, weakened, reversed, added and dropped, by domain. */
    changes: ChangeSummary;
  };
}

/** What compare() reads of each side: its provisions and a few facts about the document. */
export interface CompareInput {
  source: string;
  title?: string | null;
  published?: string | null;
  provisions: Provision[];
}

/** Options of compare(); defaults in DEFAULT_COMPARE_OPTIONS. */
export interface CompareOptions {
  /**
   * Relative score (standard deviations above the mean of the document pair's scores) from which
   * two provisions are the same commitment, in the global assignment.
   */
  threshold?: number;
  /** Character similarity from which a pair counts as "same" wording. */
  sameWording?: number;
}
