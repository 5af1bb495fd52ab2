import { analyzeCaption, type CaptionAnalysis } from "./extract/captions.js";
import { type DateMention, datesIn } from "./extract/dates/index.js";
import type { EntityMention } from "./extract/entities/index.js";
import {
  countProvinces,
  type FindPlacesOptions,
  type PlaceMention,
  type ProvinceCount,
  type UnresolvedPlace,
} from "./extract/places/index.js";
import { placesAndEntitiesIn } from "./extract/places-and-entities.js";
import { findProvisions, type KindOf, type Provision } from "./extract/provisions/index.js";
import { type TopicHit, topicsOf } from "./extract/topics/index.js";
import { paragraphs as paragraphSpans } from "./text/paragraphs.js";
import { maskUrls } from "./text/urls.js";

export type { CaptionAnalysis } from "./extract/captions.js";
export { placesAndEntities } from "./extract/places-and-entities.js";

/** A text to analyse: a Document from ingest, or just text. */
export interface DocumentInput {
  text: string;
  source?: string;
  title?: string | null;
  /** A news publisher (from ingest): one sign that the text is a report, not a statement. */
  publisher?: string | null;
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

/**
 * What Dossier knows about a document. Offsets are UTF-16 indices into the document's text,
 * except in `captions`, whose offsets are into each caption.
 */
export interface Analysis {
  /** The places of the text; a caption's places are in `captions`. */
  places: PlaceMention[];
  /**
   * Names of districts or communes the text does not tie to one province (several share the
   * name and nothing nearby decides), with their candidates; counted for no province.
   */
  unresolvedPlaces: UnresolvedPlace[];
  /** Mentions per province, the text's and the captions' together. */
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
  entities: EntityMention[];
  dates: DateMention[];
  topics: ParagraphTopics[];
  /** What kind of text it is (statement, news, other), and the evidence for it. */
  kind: KindOf;
  provisions: Provision[];
  /**
   * The photo captions moved out of the text by ingest, each with its places, entities and
   * dates (offsets into the caption) and its credit split into agencies and photographers
   * ("VGP/Nhat Bac"). Their places count in `provinces` and `provinces2025`.
   */
  captions: CaptionAnalysis[];
}

/**
 * The pure core: a document in, its analysis out. No I/O beyond the bundled data loaded once,
 * no state kept between calls, the same output for the same input. URLs and e-mail addresses
 * are blanked out first (offsets kept), so no stage reads a link's words. The stages:
 * 1. places, resolved to the 63 and the 34 provinces;
 * 2. entities: countries, organisations, instruments, people, places abroad, with canonical ids;
 * 3. dates and ranges, years inferred from `published` where safe;
 * 4. topics per paragraph, each tag with the terms that triggered it;
 * 5. the document's kind (statement, news report, other), and its provisions: actor, stance,
 *    modality, domains, entities;
 * 6. the captions: places, entities and dates of each, its places counted in the provinces.
 *
 * @example
 * analyze({ text: "Storm Yagi hit Hai Phong and Quang Ninh." }).provinces.map((p) => p.name);
 * // ["Hai Phong", "Quang Ninh"]
 */
export function analyze(document: DocumentInput, options: AnalyzeOptions = {}): Analysis {
  const { text } = document;
  // Links and addresses blanked once, offsets kept: no stage reads "…/da-nang.html" as words.
  const scan = maskUrls(text);
  const documentDate = document.published ?? null;
  const { places, entities, unresolved } = placesAndEntitiesIn(scan, options.places);
  const topics = paragraphSpans(scan)
    .map((p) => ({ start: p.start, end: p.end, domains: topicsOf(scan, p.start, p.end) }))
    .filter((p) => p.domains.length > 0);
  const { provisions, kind } = findProvisions(text, entities, {
    title: document.title ?? null,
    publisher: document.publisher ?? null,
    domainsOf: (start, end) => topicsOf(scan, start, end).map((t) => t.domain),
  });
  const captions = (document.captions ?? []).map((c) =>
    analyzeCaption(c, documentDate, options.places),
  );
  const everyPlace =
    captions.length === 0 ? places : [...places, ...captions.flatMap((c) => c.places)];
  return {
    places,
    unresolvedPlaces: unresolved,
    provinces: countProvinces(everyPlace, "old"),
    provinces2025: countProvinces(everyPlace, "new"),
    entities,
    dates: datesIn(scan, { documentDate }),
    topics,
    kind,
    provisions,
    captions,
  };
}
