/**
 * Resolution of raw readings to ISO 8601 values, and the year inference for yearless dates.
 */
import { parseDateTime } from "../../ingest/dates.js";
import { daysIn, type Part, type Raw } from "./parse.js";

/** The document's publication date; month and day are null when only a year is known. */
export interface DocDate {
  y: number;
  m: number | null;
  d: number | null;
}

export type Resolution = "explicit" | "inferred" | "open";

export interface Resolved {
  value: string | null;
  resolution: Resolution;
}

const ISO_PREFIX = /^\s{0,20}(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/;

/**
 * Reads the document date as written, without converting time zones (the publisher's local
 * date is what "this year" refers to): "2025-05-11T18:57:00+07:00", "2025-05-11", "2025-05",
 * "2025", or any dateline form parseDateTime reads ("May 11, 2025 6:57 PM GMT+7"). Null when
 * absent or invalid.
 */
export function parseDocumentDate(input: unknown): DocDate | null {
  if (typeof input !== "string" || input.length > 200) return null;
  let m = ISO_PREFIX.exec(input);
  if (m === null) {
    const iso = parseDateTime(input);
    m = iso === null ? null : ISO_PREFIX.exec(iso);
  }
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (!(y >= 1900 && y <= 2100)) return null;
  if (mo !== null && !(mo >= 1 && mo <= 12)) return null;
  if (d !== null && mo !== null && !(d >= 1 && d <= daysIn(y, mo))) return null;
  return { y, m: mo, d };
}

/**
 * The year of a yearless date or month, from the document date. News speaks of the recent
 * past or the near future, so:
 * - a month up to 2 months after the document's month ("July 31" in a May article) takes the
 *   document's year, as does any earlier month of that year ("January 14th" in a May article);
 * - a month more than 2 months after it ("December 20" in a January article) is read as last
 *   year's, but only when that date is within 10 months before the document date;
 * - otherwise, or without a document month, the year is left open (null).
 * The day only matters at the 10-month edge.
 */
export function inferYear(doc: DocDate | null, m: number, d: number | null): number | null {
  if (doc === null || doc.m === null) return null;
  if (m - doc.m <= 2) return doc.y;
  const months = doc.y * 12 + doc.m - ((doc.y - 1) * 12 + m);
  if (months < 10) return doc.y - 1;
  if (months === 10 && (d === null || doc.d === null || d >= doc.d)) return doc.y - 1;
  return null;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function format(y: number, p: Part): string {
  return p.d === null ? `${y}-${pad(p.m)}` : `${y}-${pad(p.m)}-${pad(p.d)}`;
}

const exists = (y: number, p: Part): boolean => p.d === null || p.d <= daysIn(y, p.m);

interface YearOf {
  y: number | null;
  resolution: Resolution;
}

function yearOf(p: Part, doc: DocDate | null): YearOf {
  if (p.y !== null) return { y: p.y, resolution: "explicit" };
  const y = p.r !== null ? (doc === null ? null : doc.y + p.r) : inferYear(doc, p.m, p.d);
  return y === null ? { y, resolution: "open" } : { y, resolution: "inferred" };
}

const OPEN: Resolved = { value: null, resolution: "open" };

/** Null when an explicit date does not exist (the match is then not a date). */
function resolveRange(a: Part, b: Part, doc: DocDate | null): Resolved | null {
  const wrap = b.m * 32 + (b.d ?? 0) <= a.m * 32 + (a.d ?? 0) ? 1 : 0;
  let ay: number | null;
  let by: number | null;
  let resolution: Resolution = "explicit";
  if (a.y !== null && b.y !== null) [ay, by] = [a.y, b.y];
  else if (b.y !== null) [ay, by] = [b.y - wrap, b.y];
  else if (a.y !== null) [ay, by] = [a.y, a.y + wrap];
  else {
    const start = yearOf(a, doc);
    resolution = start.resolution;
    if (start.y === null) return OPEN;
    [ay, by] = [start.y, start.y + wrap];
  }
  if (!exists(ay, a) || !exists(by, b) || ay < 1900 || by > 2100) {
    return resolution === "explicit" ? null : OPEN;
  }
  return { value: `${format(ay, a)}/${format(by, b)}`, resolution };
}

export function resolve(raw: Raw, doc: DocDate | null): Resolved | null {
  switch (raw.kind) {
    case "year":
      return { value: String(raw.y), resolution: "explicit" };
    case "years":
      return { value: `${raw.a}/${raw.b}`, resolution: "explicit" };
    case "relative": {
      if (doc === null) return OPEN;
      if (raw.unit === "year") return { value: String(doc.y + raw.offset), resolution: "inferred" };
      if (doc.m === null) return OPEN;
      const index = doc.y * 12 + doc.m - 1 + raw.offset;
      const y = Math.floor(index / 12);
      return { value: `${y}-${pad((index % 12) + 1)}`, resolution: "inferred" };
    }
    case "range":
      return resolveRange(raw.a, raw.b, doc);
    default: {
      const { y, resolution } = yearOf(raw.a, doc);
      if (y === null) return OPEN;
      if (!exists(y, raw.a)) return resolution === "explicit" ? null : OPEN;
      return { value: format(y, raw.a), resolution };
    }
  }
}
