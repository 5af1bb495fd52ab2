import { type DateMention, findDates } from "../../extract/dates/index.js";
import type { MetadataLexicon } from "./lexicon.js";

/** A year the text gives for a yearless date, and the words that give it. */
export interface YearEvidence {
  year: number;
  /** Quoted from the text: "January 14, 2025", "this year (May 29, 2015 – May 29, 2025)". */
  evidence: string;
}

/** How far, in days, a date the text gives in full may lie from the yearless one. */
const NEAR_DAYS = 7;
/** Between "this year" and the year that names it: spaces, "(", ",", a dash. */
const GAP = /^[\s(,–—-]{0,3}$/u;

const DAY = 86_400_000;
const FULL = /(\d{4})-(\d\d)-(\d\d)/g;

/** The full dates ("2025-01-14") of an explicit date or range value. */
function fullDates(value: string): number[] {
  return [...value.matchAll(FULL)].map((m) =>
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
}

/**
 * The year of a yearless date (month `m`, day `d`) from the text itself, or null when the text
 * does not tell or its clues disagree. Nothing is guessed from today's date. In order:
 * 1. a date the text gives with its year, within a week of it ("signed on January 14, 2025");
 * 2. "this year" / "năm nay" followed by a year ("this year (May 29, 2015 – May 29, 2025)":
 *    the last year named is the current one).
 */
export function yearFromText(
  text: string,
  m: number,
  d: number,
  lexicon: MetadataLexicon,
): YearEvidence | null {
  const dates = findDates(text);
  return agreeing(nearDates(dates, m, d)) ?? agreeing(thisYear(text, dates, lexicon));
}

/** The one year all clues give, with the first clue's words; null for none or a disagreement. */
function agreeing(clues: YearEvidence[]): YearEvidence | null {
  const first = clues[0];
  if (!first || clues.some((c) => c.year !== first.year)) return null;
  return first;
}

function nearDates(dates: DateMention[], m: number, d: number): YearEvidence[] {
  const out: YearEvidence[] = [];
  for (const mention of dates) {
    if (mention.resolution !== "explicit" || mention.value === null) continue;
    if (mention.kind !== "date" && mention.kind !== "range") continue;
    for (const day of fullDates(mention.value)) {
      const y = new Date(day).getUTCFullYear();
      const year = [y - 1, y, y + 1].find((c) => {
        const when = Date.UTC(c, m - 1, d);
        // 29 February of a year without one rolls over to 1 March: not that date.
        return new Date(when).getUTCDate() === d && Math.abs(when - day) <= NEAR_DAYS * DAY;
      });
      if (year !== undefined) out.push({ year, evidence: mention.text });
    }
  }
  return out;
}

function thisYear(text: string, dates: DateMention[], lexicon: MetadataLexicon): YearEvidence[] {
  const out: YearEvidence[] = [];
  dates.forEach((rel, i) => {
    if (
      rel.kind !== "relative" ||
      !lexicon.thisYear.has(rel.text.toLowerCase().replace(/\s+/gu, " "))
    )
      return;
    const next = dates[i + 1];
    if (next?.resolution !== "explicit" || next.value === null) return;
    if (next.kind === "relative" || !GAP.test(text.slice(rel.end, next.start))) return;
    const years = (next.value.match(/\d{4}/g) ?? []).map(Number);
    const close = text[next.end] === ")" && text.slice(rel.end, next.start).includes("(") ? 1 : 0;
    out.push({ year: Math.max(...years), evidence: text.slice(rel.start, next.end + close) });
  });
  return out;
}
