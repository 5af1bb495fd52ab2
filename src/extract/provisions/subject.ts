import type { EntityMention } from "../entities/types.js";
import type { ProvisionLexicon, Role } from "./lexicon.js";
import type { Token } from "./tokens.js";

/** An entity of the sentence laid over its tokens: it starts at a token and ends before `end`. */
export interface Overlay {
  mention: EntityMention;
  end: number;
}

/** What the subject parser reads: one sentence's tokens, its entities, the lexicon. */
export interface Sentence {
  tokens: Token[];
  /** The entity starting at each token, if any. */
  entities: (Overlay | undefined)[];
  lex: ProvisionLexicon;
  /** It ends as a sentence does (a full stop, a semicolon), not as a heading. */
  sentenceEnds: boolean;
  /** The last word of each person the document names, folded → the person's id: "Widodo". */
  surnames: Map<string, string>;
}

/** One coordinated part of a subject: "Prime Minister Tony Abbott", "the Russian side". */
export interface SubjectPart {
  kind: "joint" | "party" | "person";
  /** A pronoun ("They", "He") or an office without a name ("The Prime Minister"). */
  via?: "pronoun" | "office";
  start: number;
  end: number;
  /** Countries, organisations and people named in the part (people first). */
  people: string[];
  parties: string[];
  office?: string;
}

export interface Subject {
  parts: SubjectPart[];
  end: number;
  /** The subject carries an aside or apposition set off by commas. */
  commas: boolean;
}

const MAX_PARTS = 4;
const MAX_NAME_WORDS = 5;

const role = (s: Sentence, r: Role, i: number): number =>
  s.lex.roles[r].match(s.tokens, i)?.end ?? -1;
const word = (s: Sentence, i: number): Token | undefined => {
  const t = s.tokens[i];
  return t && !t.punct ? t : undefined;
};
const isKey = (s: Sentence, i: number, ...keys: string[]) => {
  const t = word(s, i);
  return t !== undefined && keys.includes(t.key);
};

/**
 * Every way to read a subject starting at token `at`, longest first: one part, or parts joined
 * by commas and "and" ("Vietnam and Australia", "H.E. Vice Minister …, To Anh Dung, and
 * Minister of State …, Harriett Baldwin MP").
 */
export function subjectsAt(s: Sentence, at: number): Subject[] {
  const out: Subject[] = [];
  // `byAnd`: the last part was joined by "and"; a list without its "and" is no subject
  // ("Trade, investment" …), so only such readings of several parts are kept.
  const walk = (i: number, parts: SubjectPart[], commas: boolean, byAnd: boolean) => {
    for (const { part, end, commas: c } of partsAt(s, i)) {
      const list = [...parts, part];
      if (list.length === 1 || byAnd) out.push({ parts: list, end, commas: commas || c });
      if (list.length >= MAX_PARTS) continue;
      let j = end;
      if (s.tokens[j]?.key === ",") j++;
      const and = role(s, "and", j);
      if (and >= 0) walk(and, list, commas || c || j > end, true);
      else if (j > end) walk(j, list, true, false);
    }
  };
  walk(at, [], false, false);
  return out.sort((a, b) => b.end - a.end);
}

interface PartRead {
  part: SubjectPart;
  end: number;
  commas: boolean;
}

/** The readings of one part of a subject starting at `i`. */
function partsAt(s: Sentence, i: number): PartRead[] {
  const reads: PartRead[] = [];
  const push = (part: SubjectPart | null, commas = false) => {
    if (part) reads.push({ part, end: part.end, commas });
  };
  const pronoun = role(s, "joint-pronoun", i);
  if (pronoun >= 0)
    push({ kind: "joint", via: "pronoun", start: i, end: pronoun, people: [], parties: [] });
  const he = role(s, "person-pronoun", i);
  if (he >= 0) push({ kind: "person", via: "pronoun", start: i, end: he, people: [], parties: [] });
  const joint = role(s, "joint", i);
  if (joint >= 0) push({ kind: "joint", start: i, end: joint, people: [], parties: [] });
  push(generic(s, i));
  push(party(s, i));
  for (const p of people(s, i)) push(p.part, p.commas);
  return reads;
}

/** "the two sides", "Both Leaders", "our two Governments", "The Prime Ministers of Vietnam and Australia", "Hai Thủ tướng", "Lãnh đạo hai nước". */
function generic(s: Sentence, i: number): SubjectPart | null {
  let j = i;
  let opened = false;
  const det = role(s, "determiner", j);
  if (det >= 0) {
    j = det;
    opened = true;
  }
  const num = role(s, "number", j);
  if (num >= 0) {
    j = num;
    opened = true;
  }
  for (let m = role(s, "modifier", j); m >= 0 && opened; m = role(s, "modifier", j)) j = m;
  // "Vietnamese and Cuban leaders": two demonyms sharing one plural noun name both parties.
  const pair = demonymPair(s, j);
  if (pair) {
    const noun = role(s, "generic", pair.end);
    if (noun < 0) return null;
    return { kind: "joint", start: i, end: noun, people: [], parties: pair.parties };
  }
  let noun = role(s, "generic", j);
  if (noun < 0) {
    const title = s.lex.titles.match(s.tokens, j);
    // Vietnamese titles have no plural: "hai Thủ tướng" is both prime ministers.
    if (title && (title.phrase.value === "many" || num >= 0)) noun = title.end;
  }
  if (noun < 0) return null;
  const parties: string[] = [];
  let end = noun;
  const after = role(s, "both-after", noun);
  if (after >= 0) end = after;
  else if (isKey(s, noun, "of")) {
    // "of Vietnam and Australia"
    const a = country(s, isKey(s, noun + 1, "the") ? noun + 2 : noun + 1);
    const and = a ? role(s, "and", a.end) : -1;
    const b = and >= 0 ? country(s, isKey(s, and, "the") ? and + 1 : and) : undefined;
    if (a && b) {
      parties.push(a.mention.id, b.mention.id);
      end = b.end;
    }
  }
  if (!opened && end === noun) return null;
  return { kind: "joint", start: i, end, people: [], parties };
}

function demonymPair(s: Sentence, i: number): { end: number; parties: string[] } | null {
  const a = country(s, i);
  if (a?.mention.variant !== "demonym") return null;
  const and = role(s, "and", a.end);
  const b = and >= 0 ? country(s, and) : undefined;
  if (b?.mention.variant !== "demonym" || b.mention.id === a.mention.id) return null;
  return { end: b.end, parties: [a.mention.id, b.mention.id] };
}

function country(s: Sentence, i: number): Overlay | undefined {
  const e = s.entities[i];
  return e && e.mention.type === "country" ? e : undefined;
}

/** An entity that may speak for a party: a state, or a body that is not a company or a news agency. */
function partyEntity(s: Sentence, i: number): Overlay | undefined {
  const e = s.entities[i];
  if (!e || e.mention.partOf) return undefined;
  if (e.mention.type === "country") return e;
  if (
    e.mention.type === "organisation" &&
    e.mention.kind !== "company" &&
    e.mention.kind !== "agency"
  )
    return e;
  return undefined;
}

/** "the UK", "the Russian side", "Phía Nga", "Chính phủ Việt Nam", "ASEAN", "the Department of Foreign Affairs and Trade of Australia". */
function party(s: Sentence, i: number): SubjectPart | null {
  let j = isKey(s, i, "the") ? i + 1 : i;
  const before = role(s, "party-before", j);
  if (before >= 0) {
    const c = country(s, before);
    return c ? { kind: "party", start: i, end: c.end, people: [], parties: [c.mention.id] } : null;
  }
  const e = partyEntity(s, j);
  if (e) {
    const next = s.tokens[e.end];
    // "Vietnam-Australia relations", "Japan's …": a modifier, not a subject.
    if (next && next.glue !== "") return null;
    j = e.end;
    const side = role(s, "side", j);
    if (e.mention.variant === "demonym") {
      if (side < 0) return null; // "Russian experts" are no state speaking
      j = side;
    } else if (side >= 0) j = side;
    const tail = complement(s, j);
    const parties = [e.mention.id, ...tail.parties.filter((p) => p !== e.mention.id)];
    return { kind: "party", start: i, end: tail.end, people: [], parties: parties.slice(0, 1) };
  }
  // An institution not in the lists, named with its state: "the Department of … of Australia".
  const inst = role(s, "institution", j);
  const head = s.tokens[j];
  if (inst >= 0 && head?.upper) {
    const tail = complement(s, inst);
    if (tail.parties.length > 0)
      return {
        kind: "party",
        start: i,
        end: tail.end,
        people: [],
        parties: [tail.parties[tail.parties.length - 1] as string],
      };
  }
  return null;
}

/**
 * What may follow a title or a body's name: "of the Socialist Republic of Vietnam", "for Foreign
 * and Commonwealth Affairs", "of Japan Shinzo Abe", or (in Vietnamese) a state or body right
 * after it ("Thủ tướng Chính phủ Việt Nam", "Thủ tướng Ô-xtrây-li-a").
 */
function complement(s: Sentence, i: number): { end: number; parties: string[]; people: string[] } {
  const parties: string[] = [];
  const people: string[] = [];
  let j = i;
  const direct = partyEntity(s, j);
  if (direct && !isKey(s, i - 1, "of", "for")) {
    parties.push(direct.mention.id);
    j = direct.end;
  }
  if (!isKey(s, j, "of", "for")) return { end: j, parties, people };
  let k = j + 1;
  let seen = false;
  while (k < s.tokens.length) {
    const t = s.tokens[k] as Token;
    if (t.punct) break;
    const e = s.entities[k];
    if (
      e &&
      (e.mention.type === "country" ||
        e.mention.type === "organisation" ||
        e.mention.type === "person")
    ) {
      (e.mention.type === "person" ? people : parties).push(e.mention.id);
      k = e.end;
      seen = true;
      continue;
    }
    if (t.upper) {
      k++;
      seen = true;
      continue;
    }
    if (t.key === "the" || t.key === "of" || t.key === "for") {
      k++;
      continue;
    }
    // "Foreign and Commonwealth Affairs": "and" inside a name, unless another subject follows.
    if (seen && (t.key === "and" || t.key === "&") && startsName(s, k + 1)) {
      k++;
      continue;
    }
    break;
  }
  // Trailing "of"/"the" belong to what follows, not to the name.
  while (k > j + 1 && isKey(s, k - 1, "the", "of", "for", "and")) k--;
  return seen ? { end: k, parties, people } : { end: j, parties: [], people: [] };
}

/** A capitalised word that goes on a name rather than opening another subject. */
function startsName(s: Sentence, i: number): boolean {
  const t = word(s, i);
  if (!t?.upper) return false;
  if (s.lex.titles.match(s.tokens, i) || role(s, "honorific", i) >= 0) return false;
  const e = s.entities[i];
  return !(e && (e.mention.type === "person" || e.mention.type === "country"));
}

/** Honorifics and titles before a name: "H.E. Mr.", "the Right Honourable", "Russian President". */
function people(s: Sentence, i: number): { part: SubjectPart; commas: boolean }[] {
  const parties: string[] = [];
  const ids: string[] = [];
  let j = i;
  let titled = false;
  let office: string | undefined;
  // "his Indonesian counterpart …"
  const his = role(s, "possessive", j);
  if (his >= 0 && (country(s, his) || s.lex.titles.match(s.tokens, his))) j = his;
  // "Vietnam's Prime Minister …", "Russian President …", "US President …"
  const c = country(s, j);
  if (c && s.tokens[c.end]?.glue === "'" && s.tokens[c.end]?.key === "s") {
    parties.push(c.mention.id);
    j = c.end + 1;
  } else if (c && s.lex.titles.match(s.tokens, c.end)) {
    parties.push(c.mention.id);
    j = c.end;
  } else if (isKey(s, j, "the") && role(s, "honorific", j) < 0) j++;
  for (;;) {
    const h = role(s, "honorific", j);
    if (h >= 0) {
      j = h;
      titled = true;
      continue;
    }
    const t = s.lex.titles.match(s.tokens, j);
    if (t && t.phrase.value === "one" && !office) {
      office = s.tokens
        .slice(j, t.end)
        .map((x) => x.key)
        .join(" ");
      j = t.end;
      titled = true;
      const tail = complement(s, j);
      parties.push(...tail.parties);
      ids.push(...tail.people);
      j = tail.end;
      continue;
    }
    break;
  }
  const nameEnd = name(s, j, titled);
  if (nameEnd >= 0) ids.push(personId(s, j, nameEnd));
  else if (!titled && !office) return [];
  let end = nameEnd >= 0 ? nameEnd : j;
  if (nameEnd >= 0) {
    const after = role(s, "honorific-after", end);
    if (after >= 0) end = after;
    // "Prime Minister Nguyen Tan Dung of Viet Nam"
    if (isKey(s, end, "of")) {
      const of = country(s, isKey(s, end + 1, "the") ? end + 2 : end + 1);
      if (of) {
        parties.push(of.mention.id);
        end = of.end;
      }
    }
  }
  if (!(office || ids.length > 0 || (titled && nameEnd >= 0))) return [];
  if (nameEnd < 0 && !office) return [];
  const part: SubjectPart = {
    kind: "person",
    ...(nameEnd < 0 && ids.length === 0 ? { via: "office" as const } : {}),
    start: i,
    end,
    people: ids,
    parties,
    ...(office ? { office } : {}),
  };
  const reads = [{ part, commas: false }];
  // An apposition: ", Prime Minister of Australia" after a name, ", To Anh Dung" after a title.
  if (s.tokens[end]?.key === ",") {
    const more = apposition(s, end + 1, nameEnd < 0);
    if (more) {
      const merged: SubjectPart = {
        ...part,
        end: more.end,
        people: [...part.people, ...more.people],
        parties: [...part.parties, ...more.parties],
        ...(more.named ? { via: undefined } : {}),
        ...((part.office ?? more.office) ? { office: part.office ?? more.office } : {}),
      };
      if (merged.via === undefined) delete merged.via;
      reads.unshift({ part: merged, commas: true });
    }
  }
  return reads;
}

/** A person's name at `i`: a listed person, or (after a title or an honorific) 1–5 capitalised words. */
function name(s: Sentence, i: number, titled: boolean): number {
  // "For his part, Widodo expressed …": a person named before, by the last word of the name.
  const t = s.tokens[i];
  if (
    !titled &&
    t?.upper &&
    !t.punct &&
    s.entities[i] === undefined &&
    s.surnames.has(t.key) &&
    !nameWord(s, i + 1)
  )
    return i + 1;
  const e = s.entities[i];
  if (e?.mention.type === "person") {
    // "Kishida Fumio": the list knows the family name; the given name after it is the same person.
    let k = e.end;
    while (k < e.end + 2 && nameWord(s, k)) k++;
    return k;
  }
  if (!titled) return -1;
  let k = i;
  while (k < s.tokens.length && k - i < MAX_NAME_WORDS) {
    const t = s.tokens[k] as Token;
    if (t.punct || !t.upper || (k > i && t.glue === "'")) break;
    if (s.lex.titles.match(s.tokens, k) || role(s, "honorific", k) >= 0) break;
    const ent = s.entities[k];
    if (ent && ent.mention.type !== "person") break;
    k++;
  }
  return k > i ? k : -1;
}

/** The id of the person named by tokens [i, end): a listed person's, or one made from the name as the entity lists make it. */
function personId(s: Sentence, i: number, end: number): string {
  const e = s.entities[i];
  if (e?.mention.type === "person") return e.mention.id;
  const known = end === i + 1 ? s.surnames.get((s.tokens[i] as Token).key) : undefined;
  if (known) return known;
  return `person:${s.tokens
    .slice(i, end)
    .map((t) => t.key)
    .join("-")}`;
}

/** A capitalised word that goes on a name: no title, honorific or other entity. */
function nameWord(s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  if (!t || t.punct || !t.upper || t.glue === "'") return false;
  if (s.lex.titles.match(s.tokens, k) || role(s, "honorific", k) >= 0) return false;
  return s.entities[k] === undefined;
}

/** What may stand between commas after a person: a title with its complement, or a name. */
function apposition(
  s: Sentence,
  i: number,
  wantName: boolean,
): { end: number; people: string[]; parties: string[]; office?: string; named: boolean } | null {
  let j = i;
  while (role(s, "honorific", j) >= 0) j = role(s, "honorific", j);
  if (wantName) {
    const n = name(s, j, true);
    if (n < 0) return null;
    let end = n;
    const after = role(s, "honorific-after", end);
    if (after >= 0) end = after;
    return { end, people: [personId(s, j, n)], parties: [], named: true };
  }
  const t = s.lex.titles.match(s.tokens, j);
  if (!t) return null;
  if (t.phrase.value !== "one") return null;
  const tail = complement(s, t.end);
  return {
    end: tail.end,
    people: tail.people,
    parties: tail.parties,
    office: s.tokens
      .slice(j, t.end)
      .map((x) => x.key)
      .join(" "),
    named: false,
  };
}
