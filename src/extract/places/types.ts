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
    lat: number;
    lon: number;
  };
  /** The province (of the 63) the place lay in until 30 June 2025. */
  province: ProvinceRef;
  /** The provincial unit (of the 34) it lies in from 1 July 2025. */
  province2025: ProvinceRef;
  /** 0–1: how sure the geoparser is that this is the place. */
  confidence: number;
  /** Why it matched: the kind of name, then the context that confirmed it. */
  reason: string;
}

/** Options of `findPlaces`. */
export interface FindPlacesOptions {
  /** Drop mentions below this confidence. Default 0 (keep every accepted mention). */
  minConfidence?: number;
}
