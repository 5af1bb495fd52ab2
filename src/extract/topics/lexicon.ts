import { parseTsv } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";

/** One trigger of a domain, as written in topics.tsv. */
export interface TopicTerm {
  /** The term as written: "biển đông", "invest*". */
  text: string;
  /** Folded key without the `*`: "bien dong", "invest". */
  key: string;
  /** A trailing `*`: the last word may go on ("invest" → "investment"). */
  prefix: boolean;
}

export interface TopicDomain {
  id: string;
  label: string;
  terms: TopicTerm[];
}

const DOMAIN_ID = /^[a-z][a-z0-9-]*$/;
// Letters, digits, combining marks, spaces and hyphens; an optional `*` at the very end.
const TERM = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} -]*\*?$/u;

/**
 * Parses topics.tsv (`domain	label	terms`), listing every problem: a malformed row, a
 * duplicate domain, a term that is not lowercase NFC or folds to fewer than two letters, and a
 * term whose folded key (ignoring `*`) another term already has, in the same domain or another.
 */
export function parseTopics(source: string): { domains: TopicDomain[]; problems: string[] } {
  const domains: TopicDomain[] = [];
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const row of parseTsv(source)) {
    const where = `topics.tsv:${row.line}`;
    const [id = "", label = "", list = ""] = row.cells;
    if (row.cells.length !== 3 || !DOMAIN_ID.test(id) || label === "" || list === "") {
      problems.push(`${where}: expected "domain<TAB>label<TAB>terms"`);
      continue;
    }
    if (domains.some((d) => d.id === id)) {
      problems.push(`${where}: domain "${id}" is listed twice`);
      continue;
    }
    const terms: TopicTerm[] = [];
    for (const raw of list.split("|")) {
      const text = raw.trim();
      const prefix = text.endsWith("*");
      const key = foldKey(prefix ? text.slice(0, -1) : text);
      if (!TERM.test(text) || text !== text.toLowerCase() || text !== text.normalize("NFC")) {
        problems.push(`${where}: bad term "${text}" (lowercase NFC words, optional trailing *)`);
      } else if (key.replace(/ /g, "").length < 2) {
        problems.push(`${where}: term "${text}" is too short`);
      } else if (owner.has(key)) {
        problems.push(`${where}: term "${text}" (${key}) is already a term of ${owner.get(key)}`);
      } else {
        owner.set(key, id);
        terms.push({ text, key, prefix });
      }
    }
    domains.push({ id, label, terms });
  }
  if (domains.length === 0) problems.push("topics.tsv: no domains");
  return { domains, problems };
}
