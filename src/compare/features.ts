import type { Provision } from "../extract/provisions/types.js";
import { foldKey } from "../text/fold.js";
import { hasDiacritics } from "../text/tokens.js";
import { type Bag, bagOf, type TermLexicon, tokensOf } from "./terms.js";

/** A span of a provision compared on its own: the whole content, or one clause's. */
export interface Segment {
  bag: Bag;
  /** -1 for the whole provision, else the clause's index. */
  clause: number;
}

/** What compare() reads of one provision, prepared once. */
export interface ProvisionFeatures {
  /** The whole content (from the main predicate on), then each clause's when there are several. */
  segments: Segment[];
  /** Entities named in the content, states aside (they are the parties): id → name. */
  entities: Map<string, string>;
  /** The state a visit in the provision goes to ("invited … to visit Viet Nam"), if any. */
  destination: string | null;
  /** Character 4-grams of the folded text: how close the wording is (made on first read). */
  readonly shingles: Set<string>;
  /** A word of the text for each term, to show why two provisions were paired. */
  surface: Map<string, string>;
}

// A visit's destination is named right after it: "to visit Viet Nam", "to pay a visit to Japan".
const DESTINATION_REACH = 40;

/**
 * The features of a provision: its content (what follows the predicate's verb, so neither the
 * actor nor the verb, which have features of their own, nor the parties' names), split by clause when it has several ("welcomed
 * …, and shared their intention to …"), as bags of terms; the entities and the destination of a
 * visit it names; its wording as shingles.
 */
export function featuresOf(
  p: Provision,
  lex: TermLexicon,
  parties: ReadonlySet<string> = new Set(),
): ProvisionFeatures {
  const vietnamese = hasDiacritics(p.text);
  const local = (at: number) => Math.max(0, Math.min(p.text.length, at - p.start));
  // The parties' own names say nothing of what was committed ("Japan supported Viet Nam in …"):
  // blanked out, as the actor is.
  let text = p.text;
  for (const e of p.entities)
    if (parties.has(e.id))
      text = text.slice(0, local(e.start)) + " ".repeat(e.end - e.start) + text.slice(local(e.end));
  // A clause's content starts after its predicate's first word: the rest of the predicate is
  // content ("pledge our commitment", "reiterated their mutual commitment"); the verb itself is
  // the stance, which has a feature of its own.
  const from = (c: Provision["clauses"][number]) =>
    local(c.verbStart + (/^\S+/.exec(c.verb)?.[0].length ?? 0));
  const main = p.clauses[0];
  const content = text.slice(main ? from(main) : 0) || text;
  const segment = (t: string, clause: number): Segment => ({
    bag: bagOf(t, vietnamese, lex),
    clause,
  });
  const segments: Segment[] = [segment(content, -1)];
  if (p.clauses.length > 1)
    p.clauses.forEach((c, k) => {
      segments.push(segment(text.slice(from(c), local(c.end)), k));
    });
  const contentStart = p.start + (main ? from(main) : 0);
  const entities = new Map<string, string>();
  for (const e of p.entities)
    if (e.type !== "country" && e.start >= contentStart) entities.set(e.id, e.name);
  // Read for linked pairs only: a few of the n × m.
  let grams: Set<string> | undefined;
  return {
    segments,
    entities,
    destination: destinationOf(p, lex.visit),
    get shingles() {
      grams ??= shingles(p.text);
      return grams;
    },
    surface: surfaceOf(content, vietnamese),
  };
}

function destinationOf(p: Provision, words: RegExp): string | null {
  const visit = words.exec(p.text);
  if (!visit) return null;
  const at = p.start + visit.index + visit[0].length;
  const state = p.entities.find(
    (e) => e.type === "country" && e.start >= at && e.start - at <= DESTINATION_REACH,
  );
  return state?.id ?? null;
}

function surfaceOf(text: string, vietnamese: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)) {
    const [term] = tokensOf(m[0], vietnamese);
    if (term && !out.has(term)) out.set(term, m[0]);
  }
  return out;
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
