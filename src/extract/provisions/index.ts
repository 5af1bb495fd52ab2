import { foldKey } from "../../text/fold.js";
import { within } from "../../text/spans.js";
import { hasDiacritics } from "../../text/tokens.js";
import type { EntityMention } from "../entities/types.js";
import { type ActorContext, actorOf, documentParties } from "./actor.js";
import { documentKind } from "./kind.js";
import { defaultProvisionLexicon, type ProvisionLexicon, type Stance } from "./lexicon.js";
import { type Predicate, predicateAfter } from "./predicate.js";
import { type Overlay, type Sentence, type Subject, subjectsAt } from "./subject.js";
import { type Token, tokenize } from "./tokens.js";
import { Triggers } from "./triggers.js";
import type { Actor, KindOf, Modality, Provision, ProvisionClause } from "./types.js";
import { type Unit, units } from "./units.js";

export { checkProvisionLexicon, STANCES } from "./lexicon.js";
export type * from "./types.js";

export interface ProvisionOptions {
  title?: string | null;
  /** The document's publisher, if ingest found one: a sign of a news story. */
  publisher?: string | null;
  /** Domain ids of a span, strongest first (the topic tagger). */
  domainsOf?: (start: number, end: number) => string[];
  lexicon?: ProvisionLexicon;
}

export interface ProvisionsFound {
  provisions: Provision[];
  kind: KindOf;
}

/** One clause that speaks: who, and the predicate that gave its stance. */
interface Clause {
  actor: Actor;
  stance: Stance;
  negated: boolean;
  verb: string;
  modality: Modality;
  /** Offsets of the predicate, and the coordinated clauses after it. */
  verbStart: number;
  verbEnd: number;
  more: Omit<ProvisionClause, "end">[];
}

/**
 * The provisions of a text: each sentence or list item in which an actor takes a stance.
 * 1. units: sentences and list items, list markers cut off;
 * 2. clauses: at each clause opening (the sentence start, after a comma, after "and"), a
 *    subject — joint, one party, a person, a pronoun — and, past asides and fillers, a stance
 *    predicate; or an impersonal clause ("It was agreed that"); or a nominal provision
 *    ("Support for …"); the first clause that speaks gives the provision its actor and stance;
 * 3. actors resolved: pronouns to the actor in force, offices to the person holding them,
 *    "both sides" to the document's two parties;
 * 4. list items under a lead-in ("Both sides agreed to:") take its actor and stance;
 * 5. the document's kind (statement, news, other) with its evidence; outside statements, a
 *    provision needs a named actor or a real stance (a bare "will" is no commitment in a news
 *    story).
 *
 * @example
 * const text = "Both sides agreed to expand trade. The Japanese side supports the plan.";
 * findProvisions(text, findEntities(text)).provisions.map((p) => [p.actor.kind, p.stance]);
 * // [["joint", "agree"], ["party", "support"]]
 */
export function findProvisions(
  text: string,
  entities: EntityMention[],
  options: ProvisionOptions = {},
): ProvisionsFound {
  const lex = options.lexicon ?? defaultProvisionLexicon();
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const context: ActorContext = {
    text,
    entities: sorted,
    parties: documentParties(sorted, options.title ?? null),
    lastJoint: null,
    lastPerson: null,
  };
  const all = units(text);
  const found: { unit: Unit; clause: Clause; index: number }[] = [];
  let bare = 0;
  const title = options.title?.trim() ?? "";
  const triggers = triggersOf(lex);
  const written = hasDiacritics(text);
  const surnames = new Map<string, string>();
  for (const e of sorted) {
    if (e.type !== "person") continue;
    const last = foldKey(e.text).split(" ").pop();
    if (last && last.length > 2) surnames.set(last, e.id);
  }
  all.forEach((unit, index) => {
    // A headline ("Freedonia and Sylvania agree to boost trade") says what the text holds; it is no provision.
    if (index < 3 && title !== "" && text.slice(unit.start, unit.end).trim() === title) return;
    // Most sentences of a news story cannot be provisions: no predicate right after a subject.
    if (!triggers.mayHold(text, unit.start, unit.end, written)) return;
    const tokens = tokenize(text, unit.start, unit.end, written);
    const sentence: Sentence = {
      tokens,
      entities: overlay(tokens, sorted),
      lex,
      sentenceEnds: /[.;!]["”’)]*$/.test(text.slice(Math.max(unit.start, unit.end - 3), unit.end)),
      surnames,
    };
    const clause = clauseOf(sentence, context);
    if (!clause) return;
    if (clause.actor.kind === "joint") context.lastJoint = clause.actor;
    if (clause.actor.kind === "person" && clause.actor.ids.length > 0)
      context.lastPerson = clause.actor;
    const verb = text.slice(clause.verbStart, clause.verbEnd);
    if (verb === "will" || verb === "shall" || verb === "sẽ") bare++;
    found.push({ unit, clause, index });
  });
  const provisions: Provision[] = [];
  const own = new Set(found.map((f) => f.index));
  for (let k = 0; k < found.length; k++) {
    const { unit, clause, index } = found[k] as (typeof found)[number];
    const items = leadInItems(text, all, index, own);
    if (items.length > 0) {
      const listed = { ...clause, actor: { ...clause.actor, via: "list" as const } };
      for (const item of items)
        provisions.push(provisionOf(text, item, listed, sorted, options, true));
      continue;
    }
    provisions.push(provisionOf(text, unit, clause, sorted, options));
  }
  const kind = documentKind(
    text,
    { title: options.title ?? null, publisher: options.publisher ?? null },
    provisions,
    all.length,
  );
  if (kind.kind === "statement") return { provisions, kind };
  // Outside a statement, "Vietnam will host the games" is a fact, not a commitment, and
  // "Both sides agreed that the referee had a good game" is no diplomacy.
  const kept = provisions.filter(
    (p) =>
      !(p.verb === "will" || p.verb === "shall" || p.verb === "sẽ") &&
      (p.actor.kind !== "joint" || p.actor.ids.length > 0),
  );
  if (bare > 0 && kept.length < provisions.length)
    kind.evidence.push(
      `${provisions.length - kept.length} bare "will" or unplaced joint clauses left out`,
    );
  return { provisions: kept, kind };
}

const triggerSets = new WeakMap<ProvisionLexicon, Triggers>();

function triggersOf(lex: ProvisionLexicon): Triggers {
  let t = triggerSets.get(lex);
  if (!t) {
    t = new Triggers(lex);
    triggerSets.set(lex, t);
  }
  return t;
}

/** The entity starting at each token of a sentence. */
function overlay(tokens: Token[], entities: EntityMention[]): (Overlay | undefined)[] {
  const out: (Overlay | undefined)[] = new Array(tokens.length);
  if (tokens.length === 0) return out;
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  let t = 0;
  for (const mention of within(entities, first.start, last.end)) {
    while (t < tokens.length && (tokens[t] as Token).start < mention.start) t++;
    if (t >= tokens.length) break;
    if ((tokens[t] as Token).start !== mention.start || out[t]) continue;
    let end = t;
    while (end < tokens.length && (tokens[end] as Token).start < mention.end) end++;
    out[t] = { mention, end };
  }
  return out;
}

/**
 * Where a clause may open: the start, after a clause mark, after "and", "but", "said" …, and at
 * a subject of both sides wherever it stands ("In that spirit we commit …").
 */
function clauseStarts(s: Sentence): number[] {
  const starts = new Set([0]);
  const { tokens, lex } = s;
  const add = (at: number) => {
    if (at > 0 && at < tokens.length) starts.add(at);
  };
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.punct) add(i + 1);
    else {
      if (lex.roles.clause.starts(t.key)) add(lex.roles.clause.match(tokens, i)?.end ?? -1);
      if (lex.roles["joint-pronoun"].starts(t.key) || lex.roles.joint.starts(t.key)) add(i);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The first clause of a sentence that speaks, if any. */
function clauseOf(s: Sentence, context: ActorContext): Clause | null {
  const { tokens, lex } = s;
  // A nominal provision is a sentence ("Support for the full implementation of the DOC."), not a heading.
  const nominal = s.sentenceEnds ? lex.nominals.match(tokens, 0) : undefined;
  if (nominal && (tokens[0] as Token).upper) {
    return clause(
      { kind: "joint", text: "", ids: context.parties, via: "nominal" },
      nominal.phrase.value,
      false,
      [tokens, 0, nominal.end],
      nominal.phrase.source,
      false,
      coordinated(s, nominal.end),
    );
  }
  for (const at of clauseStarts(s)) {
    const impersonal = lex.impersonal.match(tokens, at);
    if (impersonal) {
      return clause(
        { kind: "joint", text: "", ids: context.parties, via: "impersonal" },
        impersonal.phrase.value,
        false,
        [tokens, at, impersonal.end],
        impersonal.phrase.source,
        false,
        coordinated(s, impersonal.end),
      );
    }
    for (const subject of subjectsAt(s, at)) {
      const predicate = predicateAfter(s, subject.end, subject.commas);
      if (!predicate) continue;
      return spoken(s, subject, predicate, context);
    }
  }
  return null;
}

function spoken(s: Sentence, subject: Subject, p: Predicate, context: ActorContext): Clause {
  const actor = actorOf(s, subject, context);
  return clause(
    actor,
    p.stance,
    p.negated,
    [s.tokens, p.start, p.end],
    p.phrase,
    p.future,
    coordinated(s, p.end),
  );
}

/** A predicate whose commitment is a wish or an intention ("shared their intention to"). */
function aspiring(phrase: string): boolean {
  const aspiration = defaultProvisionLexicon().roles.aspiration;
  return phrase.split(/\s+/).some((w) => aspiration.starts(foldKey(w)));
}

function clause(
  actor: Actor,
  stance: Stance,
  negated: boolean,
  [tokens, start, end]: [Token[], number, number],
  phrase: string,
  future: boolean,
  more: Omit<ProvisionClause, "end">[],
): Clause {
  const modality: Modality = future
    ? "future"
    : stance === "readiness" || aspiring(phrase)
      ? "aspiration"
      : stance === "agree" || stance === "commit" || stance === "decide"
        ? "commitment"
        : "statement";
  const verbStart = (tokens[start] as Token).start;
  const verbEnd = (tokens[end - 1] as Token).end;
  return { actor, stance, negated, verb: "", modality, verbStart, verbEnd, more };
}

// A coordinated clause needs a few words on each side of its "and": "highly appreciate and
// welcome" is one predicate, not two clauses.
const MIN_CLAUSE_WORDS = 3;

/**
 * The predicates coordinated after the main one, each opening a clause: "…, and shared their
 * intention to …", "… and agreed that …". A bare modal ("and would help") is none.
 */
function coordinated(s: Sentence, from: number): Omit<ProvisionClause, "end">[] {
  const { tokens, lex } = s;
  const out: Omit<ProvisionClause, "end">[] = [];
  // Words before each token and after: counted once, so a sentence of a thousand "and"s stays linear.
  const before = new Int32Array(tokens.length + 1);
  tokens.forEach((t, k) => {
    before[k + 1] = (before[k] as number) + (t.punct ? 0 : 1);
  });
  const words = (a: number, b: number) => (before[b] as number) - (before[a] as number);
  let last = from;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.punct || !lex.roles.and.starts(t.key) || lex.roles.and.match(tokens, i)?.end !== i + 1)
      continue;
    if (words(last, i) < MIN_CLAUSE_WORDS) continue;
    const p = predicateAfter(s, i + 1, false);
    if (!p || p.start - (i + 1) > 3 || words(p.end, tokens.length) < MIN_CLAUSE_WORDS) continue;
    if (p.future && p.end - p.start === 1 && p.stance === "commit") continue;
    out.push({
      stance: p.stance,
      negated: p.negated,
      verb: "",
      verbStart: (tokens[p.start] as Token).start,
      verbEnd: (tokens[p.end - 1] as Token).end,
    });
    last = p.end;
    i = p.end - 1;
  }
  return out;
}

/**
 * List items that take a lead-in's actor and stance: "Both sides agreed to:" followed by
 * marked items with no clause of their own.
 */
function leadInItems(text: string, all: Unit[], index: number, own: Set<number>): Unit[] {
  const unit = all[index] as Unit;
  if (text.charAt(unit.end - 1) !== ":") return [];
  const items: Unit[] = [];
  for (let k = index + 1; k < all.length; k++) {
    const item = all[k] as Unit;
    if (item.marker === "" || own.has(k)) break;
    items.push(item);
  }
  return items;
}

function provisionOf(
  text: string,
  unit: Unit,
  clause: Clause,
  entities: EntityMention[],
  options: ProvisionOptions,
  item = false,
): Provision {
  // A list item's clause is the item itself: its predicate is the lead-in's.
  const main = item
    ? {
        stance: clause.stance,
        negated: clause.negated,
        verb: "",
        verbStart: unit.start,
        verbEnd: unit.start,
      }
    : {
        stance: clause.stance,
        negated: clause.negated,
        verb: "",
        verbStart: clause.verbStart,
        verbEnd: clause.verbEnd,
      };
  const heads = item ? [main] : [main, ...clause.more];
  const clauses: ProvisionClause[] = heads.map((c, k) => ({
    ...c,
    verb: text.slice(c.verbStart, c.verbEnd),
    end: heads[k + 1]?.verbStart ?? unit.end,
  }));
  return {
    text: text.slice(unit.start, unit.end),
    start: unit.start,
    end: unit.end,
    actor: clause.actor,
    stance: clause.stance,
    negated: clause.negated,
    verb: text.slice(clause.verbStart, clause.verbEnd),
    modality: clause.modality,
    clauses,
    domains: options.domainsOf?.(unit.start, unit.end) ?? [],
    entities: within(entities, unit.start, unit.end).map(
      ({ id, type, name, text: t, start, end }) => ({
        id,
        type,
        name,
        text: t,
        start,
        end,
      }),
    ),
  };
}
