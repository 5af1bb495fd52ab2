import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv } from "../../gazetteer/tsv.js";
import { foldKey, stripDiacritics } from "../../text/fold.js";

export type Stance =
  | "agree"
  | "affirm"
  | "support"
  | "welcome"
  | "note"
  | "emphasise"
  | "readiness"
  | "call"
  | "decide"
  | "oppose"
  | "discuss";

/** A phrase as folded words, with what it stands for. */
export interface Phrase<T> {
  words: string[];
  value: T;
}

export interface ProvisionLexicon {
  stances: Phrase<Stance>[];
  actors: Phrase<"both" | "leaders">[];
  /** The joint actors as written, and without diacritics: for a fast test of a whole text. */
  jointPattern: RegExp;
  fillers: Phrase<true>[];
  /** Stances written as a noun opening the sentence ("Support for …"), the stance they stand for. */
  nominals: Phrase<Stance>[];
}

const byLength = <T>(a: Phrase<T>, b: Phrase<T>) => b.words.length - a.words.length;

function phrases<T>(rows: [T, string][]): Phrase<T>[] {
  return rows
    .flatMap(([value, list]) =>
      list.split("|").map((p) => ({ words: foldKey(p).split(" ").filter(Boolean), value })),
    )
    .filter((p) => p.words.length > 0)
    .sort(byLength);
}

export function parseProvisionLexicon(src: { stances: string; actors: string }): ProvisionLexicon {
  const stanceRows = parseTsv(src.stances).map(
    (r) => [r.cells[0] as Stance, r.cells[1] ?? ""] as [Stance, string],
  );
  const actorRows = parseTsv(src.actors).map(
    (r) => [r.cells[0] ?? "", r.cells[1] ?? ""] as [string, string],
  );
  const joint = actorRows
    .filter(([a]) => a === "both" || a === "leaders")
    .flatMap(([, list]) => list.split("|"))
    .flatMap((p) => [p.normalize("NFC"), stripDiacritics(p)])
    .map((p) =>
      p
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\s+/g, "\\s+"),
    );
  return {
    jointPattern: new RegExp(`(?:${[...new Set(joint)].join("|")})`, "i"),
    stances: phrases(stanceRows),
    actors: phrases(
      actorRows.filter(([a]) => a === "both" || a === "leaders") as ["both" | "leaders", string][],
    ),
    fillers: phrases(
      actorRows.filter(([a]) => a === "filler").map(([, p]) => [true, p] as [true, string]),
    ),
    nominals: phrases(
      actorRows
        .filter(([a]) => a === "nominal")
        .flatMap(([, list]) =>
          list.split("|").map((p) => [nominalStance(p), p] as [Stance, string]),
        ),
    ),
  };
}

/** The stance a noun phrase opening a sentence stands for: "Opposition to …" → oppose. */
function nominalStance(phrase: string): Stance {
  const head = foldKey(phrase).split(" ")[0] ?? "";
  if (head === "opposition" || head === "phan") return "oppose";
  if (head === "commitment" || head === "agreement") return "agree";
  if (head === "readiness") return "readiness";
  if (head === "welcome") return "welcome";
  return "support";
}

let cached: ProvisionLexicon | undefined;

export function loadProvisionLexicon(dataDir = DEFAULT_DATA_DIR): ProvisionLexicon {
  return parseProvisionLexicon({
    stances: readDataFile(dataDir, "lexicon/stances.tsv"),
    actors: readDataFile(dataDir, "lexicon/actors.tsv"),
  });
}

export function defaultProvisionLexicon(): ProvisionLexicon {
  cached ??= loadProvisionLexicon();
  return cached;
}

/** The longest phrase of `list` at word `at` of `words`, if any. */
export function phraseAt<T>(words: string[], at: number, list: Phrase<T>[]): Phrase<T> | undefined {
  return list.find((p) => p.words.every((w, k) => words[at + k] === w));
}
