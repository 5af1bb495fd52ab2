import { DossierError } from "../errors.js";
import { foldKey } from "../text/fold.js";
import { defaultGazetteer } from "./load.js";

type Level = "old" | "new";

/** Folded, spaces and hyphens dropped: "Đà Nẵng", "Da Nang", "danang", "Ba Ria-Vung Tau" alike. */
const squash = (s: string) => foldKey(s).replace(/[\s-]+/gu, "");

let index: Record<Level, Map<string, string>> | null = null;

/** Every code and name of a province at each level → its code. */
function provinceIndex(): Record<Level, Map<string, string>> {
  if (index) return index;
  const g = defaultGazetteer();
  const old = new Map<string, string>();
  const neu = new Map<string, string>();
  for (const p of g.provinces)
    for (const n of [p.code, p.name, p.nameVi]) old.set(squash(n), p.code);
  // A province's other names ("Hue", "Saigon", "TP.HCM") are those of its place record.
  for (const place of g.places)
    if (place.id === `p63:${place.provinceCode}`)
      for (const n of place.names)
        if (!old.has(squash(n.text))) old.set(squash(n.text), place.provinceCode);
  for (const p of g.provinces2025)
    for (const n of [p.code, p.name, p.nameVi]) neu.set(squash(n), p.code);
  index = { old, new: neu };
  return index;
}

/**
 * The code of the province a search filter names, by code ("48") or by any of its names
 * ("Đà Nẵng", "da nang", "Hue" for Thua Thien Hue); an E_USAGE error naming the filter when it
 * names none, rather than a search that quietly finds nothing.
 */
export function provinceFilterCode(level: Level, value: string): string {
  const code = provinceIndex()[level].get(squash(value));
  if (code) return code;
  const which =
    level === "old" ? "province (63, before July 2025)" : "province2025 (34, from July 2025)";
  const g = defaultGazetteer();
  // A town or city given for a province: say which province it is in.
  const place = g.places.find((p) => p.names.some((n) => squash(n.text) === squash(value)));
  const old = place ? g.provinceByCode.get(place.provinceCode) : undefined;
  const province = level === "old" ? old : g.province2025ByCode.get(old?.code2025 ?? "");
  const hint =
    place && province
      ? `${place.nameVi} lies in ${province.nameVi}: give "${province.code}"`
      : `give its code ("01") or its name ("Hà Nội", "Ha Noi")`;
  throw new DossierError(
    "E_USAGE",
    `no ${which} is called ${JSON.stringify(value.slice(0, 100))}; ${hint}`,
    { input: value.slice(0, 100) },
  );
}
