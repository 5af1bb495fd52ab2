import { findPlaces } from "../../extract/places/index.js";
import { foldKey } from "../../text/fold.js";
import type { ChromeLexicon } from "./lexicon.js";
import { isBlank, type Line, stripBullet } from "./lines.js";

const MAX_ITEM = 50;
const MIN_RUN = 5;
const MIN_SHARE = 0.7;

/** What an edge-list line is: a place name (a province picker) or a navigation word. */
function itemKind(line: Line, lexicon: ChromeLexicon): "place" | "nav" | null {
  const item = stripBullet(line.trimmed);
  if (item === "" || item.length > MAX_ITEM) return null;
  if (lexicon.navWords.has(foldKey(item))) return "nav";
  const found = findPlaces(item);
  return found.length === 1 && found[0]?.start === 0 && found[0].end === item.length
    ? "place"
    : null;
}

/**
 * Step 1: a run of short lines at the top or the bottom of the page that are mostly place names
 * or menu items — a site's province picker or navigation — is chrome. A list inside the article
 * is not at an edge, so it stays; and a document that is nothing but the list keeps it (the list
 * is then the content).
 */
export function removeEdgeLists(lines: Line[], lexicon: ChromeLexicon): void {
  for (const fromTop of [true, false]) {
    const order = fromTop ? lines : [...lines].reverse();
    const run: Line[] = [];
    for (const line of order) {
      if (line.removed !== null) continue;
      if (isBlank(line)) {
        if (run.length === 0) continue;
        break;
      }
      if (line.trimmed.length > MAX_ITEM) break;
      run.push(line);
    }
    if (run.length < MIN_RUN) continue;
    const kinds = run.map((l) => itemKind(l, lexicon));
    const places = kinds.filter((k) => k === "place").length;
    const nav = kinds.filter((k) => k === "nav").length;
    if (places + nav < run.length * MIN_SHARE) continue;
    const inRun = new Set(run);
    const rest = lines.filter((l) => l.removed === null && !inRun.has(l));
    const restChars = rest.reduce((n, l) => n + l.trimmed.length, 0);
    if (restChars < 200) continue;
    const what = places >= nav ? "province or city picker" : "navigation menu";
    const reason = `${what} at the ${fromTop ? "top" : "bottom"} of the page (${run.length} short lines, ${places} place names, ${nav} menu items)`;
    for (const l of run) l.removed = reason;
  }
}
