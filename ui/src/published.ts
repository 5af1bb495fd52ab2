// How a document's date reads in the UI: the date, and how sure its year is.
import type { StoredDocument } from "./api.js";

type Doc = Pick<StoredDocument["document"], "published"> & {
  // Documents stored before publishedFrom existed do not have it.
  publishedFrom?: StoredDocument["document"]["publishedFrom"];
};

/** "15 January" from "--01-15"; the month-day as given when it is not one. */
function dayOf(monthDay: string): string {
  const m = /^--(\d\d)-(\d\d)$/u.exec(monthDay);
  if (!m) return monthDay;
  const when = new Date(Date.UTC(2000, Number(m[1]) - 1, Number(m[2])));
  return when.toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
}

/**
 * "2025-05-11T18:57:00+07:00"; "2025-01-15 (year inferred from “this year (…)”)"; "15 January
 * (year unknown)" for a date whose year the text does not tell; "undated" without a date.
 */
export function publishedLabel(doc: Doc): string {
  const from = doc.publishedFrom ?? null;
  if (doc.published) {
    return from?.year === "inferred" && from.evidence
      ? `${doc.published} (year inferred from “${from.evidence}”)`
      : doc.published;
  }
  if (from?.year === "unknown") return `${dayOf(from.monthDay)} (year unknown)`;
  return "undated";
}
