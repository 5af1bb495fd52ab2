/**
 * Datelines: the publication date-time a news page states ("May 11, 2025 6:57 PM GMT+7",
 * "Thứ Hai, 12/05/2025 - 06:57 (GMT+7)"), found with hand-written regexes and normalised to
 * ISO 8601. No date library. Month and weekday names match in any case; input must be NFC.
 *
 * Dates (every form needs a four-digit year, 1900–2100; a date without one is never a dateline):
 * - English: "May 11, 2025", "May 11 2025", "May 11th, 2025", "11 May 2025", "11th of May, 2025",
 *   full or abbreviated months ("Jan.", "Sep", "Sept", "September"), optionally after a
 *   weekday ("Sunday, May 11, 2025", "Sun, 11 May 2025").
 * - Vietnamese: "12/05/2025", "12-05-2025", "12.05.2025" (always day/month/year, never
 *   month/day), "ngày 12 tháng 5 năm 2025", "12 tháng 5, 2025", "15 tháng Giêng năm 2025" (the
 *   names of months 1 and 12, Giêng and Chạp, in any case), optionally after a weekday
 *   ("Thứ Hai".."Thứ Bảy", "Thứ 2".."Thứ 7", "Chủ nhật", "CN") and/or "ngày".
 * - ISO: "2025-05-11", "2025/05/11" (year first).
 * Times, after the date (separated by a space, ",", "-", "–", "|", "@", "at", "lúc" or "T") or
 * before it ("06:57 12/05/2025"): "18:57", "18:57:09" (fractions dropped), "6:57 PM", "6:57 p.m.",
 * "6 PM", "18h57", "18h", "18 giờ 57 (phút)". 12-hour times become 24-hour (12 AM → 00).
 * Zones, after the time (or after the date when the time came first): "GMT+7", "GMT+07:00",
 * "UTC+7", "(GMT+7)", "GMT"/"UTC" alone (→ +00:00), "ICT" (→ +07:00), "+07:00", "+0700", and
 * "Z" right after the time, which is kept as "Z" (not rewritten to +00:00).
 * Output: "2025-05-11T18:57:00+07:00", "2025-05-11T18:57:00" (no zone), "2025-05-11" (no time).
 * A zone given without a time is dropped; an invalid time or zone makes parseDateTime return
 * null, while findDateline falls back to the date alone. findDateline takes the first valid
 * dateline that starts within the first maxChars characters (it may run up to 80 past them).
 * Every quantifier is bounded, so a search is linear in the text searched.
 */

export interface Dateline {
  /** ISO 8601: "2025-05-11T18:57:00+07:00" when a time and zone are given; "2025-05-11T18:57:00" with a time but no zone; "2025-05-11" for a date alone. */
  iso: string;
  /** UTF-16 offsets of the matched dateline text in the input, end exclusive. */
  start: number;
  end: number;
}

const WS = "[\\t \\u00a0\\u2007\\u202f]";
const MONTH =
  "(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\\.?";
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ORD = "(?:st|nd|rd|th)?";
const WEEKDAY =
  "(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun" +
  `|thứ${WS}{1,2}(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ${WS}{1,2}nhật|cn)` +
  `(?:\\.?${WS}{0,2}[,\\-–—|]${WS}{0,2}|\\.?${WS}{1,2})`;
/** Not in the middle of a word or a number ("1/12/05/2025", "v2025-05-11"). */
const START = "(?<![\\p{L}\\p{N}\\p{M}_]|\\p{N}[/.:\\-])";
/** A date ends at a word or number boundary; "T" may follow when a time follows it. */
const DATE_END = "(?!(?!t\\d)[\\p{L}\\p{M}_]|\\p{N}|[/.:\\-]\\p{N})";
const CORE =
  `(?:ngày${WS}{1,2})?(?:` +
  "(?<iy>\\d{4})(?<is>[-/])(?<im>\\d{2})\\k<is>(?<id>\\d{2})" +
  "|(?<nd>\\d{1,2})(?<ns>[/.\\-])(?<nm>\\d{1,2})\\k<ns>(?<ny>\\d{4})" +
  `|(?<vd>\\d{1,2})${WS}{1,2}tháng${WS}{1,2}(?<vm>\\d{1,2}|giêng|chạp)(?:${WS}{1,2}năm|${WS}{0,2},)?${WS}{1,2}(?<vy>\\d{4})` +
  `|(?<am>${MONTH})${WS}{0,2}(?<ad>\\d{1,2})${ORD}(?:,${WS}{0,2}|${WS}{1,2})(?<ay>\\d{4})` +
  `|(?<bd>\\d{1,2})${ORD}${WS}{1,2}(?:of${WS}{1,2})?(?<bm>${MONTH})(?:,${WS}{0,2}|${WS}{1,2})(?<by>\\d{4})` +
  `)${DATE_END}`;
const AMPM_TAIL = `\\.?${WS}?m\\.?(?![\\p{L}\\p{N}])`;
const time = (p: string): string =>
  `(?:(?<${p}h>\\d{1,2}):(?<${p}m>\\d{2})(?::(?<${p}s>\\d{2})(?:[.,]\\d{1,9})?)?(?![\\p{N}:])` +
  `|(?<${p}h2>\\d{1,2})${WS}?(?:h|giờ)(?:${WS}{0,2}(?<${p}m2>\\d{1,2})(?:${WS}{1,2}phút)?)?(?![\\p{L}\\p{N}])` +
  `|(?<${p}h3>\\d{1,2})(?=${WS}{0,2}[ap]${AMPM_TAIL}))` +
  `(?:${WS}{0,2}(?<${p}ap>[ap])${AMPM_TAIL})?`;
const SEP = `(?:${WS}{0,3}(?:[,\\-–—|@]|at|lúc)?${WS}{0,3}|t)`;
const ZONE =
  `${WS}{0,2}(?:\\(?${WS}?(?<zu>gmt|utc)(?:${WS}?(?<zs>[+\\-−])${WS}?(?<zh>\\d{1,2})(?::?(?<zm>\\d{2}))?)?(?![\\p{L}\\p{N}])${WS}?\\)?` +
  "|\\(?(?<zi>ict)(?![\\p{L}\\p{N}])\\)?" +
  "|(?<=\\d)(?<zz>z)(?![\\p{L}\\p{N}])" +
  "|(?<os>[+\\-−])(?<oh>\\d{2}):?(?<om>\\d{2})(?![\\p{N}]))";
const SOURCE = `${START}(?:${time("l")}${SEP})?(?<date>(?:${WEEKDAY})?${CORE})(?:${SEP}${time("t")})?(?:${ZONE})?`;

const FIND = new RegExp(SOURCE, "giud");
const WHOLE = new RegExp(`^(?:${SOURCE})$`, "iud");
const FOUR_DIGITS = /\d{4}/;
/** Longer than any dateline; parseDateTime gives up on anything longer. */
const MAX_PARSE = 200;

type Groups = Record<string, string | undefined>;
const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s));
const pad = (n: number): string => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "5", "05", or "Giêng" (1) and "Chạp" (12), the month names Vietnamese dates also use. */
function vietnameseMonth(word: string | undefined): number {
  const w = word?.toLowerCase();
  return w === "giêng" ? 1 : w === "chạp" ? 12 : num(word);
}

function monthOf(name: string | undefined): number {
  return name === undefined ? Number.NaN : MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** "2025-05-11", or null when the date does not exist or the year is out of range. */
function readDate(g: Groups): string | null {
  let y: number;
  let m: number;
  let d: number;
  if (g.iy !== undefined) [y, m, d] = [num(g.iy), num(g.im), num(g.id)];
  else if (g.ny !== undefined) [y, m, d] = [num(g.ny), num(g.nm), num(g.nd)];
  else if (g.vy !== undefined) [y, m, d] = [num(g.vy), vietnameseMonth(g.vm), num(g.vd)];
  else if (g.ay !== undefined) [y, m, d] = [num(g.ay), monthOf(g.am), num(g.ad)];
  else [y, m, d] = [num(g.by), monthOf(g.bm), num(g.bd)];
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m))) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "18:57:00"; undefined when no time was matched under prefix `p`, null when it is not valid. */
function readTime(g: Groups, p: string): string | null | undefined {
  const h = g[`${p}h`] ?? g[`${p}h2`] ?? g[`${p}h3`];
  if (h === undefined) return undefined;
  const ap = g[`${p}ap`]?.toLowerCase();
  let hour = num(h);
  const minute = num(g[`${p}m`] ?? g[`${p}m2`] ?? "0");
  const second = num(g[`${p}s`] ?? "0");
  if (g[`${p}h3`] !== undefined && ap === undefined) return null;
  if (ap !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ap === "p" ? 12 : 0);
  }
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** "+07:00" or "Z"; undefined when no zone was matched, null when the offset is out of range. */
function readZone(g: Groups): string | null | undefined {
  if (g.zz !== undefined) return "Z";
  if (g.zi !== undefined) return "+07:00";
  let sign = g.zs ?? g.os;
  const hours = num(g.zh ?? g.oh ?? "0");
  const minutes = num(g.zm ?? g.om ?? "0");
  if (sign === undefined) return g.zu !== undefined ? "+00:00" : undefined;
  if (hours > 14 || minutes > 59) return null;
  sign = sign === "+" ? "+" : "-";
  return `${sign}${pad(hours)}:${pad(minutes)}`;
}

/** Reads one regex match; `strict` rejects a match with an invalid time or zone, else it falls back to the date. */
function interpret(m: RegExpExecArray, strict: boolean): Dateline | null {
  const g = m.groups as Groups;
  const date = readDate(g);
  if (date === null) return null;
  const lead = readTime(g, "l");
  const trail = readTime(g, "t");
  const zone = readZone(g);
  const start = m.index;
  const end = start + m[0].length;
  const time = lead !== undefined && trail !== undefined ? null : (lead ?? trail);
  if (time !== undefined && time !== null && zone !== null) {
    return { iso: `${date}T${time}${zone ?? ""}`, start, end };
  }
  if (strict && (time === null || zone === null)) return null;
  const span = m.indices?.groups?.date;
  if (time === undefined && zone === undefined && !strict) return { iso: date, start, end };
  return span === undefined ? null : { iso: date, start: span[0], end: span[1] };
}

/** Parses one string that should be a date(-time) in one of the supported forms; null if it is not one, or if it is not a real date (Feb 30, hour 25, etc). */
export function parseDateTime(text: string): string | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  if (trimmed.length > MAX_PARSE) return null;
  const m = WHOLE.exec(trimmed);
  return m === null ? null : (interpret(m, true)?.iso ?? null);
}

/** Finds the first dateline in `text` (e.g. a line "May 11, 2025 6:57 PM GMT+7" or "Thứ Hai, 12/05/2025 - 06:57 (GMT+7)"), searching at most the first `maxChars` (default 3000) characters; null when none. A date with no year is NOT a dateline (never invent a year). */
export function findDateline(text: string, options?: { maxChars?: number }): Dateline | null {
  if (typeof text !== "string") return null;
  const max =
    typeof options?.maxChars === "number" && options.maxChars >= 0 ? options.maxChars : 3000;
  // A little past the limit, so a dateline that starts before it is read whole.
  const hay = text.length > max + 80 ? text.slice(0, max + 80) : text;
  // Every form has a four-digit year: without one, FIND (costly to compile, and slow to fail
  // on every line) cannot match.
  if (!FOUR_DIGITS.test(hay)) return null;
  FIND.lastIndex = 0;
  for (let m = FIND.exec(hay); m !== null && m.index < max; m = FIND.exec(hay)) {
    const found = interpret(m, false);
    if (found !== null) return found;
    FIND.lastIndex = m.index + 1;
  }
  return null;
}
