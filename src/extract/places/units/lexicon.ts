import { DEFAULT_DATA_DIR, readDataFile } from "../../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../../gazetteer/tsv.js";
import type { UnitType } from "../../../gazetteer/units.js";
import { foldKey } from "../../../text/fold.js";
import { WordIndex } from "../../../text/word-index.js";

export type UnitWordKind = "unit" | "feature" | "settlement" | "street" | "landform";

/** What a word around a name below the province says about it. */
export interface UnitWord {
  kind: UnitWordKind;
  /** For `unit` words: the types it names ("huyện" → huyện; "district" → quận, huyện, …). */
  types: ReadonlySet<UnitType>;
  /** Written as an abbreviation ("H.", "TX."): counts only with its full stop. */
  abbreviation: boolean;
}

/** The words of data/lexicon/unit-words.tsv, keyed by word ids. */
export interface UnitLexicon {
  words: WordIndex;
  /**
   * The phrases before a name, keyed by a number the scan computes as it reads a phrase
   * backwards from the name: the nearest word's id + 1, plus the next one's id + 1 times
   * `base`, and so on (`base` is the number of words + 1; a one-word phrase is its id + 1).
   * No string is built per candidate.
   */
  beforeByCode: Map<number, UnitWord>;
  base: number;
  /**
   * By folded code unit (48–57, 97–122), 1 where a unit or settlement word after a name begins,
   * and where a unit or settlement phrase before a name (no abbreviation) ends: most
   * capitalised words have neither beside them, and one code unit tells.
   */
  unitAfterInitials: Uint8Array;
  unitBeforeFinals: Uint8Array;
  /** The words after a name, one word each, keyed by word id. */
  after: Map<number, UnitWord>;
  /** The most words a phrase before a name has. */
  lookback: number;
  /**
   * Frequent family names, lowercase as written and folded: a name opening with one needs a
   * unit word ("Lê Lợi"; not "Lệ Thủy", whose diacritics differ).
   */
  frequentSurnames: ReadonlySet<string>;
  /** Folded landform words that open generic names ("hon" of "Hòn Tre"). */
  landforms: ReadonlySet<string>;
  /** Folded names of ethnic groups: "a Hmong village" is whose village, not its name. */
  ethnicGroups: ReadonlySet<string>;
}

const KINDS = new Set<string>(["unit", "feature", "settlement", "street", "landform"]);
const TYPES = new Set<string>([
  "quận",
  "huyện",
  "thị xã",
  "thành phố",
  "xã",
  "phường",
  "thị trấn",
  "đặc khu",
]);

export function parseUnitLexicon(text: string, surnames = "", ethnicGroups = ""): UnitLexicon {
  const entries: [position: "before" | "after", phrase: string, word: UnitWord][] = [];
  const landforms = new Set<string>();
  for (const row of parseTsv(text)) {
    const [position = "", kind = "", words = "", types = ""] = row.cells;
    const landform = kind === "landform" && position === "opening";
    if ((position !== "before" && position !== "after" && !landform) || !KINDS.has(kind))
      throw new Error(`unit-words.tsv:${row.line}: bad position "${position}" or kind "${kind}"`);
    const typeList = types === "" ? [] : types.split("|").map((t) => t.trim());
    const unknown = typeList.filter((t) => !TYPES.has(t));
    if (unknown.length > 0 || (kind === "unit") !== typeList.length > 0)
      throw new Error(`unit-words.tsv:${row.line}: unit words need known types, others none`);
    for (const raw of words.split("|")) {
      const word = raw.trim();
      if (landform) {
        landforms.add(foldKey(word));
        continue;
      }
      entries.push([
        position as "before" | "after",
        foldKey(word),
        {
          kind: kind as UnitWordKind,
          types: new Set(typeList as UnitType[]),
          abbreviation: word.endsWith("."),
        },
      ]);
    }
  }
  const words = new WordIndex(entries.flatMap(([, p]) => p.split(" ")));
  const base = words.size + 1;
  const code = (phrase: string) =>
    phrase
      .split(" ")
      .reverse()
      .reduce((sum, w, i) => sum + (words.idOf(w) + 1) * base ** i, 0);
  const after = new Map<number, UnitWord>();
  for (const [position, phrase, w] of entries) {
    if (position !== "after") continue;
    if (phrase.includes(" ")) throw new Error(`unit-words.tsv: "${phrase}": one word after a name`);
    after.set(words.idOf(phrase), w);
  }
  const unitAfterInitials = new Uint8Array(128);
  const unitBeforeFinals = new Uint8Array(128);
  for (const [position, phrase, w] of entries) {
    if (w.kind !== "unit" && w.kind !== "settlement") continue;
    if (position === "after") unitAfterInitials[phrase.charCodeAt(0)] = 1;
    else if (!w.abbreviation) unitBeforeFinals[phrase.charCodeAt(phrase.length - 1)] = 1;
  }
  return {
    words,
    unitAfterInitials,
    unitBeforeFinals,
    beforeByCode: new Map(entries.filter(([p]) => p === "before").map(([, p, w]) => [code(p), w])),
    base,
    after,
    lookback: Math.max(...entries.map(([, p]) => p.split(" ").length)),
    landforms,
    ethnicGroups: new Set(parseWordList(ethnicGroups).map(foldKey)),
    frequentSurnames: new Set(
      parseWordList(surnames).flatMap((n) => [n.normalize("NFC").toLowerCase(), foldKey(n)]),
    ),
  };
}

export function loadUnitLexicon(dataDir = DEFAULT_DATA_DIR): UnitLexicon {
  return parseUnitLexicon(
    readDataFile(dataDir, "lexicon/unit-words.tsv"),
    readDataFile(dataDir, "lexicon/frequent-surnames.txt"),
    readDataFile(dataDir, "lexicon/ethnic-groups.txt"),
  );
}
