import { DossierError } from "../errors.js";
import type { Document } from "../ingest/types.js";

/**
 * The most text one stored document may hold. A stored analysis is JSON: a 50 MB one-line page
 * with millions of mentions does not fit in memory as one string.
 */
export const MAX_STORED_CHARS = 8_000_000;

/** Throws E_TOO_LARGE, naming the document and the limit, when the store cannot take it. */
export function assertStorable(document: Document, source: string = document.source): void {
  if (document.text.length > MAX_STORED_CHARS) {
    throw new DossierError(
      "E_TOO_LARGE",
      `${source}: ${document.text.length} characters of text, the store takes at most ${MAX_STORED_CHARS} a document (split it)`,
      { input: source },
    );
  }
}
