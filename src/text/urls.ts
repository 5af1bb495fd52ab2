import { LinkifyIt } from "linkify-it";
import type { Range } from "./spans.js";

// linkify-it finds the links (with balanced brackets and trailing punctuation left out) and
// e-mail addresses. Its fuzzy links (a host with no scheme) are kept only with "www." or a path:
// "Hanoi.It was" (a missing space before a sentence) must stay words.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });

/** A link in the text, or an address: every URL has "://", "www." or "@" (mailto), or is none. */
export function mayHaveLinks(text: string): boolean {
  return (
    text.includes("://") || text.includes("@") || text.includes("www.") || text.includes("WWW.")
  );
}

function keep(schema: string, raw: string): boolean {
  if (schema !== "") return true;
  if (/^www\./iu.test(raw)) return true;
  const slash = raw.indexOf("/");
  return slash > 0 && slash < raw.length - 1;
}

/**
 * The URLs and e-mail addresses of `text`, as UTF-16 ranges in order: scheme links
 * ("https://…", "mailto:…"), "www." hosts, e-mail addresses, and hosts with a path
 * ("example.vn/a-b") in a text that has one of the others. A text with no "://", "www." or
 * "@" is not searched further (one pass of `includes`), so most texts cost next to nothing.
 *
 * @example
 * urlSpans("See https://example.com/ha-noi. Mail a@b.vn");
 * // [{ start: 4, end: 29 }, { start: 36, end: 42 }]
 */
export function urlSpans(text: string): Range[] {
  if (typeof text !== "string" || !mayHaveLinks(text)) return [];
  const found = linkify.match(text) ?? [];
  return found
    .filter((m) => keep(m.schema, m.raw))
    .map((m) => ({ start: m.index, end: m.lastIndex }));
}

/**
 * `text` with its URLs and e-mail addresses blanked out (each code unit a space), so offsets
 * stay valid and nothing inside a link reads as a place or a name ("…/united-states-and-
 * da-nang.html"). Returns `text` itself when it has none.
 */
export function maskUrls(text: string): string {
  const spans = urlSpans(text);
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    parts.push(text.slice(at, start), " ".repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
