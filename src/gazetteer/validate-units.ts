import type { Gazetteer } from "./types.js";
import type { AdminUnit } from "./units.js";

/**
 * Checks that the units below the province hold together: every old commune went into 2025
 * communes of its own province's successor (whole, or split when `partial`), every 2025 commune
 * was made of old units of one old province only (no old province was split in 2025), and that
 * old province became its 2025 province. Returns the problems.
 */
export function validateUnits(g: Gazetteer): string[] {
  const problems: string[] = [];
  const label = (u: AdminUnit) => `${u.type} ${u.nameVi} (${u.id})`;
  for (const u of g.units) {
    if (u.era === "old" && u.level === "commune") {
      if (u.successors.length > 1 !== u.partial)
        problems.push(
          `${label(u)}: ${u.successors.length} 2025 communes but ${u.partial ? "" : "not "}marked partial`,
        );
    }
    for (const i of u.successors) {
      const next = g.units[i] as AdminUnit;
      if (next.province2025Code !== u.province2025Code)
        problems.push(
          `${label(u)} of province ${u.provinceCode} went into ${label(next)} of 2025 province ${next.province2025Code}, not ${u.province2025Code}`,
        );
    }
    if (u.era === "new") {
      if (u.predecessors.length === 0) problems.push(`${label(u)}: made of no old unit`);
      const olds = new Set(u.predecessors.map((i) => g.units[i]?.provinceCode));
      if (olds.size > 1)
        problems.push(
          `${label(u)}: made of units of several old provinces (${[...olds].join(", ")})`,
        );
      const old = g.provinceByCode.get(u.provinceCode);
      if (old && old.code2025 !== u.province2025Code)
        problems.push(
          `${label(u)}: its old province ${old.code} became ${old.code2025}, not ${u.province2025Code}`,
        );
    }
    for (const n of u.names)
      if (n !== n.normalize("NFC")) problems.push(`${label(u)}: name "${n}" is not NFC`);
  }
  return problems;
}
