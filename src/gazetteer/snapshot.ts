import { withLazy } from "../io/lazy.js";
import { columnsOf, linesOf, type Snapshot } from "../io/snapshot.js";
import type { Gazetteer } from "./types.js";
import type { AdminUnit, UnitType } from "./units.js";

/**
 * The gazetteer as the data cache holds it (`io/data-cache.ts`). Its 14,000 units are columns,
 * not objects, and not JSON: each text field is one array of UTF-8 bytes, the values split by
 * line breaks, each number field an Int32Array; both are read back as views on the file. A run
 * that names no unit reads only the provinces and places as JSON, and counts the columns.
 */
export interface GazetteerJson {
  provinces: Gazetteer["provinces"];
  provinces2025: Gazetteer["provinces2025"];
  places: Gazetteer["places"];
  ambiguities: Gazetteer["ambiguities"];
  units: { count: number };
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

/**
 * The columns, by name in the snapshot's arrays: the TEXT fields, `types` and `names`
 * (tab-separated lists; empty when they are `[type]`, `[nameVi]`) as bytes; `district` (-1:
 * none), `partial` (0 or 1), and the lists of unit i as values[offsets[i]] to
 * values[offsets[i + 1]], as Int32Arrays.
 */
const BYTES = [...TEXT, "types", "names"] as const;
const NUMBERS = [
  "district",
  "partial",
  "successors.offsets",
  "successors.values",
  "predecessors.offsets",
  "predecessors.values",
] as const;
type Columns = Record<(typeof BYTES)[number], Uint8Array> &
  Record<(typeof NUMBERS)[number], Int32Array>;

export function gazetteerToSnapshot(g: Gazetteer): Snapshot {
  const { provinces, provinces2025, places, ambiguities } = g;
  const columns = unitColumns(g.units);
  const arrays: Snapshot["arrays"] = {};
  for (const [name, array] of Object.entries(columns)) arrays[`units.${name}`] = array;
  return {
    json: { provinces, provinces2025, places, ambiguities, units: { count: g.units.length } },
    arrays,
  };
}

export function gazetteerFromSnapshot({ json, arrays }: Snapshot): Gazetteer {
  const { provinces, provinces2025, places, ambiguities, units } = json as GazetteerJson;
  if (![provinces, provinces2025, places, ambiguities].every(Array.isArray))
    throw new Error("snapshot: not a gazetteer");
  const makeUnits = unitMaker(units?.count, arrays);
  // The units are made on first use: a text that names no district or commune (most short ones)
  // never pays for 14,000 objects. Their columns are checked now, so making them cannot fail.
  const g = withLazy<Gazetteer, "units">(
    {
      provinces,
      provinces2025,
      places,
      ambiguities,
      provinceByCode: new Map(provinces.map((p) => [p.code, p])),
      province2025ByCode: new Map(provinces2025.map((p) => [p.code, p])),
    },
    "units",
    makeUnits,
  );
  return g;
}

function unitColumns(units: AdminUnit[]): Columns {
  const column = (values: string[], separator: string) => {
    // A value holding the separator would read back as two: no cache then (the build stands).
    if (values.some((v) => v.includes(separator) || v.includes("\n")))
      throw new Error("snapshot: a unit field holds a separator");
    return values;
  };
  const lines = (values: string[]) => Buffer.from(column(values, "\n").join("\n"), "utf8");
  const lists = (of: (u: AdminUnit) => string[], only: (u: AdminUnit) => string) =>
    lines(
      units.map((u) => {
        const list = of(u);
        if (list.length === 1 && list[0] === only(u)) return "";
        // An empty list or item would read back as the default.
        if (list.length === 0 || list.includes("")) throw new Error("snapshot: an empty list");
        return column(list, "\t").join("\t");
      }),
    );
  const numbers = (of: (u: AdminUnit) => number[]) => {
    const offsets = [0];
    const values: number[] = [];
    for (const u of units) {
      values.push(...of(u));
      offsets.push(values.length);
    }
    return { offsets: Int32Array.from(offsets), values: Int32Array.from(values) };
  };
  const text = {} as Record<TextField, Uint8Array>;
  for (const field of TEXT) text[field] = lines(units.map((u) => u[field]));
  const successors = numbers((u) => u.successors);
  const predecessors = numbers((u) => u.predecessors);
  return {
    ...text,
    types: lists(
      (u) => u.types,
      (u) => u.type,
    ),
    names: lists(
      (u) => u.names,
      (u) => u.nameVi,
    ),
    district: Int32Array.from(units, (u) => u.district ?? -1),
    partial: Int32Array.from(units, (u) => (u.partial ? 1 : 0)),
    "successors.offsets": successors.offsets,
    "successors.values": successors.values,
    "predecessors.offsets": predecessors.offsets,
    "predecessors.values": predecessors.values,
  };
}

/**
 * Checks the columns of `unitColumns` and returns what makes their units, the fields of each in
 * the order `parseUnits` gives them; throws now if a column is missing, of another type or of
 * another length. The text columns are decoded, and their lines counted, only when the units
 * are made (the snapshot's digest and key already vouch for what its encoder wrote).
 */
function unitMaker(count: unknown, arrays: Snapshot["arrays"]): () => AdminUnit[] {
  const c: Columns = columnsOf(arrays, "units", BYTES, NUMBERS);
  if (!Number.isInteger(count)) throw new Error("snapshot: no unit count");
  const n = count as number;
  const listsFit = (offsets: Int32Array, values: Int32Array) =>
    offsets.length === n + 1 && offsets[n] === values.length;
  if (
    c.district.length !== n ||
    c.partial.length !== n ||
    !listsFit(c["successors.offsets"], c["successors.values"]) ||
    !listsFit(c["predecessors.offsets"], c["predecessors.values"])
  )
    throw new Error("snapshot: the units are not columns");
  return () => makeUnits(n, c);
}

function makeUnits(count: number, c: Columns): AdminUnit[] {
  const lines = {} as Record<(typeof BYTES)[number], string[]>;
  for (const name of BYTES) {
    lines[name] = linesOf(c[name]);
    if (lines[name].length !== count)
      throw new Error("snapshot: the units' text columns are not columns");
  }
  const { id, code, era, level, nameVi, name, type, provinceCode, province2025Code } = lines;
  const { types, names } = lines;
  const list = (offsets: Int32Array, values: Int32Array, i: number) =>
    Array.from(values.subarray(offsets[i], offsets[i + 1]));
  const units: AdminUnit[] = new Array(count);
  for (let i = 0; i < count; i++) {
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
      successors: list(c["successors.offsets"], c["successors.values"], i),
      predecessors: list(c["predecessors.offsets"], c["predecessors.values"], i),
      partial: c.partial[i] === 1,
      names: names[i] === "" ? [nameVi[i] as string] : (names[i] as string).split("\t"),
    };
    // Object.assign, not a spread in a literal: in the cold interpreter the spread costs 5 µs
    // a unit (70 ms over all of them).
    units[i] = d < 0 ? Object.assign(head, tail) : Object.assign(head, { district: d }, tail);
  }
  return units;
}
