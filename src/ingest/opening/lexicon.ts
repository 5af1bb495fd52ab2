import { loadKindLexicon, phraseSource } from "../../extract/provisions/kind.js";
import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseTsv } from "../../gazetteer/tsv.js";

/** The words of data/lexicon/metadata.tsv (and the statement names of kinds.tsv), compiled. */
export interface MetadataLexicon {
  /** "On " / "Sáng " at the start of a line, before its date. */
  dateOpener: RegExp;
  /** "released a " / "công bố " right before a document's name (the name is checked apart). */
  release: RegExp;
  /** The document names a reported title opens with ("Joint Communiqué"), at the start. */
  genre: RegExp;
  /** "this year", "năm nay", lowercased. */
  thisYear: Set<string>;
  /** Where a reported title ends: punctuation, or a relative clause ("…, which", "that"). */
  titleStop: RegExp;
}

const ROLES = ["date-opener", "release", "this-year", "title-stop"] as const;
type Role = (typeof ROLES)[number];

const NOT_WORD = "(?![\\p{L}\\p{M}\\p{N}])";

export function parseMetadataLexicon(
  source: string,
  genres: string[],
): { lexicon: MetadataLexicon; problems: string[] } {
  const problems: string[] = [];
  const rows = new Map<Role, string[]>();
  for (const row of parseTsv(source)) {
    const [role = "", phrases = ""] = row.cells;
    if (!(ROLES as readonly string[]).includes(role))
      problems.push(`metadata.tsv:${row.line}: unknown role "${role}"`);
    else rows.set(role as Role, phrases.split("|").filter(Boolean));
  }
  for (const role of ROLES) if (!rows.get(role)?.length) problems.push(`metadata.tsv: no ${role}`);
  const any = (words: string[]) => words.map(phraseSource).join("|") || "(?!)";
  const list = (role: Role) => any(rows.get(role) ?? []);
  return {
    lexicon: {
      dateOpener: new RegExp(`^(?:${list("date-opener")})${NOT_WORD}[\\t ]+`, "iu"),
      release: new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])(?:${list("release")})[\\t ]+(?:(?:a|an|the|its|their|bản|một)[\\t ]+)?["“]?`,
        "giu",
      ),
      genre: new RegExp(`^(?:${any(genres)})${NOT_WORD}`, "iu"),
      thisYear: new Set((rows.get("this-year") ?? []).map((w) => w.toLowerCase())),
      titleStop: new RegExp(
        `[,;:(\\n"”]|\\.(?=\\s|$)|[\\t ](?:${list("title-stop")})${NOT_WORD}`,
        "iu",
      ),
    },
    problems,
  };
}

export function loadMetadataLexicon(dataDir = DEFAULT_DATA_DIR): MetadataLexicon {
  const { lexicon, problems } = parseMetadataLexicon(
    readDataFile(dataDir, "lexicon/metadata.tsv"),
    loadKindLexicon(dataDir).statementTitles,
  );
  if (problems.length > 0) throw new Error(`metadata lexicon: ${problems[0]}`);
  return lexicon;
}

let cached: MetadataLexicon | undefined;

export function defaultMetadataLexicon(): MetadataLexicon {
  cached ??= loadMetadataLexicon();
  return cached;
}
