import type { Stance } from "./lexicon.js";
import type { Phrase } from "./phrases.js";
import type { Sentence } from "./subject.js";
import type { Token } from "./tokens.js";

/** The stance-bearing predicate of a clause, in tokens. */
export interface Predicate {
  stance: Stance;
  /** Token range of the words that gave the stance. */
  start: number;
  end: number;
  /** "not", "never", "không" before or right after it. */
  negated: boolean;
  /** A modal stood before it ("will support"), or was itself the predicate ("will work"). */
  future: boolean;
  /** The lexicon phrase it matched ("noted with satisfaction"). */
  phrase: string;
}

// An aside between a subject and its predicate is short: ", on the occasion of …, ".
const MAX_ASIDE = 40;

/**
 * The predicate right after a subject ending at token `at`: past an aside set off by commas
 * (", on the occasion of …,"), a comma closing the subject's apposition (`apposed`), and fillers ("also", "will
 * continue to", "đã"), the longest stance phrase of the lexicon. A modal with no stance after
 * it ("The two countries will work …") is a commitment.
 */
export function predicateAfter(s: Sentence, at: number, apposed: boolean): Predicate | null {
  const { tokens, lex } = s;
  let j = at;
  if (tokens[j]?.key === ",") {
    const close = asideEnd(s, j + 1);
    if (close >= 0) j = close;
    // "…, Harriett Baldwin MP, welcome": the comma closes an apposition of the subject.
    else if (apposed && (lex.verbs.match(tokens, j + 1) || lex.roles.filler.match(tokens, j + 1)))
      j++;
    else return null;
  } else if (tokens[j]?.key === "(") {
    const close = tokens.findIndex((t, k) => k > j && t.key === ")");
    if (close < 0) return null;
    j = close + 1;
  }
  let negated = false;
  let modal = -1;
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    if (t.punct) return null;
    // A predicate is lowercase: a capital here starts a name or a heading, not a verb.
    const verb = t.upper ? undefined : lex.verbs.match(tokens, j);
    if (verb && !vetoed(s, verb.phrase, j, verb.end)) {
      const k = verb.end;
      const after =
        lex.roles.negation.match(tokens, k)?.end ??
        (tokens[k]?.key === "to" ? lex.roles.negation.match(tokens, k + 1)?.end : undefined);
      negated ||= after !== undefined;
      return {
        stance: negated ? "oppose" : verb.phrase.value,
        start: j,
        end: verb.end,
        negated,
        future: modal >= 0,
        phrase: verb.phrase.source,
      };
    }
    const step =
      lex.roles.negation.match(tokens, j) ??
      lex.roles.modal.match(tokens, j) ??
      lex.roles.filler.match(tokens, j);
    if (!step) break;
    if (lex.roles.negation.match(tokens, j)) negated = true;
    else if (lex.roles.modal.match(tokens, j)) modal = j;
    j = step.end;
  }
  // "The two countries will work closely together": the modal is the commitment, when a verb follows.
  const next = tokens[modal + 1];
  if (modal >= 0 && next && !next.punct && !next.upper) {
    return {
      stance: negated ? "oppose" : "commit",
      start: modal,
      end: modal + 1,
      negated,
      future: true,
      phrase: (tokens[modal] as Token).key,
    };
  }
  return null;
}

/** The token after an aside that opens at `i` (", on the occasion of …, ") or -1. */
function asideEnd(s: Sentence, i: number): number {
  if (!s.lex.roles.aside.match(s.tokens, i)) return -1;
  for (let k = i; k < Math.min(s.tokens.length, i + MAX_ASIDE); k++) {
    const t = s.tokens[k] as Token;
    if (t.key === ",") return k + 1;
    if (t.punct && t.key !== "(" && t.key !== ")") return -1;
  }
  return -1;
}

/**
 * Predicates that read as a stance but are protocol: "held discussions on the occasion of …"
 * (no topic), "called on the President …" (a courtesy call, not a call to act) and "welcomed
 * President X to the White House" (a reception; "welcomed President X's proposal" is a stance).
 */
function vetoed(s: Sentence, phrase: Phrase<Stance>, start: number, end: number): boolean {
  const { tokens, lex } = s;
  const words = phrase.words.map((w) => (typeof w === "object" ? w.key : ""));
  const last = words[words.length - 1];
  if ((last === "on" || last === "about") && lex.roles["not-a-topic"].match(tokens, end))
    return true;
  const on = words.findIndex((w) => w === "on" || w === "upon");
  if (phrase.value === "call" && on === 1) {
    // "called on … to": the words after "on" must not be a person or an office.
    if (visitObject(s, start + on + 1)) return true;
  }
  if (RECEPTION.has(phrase.source) && visitObject(s, end)) {
    for (let k = end; k < Math.min(tokens.length, end + 8); k++) {
      const t = tokens[k] as Token;
      if (t.glue === "'") return false;
      if (t.punct || (!t.upper && t.key !== "the" && t.key !== "of")) break;
    }
    return true;
  }
  return false;
}

// "welcomed President X": a reception, unless a possessive follows ("welcomed President X's proposal").
const RECEPTION = new Set(["welcomed", "welcome", "welcomes", "chào mừng"]);

function visitObject(s: Sentence, k: number): boolean {
  const { tokens, lex } = s;
  if (lex.roles["visit-object"].match(tokens, k)) return true;
  const at = tokens[k]?.key === "the" ? k + 1 : k;
  if (lex.titles.match(tokens, at) || lex.roles.honorific.match(tokens, at)) return true;
  return s.entities[at]?.mention.type === "person";
}
