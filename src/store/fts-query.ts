import { DossierError } from "../errors.js";
import { isVietnameseSyllable } from "../text/syllable.js";
import { exactKey, stemOf } from "./index-text.js";
import { forEachSearchWord } from "./search-key.js";

/**
 * The most terms (words or quoted phrases; operators aside) one query may have. Ranking costs
 * grow faster than the number of terms: over 2,000 documents, 333 one-letter prefixes
 * ("a* a* …", 1,000 characters) took 18 s to search, 32 of them 0.3–0.7 s.
 */
export const MAX_QUERY_TERMS = 32;

/** A search term, folded: one word, or the words of a phrase; `prefix` for a trailing `*`. */
export interface Term {
  words: string[];
  prefix: boolean;
  /**
   * Each word as typed, as `exactKey` writes it (null for a word typed without diacritics);
   * absent when no word had any.
   */
  exact?: (string | null)[];
  /** A plain English word's Porter stem, when it differs: the word is looked for as either. */
  stem?: string;
  /** Other spellings of a place's name, spaced otherwise ("hanoi" for "ha noi"), looked for too. */
  spellings?: string[];
}

export interface ParseOptions {
  /** How many of a run of plain words (from the first) make a name to search as a phrase. */
  phrase?: (words: string[]) => number;
  /** Look for a plain English word's stem too ("floods" → "flood"); the store's index has them. */
  stems?: boolean;
  /** Other spellings of a name to look for too ("hanoi" for "ha noi"). */
  spellings?: (key: string) => string[];
}

export interface FtsQuery {
  /** The FTS5 MATCH expression over folded text, or null when the query has no words. */
  match: string | null;
  /** Every word quoted, operators dropped: the plain-words form if `match` is refused. */
  fallback: string | null;
  /**
   * The same expression as a PostgreSQL tsquery over the same folded words (the PostgreSQL
   * store's index holds them as lexemes with positions): phrases with `<->`, prefixes with
   * `:*`, AND/OR/NOT as `&`, `|`, `& !`. Null when `match` is.
   */
  tsquery: string | null;
  /** `fallback` as a tsquery: every word, ANDed. */
  tsFallback: string | null;
  /** `exact` as a tsquery over the words as typed (the store's marks vector). */
  tsExact: string | null;
  /** The terms that must appear (not those after NOT), for snippets. */
  terms: Term[];
  /**
   * When the query was typed with diacritics (and has no OR): the FTS5 expression that asks
   * for the words as typed (the `marks` column), ANDed with `match` by the store to find the
   * texts that hold the exact forms. Null otherwise.
   */
  exact: string | null;
  /** The terms that must appear, each as its folded words joined ("da nang"): for known names. */
  phrases: string[];
  /** Whether the query has operators (AND/OR/NOT), quotes or prefixes: typed as syntax. */
  syntax: boolean;
  /**
   * Set when the query has something in it but nothing to search for (only emoji, symbols or
   * operators): the search then finds nothing, and says why, rather than listing everything.
   */
  note?: string;
}

/** A term as parsed: `quoted` when the user wrote the quotes. */
type ParsedTerm = Term & { quoted?: boolean };
type Item = { op: "AND" | "OR" | "NOT" } | { term: ParsedTerm };

const OPERATORS = new Set(["AND", "OR", "NOT"]);

/**
 * Turns a user's query into an FTS5 expression over folded text: quoted phrases stay phrases,
 * uppercase AND / OR / NOT stay operators, every other word is folded as the index is
 * (`searchKey`: "Đà Nẵng" → "da" "nang", "ＨＡＮＯＩ" → "hanoi", "河内" → the phrase "河 内") and
 * quoted, so FTS5 syntax characters in it cannot break the expression. A query with no word in
 * it (only emoji or symbols) matches nothing, with a `note` saying so. Operators with
 * nothing on one side are dropped, and of two in a row the second is kept ("AND NOT" → NOT).
 * More than `MAX_QUERY_TERMS` terms is an E_USAGE error.
 *
 * `phrase`, when given, says how many of a run of plain words (from the first) make a name to
 * search as a phrase; the store passes `knownNameLength`, so "da nang" is the city.
 */
export function parseFtsQuery(
  q: string,
  options: ParseOptions | ((words: string[]) => number) = {},
): FtsQuery {
  const {
    phrase,
    stems = false,
    spellings,
  } = typeof options === "function" ? { phrase: options } : options;
  const tokens = tokenize(q);
  const syntax = tokens.some((t) => "op" in t || t.term.prefix || t.term.quoted === true);
  const items = phrase ? groupPhrases(tokens, phrase) : tokens;
  const kept: Item[] = [];
  for (const item of items) {
    const last = kept[kept.length - 1];
    if ("op" in item) {
      if (last === undefined) continue;
      if ("op" in last) kept[kept.length - 1] = item;
      else kept.push(item);
    } else kept.push(item);
  }
  while (kept.length > 0 && "op" in (kept[kept.length - 1] as Item)) kept.pop();
  if (kept.length === 0) {
    const none = {
      match: null,
      fallback: null,
      tsquery: null,
      tsFallback: null,
      tsExact: null,
      terms: [],
      exact: null,
      phrases: [],
      syntax,
    };
    return q.trim() === ""
      ? none
      : {
          ...none,
          note: `nothing to search for in ${JSON.stringify(q.trim().slice(0, 100))}: a query needs letters or digits`,
        };
  }
  const count = kept.filter((item) => "term" in item).length;
  if (count > MAX_QUERY_TERMS)
    throw new DossierError(
      "E_USAGE",
      `the query has ${count} terms; at most ${MAX_QUERY_TERMS} (words or "quoted phrases")`,
      { input: q.slice(0, 100) },
    );

  if (stems) for (const item of kept) if ("term" in item) stem(item.term);
  if (spellings) {
    for (const item of kept) {
      if (!("term" in item) || item.term.prefix || item.term.quoted) continue;
      const others = spellings(item.term.words.join(" "));
      if (others.length > 0) item.term.spellings = others;
    }
  }
  const terms: Term[] = [];
  kept.forEach((item, i) => {
    const before = kept[i - 1];
    if ("term" in item && !(before && "op" in before && before.op === "NOT")) {
      const { quoted: _, ...term } = item.term;
      terms.push(term);
    }
  });
  // FTS5 reads two phrases in a row as AND, but not a phrase beside a group in parentheses.
  let match = "";
  kept.forEach((item, i) => {
    const part = "op" in item ? item.op : render(item.term);
    const before = kept[i - 1];
    const grouped = part.startsWith("(") || (before !== undefined && match.endsWith(")"));
    if (i > 0) match += before && "term" in before && !("op" in item) && grouped ? " AND " : " ";
    match += part;
  });
  const fallback = kept
    .flatMap((item) => ("term" in item ? item.term.words.map((w) => `"${w}"`) : []))
    .join(" ");
  // The tsquery reads as FTS5 reads `match`. FTS5 joins phrases written side by side (an
  // implicit AND) tighter than any operator: "a NOT b c" is a NOT (b AND c). The explicit
  // operators then go NOT over AND over OR, as tsquery's ! over & over |; NOT is binary in
  // FTS5, a negated operand in tsquery. `match` writes an explicit AND beside a group in
  // parentheses (a word with other spellings), so there the terms are not side by side.
  const tsOps = { AND: " & ", OR: " | ", NOT: " & !" } as const;
  const spelled = (item: Item | undefined) =>
    item !== undefined && "term" in item && (item.term.spellings ?? []).length > 0;
  let tsquery = "";
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) tsquery += run.length === 1 ? run[0] : `(${run.join(" & ")})`;
    run = [];
  };
  kept.forEach((item, i) => {
    if ("op" in item) {
      endRun();
      tsquery += tsOps[item.op];
      return;
    }
    const before = kept[i - 1];
    if (before && "term" in before && (spelled(item) || spelled(before))) {
      endRun();
      tsquery += tsOps.AND;
    }
    run.push(renderTs(item.term));
  });
  endRun();
  const tsFallback = kept
    .flatMap((item) => ("term" in item ? item.term.words.map(lexeme) : []))
    .join(" & ");
  const marked = terms.filter((t) => t.exact !== undefined);
  const or = kept.some((item) => "op" in item && item.op === "OR");
  const markWords = (t: Term) => (t.exact as (string | null)[]).filter((e) => e !== null);
  const exact =
    marked.length === 0 || or
      ? null
      : marked.map((t) => `marks : "${markWords(t).join(" ")}"`).join(" AND ");
  const tsExact =
    exact === null
      ? null
      : marked.map((t) => `(${markWords(t).map(lexeme).join(" <-> ")})`).join(" & ");
  // Snippets mark a stemmed word's other forms too ("flood" marks "flooded").
  const highlight = [
    ...terms,
    ...terms.flatMap((t) => (t.stem ? [{ words: [t.stem], prefix: true }] : [])),
    ...terms.flatMap((t) =>
      (t.spellings ?? []).map((k) => ({ words: k.split(" "), prefix: false })),
    ),
  ];
  return {
    match,
    fallback,
    tsquery,
    tsFallback,
    tsExact,
    terms: highlight,
    exact,
    phrases: terms.map((t) => t.words.join(" ")),
    syntax,
  };
}

/** Gives a plain English word its stem (see `Term.stem`); Vietnamese syllables stay whole. */
function stem(term: ParsedTerm): void {
  const word = term.words[0] as string;
  if (term.words.length !== 1 || term.prefix || term.exact || term.quoted) return;
  if (!/^[a-z]{3,}$/u.test(word) || isVietnameseSyllable(word)) return;
  const s = stemOf(word);
  if (s !== null) term.stem = s;
}

/** A single plain word: what `groupPhrases` may join (not a phrase, not a prefix, not an operator). */
function plainWord(item: Item | undefined): string | null {
  return item && "term" in item && !item.term.prefix && item.term.words.length === 1
    ? (item.term.words[0] as string)
    : null;
}

/** Runs of plain words that `phrase` recognises become one phrase term each. */
function groupPhrases(items: Item[], phrase: (words: string[]) => number): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; ) {
    const run: string[] = [];
    for (let j = i; plainWord(items[j]) !== null; j++) run.push(plainWord(items[j]) as string);
    const n = run.length >= 2 ? phrase(run) : 0;
    if (n >= 2) {
      const parts = items.slice(i, i + n) as { term: ParsedTerm }[];
      const exact = parts.flatMap((p) => p.term.exact ?? [null]);
      const term: ParsedTerm = { words: run.slice(0, n), prefix: false };
      if (exact.some((e) => e !== null)) term.exact = exact;
      out.push({ term });
      i += n;
    } else {
      out.push(items[i] as Item);
      i++;
    }
  }
  return out;
}

function render(term: Term): string {
  // A word with a stem is looked for by its stem alone: the index holds the stem of every
  // other form (stems column), and the stem itself where it is a word ("flood"), so one term
  // finds every form at the cost of one.
  const plain = term.stem ? `"${term.stem}"` : `"${term.words.join(" ")}"${term.prefix ? "*" : ""}`;
  const others = term.spellings ?? [];
  return others.length === 0 ? plain : `(${[plain, ...others.map((o) => `"${o}"`)].join(" OR ")})`;
}

/** A folded word as a tsquery lexeme, quoted so that no character in it is read as syntax. */
function lexeme(word: string): string {
  return `'${word.replace(/\\/gu, "\\\\").replace(/'/gu, "''")}'`;
}

/** A term as `render` writes it for FTS5, as a tsquery operand in parentheses. */
function renderTs(term: Term): string {
  const phrase = (words: string[], prefix: boolean) =>
    words
      .map((w, i) => (prefix && i === words.length - 1 ? `${lexeme(w)}:*` : lexeme(w)))
      .join(" <-> ");
  const plain = term.stem ? lexeme(term.stem) : phrase(term.words, term.prefix);
  const others = (term.spellings ?? []).map((o) => phrase(o.split(" "), false));
  return `(${[plain, ...others].join(" | ")})`;
}

function tokenize(q: string): Item[] {
  const items: Item[] = [];
  const push = (raw: string, prefix: boolean, quoted: boolean) => {
    const words: string[] = [];
    const exact: (string | null)[] = [];
    forEachSearchWord(raw, (key, start, end) => {
      words.push(key);
      exact.push(exactKey(raw.slice(start, end), key));
    });
    if (words.length === 0) return;
    const term: ParsedTerm = { words, prefix };
    if (quoted) term.quoted = true;
    // A prefix's last word is not a whole word: its marks are not asked for.
    if (exact.some((e) => e !== null) && !prefix) term.exact = exact;
    items.push({ term });
  };
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (c === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close === -1 ? q.length : close;
      const prefix = q[end + 1] === "*";
      push(q.slice(i + 1, end), prefix, true);
      i = end + (prefix ? 2 : 1);
    } else if (/[\s()]/u.test(c)) {
      i++;
    } else {
      let end = i;
      while (end < q.length && !/[\s()"]/u.test(q[end] as string)) end++;
      const raw = q.slice(i, end);
      if (OPERATORS.has(raw)) items.push({ op: raw as "AND" | "OR" | "NOT" });
      else push(raw, raw.endsWith("*"), false);
      i = end;
    }
  }
  return items;
}
