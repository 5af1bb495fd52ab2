import { DEFAULT_DATA_DIR, readDataFile } from "../gazetteer/load.js";
import { parseNameList, parseTsv } from "../gazetteer/tsv.js";
import { foldKey } from "../text/fold.js";

/** Publisher names by every folded alias: "ttxvn" → "VNA", "baochinhphu vn" → "VGP". */
export type Publishers = Map<string, string>;

export function parsePublishers(text: string): Publishers {
  const map: Publishers = new Map();
  for (const row of parseTsv(text)) {
    const [name = "", aliases = ""] = row.cells;
    if (name === "") continue;
    for (const alias of [name, ...parseNameList(aliases).map((a) => a.text)])
      map.set(foldKey(alias), name);
  }
  return map;
}

let cached: Publishers | undefined;

export function loadPublishers(dataDir = DEFAULT_DATA_DIR): Publishers {
  return parsePublishers(readDataFile(dataDir, "lexicon/publishers.tsv"));
}

export function defaultPublishers(): Publishers {
  cached ??= loadPublishers();
  return cached;
}

/** A known publisher's name for a site name, agency tag or domain; null when unknown. */
export function knownPublisher(
  name: string | null | undefined,
  publishers = defaultPublishers(),
): string | null {
  if (!name) return null;
  return (
    publishers.get(foldKey(name)) ?? publishers.get(foldKey(name.replace(/^www\./, ""))) ?? null
  );
}

// "VGP – …", "VNA/VietnamPlus - …": a leading agency tag.
const LEADING_TAG = /^([\p{Lu}][\p{Lu}\d+&./]{1,20})\s*[–—-]\s+/u;
// "Hanoi (VNA) – …", "(TTXVN) - …": an agency in brackets near the start.
const BRACKET_TAG = /^[^\n()]{0,40}?\(([\p{L}\d+&./ ]{2,24})\)\s*[–—:-]\s*/u;

/**
 * The agency tag that opens a lede, if any, and the lede without it. A tag is taken when it
 * names a known publisher, or is an all-caps acronym in brackets ("(XYZ) –"); a leading
 * "HANOI –" dateline city is not a publisher.
 */
export function agencyTag(
  paragraph: string,
  publishers = defaultPublishers(),
): { publisher: string; rest: string } | null {
  for (const pattern of [LEADING_TAG, BRACKET_TAG]) {
    const m = pattern.exec(paragraph);
    if (!m?.[1]) continue;
    const tag = m[1].trim();
    const known = knownPublisher(tag, publishers) ?? knownPublisher(tag.split("/")[0], publishers);
    const acronym =
      pattern === BRACKET_TAG && /^[\p{Lu}\d]{2,8}(?:\/[\p{Lu}\p{L}]{2,16})?$/u.test(tag);
    if (known || acronym) return { publisher: known ?? tag, rest: paragraph.slice(m[0].length) };
  }
  return null;
}
