/**
 * The regexes behind findDates. A sticky regex ("all") is tried at the start of each candidate
 * token, one per kind of token (digits, month word, "ngày", …) so an attempt only tries the
 * alternatives that can start there. Alternatives are ordered so that the longest reading at a
 * position comes first (ranges before single dates, dates before months, months before years).
 * "single" holds only the single-date alternatives: it is the fallback when a range reading is
 * rejected after the match ("May 8 and 11" without "between", "May 11-8"). Every quantifier is
 * bounded, so one attempt costs a bounded amount of work and a scan is linear in the text.
 *
 * Group names carry a one-letter prefix per alternative (JS forbids duplicate names); parse.ts
 * tells the alternatives apart by a group each one always sets.
 */

const WS = "[\\t \\u00a0\\u2007\\u202f\\r\\n]";
const S0 = `${WS}{0,3}`;
const S1 = `${WS}{1,3}`;
/** Hyphen, the Unicode hyphens and dashes (‐ ‑ ‒ – — ―) and minus. */
const DASH = "[\\-\\u2010-\\u2015\\u2212]";
const MON =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december" +
  "|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)(?![\\p{L}\\p{M}])";
const DAY = "(?:3[01]|[12]\\d|0?[1-9])(?!\\d)";
const ORD = "(?:st|nd|rd|th)?(?![\\p{L}\\p{M}\\p{N}_])";
const MNUM = "(?:1[0-2]|0?[1-9])(?!\\d)";
/** A month after "tháng": its number, or its name for 1 and 12 ("tháng Giêng", "tháng Chạp"). */
const VMON = `(?:${MNUM}|(?:giêng|chạp)(?![\\p{L}\\p{M}]))`;
const YEAR = "(?:19\\d\\d|20\\d\\d|2100)(?!\\d)";
/** Range connectors; "and" is accepted only after "between" (checked in parse.ts). */
const CONN = `(?:${S0}${DASH}${S0}|${S1}(?:to|through|thru|until|till|and|đến|tới)${S1})`;
const OF = `(?:${S1}of)?${S1}`;
/** Numeric date separators: "/", "." and "-". */
const SEP = "[/.\\-]";
/** Not inside a word or a number ("v2025", "1/12/5/2025", "2,025"); "mid-May" is allowed. */
const START =
  "(?:(?<=(?<![\\p{L}\\p{M}])(?:mid|early|late)-)" +
  "|(?<![\\p{L}\\p{N}\\p{M}_]|[\\p{L}\\p{N}\\p{M}][/:\\-\\u2013_]|\\p{N}[.,]))";
/** A mention ends at a word or number boundary ("2025th", "2025.5", "2025/TT", "10-5-1"). */
const END = "(?![\\p{L}\\p{N}\\p{M}_]|[/.,:\\-\\u2013]\\p{N}|[/\\-]\\p{L})";

/** ", 2025" or " 2025" after a day or month. */
const ya = (g: string): string => `(?:,${S0}|${S1})(?<${g}>${YEAR})`;
/** " this year" / " last year" / " next year" after a yearless date or month. */
const rel = (g: string): string => `${S1}(?<${g}>this|last|next)${S1}year(?![\\p{L}\\p{M}])`;
/** " năm nay" / " năm ngoái" / … after a yearless Vietnamese date or month. */
const vrel = (g: string): string =>
  `${S1}năm${S1}(?<${g}>nay|ngoái|trước|tới|sau)(?![\\p{L}\\p{M}])`;
const ngay = (g: string): string => `(?:(?<${g}>ngày)${S1})?`;
const vyear = (g: string): string =>
  `(?:${S1}năm${S1}(?<${g}1>${YEAR})|,${S0}(?<${g}2>${YEAR})|[/\\-](?<${g}3>${YEAR}))`;

/** Vietnamese "[ngày] D[-D] tháng M [năm Y]"; the "-D" range part only when `range`. */
const vThang = (range: boolean): string =>
  `${ngay("k_n")}(?<k_d1>${DAY})` +
  (range ? `(?:(?<k_c>${CONN})(?:ngày${S1})?(?<k_d2>${DAY}))?` : "") +
  `${S1}tháng${S1}(?<k_m>${VMON})(?:${vyear("k_y")}|${vrel("k_r")})?`;

const V_THANG = vThang(false);
const ISO_TIME = "(?:T\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?(?:Z|[+\\-]\\d\\d(?::?\\d\\d)?)?)?";
const MONTH_CUE =
  "(?<=(?<![\\p{L}\\p{M}])(?:(?:in|since|by|until|till|from|during|early|late|before|after" +
  `|throughout|through)${S1}|mid-|(?:end|beginning|middle|start)${S1}of${S1}))`;

/**
 * What a candidate token is: d one or two digits, Y four digits, m an English month word,
 * n "ngày", t "tháng", y "năm", r this/last/next.
 */
export type TokenClass = "d" | "Y" | "m" | "n" | "t" | "y" | "r";
/** [the token classes an alternative can start with, its source]. */
type Alt = readonly [string, string];

const RANGES: readonly Alt[] = [
  // May 29, 2015 – May 29, 2025 · May 8 to May 11 · May 29 - June 2, 2025
  [
    "m",
    `(?<a_m1>${MON})${S0}(?<a_d1>${DAY})${ORD}(?:${ya("a_y1")})?(?<a_c>${CONN})(?<a_m2>${MON})${S0}(?<a_d2>${DAY})${ORD}(?:${ya("a_y2")})?`,
  ],
  // May 8-11 · May 8 to 11, 2025
  [
    "m",
    `(?<b_m>${MON})${S0}(?<b_d1>${DAY})${ORD}(?<b_c>${CONN})(?<b_d2>${DAY})${ORD}(?:${ya("b_y")})?`,
  ],
  // 29 May 2015 – 29 May 2025 · 8 May – 2 June
  [
    "d",
    `(?<c_d1>${DAY})${ORD}${OF}(?<c_m1>${MON})(?:${ya("c_y1")})?(?<c_c>${CONN})(?<c_d2>${DAY})${ORD}${OF}(?<c_m2>${MON})(?:${ya("c_y2")})?`,
  ],
  // 8-11 May 2025 · 8 to 11 May
  [
    "d",
    `(?<d_d1>${DAY})${ORD}(?<d_c>${CONN})(?<d_d2>${DAY})${ORD}${OF}(?<d_m>${MON})(?:${ya("d_y")})?`,
  ],
  // January-March 2025 · May 2024 to June 2025 (the last year is required)
  ["m", `(?<h_m1>${MON})(?:${ya("h_y1")})?(?<h_c>${CONN})(?<h_m2>${MON})${ya("h_y2")}`],
  // ngày 29/5/2015 - 29/5/2025 · từ ngày 8/5 đến ngày 11/5/2025
  [
    "dn",
    `${ngay("i_n")}(?<i_d1>${DAY})${SEP}(?<i_m1>${MNUM})(?:${SEP}(?<i_y1>${YEAR}))?(?<i_c>${CONN})(?:ngày${S1})?(?<i_d2>${DAY})${SEP}(?<i_m2>${MNUM})(?:${SEP}(?<i_y2>${YEAR}))?`,
  ],
  // ngày 8-11/5/2025 · từ ngày 8 đến ngày 11/5
  [
    "dn",
    `${ngay("j_n")}(?<j_d1>${DAY})(?<j_c>${CONN})(?:ngày${S1})?(?<j_d2>${DAY})${SEP}(?<j_m>${MNUM})(?:${SEP}(?<j_y>${YEAR}))?`,
  ],
  // ngày 10 tháng 5 năm 2025 · ngày 8-11 tháng 5
  ["dn", vThang(true)],
  // tháng 5-6/2025 · tháng 5 đến tháng 7 năm 2025 · tháng Giêng đến tháng 3
  [
    "t",
    `tháng${S1}(?<l_m1>${VMON})(?<l_c>${CONN})(?:tháng${S1})?(?<l_m2>${VMON})(?:${vyear("l_y")})?`,
  ],
  // 2021-2025 · 2021 to 2025 · năm 2021 đến năm 2025 · 2020-21
  [
    "Yy",
    `(?:(?<y_n>năm)${S1})?(?<y_1>${YEAR})(?<y_c>${CONN})(?:năm${S1})?(?<y_2>${YEAR}|\\d\\d(?!\\d))`,
  ],
];

const SINGLES: readonly Alt[] = [
  // 2025-05-10 · 2025/05/10 · 2025-05-11T18:57:00+07:00 (the time is kept in the text only)
  ["Y", `(?<o_y>${YEAR})(?<o_s>[\\-/])(?<o_m>\\d\\d)\\k<o_s>(?<o_d>\\d\\d)${ISO_TIME}`],
  // ngày 10/5/2025 · 10-5-2025 · ngày 10/5 (no year: needs "ngày" or a cue, see parse.ts)
  ["dn", `${ngay("n_n")}(?<n_d>${DAY})(?<n_s>${SEP})(?<n_m>${MNUM})(?:\\k<n_s>(?<n_y>${YEAR}))?`],
  ["dn", V_THANG],
  // May 10, 2025 · January 14th · May 10 last year
  ["m", `(?<e_m>${MON})${S0}(?<e_d>${DAY})${ORD}(?:${ya("e_y")}|${rel("e_r")})?`],
  // 10 May 2025 · 14th of January
  ["d", `(?<f_d>${DAY})${ORD}${OF}(?<f_m>${MON})(?:${ya("f_y")}|${rel("f_r")})?`],
  // January 2025
  ["m", `(?<g_m>${MON})${ya("g_y")}`],
  // a month alone, only after a cue: "in May", "since March", "mid-June", "end of July"
  ["m", `${MONTH_CUE}(?<m_m>${MON})(?:${rel("m_r")})?`],
  // tháng 5/2025 · tháng 5 năm 2025 · tháng 5 · tháng 5 năm ngoái · tháng Giêng
  ["t", `tháng${S1}(?<q_m>${VMON})(?:${vyear("q_y")}|${vrel("q_r")})?`],
  // năm 2025
  ["y", `năm${S1}(?<r_y>${YEAR})`],
  // the 1990s
  ["Y", "(?<s_y>(?:19|20)\\d0)'?s"],
  // 2025
  ["Y", `(?<t_y>${YEAR})`],
  // this year · last month
  ["r", `(?<u_w>this|last|next)${S1}(?<u_u>year|month)(?![\\p{L}\\p{M}])`],
  // năm nay · năm ngoái · tháng trước · tháng tới
  ["ty", `(?<v_u>năm|tháng)${S1}(?<v_w>nay|này|ngoái|trước|tới|sau)(?![\\p{L}\\p{M}])`],
];

function compile(alts: readonly Alt[], cls: TokenClass): RegExp {
  const src = alts.filter(([classes]) => classes.includes(cls)).map(([, source]) => source);
  return new RegExp(`${START}(?:${src.join("|")})${END}`, "iuy");
}

export interface Patterns {
  /** Every alternative that can start at a token of this class, ranges first. */
  all: RegExp;
  /** Only the single-date alternatives: the fallback when a range reading is rejected. */
  single: RegExp;
}

// vThang(true) already reads the single "D tháng M" form (and reuses its group names).
const EVERY = [...RANGES, ...SINGLES.filter(([, source]) => source !== V_THANG)];

const compiled: Partial<Record<TokenClass, Patterns>> = {};

/**
 * The sticky regexes of a token class; one regex per class keeps each attempt short. Compiled
 * on first use: the fourteen of them took 50 ms at every start, most of it for classes that a
 * short text never reaches.
 */
export function patternsFor(cls: TokenClass): Patterns {
  let p = compiled[cls];
  if (p === undefined) {
    p = { all: compile(EVERY, cls), single: compile(SINGLES, cls) };
    compiled[cls] = p;
  }
  return p;
}
/** Candidate tokens: runs of letters, marks, digits and "_". */
export const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
