import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseNameList, parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";
import { overlapTest } from "../../text/spans.js";
import type { EntityMention, EntityRecord } from "./types.js";

/** Office titles as written in data/lexicon/office-titles.txt. */
export function loadTitles(dataDir = DEFAULT_DATA_DIR): string[] {
  return parseWordList(readDataFile(dataDir, "lexicon/office-titles.txt"));
}

/**
 * Titles as records for the entity matcher, so one scan finds names and titles alike; the
 * longest title wins ("Deputy Prime Minister" over "Prime Minister").
 */
export function titleRecords(titles: string[]): EntityRecord[] {
  return titles.flatMap((line) =>
    parseNameList(line).map(({ text, flags }) => ({
      id: `title:${foldKey(text).replace(/ /g, "-")}`,
      type: "title" as EntityRecord["type"],
      name: text,
      kind: null,
      year: null,
      titles: [],
      names: [{ text, flags, variant: "name" as const }],
    })),
  );
}

// Two to four capitalised words, from a given position.
const NAME = /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){1,3}(?![\p{L}\p{N}])/uy;

/**
 * Gives each person the title written right before it, and takes a title followed by two to
 * four capitalised words that no list knows as a person ("Deputy Prime Minister Tran Hong Ha").
 * Returns the people found that way; `titles` are the title mentions of the same scan.
 */
export function attachTitles(
  text: string,
  titles: EntityMention[],
  listed: EntityMention[],
): EntityMention[] {
  const out: EntityMention[] = [];
  const byStart = new Map(listed.map((m) => [m.start, m] as const));
  const taken = overlapTest(listed);
  for (const t of titles) {
    let p = t.end;
    while (text.charAt(p) === " " || text.charAt(p) === "\t") p++;
    if (p === t.end) continue;
    const known = byStart.get(p);
    if (known) {
      if (known.type === "person") known.title = t.text;
      continue;
    }
    NAME.lastIndex = p;
    const m = NAME.exec(text);
    if (!m) continue;
    const end = p + m[0].length;
    if (taken(p, end)) continue;
    const name = m[0].replace(/\s+/g, " ");
    out.push({
      text: m[0],
      start: p,
      end,
      id: `person:${foldKey(name).replace(/ /g, "-")}`,
      type: "person",
      name,
      kind: null,
      variant: "name",
      title: t.text,
      unlisted: true,
    });
  }
  return out;
}
