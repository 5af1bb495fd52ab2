import { maskUrls } from "../../text/urls.js";
import { loadEntities } from "./load.js";
import { buildEntityMatcher, type EntityMatcher, matchEntities } from "./matcher.js";
import { attachTitles, loadTitles, titleRecords } from "./people.js";
import type { EntityMention, EntityRecord } from "./types.js";

export { ENTITY_FILES, loadEntities, parseEntities } from "./load.js";
export type * from "./types.js";

export interface EntityExtractor {
  find(text: string): EntityMention[];
}

/**
 * Finds the entities of a text: every listed country (and demonym), organisation, instrument,
 * person and place by any of its names, each with its canonical id; the office title written
 * before a person; and people not in the lists, from a title followed by a capitalised name.
 */
export function createEntityExtractor(entities: EntityRecord[], titles: string[]): EntityExtractor {
  const matcher: EntityMatcher = buildEntityMatcher([...entities, ...titleRecords(titles)]);
  // Places named inside an instrument's title ("… in the East Sea"): reported too, so the sea
  // is found whatever the instrument calls it.
  const places = buildEntityMatcher(entities.filter((e) => e.type === "place"));
  return {
    find(text: string): EntityMention[] {
      const all = matchEntities(text, matcher);
      const titleMentions = all.filter((m) => (m.type as string) === "title");
      const listed = all.filter((m) => (m.type as string) !== "title");
      for (const m of listed.filter((x) => x.type === "instrument")) {
        for (const inner of matchEntities(m.text, places)) {
          listed.push({
            ...inner,
            start: m.start + inner.start,
            end: m.start + inner.end,
            partOf: m.id,
          });
        }
      }
      return [...listed, ...attachTitles(text, titleMentions, listed)].sort(
        (a, b) => a.start - b.start,
      );
    },
  };
}

let bundled: EntityRecord[] | undefined;
let shared: EntityExtractor | undefined;

/** The bundled entity lists (data/entities), loaded and checked once. */
export function defaultEntities(): EntityRecord[] {
  if (!bundled) {
    const { entities, problems } = loadEntities();
    if (problems.length > 0) throw new Error(`entity data: ${problems[0]}`);
    bundled = entities;
  }
  return bundled;
}

/** The extractor over the bundled lists (data/entities, data/lexicon/office-titles.txt). */
export function defaultEntityExtractor(): EntityExtractor {
  shared ??= createEntityExtractor(defaultEntities(), loadTitles());
  return shared;
}

/**
 * The entities of `text` (see createEntityExtractor), skipping URLs and e-mail addresses
 * ("…/united-states-…" in a link is not the United States).
 *
 * @example
 * findEntities("General Secretary To Lam met President Vladimir Putin.").map((e) => [e.id, e.title]);
 * // [["person:to-lam", "General Secretary"], ["person:vladimir-putin", "President"]]
 */
export function findEntities(text: string): EntityMention[] {
  return defaultEntityExtractor().find(maskUrls(text));
}
