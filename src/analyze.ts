import { type DateMention, findDates } from "./extract/dates/index.js";
import { type EntityMention, findEntities } from "./extract/entities/index.js";
import {
  countProvinces,
  type FindPlacesOptions,
  findPlaces,
  type PlaceMention,
  type ProvinceCount,
} from "./extract/places/index.js";
import { findProvisions, type Provision } from "./extract/provisions/index.js";
import { type TopicHit, topicsOf } from "./extract/topics/index.js";
import { paragraphs as paragraphSpans } from "./text/paragraphs.js";

/** A text to analyse: a Document from ingest, or just text. */
export interface DocumentInput {
  text: string;
  source?: string;
  title?: string | null;
  /** ISO 8601; lets dates without a year ("May 8-11") take the document's year. */
  published?: string | null;
  captions?: { text: string; credit: string | null }[];
}

/** Options of `analyze`, one object per stage. */
export interface AnalyzeOptions {
  places?: FindPlacesOptions;
}

/** The domains of one paragraph, with the terms that triggered each. */
export interface ParagraphTopics {
  start: number;
  end: number;
  domains: TopicHit[];
}

/** What Dossier knows about a document. Offsets are UTF-16 indices into the document's text. */
export interface Analysis {
  places: PlaceMention[];
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
  entities: EntityMention[];
  dates: DateMention[];
  topics: ParagraphTopics[];
  provisions: Provision[];
  /** Photographers and agencies credited in captions (not in the text, so no offsets). */
  credits: { name: string; caption: string }[];
}

/**
 * The pure core: a document in, its analysis out. No I/O beyond the bundled data loaded once,
 * no state kept between calls, the same output for the same input. The stages:
 * 1. places, resolved to the 63 and the 34 provinces;
 * 2. entities: countries, organisations, instruments, people, places abroad, with canonical ids;
 * 3. dates and ranges, years inferred from `published` where safe;
 * 4. topics per paragraph, each tag with the terms that triggered it;
 * 5. provisions of diplomatic texts: actor, stance, modality, domains, entities.
 *
 * @example
 * analyze({ text: "Storm Yagi hit Hai Phong and Quang Ninh." }).provinces.map((p) => p.name);
 * // ["Hai Phong", "Quang Ninh"]
 */
export function analyze(document: DocumentInput, options: AnalyzeOptions = {}): Analysis {
  const { text } = document;
  const places = findPlaces(text, options.places);
  const entities = findEntities(text);
  const topics = paragraphSpans(text)
    .map((p) => ({ ...p, domains: topicsOf(text, p.start, p.end) }))
    .filter((p) => p.domains.length > 0);
  const provisions = findProvisions(text, entities, {
    title: document.title ?? null,
    domainsOf: (start, end) => topicsOf(text, start, end).map((t) => t.domain),
  });
  return {
    places,
    provinces: countProvinces(places, "old"),
    provinces2025: countProvinces(places, "new"),
    entities,
    dates: findDates(text, { documentDate: document.published ?? null }),
    topics,
    provisions,
    credits: (document.captions ?? []).flatMap((c) =>
      c.credit ? [{ name: c.credit, caption: c.text }] : [],
    ),
  };
}
