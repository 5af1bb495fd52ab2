/** A photo caption moved out of the article text, with its credit ("Photo: VNA" → "VNA"). */
export interface Caption {
  text: string;
  credit: string | null;
}

/**
 * A span cut out of the text during cleaning, so a user can audit what was dropped.
 * `start`/`end` are UTF-16 offsets into the document's `original` text (the decoded, NFC
 * input for text files; the extracted article text for HTML), end exclusive.
 */
export interface Removed {
  start: number;
  end: number;
  text: string;
  reason: string;
}

/**
 * Where `published` was read and how sure its year is. A text that says "On January 15th, …"
 * and nowhere tells the year gets `year: "unknown"` and `published: null` (an undated document),
 * with the day kept in `monthDay`: a year is never invented.
 */
export interface PublishedFrom {
  /**
   * "metadata": the reader's (an HTML meta tag or JSON-LD, a JSON Lines field); "dateline": a
   * line that is only a date; "text": a dateline sentence or line among the first lines ("On
   * January 15th, the Ministry …", "Hà Nội, ngày 15 tháng 1 năm 2025").
   */
  via: "metadata" | "dateline" | "text";
  /** The words the date was read from: "January 15th", "May 11, 2025 6:57 PM GMT+7". */
  text: string;
  /**
   * "stated": the date carries its year; "inferred": the year comes from `evidence` elsewhere
   * in the text; "unknown": nothing in the text tells it, so `published` is null.
   */
  year: "stated" | "inferred" | "unknown";
  /** Month and day, "--01-15" (ISO 8601's form of a date without its year). */
  monthDay: string;
  /** For an inferred year, the words that give it: "this year (May 29, 2015 – May 29, 2025)". */
  evidence: string | null;
}

export type DocumentFormat = "text" | "markdown" | "html" | "jsonl";
export type Language = "en" | "vi" | "other";

/** A cleaned document: what `analyze()` reads. Unknown metadata stays null, never invented. */
export interface Document {
  /** Stable id: a hash of the normalised cleaned text (same article, same id). */
  id: string;
  /** Where it came from: a path, "-" for standard input, "path:line" for a JSON Lines record. */
  source: string;
  format: DocumentFormat;
  url: string | null;
  title: string | null;
  /** The first paragraph of the article, without a leading agency tag. */
  lede: string | null;
  /** The agency or site: "VGP", "VNA", "VnExpress". */
  publisher: string | null;
  /**
   * ISO 8601: "2025-05-11T18:57:00+07:00" with the zone the text gives, a bare date, or null
   * (undated: no date, or a date whose year the text does not tell; see `publishedFrom`).
   */
  published: string | null;
  /** How `published` was read, or the yearless date of an undated text; null without a date. */
  publishedFrom: PublishedFrom | null;
  language: Language;
  authors: string[];
  /** The cleaned article text: `original` with the `removed` spans cut out. */
  text: string;
  captions: Caption[];
  removed: Removed[];
  /** Problems that did not stop ingest: invalid bytes replaced, a guessed encoding … */
  warnings: string[];
  /** The encoding the bytes were decoded from: "utf-8", "utf-16le", "windows-1258" … */
  encoding: string;
  /** Other metadata: unknown JSON Lines fields, HTML meta tags. */
  meta: Record<string, unknown>;
}
