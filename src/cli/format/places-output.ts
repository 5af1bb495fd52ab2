import { countProvinces } from "../../extract/places/index.js";
import { placesAndEntities } from "../../extract/places-and-entities.js";
import type { Document } from "../../ingest/types.js";
import { type ListFormat, listElement } from "../output.js";
import {
  type Level,
  type PlacesResult,
  type PlacesTally,
  placesCsvRows,
  placesDocument,
  placesTally,
  placesText,
} from "./places.js";

export type PlacesFormat = ListFormat | "text" | "csv" | "geojson";

/**
 * Geoparses a document's text and its photo captions (the provinces count both), dropping
 * mentions below `minConfidence`.
 */
export function placesResult(
  source: string,
  document: Document,
  minConfidence: number,
): PlacesResult {
  const { places: mentions, unresolved } = placesAndEntities(document.text, { minConfidence });
  const captions = document.captions.map((c) => ({
    text: c.text,
    mentions: placesAndEntities(c.text, { minConfidence }).places,
  }));
  const all = [...mentions, ...captions.flatMap((c) => c.mentions)];
  return {
    source,
    mentions,
    captions,
    unresolved,
    provinces: countProvinces(all, "old"),
    provinces2025: countProvinces(all, "new"),
  };
}

/**
 * One document's share of `dossier places` output, made where the document was geoparsed (a
 * worker thread, or the command's own): its text (a list element, CSV rows or a report), and
 * what the closing total or the GeoJSON needs from it.
 */
export interface PlacesOutput<Text = string> {
  text: Text;
  tally?: PlacesTally;
  /** GeoJSON only: the whole result, which the collection counts at the end. */
  result?: PlacesResult;
}

export function placesOutput(r: PlacesResult, format: PlacesFormat, level: Level): PlacesOutput {
  switch (format) {
    case "json":
    case "jsonl":
      return { text: listElement(placesDocument(r, level), format) };
    case "csv":
      return { text: placesCsvRows(r, level) };
    case "geojson":
      return { text: "", result: r };
    case "text":
      return { text: placesText(r, level), tally: placesTally(r) };
  }
}
