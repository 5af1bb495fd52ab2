import type { AdminUnit } from "./units.js";

/** What every provincial unit, old or new, records. */
export interface ProvincialUnit {
  /** Official 2-digit code, e.g. "48". */
  code: string;
  /** ASCII name, e.g. "Da Nang", "Ba Ria-Vung Tau", "Ho Chi Minh". */
  name: string;
  /** Vietnamese name with diacritics, NFC. */
  nameVi: string;
  type: "province" | "municipality";
  /** Administrative centre (seat of the provincial authorities), ASCII and Vietnamese. */
  centre: string;
  centreVi: string;
  /** Approximate centroid, WGS84 degrees. */
  lat: number;
  lon: number;
}

/** A provincial unit as it stood until 30 June 2025 (one of 63). */
export interface Province extends ProvincialUnit {
  /** Code of the provincial unit it became part of on 1 July 2025. */
  code2025: string;
}

/** A provincial unit from 1 July 2025 (one of 34, Resolution 202/2025/QH15). */
export interface Province2025 extends ProvincialUnit {
  /** Codes of the old provinces merged into it. */
  members: string[];
}

export type PlaceKind =
  | "province"
  | "municipality"
  | "city"
  | "town"
  | "island"
  | "bay"
  | "beach"
  | "landmark"
  | "heritage"
  | "airport"
  | "port"
  | "mountain"
  | "pass"
  | "park"
  | "lake"
  | "area"
  | "district"
  | "commune";

/**
 * Flags on a name:
 * - `cap`: only a place when every syllable is capitalised ("hue" is a colour, "my son" words);
 * - `nojoin`: do not match the run-together spelling ("longan" is a fruit);
 * - `listonly`: the bare name is a person unless it stands alone in a list or after a city word
 *   ("Ho Chi Minh" vs "TP. Hồ Chí Minh").
 */
export type NameFlag = "cap" | "nojoin" | "listonly";

export interface PlaceName {
  text: string;
  flags: NameFlag[];
}

/** Anything a mention can resolve to: a province itself or a place inside one. */
export interface Place {
  /** Stable id: "p63:48" for a province, "place:nha-trang" for the rest. */
  id: string;
  name: string;
  nameVi: string;
  kind: PlaceKind;
  /** Old (pre-2025) province code. */
  provinceCode: string;
  lat: number;
  lon: number;
  /** Every name the place goes by, its own two first. */
  names: PlaceName[];
}

/** A rule for a folded key that names places in different provinces. */
export interface Ambiguity {
  key: string;
  /** Id of the place chosen when the text gives no better evidence. */
  defaultId: string;
  note: string;
}

export interface Gazetteer {
  provinces: Province[];
  provinces2025: Province2025[];
  places: Place[];
  ambiguities: Ambiguity[];
  /** Districts and communes, old and 2025: matched apart from `places` (src/extract/places/units). */
  units: AdminUnit[];
  provinceByCode: Map<string, Province>;
  province2025ByCode: Map<string, Province2025>;
}
