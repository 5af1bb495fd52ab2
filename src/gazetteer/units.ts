import { stripDiacritics } from "../text/fold.js";
import { parseTsv, type TsvRow } from "./tsv.js";
import type { Province } from "./types.js";

/** The Vietnamese word for a unit's type, as the resolutions write it. */
export type UnitType =
  | "quận"
  | "huyện"
  | "thị xã"
  | "thành phố"
  | "xã"
  | "phường"
  | "thị trấn"
  | "đặc khu";

export const DISTRICT_TYPES: ReadonlySet<string> = new Set([
  "quận",
  "huyện",
  "thị xã",
  "thành phố",
]);
export const OLD_COMMUNE_TYPES: ReadonlySet<string> = new Set(["xã", "phường", "thị trấn"]);
export const NEW_COMMUNE_TYPES: ReadonlySet<string> = new Set(["xã", "phường", "đặc khu"]);

/**
 * A unit below the province: an old district (until 30 June 2025), an old commune, or a
 * commune of 1 July 2025. Each lies in exactly one old province and one new one.
 */
export interface AdminUnit {
  /** "d63:001" (old district), "c63:00001" (old commune), "c34:00004" (2025 commune). */
  id: string;
  code: string;
  era: "old" | "new";
  level: "district" | "commune";
  nameVi: string;
  /** ASCII fold of `nameVi`. */
  name: string;
  type: UnitType;
  /** Its type and any it had before (a 2025 commune that became a ward since). */
  types: UnitType[];
  /** The old (63) province. */
  provinceCode: string;
  /** The 2025 (34) province. */
  province2025Code: string;
  /** Old communes: index of their district in `units`. */
  district?: number;
  /** Old units: the 2025 communes they went into (indices). */
  successors: number[];
  /** 2025 communes: the old units they were made of (indices). */
  predecessors: number[];
  /** An old commune split between several 2025 communes. */
  partial: boolean;
  /** Every spelling to match: the name, another spelling of the resolutions, "Mỹ Đình" for "Mỹ Đình 1". */
  names: string[];
}

/** The raw text of the three unit files; each may be missing (an invented test gazetteer). */
export interface UnitSources {
  districtsOld?: string;
  communesOld?: string;
  communes2025?: string;
}

/** English words for the types of numbered units ("Quận 1" is "District 1"). */
const NUMBERED_EN: Partial<Record<UnitType, string>> = {
  quận: "District",
  phường: "Ward",
  xã: "Commune",
};

/** The names a unit is matched by: with letters, its own; a bare number goes with its type word. */
function spellings(nameVi: string, alt: string, type: UnitType): string[] {
  if (!/\p{L}/u.test(nameVi)) {
    const en = NUMBERED_EN[type];
    const vi = `${type.charAt(0).toUpperCase()}${type.slice(1)} ${nameVi}`;
    return en ? [vi, `${en} ${nameVi}`] : [vi];
  }
  const out = [nameVi];
  if (alt !== "") out.push(alt);
  // "Mỹ Đình 1" and "Mỹ Đình 2": the text often says "Mỹ Đình" for either.
  const base = /^(.*\p{L}.*?)\s+\d+$/u.exec(nameVi)?.[1];
  if (base) out.push(base);
  return out;
}

/**
 * Parses the three unit files into units, linked to each other and to the provinces.
 * Problems (bad rows, unknown codes) are collected, not thrown.
 */
export function parseUnits(
  src: UnitSources,
  provinceByCode: Map<string, Province>,
): { units: AdminUnit[]; problems: string[] } {
  const problems: string[] = [];
  const units: AdminUnit[] = [];
  const index = new Map<string, number>();
  const where = (file: string, row: TsvRow) => `${file}:${row.line}`;
  const add = (u: AdminUnit, file: string, row: TsvRow) => {
    if (index.has(u.id)) problems.push(`${where(file, row)}: duplicate code ${u.code}`);
    index.set(u.id, units.length);
    units.push(u);
  };
  const known = (set: ReadonlySet<string>, type: string, file: string, row: TsvRow) => {
    if (!set.has(type)) problems.push(`${where(file, row)}: unknown type "${type}"`);
  };
  const name = (nameVi: string, file: string, row: TsvRow) => {
    if (nameVi === "" || nameVi !== nameVi.normalize("NFC"))
      problems.push(`${where(file, row)}: name "${nameVi}" is empty or not NFC`);
    return stripDiacritics(nameVi);
  };
  const pendingNew: [number, string[], string, TsvRow][] = [];

  for (const row of parseTsv(src.districtsOld ?? "")) {
    const file = "districts-old.tsv";
    const [code = "", nameVi = "", type = "", province = "", next = ""] = row.cells;
    if (!/^\d{3}$/.test(code)) problems.push(`${where(file, row)}: code "${code}" is not 3 digits`);
    known(DISTRICT_TYPES, type, file, row);
    const p = provinceByCode.get(province);
    if (!p) problems.push(`${where(file, row)}: unknown province "${province}"`);
    add(
      {
        id: `d63:${code}`,
        code,
        era: "old",
        level: "district",
        nameVi,
        name: name(nameVi, file, row),
        type: type as UnitType,
        types: [type as UnitType],
        provinceCode: province,
        province2025Code: p?.code2025 ?? "",
        successors: [],
        predecessors: [],
        partial: false,
        names: spellings(nameVi, "", type as UnitType),
      },
      file,
      row,
    );
    if (next !== "") pendingNew.push([units.length - 1, next.split("|"), file, row]);
  }

  for (const row of parseTsv(src.communesOld ?? "")) {
    const file = "communes-old.tsv";
    const [
      code = "",
      nameVi = "",
      type = "",
      districtCode = "",
      next = "",
      partial = "",
      alt = "",
    ] = row.cells;
    if (!/^\d{5}$/.test(code)) problems.push(`${where(file, row)}: code "${code}" is not 5 digits`);
    known(OLD_COMMUNE_TYPES, type, file, row);
    if (partial !== "" && partial !== "partial")
      problems.push(`${where(file, row)}: partial must be "partial" or empty, not "${partial}"`);
    const d = index.get(`d63:${districtCode}`);
    const district = d === undefined ? undefined : units[d];
    if (!district) problems.push(`${where(file, row)}: unknown district "${districtCode}"`);
    add(
      {
        id: `c63:${code}`,
        code,
        era: "old",
        level: "commune",
        nameVi,
        name: name(nameVi, file, row),
        type: type as UnitType,
        types: [type as UnitType],
        provinceCode: district?.provinceCode ?? "",
        province2025Code: district?.province2025Code ?? "",
        ...(d === undefined ? {} : { district: d }),
        successors: [],
        predecessors: [],
        partial: partial === "partial",
        names: spellings(nameVi, alt, type as UnitType),
      },
      file,
      row,
    );
    pendingNew.push([units.length - 1, next === "" ? [] : next.split("|"), file, row]);
  }

  const province2025Old = new Map<string, string[]>();
  for (const p of provinceByCode.values()) {
    province2025Old.set(p.code2025, [...(province2025Old.get(p.code2025) ?? []), p.code]);
  }
  for (const row of parseTsv(src.communes2025 ?? "")) {
    const file = "communes-2025.tsv";
    const [code = "", nameVi = "", type = "", province = "", was = ""] = row.cells;
    if (!/^\d{5}$/.test(code)) problems.push(`${where(file, row)}: code "${code}" is not 5 digits`);
    known(NEW_COMMUNE_TYPES, type, file, row);
    if (was !== "") known(NEW_COMMUNE_TYPES, was, file, row);
    if (!province2025Old.has(province))
      problems.push(`${where(file, row)}: unknown 2025 province "${province}"`);
    add(
      {
        id: `c34:${code}`,
        code,
        era: "new",
        level: "commune",
        nameVi,
        name: name(nameVi, file, row),
        type: type as UnitType,
        types: was === "" ? [type as UnitType] : [type as UnitType, was as UnitType],
        // Settled below from the old units it was made of.
        provinceCode: "",
        province2025Code: province,
        successors: [],
        predecessors: [],
        partial: false,
        names: spellings(nameVi, "", type as UnitType),
      },
      file,
      row,
    );
  }

  for (const [from, codes, file, row] of pendingNew) {
    if (codes.length === 0) problems.push(`${where(file, row)}: no 2025 commune`);
    for (const code of codes) {
      const to = index.get(`c34:${code}`);
      if (to === undefined) {
        problems.push(`${where(file, row)}: unknown 2025 commune "${code}"`);
        continue;
      }
      (units[from] as AdminUnit).successors.push(to);
      (units[to] as AdminUnit).predecessors.push(from);
    }
  }
  for (const u of units) {
    if (u.era !== "new") continue;
    const olds = new Set(u.predecessors.map((i) => units[i]?.provinceCode));
    if (olds.size === 1) u.provinceCode = [...olds][0] as string;
  }
  return { units, problems };
}
