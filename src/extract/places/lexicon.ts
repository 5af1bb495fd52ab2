import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../gazetteer/tsv.js";
import { foldKey } from "../../text/fold.js";
import { WordIndex } from "../../text/word-index.js";

export type ContextRole = "province" | "city" | "district" | "lower" | "feature" | "locative";

/**
 * The word lists the geoparser's context rules read. Every word of every list has an id in
 * `words`; a phrase is the ids of its words joined by spaces ("12 40" for "thành phố"), so
 * that the rules look words up without building strings.
 */
export interface ContextLexicon {
  words: WordIndex;
  /** Phrases before a name and the role they give it. */
  before: Map<string, ContextRole>;
  /** Words after a name and the role they give it. */
  after: Map<number, ContextRole>;
  titles: Set<string>;
  surnames: Set<number>;
  /** Capitalised function words that open a sentence, not a name: "In", "The". */
  notNames: Set<number>;
  /** Speech verbs, phrases: "…, Vinh said.", "…, Vinh cho biết". */
  personVerbs: Set<string>;
  /** How many words before a name the rules read: the longest phrase or title, or a full name. */
  lookback: number;
  /**
   * Every word-suffix of a multi-word `before` phrase or title ("phố" of "thành phố", "bí thư"
   * of "tổng bí thư"): a phrase read backwards from the match is extended only while it is one.
   */
  beforeSuffixes: Set<string>;
  /** The one-word entries of `before`, `titles` and `beforeSuffixes`, by word id: the hot path. */
  beforeOne: Map<number, ContextRole>;
  titlesOne: Set<number>;
  suffixOne: Set<number>;
  /** Folded first letters (97–122) of the `after` words: 1 where one begins. */
  afterInitials: Uint8Array;
  /**
   * Abbreviated unit words ("H.", "TX.", "P."), by word id: they count only when a full stop
   * follows them ("H.Quảng Ninh" is a district; "H Quảng" is not).
   */
  abbreviations: Map<number, ContextRole>;
}

const ROLES = new Set<string>(["province", "city", "district", "lower", "feature", "locative"]);

export function parseContextLexicon(src: {
  contextWords: string;
  titles: string;
  surnames: string;
  personVerbs: string;
  notNames: string;
}): ContextLexicon {
  const before: [string, ContextRole][] = [];
  const after: [string, ContextRole][] = [];
  const abbreviated: [string, ContextRole][] = [];
  for (const row of parseTsv(src.contextWords)) {
    const [role = "", position = "", words = ""] = row.cells;
    if (!ROLES.has(role) || (position !== "before" && position !== "after")) {
      throw new Error(
        `context-words.tsv:${row.line}: bad role "${role}" or position "${position}"`,
      );
    }
    const target = position === "before" ? before : after;
    for (const w of words.split("|")) {
      const abbreviation = position === "before" && w.trim().endsWith(".");
      (abbreviation ? abbreviated : target).push([foldKey(w), role as ContextRole]);
    }
  }
  const list = (text: string) => parseWordList(text).map(foldKey);
  const titles = list(src.titles);
  const surnames = list(src.surnames);
  const personVerbs = list(src.personVerbs);
  const notNames = list(src.notNames);

  const all = [
    ...abbreviated.map(([p]) => p),
    ...before.map(([p]) => p),
    ...after.map(([p]) => p),
    ...titles,
    ...surnames,
    ...personVerbs,
    ...notNames,
  ];
  const words = new WordIndex(all.flatMap((p) => p.split(" ")));
  const ids = (phrase: string) =>
    phrase
      .split(" ")
      .map((w) => words.idOf(w))
      .join(" ");
  const single = (phrase: string) => words.idOf(phrase);

  const beforeSuffixes = new Set<string>();
  for (const phrase of [...before.map(([p]) => p), ...titles]) {
    const w = phrase.split(" ");
    for (let i = 1; i < w.length; i++) beforeSuffixes.add(ids(w.slice(i).join(" ")));
  }
  const afterInitials = new Uint8Array(128);
  for (const [word] of after) afterInitials[word.charCodeAt(0)] = 1;
  const maxBeforeWords = Math.max(
    ...[...before.map(([p]) => p), ...titles].map((s) => s.split(" ").length),
  );
  return {
    words,
    before: new Map(before.map(([p, role]) => [ids(p), role])),
    after: new Map(after.map(([p, role]) => [single(p), role])),
    titles: new Set(titles.map(ids)),
    surnames: new Set(surnames.map(single)),
    notNames: new Set(notNames.map(single)),
    personVerbs: new Set(personVerbs.map(ids)),
    lookback: Math.max(maxBeforeWords, 4),
    beforeSuffixes,
    beforeOne: new Map(
      before.filter(([p]) => !p.includes(" ")).map(([p, role]) => [single(p), role]),
    ),
    titlesOne: new Set(titles.filter((t) => !t.includes(" ")).map(single)),
    suffixOne: new Set([...beforeSuffixes].filter((x) => !x.includes(" ")).map(Number)),
    afterInitials,
    abbreviations: new Map(abbreviated.map(([p, role]) => [single(p), role])),
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
