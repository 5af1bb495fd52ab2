import { containsTest, withoutOverlaps } from "../text/spans.js";
import { maskUrls } from "../text/urls.js";
import { defaultEntityExtractor, type EntityMention } from "./entities/index.js";
import {
  defaultGeoparser,
  type FindPlacesOptions,
  type PlaceMention,
  type UnresolvedPlace,
} from "./places/index.js";

/**
 * Vietnamese places and the entities around them, each settling the other's overlaps: a name
 * inside a Vietnamese place is the place ("Lào" in "Lào Cai", the man in "Ho Chi Minh City"),
 * but a province name inside a longer name of a place abroad is part of it ("Thái Bình" in
 * "Thái Bình Dương", the Pacific). URLs and e-mail addresses are skipped.
 */
export function placesAndEntities(
  text: string,
  options?: FindPlacesOptions,
): { places: PlaceMention[]; entities: EntityMention[]; unresolved: UnresolvedPlace[] } {
  return placesAndEntitiesIn(maskUrls(text), options);
}

/** placesAndEntities over a text whose URLs and e-mail addresses are already masked. */
export function placesAndEntitiesIn(
  text: string,
  options?: FindPlacesOptions,
): { places: PlaceMention[]; entities: EntityMention[]; unresolved: UnresolvedPlace[] } {
  const found = defaultEntityExtractor().find(text);
  // Sorted and searched, not places × places abroad: a long text names thousands of each.
  const abroad = containsTest(found.filter((e) => e.type === "place"));
  const all = defaultGeoparser().findAll(text, options);
  const places = all.places.filter((p) => !abroad(p.start, p.end));
  const unresolved = all.unresolved.filter((p) => !abroad(p.start, p.end));
  return { places, entities: withoutOverlaps(found, [...places, ...unresolved]), unresolved };
}
