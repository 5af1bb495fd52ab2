import type { Gazetteer } from "./types.js";
import type { AdminUnit, UnitType } from "./units.js";

/**
 * The gazetteer as the data cache holds it (`io/data-cache.ts`). Its 14,000 units are rows, not
 * objects: without their field names the JSON is half as long, and parsing it was most of the
 * cost of reading the gazetteer back.
 */
export interface GazetteerJson {
  provinces: Gazetteer["provinces"];
  provinces2025: Gazetteer["provinces2025"];
  places: Gazetteer["places"];
  ambiguities: Gazetteer["ambiguities"];
  units: UnitRow[];
}

/** An AdminUnit's fields in order; `types` and `names` null when they are `[type]`, `[nameVi]`. */
type UnitRow = [
  id: string,
  code: string,
  era: AdminUnit["era"],
  level: AdminUnit["level"],
  nameVi: string,
  name: string,
  type: UnitType,
  types: UnitType[] | null,
  provinceCode: string,
  province2025Code: string,
  district: number | null,
  successors: number[],
  predecessors: number[],
  partial: 0 | 1,
  names: string[] | null,
];

export function gazetteerToJson(g: Gazetteer): GazetteerJson {
  const { provinces, provinces2025, places, ambiguities } = g;
  return { provinces, provinces2025, places, ambiguities, units: g.units.map(unitToRow) };
}

export function gazetteerFromJson(json: GazetteerJson): Gazetteer {
  const { provinces, provinces2025, places, ambiguities } = json;
  if (![provinces, provinces2025, places, ambiguities, json.units].every(Array.isArray))
    throw new Error("snapshot: not a gazetteer");
  return {
    provinces,
    provinces2025,
    places,
    ambiguities,
    units: json.units.map(unitFromRow),
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    province2025ByCode: new Map(provinces2025.map((p) => [p.code, p])),
  };
}

function unitToRow(u: AdminUnit): UnitRow {
  const onlyType = u.types.length === 1 && u.types[0] === u.type;
  const onlyName = u.names.length === 1 && u.names[0] === u.nameVi;
  return [
    u.id,
    u.code,
    u.era,
    u.level,
    u.nameVi,
    u.name,
    u.type,
    onlyType ? null : u.types,
    u.provinceCode,
    u.province2025Code,
    u.district ?? null,
    u.successors,
    u.predecessors,
    u.partial ? 1 : 0,
    onlyName ? null : u.names,
  ];
}

/** The unit of `unitToRow`, its fields in the order `parseUnits` gives them. */
function unitFromRow(row: UnitRow): AdminUnit {
  const [id, code, era, level, nameVi, name, type, types, provinceCode, province2025Code] = row;
  const [, , , , , , , , , , district, successors, predecessors, partial, names] = row;
  return {
    id,
    code,
    era,
    level,
    nameVi,
    name,
    type,
    types: types ?? [type],
    provinceCode,
    province2025Code,
    ...(district === null ? {} : { district }),
    successors,
    predecessors,
    partial: partial === 1,
    names: names ?? [nameVi],
  };
}
