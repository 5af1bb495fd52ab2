import { findDateline } from "../dates.js";
import type { Line } from "./lines.js";

/**
 * Step 5: a line that is nothing but a dateline ("May 11, 2025 6:57 PM GMT+7") is page
 * furniture; the date itself becomes `published`. Returns the first such date, ISO 8601.
 */
export function removeDatelines(lines: Line[]): string | null {
  let first: string | null = null;
  for (const line of lines) {
    if (line.removed !== null || line.trimmed === "" || line.trimmed.length > 80) continue;
    const d = findDateline(line.trimmed, { maxChars: 80 });
    if (!d) continue;
    const rest = (line.trimmed.slice(0, d.start) + line.trimmed.slice(d.end)).replace(
      /[\s|·,\-–—()]/gu,
      "",
    );
    if (rest.length > 3) continue; // a sentence that mentions a date, not a dateline
    line.removed = "dateline (moved to published)";
    first ??= d.iso;
  }
  return first;
}
