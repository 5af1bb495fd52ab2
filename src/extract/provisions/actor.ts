import { foldKey } from "../../text/fold.js";
import { countStartingBefore } from "../../text/spans.js";
import type { EntityMention } from "../entities/types.js";
import type { Sentence, Subject, SubjectPart } from "./subject.js";
import type { Token } from "./tokens.js";
import type { Actor } from "./types.js";

/** What resolving an actor needs beyond its sentence: the document, and the actors in force. */
export interface ActorContext {
  text: string;
  /** The document's entities, by start. */
  entities: EntityMention[];
  /** The document's two parties: "both sides" stands for them. */
  parties: string[];
  /** The last joint actor: "They" continues it. */
  lastJoint: Actor | null;
  /** The last person who spoke: "He" continues them. */
  lastPerson: Actor | null;
}

/**
 * The parties of a document: the states its title names (in the title's order), then the
 * states it names most (first named first on a tie), two at most.
 */
export function documentParties(entities: EntityMention[], title: string | null): string[] {
  const count = new Map<string, { n: number; first: number }>();
  for (const e of entities) {
    if (e.type !== "country" || e.partOf) continue;
    const c = count.get(e.id);
    if (c) c.n++;
    else count.set(e.id, { n: 1, first: e.start });
  }
  const titled = new Set(
    title
      ? [...count.keys()].filter((id) =>
          entities.some((e) => e.id === id && e.start < title.length),
        )
      : [],
  );
  return [...count]
    .sort(([a, x], [b, y]) => {
      const ta = titled.has(a);
      const tb = titled.has(b);
      if (ta !== tb) return ta ? -1 : 1;
      return ta ? x.first - y.first : y.n - x.n || x.first - y.first;
    })
    .slice(0, 2)
    .map(([id]) => id);
}

/** The actor a parsed subject stands for, with canonical ids. */
export function actorOf(s: Sentence, subject: Subject, context: ActorContext): Actor {
  const first = subject.parts[0] as SubjectPart;
  const last = subject.parts[subject.parts.length - 1] as SubjectPart;
  const text = context.text.slice(
    (s.tokens[first.start] as Token).start,
    (s.tokens[last.end - 1] as Token).end,
  );
  if (subject.parts.length === 1) return single(first, text, s, context);
  const sides = subject.parts.map((p) => single(p, "", s, context));
  const parties = sides.map((a) => partyOf(a));
  const known = [...new Set(parties.filter((p): p is string => p !== undefined))];
  // "The Prime Minister and the Foreign Minister of Japan": one party; otherwise both.
  if (known.length === 1 && parties.every((p) => p === known[0])) {
    return { kind: "party", text, ids: known };
  }
  const ids =
    known.length >= 2
      ? known
      : [...new Set([...known, ...context.parties])].slice(0, Math.max(2, known.length));
  return { kind: "joint", text, ids: inPartyOrder(ids, context.parties) };
}

/** The document's parties first, in its order, then the others as written: one order for every joint actor. */
function inPartyOrder(ids: string[], parties: string[]): string[] {
  const rank = (id: string) => {
    const k = parties.indexOf(id);
    return k < 0 ? parties.length : k;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

/** A party an actor speaks for: the state of a party actor, or the state a person represents. */
function partyOf(a: Actor): string | undefined {
  if (a.kind === "party") return a.ids[0];
  if (a.kind === "person") return a.ids.find((id) => !id.startsWith("person:"));
  return undefined;
}

function single(part: SubjectPart, text: string, s: Sentence, context: ActorContext): Actor {
  if (part.kind === "joint") {
    const ids =
      part.parties.length > 0
        ? part.parties
        : part.via === "pronoun" && context.lastJoint
          ? context.lastJoint.ids
          : context.parties;
    return {
      kind: "joint",
      text,
      ids: inPartyOrder(ids, context.parties),
      ...(part.via ? { via: part.via } : {}),
    };
  }
  if (part.kind === "party") return { kind: "party", text, ids: part.parties.slice(0, 1) };
  const office = part.office ? officeName(part, s, context.text) : undefined;
  if (part.via === "pronoun") {
    const ids =
      context.lastPerson?.ids ?? lastPersonBefore(context, (s.tokens[part.start] as Token).start);
    return { kind: "person", text, ids, via: "pronoun" };
  }
  if (part.via === "office" && part.people.length === 0) {
    const holder = holderOf(context, part.office ?? "", (s.tokens[part.start] as Token).start);
    return {
      kind: "person",
      text,
      ids: [...(holder ? [holder] : []), ...part.parties.slice(0, 1)],
      ...(office ? { office } : {}),
      ...(holder ? { via: "office" as const } : {}),
    };
  }
  return {
    kind: "person",
    text,
    ids: [...part.people.slice(0, 1), ...part.parties.slice(0, 1)],
    ...(office ? { office } : {}),
  };
}

/** The office as written in the subject ("Prime Minister"). */
function officeName(part: SubjectPart, s: Sentence, text: string): string {
  const words = (part.office ?? "").split(" ").length;
  for (let i = part.start; i + words <= part.end; i++) {
    const key = s.tokens
      .slice(i, i + words)
      .map((t) => t.key)
      .join(" ");
    if (key === part.office) {
      return text.slice((s.tokens[i] as Token).start, (s.tokens[i + words - 1] as Token).end);
    }
  }
  return part.office ?? "";
}

// How far back (in entity mentions) a pronoun or an office looks for the person it stands for.
const LOOK_BACK = 200;

/** The person last named before `pos`. */
function lastPersonBefore(context: ActorContext, pos: number): string[] {
  const { entities } = context;
  const at = countStartingBefore(entities, pos);
  for (let k = at - 1; k >= Math.max(0, at - LOOK_BACK); k--) {
    const e = entities[k] as EntityMention;
    if (e.type === "person") return [e.id];
  }
  return [];
}

/** The person holding an office ("prime minister"), named with that title nearest before `pos`, else after. */
function holderOf(context: ActorContext, office: string, pos: number): string | undefined {
  const { entities } = context;
  const holds = (e: EntityMention) =>
    e.type === "person" && e.title !== undefined && foldKey(e.title).endsWith(office);
  const at = countStartingBefore(entities, pos);
  for (let k = at - 1; k >= Math.max(0, at - LOOK_BACK); k--) {
    const e = entities[k] as EntityMention;
    if (holds(e)) return e.id;
  }
  for (let k = at; k < Math.min(entities.length, at + LOOK_BACK); k++) {
    const e = entities[k] as EntityMention;
    if (holds(e)) return e.id;
  }
  return undefined;
}
