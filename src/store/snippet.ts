import type { Term } from "./fts-query.js";
import { exactKey } from "./index-text.js";
import { type SearchWord, searchWords } from "./search-key.js";

type Word = SearchWord;

function matchesAt(text: string, words: Word[], i: number, term: Term, exact: boolean): boolean {
  const n = term.words.length;
  for (let k = 0; k < n; k++) {
    const word = words[i + k];
    const want = term.words[k] as string;
    if (!word) return false;
    const ok = term.prefix && k === n - 1 ? word.key.startsWith(want) : word.key === want;
    if (!ok) return false;
    const marks = exact ? term.exact?.[k] : null;
    if (marks && exactKey(text.slice(word.start, word.end), word.key) !== marks) return false;
  }
  return true;
}

/**
 * Where the terms of a query occur in a text, as the search matched them (folded as the index is, see
 * `searchKey`: "Da Nang" finds "Đà Nẵng"). Consecutive matched words make one span: "Đà Nẵng", not "Đà" and "Nẵng".
 */
export function matchSpans(
  text: string,
  terms: Term[],
  exact = false,
): { start: number; end: number }[] {
  const words = searchWords(text);
  const spans: { start: number; end: number; next: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const term = terms.find((t) => matchesAt(text, words, i, t, exact));
    if (!term) continue;
    const last = words[i + term.words.length - 1] as Word;
    const start = (words[i] as Word).start;
    const prev = spans[spans.length - 1];
    // Consecutive matched words make one span: "«Đà Nẵng»", not "«Đà» «Nẵng»".
    if (prev && prev.next === i && /^\s+$/u.test(text.slice(prev.end, start))) prev.end = last.end;
    else spans.push({ start, end: last.end, next: 0 });
    (spans[spans.length - 1] as { next: number }).next = i + term.words.length;
    i += term.words.length - 1;
  }
  return spans.map(({ start, end }) => ({ start, end }));
}

/**
 * About `size` characters of the original text around the first match of any term, each
 * matched span wrapped in « ». Without a match, the text from `skip` on (past a title line the
 * text opens with, which the result shows already).
 */
export function makeSnippet(
  text: string,
  terms: Term[],
  size = 200,
  skip = 0,
  exact = false,
): string {
  const spans = matchSpans(text, terms, exact);
  const first = spans[0];
  let from = first ? Math.max(0, first.start - Math.floor(size / 3)) : Math.min(skip, text.length);
  let to = Math.min(text.length, from + size);
  if (to - from < size) from = Math.max(first ? 0 : Math.min(skip, text.length), to - size);
  // Do not cut words in half.
  while (from > 0 && from < text.length && /\S/u.test(text[from - 1] as string)) from++;
  while (to < text.length && /\S/u.test(text[to] as string) && to - from < size + 30) to++;
  if (first && from > first.start) from = first.start;
  let out = "";
  let at = from;
  for (const s of spans) {
    if (s.start < from || s.end > to) continue;
    out += `${text.slice(at, s.start)}«${text.slice(s.start, s.end)}»`;
    at = s.end;
  }
  out += text.slice(at, to);
  out = out.replace(/\s+/gu, " ").trim();
  // Only the skipped title before the snippet: nothing was cut, so no ellipsis.
  const cut = first ? from > 0 : /\S/u.test(text.slice(Math.min(skip, from), from));
  return `${cut ? "…" : ""}${out}${to < text.length ? "…" : ""}`;
}
