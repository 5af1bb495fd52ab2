import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv } from "../../gazetteer/tsv.js";
import type { DocumentKind, KindOf, Provision } from "./types.js";

/** The word lists of data/lexicon/kinds.tsv, as the matchers they make. */
export interface KindLexicon {
  /** The name a joint text of two states gives itself in its title or opening, or null. */
  statementTitle: (text: string) => string | null;
  /** The names themselves ("joint communiqué", "tuyên bố chung"): ingest reads titles by them. */
  statementTitles: string[];
  /** A journalist's reporting words: a news story, even when it quotes a statement. */
  reporting: RegExp;
}

/** A phrase as a regex source: NFC, metacharacters escaped, any run of spaces for a space. */
export const phraseSource = (p: string) =>
  p
    .normalize("NFC")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/ /g, "\\s+");

export function parseKindLexicon(source: string): { lexicon: KindLexicon; problems: string[] } {
  const problems: string[] = [];
  const rows = new Map<string, string[]>();
  for (const row of parseTsv(source)) {
    const [role = "", phrases = ""] = row.cells;
    if (role !== "statement-title" && role !== "reporting")
      problems.push(`kinds.tsv:${row.line}: unknown role "${role}"`);
    else rows.set(role, phrases.split("|").filter(Boolean));
  }
  const alternation = (role: string) =>
    (rows.get(role) ?? []).map(phraseSource).join("|") || "(?!)";
  return {
    lexicon: {
      statementTitle: wholeWords(new RegExp(alternation("statement-title"), "giu")),
      statementTitles: rows.get("statement-title") ?? [],
      // ASCII word boundaries around English words, no Unicode lookarounds and no case folding:
      // this one reads every document whole.
      reporting: new RegExp(
        (rows.get("reporting") ?? [])
          .map((w) => (/^[a-zA-Z ]+$/.test(w) ? `\\b${phraseSource(w)}\\b` : phraseSource(w)))
          .join("|") || "(?!)",
        "g",
      ),
    },
    problems,
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The first match of `phrases` that stands as whole words. The boundary is checked after a
 * match rather than by a Unicode lookbehind in the pattern: a lookbehind is tried at every
 * position and made the whole kind test ten times slower.
 */
function wholeWords(phrases: RegExp): (text: string) => string | null {
  return (text) => {
    phrases.lastIndex = 0;
    for (let m = phrases.exec(text); m; m = phrases.exec(text)) {
      const end = m.index + m[0].length;
      const before = m.index > 0 && WORD_CHAR.test(text[m.index - 1] as string);
      const after = end < text.length && WORD_CHAR.test(text[end] as string);
      if (!before && !after) return m[0];
      phrases.lastIndex = m.index + 1;
    }
    return null;
  };
}

export function loadKindLexicon(dataDir = DEFAULT_DATA_DIR): KindLexicon {
  const { lexicon, problems } = parseKindLexicon(readDataFile(dataDir, "lexicon/kinds.tsv"));
  if (problems.length > 0) throw new Error(`kind lexicon: ${problems[0]}`);
  return lexicon;
}

let cached: KindLexicon | undefined;
export const defaultKindLexicon = (): KindLexicon => {
  cached ??= loadKindLexicon();
  return cached;
};

// Reporting words are counted this far and no further: a long story need not be read to the end.
const REPORTING_ENOUGH = 5;

/** How many times a global regex matches in text, stopping at `most`. */
function countUpTo(re: RegExp, text: string, most: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < most && re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
}

// A news agency's dateline: "Canberra (VNA) –", "HANOI (Reuters) -".
const DATELINE = /^[^\n()]{0,40}\(\p{Lu}{2,8}\)\s*[–—-]/mu;
// The opening a title or a lede may name the statement in.
const OPENING = 400;

/**
 * What kind of text a document is, told from its title and opening, a publisher or dateline,
 * a journalist's reporting words, and the share of its sentences that are provisions by both
 * sides:
 * - statement: it names itself a joint statement or communiqué; or, with no sign of a news
 *   story, most of it is provisions, mostly by both sides;
 * - news: a report (a publisher, a dateline, reporting words, or provisions of named actors);
 * - other: neither.
 */
export function documentKind(
  text: string,
  meta: { title: string | null; publisher: string | null },
  provisions: Provision[],
  sentenceCount: number,
  lex: KindLexicon = defaultKindLexicon(),
): KindOf {
  const evidence: string[] = [];
  const { title, publisher } = meta;
  const { statementTitle } = lex;
  const inTitle = title !== null ? statementTitle(title) : null;
  const named = inTitle ?? statementTitle(text.slice(0, OPENING));
  if (named) evidence.push(`${inTitle ? "the title" : "the opening"} names a "${named}"`);
  const joint = provisions.filter((p) => p.actor.kind === "joint").length;
  if (provisions.length > 0)
    evidence.push(
      `${provisions.length} of ${sentenceCount} sentences are provisions, ${joint} of them by both sides`,
    );
  const reporting = countUpTo(lex.reporting, text, REPORTING_ENOUGH);
  if (reporting > 0)
    evidence.push(
      `${reporting}${reporting === REPORTING_ENOUGH ? " or more" : ""} reporting word${reporting === 1 ? "" : "s"} ("said", "according to" …)`,
    );
  const opening = text.slice(0, OPENING);
  // Most openings have no bracket at all: no dateline to look for.
  const dateline = opening.includes("(") ? DATELINE.exec(opening) : null;
  if (dateline) evidence.push(`a dateline "${dateline[0].trim()}"`);
  if (publisher) evidence.push(`published by ${publisher}`);
  const news = dateline !== null || reporting >= 2;
  const mostlyJoint =
    provisions.length >= 3 &&
    joint * 2 >= provisions.length &&
    provisions.length >= 0.3 * sentenceCount;
  const kind: DocumentKind =
    named || (mostlyJoint && !news)
      ? "statement"
      : news || publisher || reporting > 0 || provisions.length > 0
        ? "news"
        : "other";
  return { kind, evidence };
}
