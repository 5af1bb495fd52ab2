import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";

/** The data the cleaner reads: chrome line patterns, tail markers, navigation words, source labels. */
export interface ChromeLexicon {
  lines: { reason: string; pattern: RegExp }[];
  tailMarkers: Set<string>;
  navWords: Set<string>;
  /** Labels of a "Source: <url>" line, folded. */
  sourceLabels: Set<string>;
}

export function parseChromeLexicon(src: {
  chrome: string;
  tails: string;
  nav: string;
  sources?: string;
}): ChromeLexicon {
  const lines = parseTsv(src.chrome).map((row) => {
    const [reason = "", pattern = ""] = row.cells;
    try {
      return { reason, pattern: new RegExp(`^(?:${pattern})$`, "iu") };
    } catch (error) {
      throw new Error(`chrome.tsv:${row.line}: bad pattern: ${(error as Error).message}`);
    }
  });
  return {
    lines,
    tailMarkers: new Set(parseWordList(src.tails).map(foldKey)),
    navWords: new Set(parseWordList(src.nav).map(foldKey)),
    sourceLabels: new Set(parseWordList(src.sources ?? "").map(foldKey)),
  };
}

let cached: ChromeLexicon | undefined;

export function loadChromeLexicon(dataDir = DEFAULT_DATA_DIR): ChromeLexicon {
  return parseChromeLexicon({
    chrome: readDataFile(dataDir, "lexicon/chrome.tsv"),
    tails: readDataFile(dataDir, "lexicon/tail-markers.txt"),
    nav: readDataFile(dataDir, "lexicon/nav-words.txt"),
    sources: readDataFile(dataDir, "lexicon/source-labels.txt"),
  });
}

export function defaultChromeLexicon(): ChromeLexicon {
  cached ??= loadChromeLexicon();
  return cached;
}
