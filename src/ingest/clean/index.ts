import type { Caption, Removed } from "../types.js";
import { removeEdgeLists } from "./01-edge-lists.js";
import { removeChromeLines } from "./02-chrome-lines.js";
import { extractCaptions } from "./03-captions.js";
import { removeTail } from "./04-tail.js";
import { removeDatelines } from "./05-datelines.js";
import { extractByline } from "./06-byline.js";
import { extractSourceLines } from "./07-source-lines.js";
import { removeExtraBlankLines } from "./08-blank-lines.js";
import { type ChromeLexicon, defaultChromeLexicon } from "./lexicon.js";
import { type Line, splitLines } from "./lines.js";

export {
  type ChromeLexicon,
  defaultChromeLexicon,
  loadChromeLexicon,
  parseChromeLexicon,
} from "./lexicon.js";

/** What cleaning a text gives: the kept text, what was cut (and why), and what was moved out. */
export interface Cleaned {
  text: string;
  removed: Removed[];
  captions: Caption[];
  /** From a dateline line, ISO 8601, or null. */
  published: string | null;
  authors: string[];
  /** From a "Source: <url>" line, or null. */
  url: string | null;
}

/**
 * Cleans scraped article text, line by line; every cut is reported. The recipe:
 * 1. edge lists: a province picker or menu at the top or bottom of the page;
 * 2. chrome lines: counters, share buttons, photo markers, dangling "… here:" links;
 * 3. captions: lines ending in a photo credit, moved to `captions`;
 * 4. the tail: "Related", "Tags:", "Tin liên quan" and what follows;
 * 5. datelines: a line that is only a date, moved to `published`;
 * 6. the byline: "By …" among the first lines, moved to `authors`;
 * 7. source lines: "Source: <url>", "Nguồn: <url>", moved to `url`;
 * 8. blank lines at the edges and repeated inside.
 * The text is the input with the removed spans cut out, so `removed` and `text` account for
 * every character, and cleaning the result again changes nothing.
 */
export function cleanText(
  original: string,
  lexicon: ChromeLexicon = defaultChromeLexicon(),
): Cleaned {
  const lines = splitLines(original);
  const captions: Caption[] = [];
  const authors: string[] = [];
  let published: string | null = null;
  let url: string | null = null;
  // Each step can expose more chrome to another (a menu under a removed tail is at the edge
  // now), so the steps repeat until they remove nothing: that is what makes cleaning
  // idempotent. Each pass only removes lines, so this ends within a few passes.
  for (let removed = -1; removed !== countRemoved(lines); ) {
    removed = countRemoved(lines);
    removeEdgeLists(lines, lexicon);
    removeChromeLines(lines, lexicon);
    extractCaptions(lines, captions);
    removeTail(lines, lexicon);
    published ??= removeDatelines(lines);
    if (authors.length === 0) authors.push(...extractByline(lines));
    url ??= extractSourceLines(lines, lexicon);
  }
  removeExtraBlankLines(lines);
  return { ...assemble(original, lines), captions, published, authors, url };
}

function countRemoved(lines: Line[]): number {
  let n = 0;
  for (const l of lines) if (l.removed !== null) n++;
  return n;
}

/** Cuts the removed lines out, merging neighbours removed for the same reason into one span. */
function assemble(original: string, lines: Line[]): { text: string; removed: Removed[] } {
  const removed: Removed[] = [];
  const parts: string[] = [];
  for (const line of lines) {
    if (line.removed === null) {
      parts.push(original.slice(line.start, line.end));
      continue;
    }
    const last = removed[removed.length - 1];
    if (last && last.end === line.start && last.reason === line.removed) {
      last.end = line.end;
    } else {
      removed.push({ start: line.start, end: line.end, text: "", reason: line.removed });
    }
  }
  for (const r of removed) r.text = original.slice(r.start, r.end);
  const text = parts.join("");
  return { text, removed };
}
