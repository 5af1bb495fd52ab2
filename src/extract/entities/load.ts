import { DEFAULT_DATA_DIR, readDataFile } from "../../gazetteer/load.js";
import { parseNameList, parseTsv } from "../../gazetteer/tsv.js";
import type { EntityRecord, EntityType } from "./types.js";

interface FileSpec {
  file: string;
  type: EntityType;
  /** Column holding each field; -1 when the file has none. */
  kind: number;
  year: number;
  titles: number;
  aliases: number;
  demonyms: number;
}

// Columns: countries: id name kind aliases demonyms; organisations and places: id name kind
// aliases; instruments: id name year aliases; people: id name titles aliases.
export const ENTITY_FILES: FileSpec[] = [
  {
    file: "entities/countries.tsv",
    type: "country",
    kind: 2,
    year: -1,
    titles: -1,
    aliases: 3,
    demonyms: 4,
  },
  {
    file: "entities/organisations.tsv",
    type: "organisation",
    kind: 2,
    year: -1,
    titles: -1,
    aliases: 3,
    demonyms: -1,
  },
  {
    file: "entities/instruments.tsv",
    type: "instrument",
    kind: -1,
    year: 2,
    titles: -1,
    aliases: 3,
    demonyms: -1,
  },
  {
    file: "entities/people.tsv",
    type: "person",
    kind: -1,
    year: -1,
    titles: 2,
    aliases: 3,
    demonyms: -1,
  },
  {
    file: "entities/places.tsv",
    type: "place",
    kind: 2,
    year: -1,
    titles: -1,
    aliases: 3,
    demonyms: -1,
  },
];

/** Parses one entity file; row problems are collected, not thrown. */
export function parseEntities(text: string, spec: FileSpec, problems: string[]): EntityRecord[] {
  const out: EntityRecord[] = [];
  for (const row of parseTsv(text)) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? "") : "");
    const id = cell(0);
    const name = cell(1);
    if (!id || !name) {
      problems.push(`${spec.file}:${row.line}: needs an id and a name`);
      continue;
    }
    const year = spec.year >= 0 && cell(spec.year) !== "" ? Number(cell(spec.year)) : null;
    if (year !== null && !(year > 1800 && year < 2200))
      problems.push(`${spec.file}:${row.line}: bad year "${cell(spec.year)}"`);
    const names: EntityRecord["names"] = [{ text: name, flags: [], variant: "name" }];
    for (const a of parseNameList(cell(spec.aliases)))
      names.push({ text: a.text, flags: a.flags, variant: "alias" });
    for (const d of parseNameList(cell(spec.demonyms)))
      names.push({ text: d.text, flags: d.flags, variant: "demonym" });
    out.push({
      id,
      type: spec.type,
      name,
      kind: cell(spec.kind) || null,
      year,
      titles:
        spec.titles >= 0
          ? cell(spec.titles)
              .split("|")
              .map((t) => t.trim())
              .filter(Boolean)
          : [],
      names,
    });
  }
  return out;
}

export function loadEntities(dataDir = DEFAULT_DATA_DIR): {
  entities: EntityRecord[];
  problems: string[];
} {
  const problems: string[] = [];
  const entities = ENTITY_FILES.flatMap((spec) =>
    parseEntities(readDataFile(dataDir, spec.file), spec, problems),
  );
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) problems.push(`duplicate entity id ${e.id}`);
    ids.add(e.id);
  }
  return { entities, problems };
}
