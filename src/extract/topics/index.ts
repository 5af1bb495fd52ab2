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
  // Scratch reused by every call (tag is called per paragraph and per provision): the hit of
  // each domain and each term seen, stamped with the call's number, instead of a Map, a Set
  // per domain and an object per term found.
  const hitOf: TopicHit[] = [];
  const hitCall = new Uint32Array(domains.length);
  const distinct = new Int32Array(domains.length);
  const termCall = new Uint32Array(terms.length);
  let call = 0;

  function tag(text: string, start = 0, end = text.length): TopicHit[] {
    const from = Math.max(0, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    if (call === 0xffffffff) {
      hitCall.fill(0);
      termCall.fill(0);
      call = 0;
    }
    call++;
    const hits: TopicHit[] = [];
    const order: number[] = [];
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (WORD_CLASS[code] === 0) {
        i++;
        continue;
      }
      const f = FOLDED[code] as number;
      if (f >= 48 && firsts[f] === 1 && longestMatch(trie, text, i, to, match)) {
        const term = match.term;
        const d = termDomain[term] as number;
        if (hitCall[d] !== call) {
          hitCall[d] = call;
          distinct[d] = 0;
          const { id, label } = domains[d] as TopicDomain;
          hitOf[d] = { domain: id, label, score: 0, terms: [] };
          hits.push(hitOf[d] as TopicHit);
          order.push(d);
        }
        if (termCall[term] !== call) {
          termCall[term] = call;
          distinct[d] = (distinct[d] as number) + 1;
        }
        (hitOf[d] as TopicHit).terms.push({
          text: (terms[term] as { text: string }).text,
          start: i,
          end: match.end,
        });
        i = match.end;
        continue;
      }
      // No term starts here: skip the rest of the word.
      i++;
      while (i < to && WORD_CLASS[text.charCodeAt(i)] !== 0) i++;
    }
    for (let k = 0; k < hits.length; k++) {
      const hit = hits[k] as TopicHit;
      hit.score = hit.terms.length + (distinct[order[k] as number] as number);
    }
    return byScore(hits);
  }
  return { tag };
}

/**
 * Hits by score descending, then domain id (ids are unique, so the order is total and any sort
 * gives it): an insertion sort in place, as a paragraph has a few domains at most.
 */
function byScore(hits: TopicHit[]): TopicHit[] {
  for (let k = 1; k < hits.length; k++) {
    const hit = hits[k] as TopicHit;
    let j = k - 1;
    for (; j >= 0; j--) {
      const other = hits[j] as TopicHit;
      if (other.score > hit.score || (other.score === hit.score && other.domain < hit.domain))
        break;
      hits[j + 1] = other;
    }
    hits[j + 1] = hit;
  }
  return hits;
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
