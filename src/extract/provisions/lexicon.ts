import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv, parseWordList } from "../../gazetteer/tsv.js";
import { PhraseSet } from "./phrases.js";

export const STANCES = [
  "agree",
  "commit",
  "affirm",
  "support",
  "welcome",
  "note",
  "emphasise",
  "readiness",
  "call",
  "decide",
  "discuss",
  "invite",
  "accept",
  "congratulate",
  "recall",
  "concern",
  "oppose",
] as const;

/** What an actor does in a provision; the phrases of each are in data/lexicon/stances.tsv. */
export type Stance = (typeof STANCES)[number];

const FORMS = ["verb", "impersonal", "nominal"] as const;

export const ROLES = [
  "joint",
  "joint-pronoun",
  "determiner",
  "number",
  "modifier",
  "generic",
  "both-after",
  "side",
  "party-before",
  "person-pronoun",
  "possessive",
  "honorific",
  "honorific-after",
  "institution",
  "filler",
  "modal",
  "negation",
  "and",
  "clause",
  "aside",
  "not-a-topic",
  "visit-object",
  "aspiration",
] as const;

/** The word classes of a provision's subject and its surroundings (data/lexicon/actors.tsv). */
export type Role = (typeof ROLES)[number];

export interface ProvisionLexicon {
  /** Predicates after a subject: "agreed", "noted with satisfaction", "extended … invitation". */
  verbs: PhraseSet<Stance>;
  /** Clauses spoken by both sides without a subject: "It was agreed that". */
  impersonal: PhraseSet<Stance>;
  /** Stances as a noun opening a sentence: "Support for …". */
  nominals: PhraseSet<Stance>;
  roles: Record<Role, PhraseSet<true>>;
  /** Office titles, singular ("Prime Minister") and plural ("Prime Ministers"). */
  titles: PhraseSet<"one" | "many">;
}

export interface ProvisionLexiconSources {
  stances: string;
  actors: string;
  titles: string;
}

/** Parses the lexicons, listing every row that names an unknown stance, form or role. */
export function checkProvisionLexicon(src: ProvisionLexiconSources): {
  lexicon: ProvisionLexicon;
  problems: string[];
} {
  const problems: string[] = [];
  const byForm = new Map<string, [Stance, string][]>(FORMS.map((f) => [f, []]));
  for (const row of parseTsv(src.stances)) {
    const [stance = "", form = "", phrases = ""] = row.cells;
    if (!(STANCES as readonly string[]).includes(stance))
      problems.push(`stances.tsv:${row.line}: unknown stance "${stance}"`);
    else if (!byForm.has(form)) problems.push(`stances.tsv:${row.line}: unknown form "${form}"`);
    else if (phrases === "") problems.push(`stances.tsv:${row.line}: no phrases`);
    else for (const p of phrases.split("|")) byForm.get(form)?.push([stance as Stance, p]);
  }
  const byRole = new Map<string, [true, string][]>(ROLES.map((r) => [r, []]));
  for (const row of parseTsv(src.actors)) {
    const [role = "", phrases = ""] = row.cells;
    const list = byRole.get(role);
    if (!list) problems.push(`actors.tsv:${row.line}: unknown role "${role}"`);
    else for (const p of phrases.split("|")) if (p.trim()) list.push([true, p]);
  }
  // "PM[exact]": the flags are the entity matcher's; the subject grammar reads the title alone.
  const titles = parseWordList(src.titles).map((t) => t.replace(/\[[^\]]*\]$/, "").trim());
  const roles = Object.fromEntries(
    ROLES.map((r) => [r, new PhraseSet(byRole.get(r) ?? [])]),
  ) as Record<Role, PhraseSet<true>>;
  return {
    lexicon: {
      verbs: new PhraseSet(byForm.get("verb") ?? []),
      impersonal: new PhraseSet(byForm.get("impersonal") ?? []),
      nominals: new PhraseSet(byForm.get("nominal") ?? []),
      roles,
      titles: new PhraseSet([
        ...titles.map((t) => ["one", t] as ["one", string]),
        ...titles
          .filter((t) => /^[A-Za-z -]+$/.test(t))
          .map((t) => ["many", plural(t)] as ["many", string]),
      ]),
    },
    problems,
  };
}

/** The plural of an English office title: its head noun, the last word, takes the plural. */
function plural(title: string): string {
  const words = title.split(" ");
  // "Minister of State" → "Ministers of State": the head is the word before "of"/"for".
  const of = words.findIndex((w) => w === "of" || w === "for");
  const head = of > 0 ? of - 1 : words.length - 1;
  const w = words[head] as string;
  words[head] = /man$/.test(w)
    ? w.replace(/man$/, "men")
    : /[^aeiou]y$/.test(w)
      ? w.replace(/y$/, "ies")
      : /(s|sh|ch|x)$/.test(w)
        ? `${w}es`
        : `${w}s`;
  return words.join(" ");
}

export function loadProvisionLexicon(dataDir = DEFAULT_DATA_DIR): ProvisionLexicon {
  const { lexicon, problems } = checkProvisionLexicon({
    stances: readDataFile(dataDir, "lexicon/stances.tsv"),
    actors: readDataFile(dataDir, "lexicon/actors.tsv"),
    titles: readDataFile(dataDir, "lexicon/office-titles.txt"),
  });
  if (problems.length > 0) throw new Error(`provision lexicon: ${problems[0]}`);
  return lexicon;
}

let cached: ProvisionLexicon | undefined;

export function defaultProvisionLexicon(): ProvisionLexicon {
  cached ??= loadProvisionLexicon();
  return cached;
}
