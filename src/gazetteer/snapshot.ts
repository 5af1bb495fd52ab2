import { countLines } from "../io/snapshot.js";
import type { Gazetteer } from "./types.js";
import type { AdminUnit, UnitType } from "./units.js";

/**
 * The gazetteer as the data cache holds it (`io/data-cache.ts`). Its 14,000 units are columns,
 * not objects: each text field one string split on line breaks, so reading them back makes
 * a few long strings and arrays instead of parsing 14,000 objects' worth of JSON.
 */
export interface GazetteerJson {
  provinces: Gazetteer["provinces"];
  provinces2025: Gazetteer["provinces2025"];
  places: Gazetteer["places"];
  ambiguities: Gazetteer["ambiguities"];
  units: UnitColumns;
}

/** The text fields of AdminUnit, each a column. */
const TEXT = [
  "id",
  "code",
  "era",
  "level",
  "nameVi",
  "name",
  "type",
  "provinceCode",
  "province2025Code",
] as const;
type TextField = (typeof TEXT)[number];

interface UnitColumns {
  count: number;
  /** Per field of TEXT, the units' values joined by line breaks. */
  text: Record<TextField, string>;
  /** `types` and `names`, tab-separated; empty when they are `[type]`, `[nameVi]`. */
  types: string;
  names: string;
  /** -1: none. */
  district: number[];
  /** The lists of unit i are values[offsets[i]] to values[offsets[i + 1]]. */
  successors: { offsets: number[]; values: number[] };
  predecessors: { offsets: number[]; values: number[] };
  partial: number[];
}

export function gazetteerToJson(g: Gazetteer): GazetteerJson {
  const { provinces, provinces2025, places, ambiguities } = g;
  return { provinces, provinces2025, places, ambiguities, units: unitColumns(g.units) };
}

export function gazetteerFromJson(json: GazetteerJson): Gazetteer {
  const { provinces, provinces2025, places, ambiguities } = json;
  if (![provinces, provinces2025, places, ambiguities].every(Array.isArray))
    throw new Error("snapshot: not a gazetteer");
  const makeUnits = unitMaker(json.units);
  const g: Gazetteer = {
    provinces,
    provinces2025,
    places,
    ambiguities,
    units: [],
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    province2025ByCode: new Map(provinces2025.map((p) => [p.code, p])),
  };
  // The units are made on first use: a text that names no district or commune (most short ones)
  // never pays for 14,000 objects. Their columns are checked now, so making them cannot fail.
  Object.defineProperty(g, "units", {
    configurable: true,
    enumerable: true,
    get() {
      const units = makeUnits();
      Object.defineProperty(g, "units", { value: units, writable: true, enumerable: true });
      return units;
    },
  });
  return g;
}

function unitColumns(units: AdminUnit[]): UnitColumns {
  const column = (values: string[], separator: string) => {
    // A value holding the separator would read back as two: no cache then (the build stands).
    if (values.some((v) => v.includes(separator) || v.includes("\n")))
      throw new Error("snapshot: a unit field holds a separator");
    return values;
  };
  const lines = (values: string[]) => column(values, "\n").join("\n");
  const lists = (of: (u: AdminUnit) => string[], only: (u: AdminUnit) => string) =>
    units
      .map((u) => {
        const list = of(u);
        if (list.length === 1 && list[0] === only(u)) return "";
        // An empty list or item would read back as the default.
        if (list.length === 0 || list.includes("")) throw new Error("snapshot: an empty list");
        return column(list, "\t").join("\t");
      })
      .join("\n");
  const numbers = (of: (u: AdminUnit) => number[]) => {
    const offsets = [0];
    const values: number[] = [];
    for (const u of units) {
      values.push(...of(u));
      offsets.push(values.length);
    }
    return { offsets, values };
  };
  const text = {} as Record<TextField, string>;
  for (const field of TEXT) text[field] = lines(units.map((u) => u[field]));
  return {
    count: units.length,
    text,
    types: lists(
      (u) => u.types,
      (u) => u.type,
    ),
    names: lists(
      (u) => u.names,
      (u) => u.nameVi,
    ),
    district: units.map((u) => u.district ?? -1),
    successors: numbers((u) => u.successors),
    predecessors: numbers((u) => u.predecessors),
    partial: units.map((u) => (u.partial ? 1 : 0)),
  };
}

/**
 * Checks the columns of `unitColumns` and returns what makes their units, the fields of each in
 * the order `parseUnits` gives them; throws now if a column is missing or of another length.
 * The columns are counted now and split only when the units are made: a run that names no unit
 * never splits them.
 */
function unitMaker(c: UnitColumns): () => AdminUnit[] {
  const lines = [...TEXT.map((field) => c.text[field]), c.types, c.names];
  const lists = [c.successors, c.predecessors];
  if (
    !Number.isInteger(c.count) ||
    !lines.every((column) => typeof column === "string" && countLines(column) === c.count) ||
    ![c.district, c.partial].every((column) => column.length === c.count) ||
    !lists.every((l) => l.offsets.length === c.count + 1 && l.offsets[c.count] === l.values.length)
  )
    throw new Error("snapshot: the units are not columns");
  return () => {
    const text = {} as Record<TextField, string[]>;
    for (const field of TEXT) text[field] = c.text[field].split("\n");
    return makeUnits(c, text, c.types.split("\n"), c.names.split("\n"));
  };
}

function makeUnits(
  c: UnitColumns,
  text: Record<TextField, string[]>,
  types: string[],
  names: string[],
): AdminUnit[] {
  const { id, code, era, level, nameVi, name, type, provinceCode, province2025Code } = text;
  const list = ({ offsets, values }: { offsets: number[]; values: number[] }, i: number) =>
    values.slice(offsets[i], offsets[i + 1]);
  const units: AdminUnit[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) {
    const t = type[i] as UnitType;
    const d = c.district[i] as number;
    const head = {
      id: id[i] as string,
      code: code[i] as string,
      era: era[i] as AdminUnit["era"],
      level: level[i] as AdminUnit["level"],
      nameVi: nameVi[i] as string,
      name: name[i] as string,
      type: t,
      types: types[i] === "" ? [t] : ((types[i] as string).split("\t") as UnitType[]),
      provinceCode: provinceCode[i] as string,
      province2025Code: province2025Code[i] as string,
    };
    const tail = {
      successors: list(c.successors, i),
      predecessors: list(c.predecessors, i),
      partial: c.partial[i] === 1,
      names: names[i] === "" ? [nameVi[i] as string] : (names[i] as string).split("\t"),
    };
    // Object.assign, not a spread in a literal: in the cold interpreter the spread costs 5 µs
    // a unit (70 ms over all of them).
    units[i] = d < 0 ? Object.assign(head, tail) : Object.assign(head, { district: d }, tail);
  }
  return units;
}
