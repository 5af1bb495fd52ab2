import type { Provision, Stance } from "../extract/provisions/types.js";

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
  /** Combined similarity, 0–1 (0 for one-sided pairs). */
  score: number;
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
  /** Combined similarity from which two provisions are the same commitment. */
  threshold?: number;
  /** Character similarity from which a pair counts as "same" wording. */
  sameWording?: number;
}
