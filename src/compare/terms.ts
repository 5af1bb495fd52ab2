import { stemmer } from "stemmer";
import { DEFAULT_DATA_DIR, readDataFile } from "../gazetteer/load.js";
import { parseTsv, parseWordList } from "../gazetteer/tsv.js";
import { foldKey } from "../text/fold.js";

/** A term's weight in a bag: how often it occurs. */
export type Bag = Map<string, number>;

/** Concept terms carry this prefix, so "~advance" never meets a word. */
export const CONCEPT = "~";

export interface TermLexicon {
  /** Folded function words and actor words: no term. */
  stop: Set<string>;
  /** Visit words ("visit", "thăm"), as written: a state named right after one is where the visit goes. */
  visit: RegExp;
  /** Concept phrases by their first token (stemmed English, folded Vietnamese), longest first. */
  concepts: Map<string, { id: string; tokens: string[] }[]>;
}

/**
 * The words of a span as compare() reads them: folded, and (in English) stemmed with the
 * Porter stemmer, so "deepening" and "deepen" are one term. Vietnamese syllables are kept as
 * they are: stemming means nothing to them.
 */
export function tokensOf(text: string, vietnamese: boolean): string[] {
  const words = foldKey(text).split(" ").filter(Boolean);
  return vietnamese ? words : words.map((w) => (/^[a-z]+$/.test(w) ? stemmer(w) : w));
}

export function parseTermLexicon(src: { concepts: string; stop: string }): {
  lexicon: TermLexicon;
  problems: string[];
} {
  const problems: string[] = [];
  const concepts = new Map<string, { id: string; tokens: string[] }[]>();
  const visit: string[] = [];
  const add = (id: string, tokens: string[]) => {
    const first = tokens[0];
    if (!first) return;
    const list = concepts.get(first) ?? [];
    if (!list.some((c) => c.id === id && c.tokens.join(" ") === tokens.join(" ")))
      list.push({ id, tokens });
    concepts.set(first, list);
  };
  for (const row of parseTsv(src.concepts)) {
    const [id = "", phrases = ""] = row.cells;
    if (id === "@visit") {
      visit.push(...phrases.split("|").filter(Boolean));
      continue;
    }
    if (!/^[a-z][a-z-]*$/.test(id))
      problems.push(`concepts.tsv:${row.line}: bad concept id "${id}"`);
    if (phrases === "") problems.push(`concepts.tsv:${row.line}: no phrases`);
    for (const phrase of phrases.split("|").filter(Boolean)) {
      // Each phrase in both forms: stemmed for English text, folded for Vietnamese.
      add(id, tokensOf(phrase, false));
      add(id, tokensOf(phrase, true));
    }
  }
  for (const list of concepts.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const escaped = visit.map((w) => w.normalize("NFC").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return {
    lexicon: {
      stop: new Set(parseWordList(src.stop).map((w) => foldKey(w))),
      concepts,
      // (?!) never matches: a table with no visit words finds no visit.
      visit: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${escaped.join("|") || "(?!)"})(?![\\p{L}\\p{N}])`,
        "iu",
      ),
    },
    problems,
  };
}

export function loadTermLexicon(dataDir = DEFAULT_DATA_DIR): TermLexicon {
  const { lexicon, problems } = parseTermLexicon({
    concepts: readDataFile(dataDir, "lexicon/concepts.tsv"),
    stop: readDataFile(dataDir, "lexicon/function-words.txt"),
  });
  if (problems.length > 0) throw new Error(`compare lexicon: ${problems[0]}`);
  return lexicon;
}

let cached: TermLexicon | undefined;
export function defaultTermLexicon(): TermLexicon {
  cached ??= loadTermLexicon();
  return cached;
}

/**
 * The terms of a span: its content words (function words left out) and the concepts its
 * phrases name ("increase the depth and breadth" → ~advance), each with its count. Vietnamese
 * spans also get their syllable pairs, the language's words ("hợp tác", "đối tác").
 */
export function bagOf(text: string, vietnamese: boolean, lex: TermLexicon, reach = DECAY): Bag {
  const tokens = tokensOf(text, vietnamese);
  const bag: Bag = new Map();
  let k = 0; // content words so far
  // A word weighs less the further it stands from the predicate: the commitment comes first
  // ("agreed to deepen the partnership"), qualifiers after ("…, reflecting …, in advance of …").
  const add = (t: string) => bag.set(t, (bag.get(t) ?? 0) + 1 / (1 + k / reach));
  let previous = "";
  tokens.forEach((t, i) => {
    const content = t.length > 1 && !lex.stop.has(t) && !/^\d+$/.test(t);
    if (content) add(t);
    if (vietnamese && content && previous) add(`${previous}_${t}`);
    previous = content ? t : "";
    const seen = new Set<string>();
    for (const c of lex.concepts.get(t) ?? []) {
      if (seen.has(c.id) || !c.tokens.every((w, q) => tokens[i + q] === w)) continue;
      seen.add(c.id);
      add(`${CONCEPT}${c.id}`);
    }
    if (content) k++;
  });
  return bag;
}

/** How many content words from the predicate it takes for a word's weight to halve. */
export const DECAY = 12;
