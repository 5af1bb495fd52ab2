import { dateAt } from "../../extract/dates/index.js";
import type { MetadataLexicon } from "./lexicon.js";

/** The date a text opens with, as written: the year only when the text gives it. */
export interface OpeningDate {
  /** The date's words, e.g. "January 15th", "ngày 15 tháng Giêng năm 2025". */
  text: string;
  y: number | null;
  m: number;
  d: number;
}

/** Lines read: the title, a place-and-date line, the first sentence. */
const LINES = 3;
const HEAD = 300;
/** "Hà Nội, " / "HANOI, " before a date: one to four capitalised words and a comma. */
const PLACE = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*[\t ]+){0,3}\p{Lu}[\p{L}\p{M}.'’-]*[\t ]*,[\t ]*/u;
/** After the date: an agency tag "(VNA)" and a comma or dash, or the end of the line. */
const AFTER = /^[\t ]*(?:\([\p{Lu}\p{N}]{2,12}\)[\t ]*)?(?:[,:–—-]|$)/u;

/**
 * The date of a dateline sentence or line among the first lines of `text`: "On January 15th,
 * the Ministry …", "On September 10, 2023, …", "Sáng 15/1, …", "Hà Nội, ngày 15 tháng 1 năm
 * 2025", "HANOI, Jan. 15 (VNA) – …". A date after an opener word ("On", "Sáng") may be
 * followed by anything; a date alone, or after a place, must end its line or be followed by a
 * comma or a dash (so "2025 was a good year" is no dateline). Ranges are not dates.
 */
export function openingDate(text: string, lexicon: MetadataLexicon): OpeningDate | null {
  let seen = 0;
  let at = 0;
  while (at < text.length && seen < LINES) {
    const nl = text.indexOf("\n", at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    at = nl < 0 ? text.length : nl + 1;
    if (line === "") continue;
    seen++;
    const found = dateIn(line.slice(0, HEAD), lexicon);
    if (found) return found;
  }
  return null;
}

function dateIn(line: string, lexicon: MetadataLexicon): OpeningDate | null {
  const place = PLACE.exec(line)?.[0].length ?? 0;
  for (const from of place > 0 ? [0, place] : [0]) {
    const opener = lexicon.dateOpener.exec(line.slice(from))?.[0].length ?? 0;
    const found = dateAt(line, from + opener);
    if (found === null || found.raw.kind !== "date") continue;
    const { a } = found.raw;
    if (a.d === null) continue;
    if (opener === 0 && !AFTER.test(line.slice(found.mention.end))) continue;
    const y = a.r === null ? a.y : null;
    return { text: found.mention.text, y, m: a.m, d: a.d };
  }
  return null;
}
