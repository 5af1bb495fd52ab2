import type { Cleaned } from "../clean/index.js";
import { parseDateTime } from "../dates.js";
import type { PublishedFrom } from "../types.js";
import { openingDate } from "./date.js";
import type { MetadataLexicon } from "./lexicon.js";
import { yearFromText } from "./year.js";

const pad = (n: number) => String(n).padStart(2, "0");
const monthDayOf = (iso: string) => `--${iso.slice(5, 10)}`;

export interface Published {
  published: string | null;
  publishedFrom: PublishedFrom | null;
  /** Why the reader's date was not used. */
  warning: string | null;
}

/**
 * The publication date, from the first source that has one:
 * 1. the reader's metadata (HTML meta or JSON-LD, a JSON Lines field), if it parses;
 * 2. a dateline line the cleaner moved out ("May 11, 2025 6:57 PM GMT+7");
 * 3. a dateline sentence or line among the first lines ("On January 15th, …"): its year as
 *    written, else as the text tells it (yearFromText), else unknown: `published` stays null
 *    and `publishedFrom` keeps the day, marked `year: "unknown"`.
 */
export function readPublished(
  hint: string | null | undefined,
  cleaned: Cleaned,
  lexicon: MetadataLexicon,
): Published {
  let warning: string | null = null;
  if (hint) {
    const iso = parseDateTime(hint.trim());
    if (iso)
      return { published: iso, publishedFrom: stated("metadata", hint.trim(), iso), warning };
    warning = `published date "${hint}" not understood; ignored`;
  }
  if (cleaned.published) {
    const line = cleaned.removed.find((r) => r.reason.startsWith("dateline"))?.text.trim();
    const from = stated("dateline", line ?? cleaned.published, cleaned.published);
    return { published: cleaned.published, publishedFrom: from, warning };
  }
  const opening = openingDate(cleaned.text, lexicon);
  if (opening === null) return { published: null, publishedFrom: null, warning };
  const monthDay = `--${pad(opening.m)}-${pad(opening.d)}`;
  const day = (y: number) => `${y}-${monthDay.slice(2)}`;
  const base = { via: "text" as const, text: opening.text, monthDay };
  if (opening.y !== null) {
    return {
      published: day(opening.y),
      publishedFrom: { ...base, year: "stated", evidence: null },
      warning,
    };
  }
  const found = yearFromText(cleaned.text, opening.m, opening.d, lexicon);
  if (found === null) {
    return {
      published: null,
      publishedFrom: { ...base, year: "unknown", evidence: null },
      warning,
    };
  }
  return {
    published: day(found.year),
    publishedFrom: { ...base, year: "inferred", evidence: found.evidence },
    warning,
  };
}

/** How a date the caller gives (an API field) reads, or null when it is no ISO date. */
export function givenDate(value: string): PublishedFrom | null {
  const iso = parseDateTime(value.trim());
  return iso === null ? null : stated("metadata", value.trim(), iso);
}

function stated(via: PublishedFrom["via"], text: string, iso: string): PublishedFrom {
  return { via, text, year: "stated", monthDay: monthDayOf(iso), evidence: null };
}
