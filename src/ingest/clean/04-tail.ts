import { foldKey } from "../../text/fold.js";
import type { ChromeLexicon } from "./lexicon.js";
import { isBlank, type Line } from "./lines.js";

const MAX_TAIL_LINES = 60;
const MAX_TAIL_LINE = 200;

/**
 * Step 4: a "Read more" / "Related" / "Tags:" / "Tin liên quan" line near the end opens the
 * page's tail; it and everything after it go, provided the tail looks like links (short lines)
 * rather than more article.
 */
export function removeTail(lines: Line[], lexicon: ChromeLexicon): void {
  const live = lines.filter((l) => l.removed === null && !isBlank(l));
  const total = live.reduce((n, l) => n + l.trimmed.length, 0);
  for (let k = Math.floor(live.length / 3); k < live.length; k++) {
    const marker = live[k] as Line;
    if (marker.trimmed.length > 80) continue; // markers are short labels ("Tags: a, b")
    const label = foldKey(marker.trimmed.replace(/[:：]\s*.*$/u, ""));
    if (!lexicon.tailMarkers.has(label)) continue;
    const tail = live.slice(k);
    const chars = tail.reduce((n, l) => n + l.trimmed.length, 0);
    if (tail.length > MAX_TAIL_LINES || chars > total / 2) continue;
    if (tail.slice(1).some((l) => l.trimmed.length > MAX_TAIL_LINE)) continue;
    const reason = `page tail after "${marker.trimmed.slice(0, 40)}"`;
    for (const l of lines) if (l.index >= marker.index && l.removed === null) l.removed = reason;
    return;
  }
}
