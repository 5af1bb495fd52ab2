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
  /** How many words before a name the rules read: the longest phrase or title, or a full name. */
  lookback: number;
  /**
   * Every word-suffix of a multi-word `before` phrase or title ("pho" of "thanh pho", "bi thu"
   * of "tong bi thu"): a phrase read backwards from the match is extended only while it is one.
   */
  beforeSuffixes: Set<string>;
  /** Folded first letters (97–122) of the `after` words: 1 where one begins. */
  afterInitials: Uint8Array;
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
  const beforeSuffixes = new Set<string>();
  for (const phrase of [...before.keys(), ...titles]) {
    const w = phrase.split(" ");
    for (let i = 1; i < w.length; i++) beforeSuffixes.add(w.slice(i).join(" "));
  }
  const afterInitials = new Uint8Array(128);
  for (const word of after.keys()) afterInitials[word.charCodeAt(0)] = 1;
  return {
    before,
    after,
    titles,
    surnames,
    personVerbs,
    notNames,
    lookback: Math.max(maxBeforeWords, 4),
    beforeSuffixes,
    afterInitials,
  };
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
