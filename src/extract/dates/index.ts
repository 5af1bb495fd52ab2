/**
 * Dates and date ranges mentioned in English and Vietnamese news text, normalised to ISO 8601.
 * Hand-written regexes (patterns.ts), no date library; input must be NFC.
 *
 * Forms read (English month words must be capitalised: "may" and "march" are verbs):
 * - dates: "May 10, 2025", "10 May 2025", "January 14th", "the 14th of January" (text
 *   "14th of January"), "Jan. 14", "2025-05-10" (a time after it, "T18:57:00+07:00", is kept
 *   in the text), "10/5/2025" (always day/month/year), "ngày 10/5/2025", "ngày 10 tháng 5 năm 2025", "Sáng 12/5" (a yearless "12/5" needs "ngày"
 *   or a time-of-day cue), "May 10 last year", "ngày 10 tháng 5 năm ngoái", and the month names
 *   "tháng Giêng" (1) and "tháng Chạp" (12), in any case (they also name lunar months: the
 *   text, not the parser, can tell);
 * - ranges: "May 8-11", "May 8–11, 2025", "May 8 to 11", "from May 8 to May 11" (text
 *   "May 8 to May 11"), "between May 8 and 11", "8-11 May", "May 29, 2015 – May 29, 2025",
 *   "Dec 28 – Jan 3", "January-March 2025", "ngày 8-11/5/2025", "từ ngày 8/5 đến ngày 11/5",
 *   "tháng 5-6/2025";
 * - months: "January 2025", "tháng 5/2025", "tháng 5 năm 2025", "tháng 5", and an English
 *   month alone after a cue ("in May", "since March", "mid-June", "end of July");
 * - years: "2025", "năm 2025"; spans: "2021-2025", "2021–2025", "2021 to 2025", "between 2021
 *   and 2025", "2020-21", "năm 2021 đến năm 2025", "the 1990s" ("1990/1999");
 * - relative: "this year", "last year", "next year", "this/last/next month", "năm nay",
 *   "năm ngoái", "năm trước", "năm tới", "năm sau", "tháng này", "tháng trước", "tháng tới"
 *   (not "the last year", "hai năm nay", "năm sau đó").
 * Words around a mention that only frame it ("from", "the", "giai đoạn", "từ") stay outside
 * its text; the Vietnamese "ngày", "tháng" and "năm" belong to it.
 *
 * A bare four-digit number is a year only in 1900–2100, outside larger numbers ("2,025",
 * "2025.5", "15/2025/NĐ-CP"), after no currency or ID ("USD 2025", "No. 2025", "số 2025") and
 * before no unit or number ("2025 tons", "2025 tỷ", "1900 1234"). See resolve.ts for how a
 * missing year is inferred from the document date.
 *
 * Candidates are only tried at the start of a token that begins with 1, 2 or 4 digits or is a
 * trigger word; each try is one or two sticky regexes with bounded quantifiers (and bounded
 * look-around in guards.ts), so the scan is linear in the text.
 */

import { WORDCLASS } from "../../text/fold.js";
import { maskUrls } from "../../text/urls.js";
import { parseMatch, type Raw } from "./parse.js";
import { patternsFor, type TokenClass } from "./patterns.js";
import { type DocDate, parseDocumentDate, resolve } from "./resolve.js";

export type { Part, Raw } from "./parse.js";
export { inferYear, parseDocumentDate } from "./resolve.js";

export interface DateMention {
  /** The matched text; text === input.slice(start, end). */
  text: string;
  /** UTF-16 offsets in the input, end exclusive. */
  start: number;
  end: number;
  kind: "date" | "range" | "year" | "years" | "month" | "relative";
  /** ISO 8601 value: "2025-05-10", "2025-05" (month), "2025" (year); for ranges and spans "2025-05-08/2025-05-11", "2021/2025"; null when it cannot be safely resolved (e.g. "January 14th" with no document date). */
  value: string | null;
  /** How the value was obtained: "explicit" (the text gives the year), "inferred" (year taken from the document date), "open" (left unresolved). */
  resolution: "explicit" | "inferred" | "open";
}

export interface FindDatesOptions {
  /** The publication date, e.g. "2025-05-11T18:57:00+07:00" or "2025-05-11"; yearless dates and "this year" are resolved against it. */
  documentDate?: string | null;
}

// First letters of the trigger words (month names, this/last/next, ngày/tháng/năm), either
// case, as a table: one lookup per word of the text.
const TRIGGER_INITIAL = new Uint8Array(128);
for (const c of "JFMASONDTLNjfmasondtln") TRIGGER_INITIAL[c.charCodeAt(0)] = 1;

const CLASS_OF = new Map<string, TokenClass>([
  ..."january february march april may june july august september october november december"
    .split(" ")
    .map((w) => [w, "m"] as const),
  ..."jan feb mar apr jun jul aug sep sept oct nov dec".split(" ").map((w) => [w, "m"] as const),
  ["this", "r"],
  ["last", "r"],
  ["next", "r"],
  ["ngày", "n"],
  ["tháng", "t"],
  ["năm", "y"],
]);

/**
 * The trigger words as a trie over UTF-16 code units in typed arrays, each letter in both cases:
 * a word is classified without slicing or lowercasing it, and most words leave at their first
 * or second letter with two array reads (no Map lookups per word of the text).
 */
const TRIGGERS = (() => {
  // Symbols 1… for the letters the words use, the same for both cases; 0 for any other unit.
  const symbol = new Uint8Array(0x10000);
  let letters = 0;
  for (const word of CLASS_OF.keys())
    for (const ch of word)
      if (symbol[ch.charCodeAt(0)] === 0) {
        letters++;
        symbol[ch.charCodeAt(0)] = letters;
        symbol[ch.toUpperCase().charCodeAt(0)] = letters;
      }
  const width = letters + 1;
  const nodes = 1 + [...CLASS_OF.keys()].reduce((n, w) => n + w.length, 0);
  const next = new Int16Array(nodes * width);
  const classes: (TokenClass | undefined)[] = [undefined];
  for (const [word, cls] of CLASS_OF) {
    let node = 0;
    for (const ch of word) {
      const slot = node * width + (symbol[ch.charCodeAt(0)] as number);
      if (next[slot] === 0) {
        next[slot] = classes.length;
        classes.push(undefined);
      }
      node = next[slot] as number;
    }
    classes[node] = cls;
  }
  return { symbol, width, next, classes };
})();

/** The class of text[start, end) when it can start a mention: 1, 2 or 4 ASCII digits (then anything but a digit), or a trigger word in any case. */
function classify(text: string, start: number, end: number): TokenClass | undefined {
  const c = text.charCodeAt(start);
  if (c >= 48 && c <= 57) {
    let digits = 1;
    while (start + digits < end && digits <= 4) {
      const d = text.charCodeAt(start + digits);
      if (d < 48 || d > 57) break;
      digits++;
    }
    return digits <= 2 ? "d" : digits === 4 ? "Y" : undefined;
  }
  const { symbol, width, next, classes } = TRIGGERS;
  let node = 0;
  for (let k = start; k < end; k++) {
    const letter = symbol[text.charCodeAt(k)] as number;
    if (letter === 0) return undefined;
    node = next[node * width + letter] as number;
    if (node === 0) return undefined;
  }
  return classes[node];
}

function matchAt(
  text: string,
  pos: number,
  cls: TokenClass,
  doc: DocDate | null,
): { mention: DateMention; raw: Raw } | null {
  const { all, single } = patternsFor(cls);
  for (let i = 0; i < 2; i++) {
    const re = i === 0 ? all : single;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) return null; // single matches nothing that all does not
    const end = pos + m[0].length;
    const raw = parseMatch(m.groups ?? {}, text, pos, end);
    const resolved = raw === null ? null : resolve(raw, doc);
    if (raw !== null && resolved !== null) {
      return { mention: { text: m[0], start: pos, end, kind: raw.kind, ...resolved }, raw };
    }
  }
  return null;
}

/**
 * The date mention that starts at `pos`, with its reading as written (`raw`: day, month and the
 * year only when the text gives it), or null. Ingest reads a dateline sentence with it: "On
 * January 15th, …" is { kind: "date", a: { y: null, m: 1, d: 15 } }.
 */
export function dateAt(text: string, pos: number): { mention: DateMention; raw: Raw } | null {
  if (typeof text !== "string" || pos < 0 || pos >= text.length) return null;
  let end = pos + 1;
  while (end < text.length && (WORDCLASS[text.charCodeAt(end)] as number) !== 0) end++;
  const cls = classify(text, pos, end);
  return cls === undefined ? null : matchAt(text, pos, cls, null);
}

/**
 * Finds every date, date range, month, year, span of years and relative year or month in
 * `text`, in order and without overlaps. URLs and e-mail addresses are skipped (a path
 * ".../2025/01/15/..." is no date). Never throws; returns [] for non-string input.
 *
 * @example
 * findDates("Talks on May 8-11 ended the 2021–2025 period.", { documentDate: "2025-05-11" })
 * // [{ text: "May 8-11", kind: "range", value: "2025-05-08/2025-05-11", resolution: "inferred", … },
 * //  { text: "2021–2025", kind: "years", value: "2021/2025", resolution: "explicit", … }]
 */
export function findDates(text: string, options?: FindDatesOptions): DateMention[] {
  if (typeof text !== "string" || text.length === 0) return [];
  return datesIn(maskUrls(text), options);
}

/** findDates over a text whose URLs are already masked (analyze() masks once for every stage). */
export function datesIn(text: string, options?: FindDatesOptions): DateMention[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const doc = parseDocumentDate(options?.documentDate);
  const out: DateMention[] = [];
  // Visit each word start once (the same table-driven scan as the geoparser's): only a word
  // that begins with a digit or a trigger word's first letter is read and classified.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if ((WORDCLASS[code] as number) === 0) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && (WORDCLASS[text.charCodeAt(end)] as number) !== 0) end++;
    if ((code >= 48 && code <= 57) || TRIGGER_INITIAL[code] === 1) {
      const cls = classify(text, i, end);
      const found = cls === undefined ? null : (matchAt(text, i, cls, doc)?.mention ?? null);
      if (found !== null) {
        out.push(found);
        i = found.end;
        continue;
      }
    }
    i = end;
  }
  return out;
}
