import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";
import type { EntityMention } from "./types.js";

/** Office titles, folded, longest first: "deputy prime minister" before "prime minister". */
export function loadTitles(dataDir = DEFAULT_DATA_DIR): string[] {
  return parseTitles(readDataFile(dataDir, "lexicon/office-titles.txt"));
}

export function parseTitles(text: string): string[] {
  return [...new Set(parseWordList(text).map(foldKey))].sort((a, b) => b.length - a.length);
}

/** The words of `text` before `pos` on its line, as written, nearest last (at most `max`). */
function wordsBefore(text: string, pos: number, max: number): { start: number; word: string }[] {
  const from = Math.max(0, pos - 120);
  const out: { start: number; word: string }[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
  const slice = text.slice(from, pos);
  const nl = slice.lastIndexOf("\n");
  for (const m of slice.slice(nl + 1).matchAll(re))
    out.push({ start: from + nl + 1 + (m.index ?? 0), word: m[0] });
  // Only words separated by spaces from the name count: "Minister Pham", not "Minister, Pham".
  const tail = text.slice(from, pos);
  if (!/^[\s\S]*[\p{L}\p{N}][ \t\u00a0]+$/u.test(tail)) return [];
  return out.slice(-max);
}

/** The longest office title written right before `pos` ("Russian Prime Minister" → "Prime Minister"). */
export function titleBefore(
  text: string,
  pos: number,
  titles: string[],
): { title: string; start: number } | null {
  const words = wordsBefore(text, pos, 8);
  const folded = words.map((w) => foldKey(w.word));
  for (const t of titles) {
    const n = t.split(" ").length;
    if (n > folded.length) continue;
    if (folded.slice(-n).join(" ") === t) {
      const first = words[words.length - n] as { start: number };
      return { title: text.slice(first.start, pos).trim(), start: first.start };
    }
  }
  return null;
}

/**
 * People the lists do not hold, found as an office title followed by two to four capitalised
 * words ("Deputy Prime Minister Tran Hong Ha", "Chairman of the National Assembly Tran Thanh
 * Man"); spans already taken by other entities are left alone.
 */
export function unlistedPeople(
  text: string,
  titles: string[],
  taken: EntityMention[],
): EntityMention[] {
  const out: EntityMention[] = [];
  const busy = (s: number, e: number) => taken.some((m) => m.start < e && s < m.end);
  const run =
    /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){1,9}(?![\p{L}\p{N}])/gu;
  const word = /\p{Lu}[\p{L}\p{M}'’-]*/gu;
  for (const m of text.matchAll(run)) {
    const words = [...m[0].matchAll(word)].map((w) => ({
      start: (m.index ?? 0) + (w.index ?? 0),
      text: w[0],
    }));
    for (let k = 0; k + 2 <= words.length; k++) {
      const first = words[k] as { start: number };
      const title = titleBefore(text, first.start, titles);
      if (!title) continue;
      const name = words.slice(k, k + 4);
      const last = name[name.length - 1] as { start: number; text: string };
      const end = last.start + last.text.length;
      if (busy(first.start, end)) break;
      const full = name.map((w) => w.text).join(" ");
      out.push({
        text: text.slice(first.start, end),
        start: first.start,
        end,
        id: `person:${foldKey(full).replace(/ /g, "-")}`,
        type: "person",
        name: full,
        kind: null,
        variant: "name",
        title: title.title,
        unlisted: true,
      });
      break;
    }
  }
  return out;
}
