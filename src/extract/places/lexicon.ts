import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";

export type ContextRole = "province" | "city" | "lower" | "feature" | "locative";

/** The word lists the geoparser's context rules read, folded. */
export interface ContextLexicon {
  before: Map<string, ContextRole>;
  after: Map<string, ContextRole>;
  titles: Set<string>;
  surnames: Set<string>;
  /** Capitalised function words that open a sentence, not a name: "In", "The". */
  notNames: Set<string>;
  /** Speech verbs: "…, Vinh said." */
  personVerbs: Set<string>;
  /** The most words any `before` phrase or title has. */
  maxBeforeWords: number;
}

const ROLES = new Set<string>(["province", "city", "lower", "feature", "locative"]);

export function parseContextLexicon(src: {
  contextWords: string;
  titles: string;
  surnames: string;
  personVerbs: string;
  notNames: string;
}): ContextLexicon {
  const before = new Map<string, ContextRole>();
  const after = new Map<string, ContextRole>();
  for (const row of parseTsv(src.contextWords)) {
    const [role = "", position = "", words = ""] = row.cells;
    if (!ROLES.has(role) || (position !== "before" && position !== "after")) {
      throw new Error(
        `context-words.tsv:${row.line}: bad role "${role}" or position "${position}"`,
      );
    }
    const target = position === "before" ? before : after;
    for (const w of words.split("|")) target.set(foldKey(w), role as ContextRole);
  }
  const titles = new Set(parseWordList(src.titles).map(foldKey));
  const surnames = new Set(parseWordList(src.surnames).map(foldKey));
  const personVerbs = new Set(parseWordList(src.personVerbs).map(foldKey));
  const notNames = new Set(parseWordList(src.notNames).map(foldKey));
  const words = (s: string) => s.split(" ").length;
  const maxBeforeWords = Math.max(...[...before.keys(), ...titles].map(words));
  return { before, after, titles, surnames, personVerbs, notNames, maxBeforeWords };
}

export function loadContextLexicon(dataDir = DEFAULT_DATA_DIR): ContextLexicon {
  return parseContextLexicon({
    contextWords: readDataFile(dataDir, "lexicon/context-words.tsv"),
    titles: readDataFile(dataDir, "lexicon/person-titles.txt"),
    surnames: readDataFile(dataDir, "lexicon/vi-surnames.txt"),
    personVerbs: readDataFile(dataDir, "lexicon/person-verbs.txt"),
    notNames: readDataFile(dataDir, "lexicon/not-names.txt"),
  });
}
