import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv } from "../../gazetteer/tsv.js";
import type { DocumentKind, KindOf, Provision } from "./types.js";

/** The word lists of data/lexicon/kinds.tsv, as the two regular expressions they make. */
export interface KindLexicon {
  /** A joint text of two states names itself so in its title or opening. */
  statementTitle: RegExp;
  /** A journalist's reporting words: a news story, even when it quotes a statement. */
  reporting: RegExp;
}

const escape = (p: string) =>
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
  const alternation = (role: string) => (rows.get(role) ?? []).map(escape).join("|") || "(?!)";
  return {
    lexicon: {
      statementTitle: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${alternation("statement-title")})(?![\\p{L}\\p{N}])`,
        "iu",
      ),
      // ASCII word boundaries around English words, no Unicode lookarounds and no case folding:
      // this one reads every document whole.
      reporting: new RegExp(
        (rows.get("reporting") ?? [])
          .map((w) => (/^[a-zA-Z ]+$/.test(w) ? `\\b${escape(w)}\\b` : escape(w)))
          .join("|") || "(?!)",
        "g",
      ),
    },
    problems,
  };
}

export function loadKindLexicon(dataDir = DEFAULT_DATA_DIR): KindLexicon {
  const { lexicon, problems } = parseKindLexicon(readDataFile(dataDir, "lexicon/kinds.tsv"));
  if (problems.length > 0) throw new Error(`kind lexicon: ${problems[0]}`);
  return lexicon;
}

let cached: KindLexicon | undefined;
const defaultKindLexicon = () => {
  cached ??= loadKindLexicon();
  return cached;
};

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
  const inTitle = title !== null && statementTitle.exec(title);
  const named = inTitle || statementTitle.exec(text.slice(0, OPENING));
  if (named) evidence.push(`${inTitle ? "the title" : "the opening"} names a "${named[0]}"`);
  const joint = provisions.filter((p) => p.actor.kind === "joint").length;
  if (provisions.length > 0)
    evidence.push(
      `${provisions.length} of ${sentenceCount} sentences are provisions, ${joint} of them by both sides`,
    );
  const reporting = text.match(lex.reporting)?.length ?? 0;
  if (reporting > 0)
    evidence.push(
      `${reporting} reporting word${reporting === 1 ? "" : "s"} ("said", "according to" …)`,
    );
  const dateline = DATELINE.exec(text.slice(0, OPENING));
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
