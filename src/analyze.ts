import { type DateMention, findDates } from "./extract/dates/index.js";
import { type EntityMention, findEntities } from "./extract/entities/index.js";
import {
  countProvinces,
  defaultGeoparser,
  type FindPlacesOptions,
  type PlaceMention,
  type ProvinceCount,
  type UnresolvedPlace,
} from "./extract/places/index.js";
import { findProvisions, type KindOf, type Provision } from "./extract/provisions/index.js";
import { type TopicHit, topicsOf } from "./extract/topics/index.js";
import { knownPublisher } from "./ingest/publishers.js";
import { paragraphs as paragraphSpans } from "./text/paragraphs.js";
import { withoutOverlaps } from "./text/spans.js";

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

export interface CaptionAnalysis {
  text: string;
  credit: string | null;
  agencies: string[];
  photographers: string[];
  entities: EntityMention[];
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
  /**
   * Names of districts or communes the text does not tie to one province (several share the
   * name and nothing nearby decides), with their candidates; counted for no province.
   */
  unresolvedPlaces: UnresolvedPlace[];
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
  entities: EntityMention[];
  dates: DateMention[];
  topics: ParagraphTopics[];
  /** What kind of text it is (statement, news, other), and the evidence for it. */
  kind: KindOf;
  provisions: Provision[];
  /**
   * The photo captions moved out of the text by ingest, each with its entities (offsets into
   * the caption) and its credit split into agencies and photographers ("VGP/Nhat Bac").
   */
  captions: CaptionAnalysis[];
}

/**
 * Vietnamese places and the entities around them, each settling the other's overlaps: a name
 * inside a Vietnamese place is the place ("Lào" in "Lào Cai", the man in "Ho Chi Minh City"),
 * but a province name inside a longer name of a place abroad is part of it ("Thái Bình" in
 * "Thái Bình Dương", the Pacific).
 */
export function placesAndEntities(
  text: string,
  options?: FindPlacesOptions,
): { places: PlaceMention[]; entities: EntityMention[]; unresolved: UnresolvedPlace[] } {
  const found = findEntities(text);
  const abroad = found.filter((e) => e.type === "place");
  const inside = (p: { start: number; end: number }, e: EntityMention) =>
    e.start <= p.start && e.end >= p.end && e.end - e.start > p.end - p.start;
  const all = defaultGeoparser().findAll(text, options);
  const places = all.places.filter((p) => !abroad.some((e) => inside(p, e)));
  const unresolved = all.unresolved.filter((p) => !abroad.some((e) => inside(p, e)));
  return { places, entities: withoutOverlaps(found, [...places, ...unresolved]), unresolved };
}

/**
 * The pure core: a document in, its analysis out. No I/O beyond the bundled data loaded once,
 * no state kept between calls, the same output for the same input. The stages:
 * 1. places, resolved to the 63 and the 34 provinces;
 * 2. entities: countries, organisations, instruments, people, places abroad, with canonical ids;
 * 3. dates and ranges, years inferred from `published` where safe;
 * 4. topics per paragraph, each tag with the terms that triggered it;
 * 5. the document's kind (statement, news report, other), and its provisions: actor, stance,
 *    modality, domains, entities.
 *
 * @example
 * analyze({ text: "Storm Yagi hit Hai Phong and Quang Ninh." }).provinces.map((p) => p.name);
 * // ["Hai Phong", "Quang Ninh"]
 */
export function analyze(document: DocumentInput, options: AnalyzeOptions = {}): Analysis {
  const { text } = document;
  const { places, entities, unresolved } = placesAndEntities(text, options.places);
  const topics = paragraphSpans(text)
    .map((p) => ({ ...p, domains: topicsOf(text, p.start, p.end) }))
    .filter((p) => p.domains.length > 0);
  const { provisions, kind } = findProvisions(text, entities, {
    title: document.title ?? null,
    publisher: document.publisher ?? null,
    domainsOf: (start, end) => topicsOf(text, start, end).map((t) => t.domain),
  });
  return {
    places,
    unresolvedPlaces: unresolved,
    provinces: countProvinces(places, "old"),
    provinces2025: countProvinces(places, "new"),
    entities,
    dates: findDates(text, { documentDate: document.published ?? null }),
    topics,
    kind,
    provisions,
    captions: (document.captions ?? []).map((c) => analyzeCaption(c.text, c.credit)),
  };
}

/** A caption's entities, and its credit told apart: known agencies, and the rest as photographers. */
function analyzeCaption(text: string, credit: string | null): CaptionAnalysis {
  const parts = (credit ?? "").split(/\s*[/,;&]\s*|\s+and\s+|\s+và\s+/u).filter(Boolean);
  const agencies = parts.map((p) => knownPublisher(p)).filter((p): p is string => p !== null);
  const photographers = parts.filter((p) => knownPublisher(p) === null);
  return { text, credit, agencies, photographers, entities: findEntities(text) };
}
