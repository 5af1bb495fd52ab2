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
  /** ISO 8601: "2025-05-11T18:57:00+07:00" with the zone the text gives, a bare date, or null. */
  published: string | null;
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
