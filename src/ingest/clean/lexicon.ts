import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";

/** The data the cleaner reads: chrome line patterns, tail markers, navigation words, source labels. */
export interface ChromeLexicon {
  lines: { reason: string; matches: (line: string) => boolean }[];
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
      return { reason, matches: lineMatcher(pattern) };
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

/** `.{0,N}?` opening a pattern: any short text before what the line ends with. */
const LEADING_ANY = /^\.\{0,\d+\}\??/;
/** A starred class, escape or dot opening what is left: it may match nothing. */
const LEADING_STAR = /^(?:\[(?:\\.|[^\]\\])*\]|\\[sSdDwW]|\.)\*\??/;

/**
 * Whether a whole line matches `pattern` (case-insensitive, anchored at both ends). A pattern
 * that opens with `.{0,N}?` ("… - Ảnh 1.") has the engine try every length of that opening on
 * every line; such a line is first searched for the pattern's rest at its end (without the
 * opening, or a starred atom after it, which may match nothing), which most lines fail at once,
 * and only a line that has it is matched whole. The search is a necessary condition, so the
 * same lines match (test/ingest/chrome-lexicon.test.ts compares them).
 */
export function lineMatcher(pattern: string): (line: string) => boolean {
  const whole = new RegExp(`^(?:${pattern})$`, "iu");
  const leading = LEADING_ANY.exec(pattern);
  if (!leading) return (line) => whole.test(line);
  const rest = pattern.slice(leading[0].length);
  const core = rest.replace(LEADING_STAR, "");
  // Only a pattern that is one sequence (no "|" at its top level) can be cut so.
  if (core === "" || !isOneSequence(core)) return (line) => whole.test(line);
  const end = new RegExp(`(?:${core})$`, "iu");
  return (line) => end.test(line) && whole.test(line);
}

/** Whether `source` has no "|" outside brackets and classes (one alternative at top level). */
function isOneSequence(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return false;
  }
  return true;
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
