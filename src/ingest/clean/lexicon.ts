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

/** `.{0,N}?` opening a pattern: any text of at most N characters before what it ends with. */
const LEADING_ANY = /^\.\{0,(\d+)\}\?/;
/** What `.` does not match under the u flag. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Whether a whole line matches `pattern` (case-insensitive, anchored at both ends). A pattern
 * that opens with `.{0,N}?` ("… - Ảnh 1.") would have the engine try every length of that
 * opening against the rest, on every line; it is searched instead for its rest at the line's
 * end, leftmost first (a search finds it several times faster), and the opening checked after:
 * at most N characters, none a line break. The same lines match either way
 * (test/ingest/chrome-lexicon.test.ts compares them).
 */
export function lineMatcher(pattern: string): (line: string) => boolean {
  const whole = new RegExp(`^(?:${pattern})$`, "iu");
  const leading = LEADING_ANY.exec(pattern);
  const rest = leading ? pattern.slice(leading[0].length) : "";
  // Only a pattern that is one sequence (no top-level "|") is cut so.
  if (!leading || !isOneSequence(rest)) return (line) => whole.test(line);
  const most = Number(leading[1]);
  const end = new RegExp(`(?:${rest})$`, "iu");
  return (line) => {
    const found = end.exec(line);
    return found !== null && found.index <= most && !LINE_BREAK.test(line.slice(0, found.index));
  };
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
