import { DossierError } from "../../errors.js";
import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { FOLD, WORDCLASS } from "../../text/fold.js";
import { parseTopics, type TopicDomain } from "./lexicon.js";
import { syllableMarks } from "./marks.js";
import { buildTopicTrie, longestMatch, type Match } from "./trie.js";

export { parseTopics, type TopicDomain, type TopicTerm } from "./lexicon.js";

/** One domain a text is about, with every span that triggered it. */
export interface TopicHit {
  domain: string;
  label: string;
  /** Term hits plus distinct terms: five mentions of one term weigh less than five terms. */
  score: number;
  /** `text` is the term as written in topics.tsv ("invest*"); start/end are offsets of the span. */
  terms: { text: string; start: number; end: number }[];
}

export interface TopicTagger {
  /**
   * The domains of `text.slice(start, end)` (the slice's edges count as word boundaries), with
   * offsets into `text`, by score descending then domain id.
   */
  tag(text: string, start?: number, end?: number): TopicHit[];
}

// Local bindings: a hot loop should not read imported tables through a CommonJS getter.
const FOLDED = FOLD;
const WORD_CLASS = WORDCLASS;

/** Compiles a topics.tsv text into a tagger; throws E_DATA when the table has problems. */
export function createTopicTagger(source: string): TopicTagger {
  const { domains, problems } = parseTopics(source);
  if (problems.length > 0) {
    throw new DossierError("E_DATA", `${problems.length} problem(s), first: ${problems[0]}`, {
      input: "topics.tsv",
    });
  }
  const terms = domains.flatMap((d, domain) => d.terms.map((t) => ({ ...t, domain })));
  const trie = buildTopicTrie(
    terms.map((t) => ({ key: t.key, prefix: t.prefix, marks: syllableMarks(t.text) })),
  );
  const termDomain = Int32Array.from(terms, (t) => t.domain);
  const match: Match = { term: -1, end: -1 };
  // Folded first characters of the terms: 1 where one begins, so most words skip the walk.
  const firsts = new Uint8Array(128);
  for (const t of terms) firsts[t.key.charCodeAt(0)] = 1;

  function tag(text: string, start = 0, end = text.length): TopicHit[] {
    const from = Math.max(0, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    const found: { term: number; start: number; end: number }[] = [];
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (WORD_CLASS[code] === 0) {
        i++;
        continue;
      }
      const f = FOLDED[code] as number;
      if (f >= 48 && firsts[f] === 1 && longestMatch(trie, text, i, to, match)) {
        found.push({ term: match.term, start: i, end: match.end });
        i = match.end;
        continue;
      }
      // No term starts here: skip the rest of the word.
      i++;
      while (i < to && WORD_CLASS[text.charCodeAt(i)] !== 0) i++;
    }
    return summarise(found, domains, terms, termDomain);
  }
  return { tag };
}

function summarise(
  found: { term: number; start: number; end: number }[],
  domains: TopicDomain[],
  terms: { text: string }[],
  termDomain: Int32Array,
): TopicHit[] {
  const byDomain = new Map<number, { hit: TopicHit; distinct: Set<number> }>();
  for (const f of found) {
    const d = termDomain[f.term] as number;
    let entry = byDomain.get(d);
    if (!entry) {
      const { id, label } = domains[d] as TopicDomain;
      entry = { hit: { domain: id, label, score: 0, terms: [] }, distinct: new Set() };
      byDomain.set(d, entry);
    }
    entry.distinct.add(f.term);
    entry.hit.terms.push({
      text: (terms[f.term] as { text: string }).text,
      start: f.start,
      end: f.end,
    });
  }
  const hits = [...byDomain.values()].map(({ hit, distinct }) => {
    hit.score = hit.terms.length + distinct.size;
    return hit;
  });
  return hits.sort((a, b) =>
    a.score !== b.score
      ? b.score - a.score
      : a.domain < b.domain
        ? -1
        : a.domain > b.domain
          ? 1
          : 0,
  );
}

let cached: TopicTagger | undefined;

/** The tagger of the bundled data/lexicon/topics.tsv, compiled once. */
export function defaultTopicTagger(): TopicTagger {
  cached ??= createTopicTagger(readDataFile(DEFAULT_DATA_DIR, "lexicon/topics.tsv"));
  return cached;
}

let labels: Map<string, string> | undefined;

/** Each domain id of the bundled table with its label ("trade" → "Trade and investment"). */
export function defaultTopicLabels(): Map<string, string> {
  labels ??= new Map(
    parseTopics(readDataFile(DEFAULT_DATA_DIR, "lexicon/topics.tsv")).domains.map((d) => [
      d.id,
      d.label,
    ]),
  );
  return labels;
}

/** The domains of `text.slice(start, end)` by the bundled table. */
export function topicsOf(text: string, start?: number, end?: number): TopicHit[] {
  return defaultTopicTagger().tag(text, start, end);
}
