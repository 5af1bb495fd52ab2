import type { ChromeLexicon } from "./lexicon.js";
import type { Line } from "./lines.js";

/**
 * Step 2: whole lines that are page furniture — comment and share counters, share buttons, photo
 * markers ("… - Ảnh 1."), dangling "View the full text … here:" links, "Back to top" — matched
 * by the patterns in data/lexicon/chrome.tsv.
 */
export function removeChromeLines(lines: Line[], lexicon: ChromeLexicon): void {
  for (const line of lines) {
    if (line.removed !== null || line.trimmed === "" || line.trimmed.length > 320) continue;
    for (const { reason, matches } of lexicon.lines) {
      if (matches(line.trimmed)) {
        line.removed = reason;
        break;
      }
    }
  }
}
