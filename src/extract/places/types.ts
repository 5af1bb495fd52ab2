import type { PlaceKind } from "../../gazetteer/types.js";

/** A province as a mention reports it. */
export interface ProvinceRef {
  /** Official 2-digit code. */
  code: string;
  /** ASCII name: "Ha Noi", "Thua Thien Hue", "Ba Ria-Vung Tau". */
  name: string;
  /** Vietnamese name with diacritics. */
  nameVi: string;
}

/** One mention of a Vietnamese place in a text. */
export interface PlaceMention {
  /** The surface form: always `text.slice(start, end)`. */
  text: string;
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset just past the last code unit (combining marks included). */
  end: number;
  place: {
    id: string;
    name: string;
    nameVi: string;
    kind: PlaceKind;
    /** Approximate position; null for districts and communes, which the data does not place. */
    lat: number | null;
    lon: number | null;
  };
  /** The province (of the 63) the place lay in until 30 June 2025. */
  province: ProvinceRef;
  /** The provincial unit (of the 34) it lies in from 1 July 2025. */
  province2025: ProvinceRef;
  /** 0–1: how sure the geoparser is that this is the place. */
  confidence: number;
  /** Why it matched: the kind of name, then the context that confirmed it. */
  reason: string;
  /** For a district or commune: which unit, in which era (absent for provinces and places). */
  unit?: SubUnit;
}

/** A unit below the province as a mention reports it. */
export interface UnitRef {
  /** "d63:001" (district until 30 June 2025), "c63:00001" (commune until then), "c34:00004" (2025). */
  id: string;
  /** Official code: 3 digits for a district, 5 for a commune (old and new codes overlap). */
  code: string;
  name: string;
  nameVi: string;
  /** "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu". */
  type: string;
}

/**
 * The district or commune a mention names, before and after the reform of 1 July 2025:
 * `era` says which the name belongs to ("both" when a 2025 commune kept an old one's name).
 */
export interface SubUnit {
  level: "district" | "commune";
  era: "old" | "new" | "both";
  /** The unit until 30 June 2025, with its district when it is a commune. */
  old?: UnitRef & { district?: UnitRef };
  /** The 2025 commune it is, or the ones the old commune went into. */
  new?: UnitRef[];
  /** The old commune was split between several 2025 communes: which one is meant is unknown. */
  partial: boolean;
  /** Other units of the same name in the same province that the text may mean (ids). */
  alternatives?: string[];
}

/**
 * A name below the province that the text does not tie to one province: there are several
 * units of that name and no province, district or unit word nearby decides. It is reported
 * with its candidates and counted for no province.
 */
export interface UnresolvedPlace {
  text: string;
  start: number;
  end: number;
  reason: string;
  /** Each province that has a unit of this name, with the units' ids. */
  candidates: { province: ProvinceRef; province2025: ProvinceRef; ids: string[] }[];
}

/** Options of `findPlaces`. */
export interface FindPlacesOptions {
  /** Drop mentions below this confidence. Default 0 (keep every accepted mention). */
  minConfidence?: number;
}
