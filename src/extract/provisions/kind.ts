import type { DocumentKind, KindOf, Provision } from "./types.js";

// A document that names itself a joint text of two states, in its title or opening.
const STATEMENT_TITLE =
  /(?<![\p{L}\p{N}])(?:joint (?:statement|communiqu[eé]|declaration|press (?:release|statement|communiqu[eé])|vision(?: statement)?)|communiqu[eé]|tuyên bố chung|thông cáo chung|tuyen bo chung|thong cao chung)(?![\p{L}\p{N}])/iu;
// Reporting words of a news story: a journalist's text, even when it quotes a statement.
// (ASCII word boundaries, no Unicode lookarounds, no case folding: this regex reads every
// document whole, and reporting words are written in lowercase.)
const REPORTING =
  /\b(?:said|says|told|according to|reported|reporters|[Ss]pokes(?:man|woman|person))\b|cho biết|phát biểu|theo TTXVN/g;
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
): KindOf {
  const evidence: string[] = [];
  const { title, publisher } = meta;
  const inTitle = title !== null && STATEMENT_TITLE.exec(title);
  const named = inTitle || STATEMENT_TITLE.exec(text.slice(0, OPENING));
  if (named) evidence.push(`${inTitle ? "the title" : "the opening"} names a "${named[0]}"`);
  const joint = provisions.filter((p) => p.actor.kind === "joint").length;
  if (provisions.length > 0)
    evidence.push(
      `${provisions.length} of ${sentenceCount} sentences are provisions, ${joint} of them by both sides`,
    );
  const reporting = text.match(REPORTING)?.length ?? 0;
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
