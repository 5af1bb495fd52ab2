import { knownPublisher } from "../ingest/publishers.js";
import { maskUrls } from "../text/urls.js";
import { type DateMention, datesIn } from "./dates/index.js";
import type { EntityMention } from "./entities/index.js";
import type { FindPlacesOptions, PlaceMention } from "./places/index.js";
import { placesAndEntitiesIn } from "./places-and-entities.js";

/**
 * A photo caption analysed like the text: its places, entities and dates, each with offsets
 * into the caption's `text` (not the document's), and its credit told apart into known
 * agencies and the rest, photographers ("VGP/Nhat Bac").
 */
export interface CaptionAnalysis {
  text: string;
  credit: string | null;
  agencies: string[];
  photographers: string[];
  places: PlaceMention[];
  entities: EntityMention[];
  dates: DateMention[];
}

export interface CaptionInput {
  text: string;
  credit: string | null;
}

/** One caption's analysis; `documentDate` resolves its yearless dates as the text's are. */
export function analyzeCaption(
  caption: CaptionInput,
  documentDate: string | null,
  options?: FindPlacesOptions,
): CaptionAnalysis {
  const { text, credit } = caption;
  const parts = (credit ?? "").split(/\s*[/,;&]\s*|\s+and\s+|\s+và\s+/u).filter(Boolean);
  const agencies = parts.map((p) => knownPublisher(p)).filter((p): p is string => p !== null);
  const photographers = parts.filter((p) => knownPublisher(p) === null);
  const scan = maskUrls(text);
  const { places, entities } = placesAndEntitiesIn(scan, options);
  const dates = datesIn(scan, { documentDate });
  return { text, credit, agencies, photographers, places, entities, dates };
}
