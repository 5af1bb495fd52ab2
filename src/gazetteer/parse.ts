import { foldKey } from "../text/fold.js";
import { parseNameList, parseTsv, type TsvRow } from "./tsv.js";
import type {
  Ambiguity,
  Gazetteer,
  NameFlag,
  Place,
  PlaceKind,
  PlaceName,
  Province,
  Province2025,
  ProvincialUnit,
} from "./types.js";
import { parseUnits, type UnitSources } from "./units.js";

/** The raw text of the gazetteer's data files (the units below the province are optional). */
export interface GazetteerSources extends UnitSources {
  provinces63: string;
  provinces34: string;
  places: string;
  ambiguous: string;
}

const NAME_FLAGS = new Set<string>(["cap", "nojoin", "listonly"]);
export const PLACE_KINDS = new Set<string>([
  "city",
  "town",
  "island",
  "bay",
  "beach",
  "landmark",
  "heritage",
  "airport",
  "port",
  "mountain",
  "pass",
  "park",
  "lake",
  "area",
]);

/**
 * Turns the data files into a Gazetteer. Row-level problems (wrong column count, bad number,
 * unknown flag) are collected, not thrown, so the data check can list them all at once.
 */
export function parseGazetteer(src: GazetteerSources): {
  gazetteer: Gazetteer;
  problems: string[];
} {
  const problems: string[] = [];
  const where = (file: string, row: TsvRow) => `${file}:${row.line}`;

  const num = (file: string, row: TsvRow, cell: string | undefined, what: string): number => {
    const n = Number(cell);
    if (cell === undefined || cell === "" || !Number.isFinite(n)) {
      problems.push(`${where(file, row)}: ${what} is not a number: ${JSON.stringify(cell)}`);
      return Number.NaN;
    }
    return n;
  };

  const names = (file: string, row: TsvRow, own: string[], flagCell: string, aliases: string) => {
    const ownFlags = flagCell === "" ? [] : flagCell.split(",").map((f) => f.trim());
    const list: PlaceName[] = [];
    const add = (text: string, flags: string[]) => {
      for (const f of flags) {
        if (!NAME_FLAGS.has(f))
          problems.push(`${where(file, row)}: unknown flag "${f}" on "${text}"`);
      }
      if (text !== "" && !list.some((n) => n.text === text)) {
        list.push({ text, flags: flags.filter((f) => NAME_FLAGS.has(f)) as NameFlag[] });
      }
    };
    for (const text of own) add(text, ownFlags);
    for (const alias of parseNameList(aliases)) add(alias.text, alias.flags);
    return list;
  };

  /** The first eight columns, shared by both province files. */
  const unit = (file: string, row: TsvRow): ProvincialUnit => {
    const [code, name, nameVi, type, centre, centreVi, lat, lon] = row.cells as string[];
    if (type !== "province" && type !== "municipality") {
      problems.push(`${where(file, row)}: type must be province or municipality, not "${type}"`);
    }
    return {
      code: code as string,
      name: name as string,
      nameVi: nameVi as string,
      type: type === "municipality" ? "municipality" : "province",
      centre: centre as string,
      centreVi: centreVi as string,
      lat: num(file, row, lat, "lat"),
      lon: num(file, row, lon, "lon"),
    };
  };

  const provinces: Province[] = [];
  const provincePlaces: Place[] = [];
  for (const row of parseTsv(src.provinces63)) {
    const file = "provinces-63.tsv";
    if (row.cells.length < 9 || row.cells.length > 11) {
      problems.push(`${where(file, row)}: expected 11 columns, found ${row.cells.length}`);
      continue;
    }
    const [code2025, flags = "", aliases = ""] = row.cells.slice(8) as string[];
    const p: Province = { ...unit(file, row), code2025: code2025 as string };
    provinces.push(p);
    provincePlaces.push({
      id: `p63:${p.code}`,
      name: p.name,
      nameVi: p.nameVi,
      kind: p.type,
      provinceCode: p.code,
      lat: p.lat,
      lon: p.lon,
      names: names(file, row, [p.name, p.nameVi], flags, aliases),
    });
  }

  const provinces2025: Province2025[] = [];
  for (const row of parseTsv(src.provinces34)) {
    const file = "provinces-34.tsv";
    if (row.cells.length !== 8) {
      problems.push(`${where(file, row)}: expected 8 columns, found ${row.cells.length}`);
      continue;
    }
    const u = unit(file, row);
    provinces2025.push({
      ...u,
      members: provinces.filter((p) => p.code2025 === u.code).map((p) => p.code),
    });
  }

  const places: Place[] = [...provincePlaces];
  const slugs = new Map<string, number>();
  for (const row of parseTsv(src.places)) {
    const file = "places.tsv";
    if (row.cells.length < 6 || row.cells.length > 8) {
      problems.push(`${where(file, row)}: expected 8 columns, found ${row.cells.length}`);
      continue;
    }
    const [name, nameVi, kind, provinceCode, lat, lon, flags = "", aliases = ""] =
      row.cells as string[];
    if (!PLACE_KINDS.has(kind as string)) {
      problems.push(`${where(file, row)}: unknown kind "${kind}" for ${name}`);
    }
    const base = (foldKey(name as string) || "place").replace(/ /g, "-");
    const seen = slugs.get(base) ?? 0;
    slugs.set(base, seen + 1);
    places.push({
      id: `place:${seen === 0 ? base : `${base}-${seen + 1}`}`,
      name: name as string,
      nameVi: nameVi as string,
      kind: (PLACE_KINDS.has(kind as string) ? kind : "area") as PlaceKind,
      provinceCode: provinceCode as string,
      lat: num(file, row, lat, "lat"),
      lon: num(file, row, lon, "lon"),
      names: names(file, row, [name as string, nameVi as string], flags, aliases),
    });
  }

  const ambiguities: Ambiguity[] = [];
  for (const row of parseTsv(src.ambiguous)) {
    const [key = "", defaultId = "", note = ""] = row.cells;
    if (key === "" || defaultId === "") {
      problems.push(`ambiguous.tsv:${row.line}: expected key, default place id and note`);
      continue;
    }
    ambiguities.push({ key: foldKey(key), defaultId, note });
  }

  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const units = parseUnits(src, provinceByCode);
  problems.push(...units.problems);

  return {
    gazetteer: {
      provinces,
      provinces2025,
      places,
      ambiguities,
      units: units.units,
      provinceByCode,
      province2025ByCode: new Map(provinces2025.map((p) => [p.code, p])),
    },
    problems,
  };
}
