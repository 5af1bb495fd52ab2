import {
  countProvinces,
  type FindPlacesOptions,
  findPlaces,
  type PlaceMention,
  type ProvinceCount,
} from "./extract/places/index.js";

/** A text to analyse. Later steps (ingest) fill the rest of a Document. */
export interface DocumentInput {
  text: string;
  source?: string;
}

/** Options of `analyze`, one object per stage. */
export interface AnalyzeOptions {
  places?: FindPlacesOptions;
}

/** What Dossier knows about a document. Offsets are UTF-16 indices into the document's text. */
export interface Analysis {
  places: PlaceMention[];
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
}

/**
 * The pure core: a document in, its analysis out. No I/O beyond the bundled data loaded once,
 * no state kept between calls, the same output for the same input.
 *
 * @example
 * analyze({ text: "Storm Yagi hit Hai Phong and Quang Ninh." }).provinces.map((p) => p.name);
 * // ["Hai Phong", "Quang Ninh"]
 */
export function analyze(document: DocumentInput, options: AnalyzeOptions = {}): Analysis {
  const places = findPlaces(document.text, options.places);
  return {
    places,
    provinces: countProvinces(places, "old"),
    provinces2025: countProvinces(places, "new"),
  };
}
