/**
 * Turns one match of patterns.ts into a raw reading: numbers, not yet resolved against the
 * document date. Returns null when the match is not a plausible date (impossible day, range
 * running backwards, lowercase month word, bare year that looks like money, …).
 */
import {
  afterThe,
  connectorOk,
  plausibleYear,
  vietnameseCue,
  vietnameseRelativeOk,
} from "./guards.js";

/** A day (d) or a month (d null); y is the explicit year, r a year relative to the document ("last year" → -1). */
export interface Part {
  y: number | null;
  m: number;
  d: number | null;
  r: number | null;
}

export type Raw =
  | { kind: "date" | "month"; a: Part }
  | { kind: "range"; a: Part; b: Part }
  | { kind: "year"; y: number }
  | { kind: "years"; a: number; b: number }
  | { kind: "relative"; unit: "year" | "month"; offset: number };

type Groups = Record<string, string | undefined>;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const OFFSETS: Record<string, number> = {
  this: 0,
  last: -1,
  next: 1,
  nay: 0,
  này: 0,
  ngoái: -1,
  trước: -1,
  tới: 1,
  sau: 1,
};

export function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
const offset = (s: string | undefined): number | null =>
  s === undefined ? null : (OFFSETS[s.toLowerCase()] ?? null);

/** English month word to 1–12; NaN unless it is capitalised ("may" is a verb, "May" a month). */
function month(word: string | undefined): number {
  if (word === undefined) return Number.NaN;
  const first = word.charAt(0);
  if (first === first.toLowerCase()) return Number.NaN;
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1 || Number.NaN;
}

/** A Vietnamese month after "tháng": "5", "05", or the names of the first and last months. */
function vmonth(word: string | undefined): number {
  const w = word?.toLowerCase();
  return w === "giêng" ? 1 : w === "chạp" ? 12 : Number(word);
}

function part(m: number, d: string | null | undefined, y: string | undefined, r?: string): Part {
  return { y: num(y), m, d: d === null ? null : num(d), r: offset(r) };
}

/** A real month, and a day that exists in it (29 February only in a leap year, or with no year yet). */
function validPart(p: Part): boolean {
  if (!(p.m >= 1 && p.m <= 12)) return false;
  return p.d === null || (p.d >= 1 && p.d <= daysIn(p.y ?? 2000, p.m));
}

/** b is after a; without years, b may wrap into the next year only from Oct–Dec to Jan–Mar. */
function ordered(a: Part, b: Part): boolean {
  const ka = a.m * 32 + (a.d ?? 0);
  const kb = b.m * 32 + (b.d ?? 0);
  if (a.y !== null && b.y !== null) return a.y < b.y || (a.y === b.y && ka < kb);
  return ka < kb || (a.m >= 10 && b.m <= 3);
}

function range(
  a: Part,
  b: Part,
  conn: string | undefined,
  text: string,
  start: number,
): Raw | null {
  if (!validPart(a) || !validPart(b) || !ordered(a, b)) return null;
  return connectorOk(conn, text, start) ? { kind: "range", a, b } : null;
}

function single(kind: "date" | "month", a: Part): Raw | null {
  return validPart(a) ? { kind, a } : null;
}

function yearSpan(g: Groups, text: string, start: number, end: number): Raw | null {
  const a = Number(g.y_1);
  const second = g.y_2 ?? "";
  let b = Number(second);
  if (second.length === 2) {
    // "2020-21": only with a dash, and only forward within the century
    if (!/^\s*[-\u2010-\u2015\u2212]/u.test(g.y_c ?? "")) return null;
    b = a - (a % 100) + b;
  }
  if (!(b > a && b <= 2100) || !connectorOk(g.y_c, text, start)) return null;
  if (g.y_n === undefined && !plausibleYear(text, start, end)) return null;
  return { kind: "years", a, b };
}

/** Reads a match of ALL or SINGLE (see patterns.ts). */
export function parseMatch(g: Groups, text: string, start: number, end: number): Raw | null {
  if (g.a_m1 !== undefined) {
    const a = part(month(g.a_m1), g.a_d1, g.a_y1);
    return range(a, part(month(g.a_m2), g.a_d2, g.a_y2), g.a_c, text, start);
  }
  if (g.b_m !== undefined) {
    const m = month(g.b_m);
    return range(part(m, g.b_d1, g.b_y), part(m, g.b_d2, g.b_y), g.b_c, text, start);
  }
  if (g.c_m1 !== undefined) {
    const a = part(month(g.c_m1), g.c_d1, g.c_y1);
    return range(a, part(month(g.c_m2), g.c_d2, g.c_y2), g.c_c, text, start);
  }
  if (g.d_m !== undefined) {
    const m = month(g.d_m);
    return range(part(m, g.d_d1, g.d_y), part(m, g.d_d2, g.d_y), g.d_c, text, start);
  }
  if (g.h_m1 !== undefined) {
    const a = part(month(g.h_m1), null, g.h_y1);
    return range(a, part(month(g.h_m2), null, g.h_y2), g.h_c, text, start);
  }
  if (g.i_m1 !== undefined) {
    const cued = g.i_n !== undefined || g.i_y1 !== undefined || g.i_y2 !== undefined;
    if (!cued && !vietnameseCue(text, start)) return null;
    const a = part(Number(g.i_m1), g.i_d1, g.i_y1);
    return range(a, part(Number(g.i_m2), g.i_d2, g.i_y2), g.i_c, text, start);
  }
  if (g.j_m !== undefined) {
    const cued = g.j_n !== undefined || g.j_y !== undefined;
    if (!cued && !vietnameseCue(text, start)) return null;
    const m = Number(g.j_m);
    return range(part(m, g.j_d1, g.j_y), part(m, g.j_d2, g.j_y), g.j_c, text, start);
  }
  if (g.k_m !== undefined) {
    const m = vmonth(g.k_m);
    const y = g.k_y1 ?? g.k_y2 ?? g.k_y3;
    const a = part(m, g.k_d1, y, g.k_r);
    if (g.k_d2 === undefined) return single("date", a);
    return range(a, part(m, g.k_d2, y, g.k_r), g.k_c, text, start);
  }
  if (g.l_m1 !== undefined) {
    const y = g.l_y1 ?? g.l_y2 ?? g.l_y3;
    const a = part(vmonth(g.l_m1), null, y);
    return range(a, part(vmonth(g.l_m2), null, y), g.l_c, text, start);
  }
  if (g.y_1 !== undefined) return yearSpan(g, text, start, end);
  if (g.o_y !== undefined) return single("date", part(Number(g.o_m), g.o_d, g.o_y));
  if (g.n_m !== undefined) {
    const cued = g.n_n !== undefined || g.n_y !== undefined || vietnameseCue(text, start);
    return cued ? single("date", part(Number(g.n_m), g.n_d, g.n_y)) : null;
  }
  if (g.e_m !== undefined) return single("date", part(month(g.e_m), g.e_d, g.e_y, g.e_r));
  if (g.f_m !== undefined) return single("date", part(month(g.f_m), g.f_d, g.f_y, g.f_r));
  if (g.g_m !== undefined) return single("month", part(month(g.g_m), null, g.g_y));
  if (g.m_m !== undefined) return single("month", part(month(g.m_m), null, undefined, g.m_r));
  if (g.q_m !== undefined) {
    const y = g.q_y1 ?? g.q_y2 ?? g.q_y3;
    return single("month", part(vmonth(g.q_m), null, y, g.q_r));
  }
  if (g.r_y !== undefined) return { kind: "year", y: Number(g.r_y) };
  if (g.s_y !== undefined) {
    const a = Number(g.s_y);
    return a >= 1900 && a <= 2090 ? { kind: "years", a, b: a + 9 } : null;
  }
  if (g.t_y !== undefined) {
    return plausibleYear(text, start, end) ? { kind: "year", y: Number(g.t_y) } : null;
  }
  if (g.u_w !== undefined && g.u_u !== undefined) {
    if (afterThe(text, start)) return null;
    const unit = g.u_u.toLowerCase() === "year" ? "year" : "month";
    return { kind: "relative", unit, offset: offset(g.u_w) ?? 0 };
  }
  if (g.v_u !== undefined && g.v_w !== undefined) {
    if (!vietnameseRelativeOk(text, start, end)) return null;
    const unit = g.v_u.toLowerCase() === "năm" ? "year" : "month";
    return { kind: "relative", unit, offset: offset(g.v_w) ?? 0 };
  }
  return null;
}
