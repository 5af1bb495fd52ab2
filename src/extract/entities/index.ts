import { DEFAULT_DATA_DIR } from "../../gazetteer/load.js";
import { cachedBuild } from "../../io/data-cache.js";
import { type NameTrie, packTrie, unpackTrie } from "../../text/trie.js";
import { maskUrls } from "../../text/urls.js";
import { loadEntities } from "./load.js";
import {
  buildEntityMatcher,
  buildEntityTrie,
  type EntityKey,
  type EntityMatcher,
  matchEntities,
} from "./matcher.js";
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
/** The tries an extractor matches with, built from its lists alone: what a cache can keep. */
export interface EntityTries {
  /** Every entity and office title. */
  all: NameTrie<EntityKey>;
  /** The places alone. */
  places: NameTrie<EntityKey>;
}

export function buildEntityTries(entities: EntityRecord[], titles: string[]): EntityTries {
  return {
    all: buildEntityTrie(withTitles(entities, titles)),
    places: buildEntityTrie(placesOf(entities)),
  };
}

const withTitles = (entities: EntityRecord[], titles: string[]) => [
  ...entities,
  ...titleRecords(titles),
];
const placesOf = (entities: EntityRecord[]) => entities.filter((e) => e.type === "place");

export function createEntityExtractor(
  entities: EntityRecord[],
  titles: string[],
  tries: EntityTries = buildEntityTries(entities, titles),
): EntityExtractor {
  const matcher: EntityMatcher = buildEntityMatcher(withTitles(entities, titles), tries.all);
  // Places named inside an instrument's title ("… in the East Sea"): reported too, so the sea
  // is found whatever the instrument calls it.
  const places = buildEntityMatcher(placesOf(entities), tries.places);
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

/** What the bundled lists give: the records, the office titles and their tries. */
interface Bundled {
  entities: EntityRecord[];
  titles: string[];
  tries: EntityTries;
}

let bundled: Bundled | undefined;
let shared: EntityExtractor | undefined;

/** The bundled lists, loaded and checked once, from the data cache when it holds this data's. */
function bundledLists(): Bundled {
  bundled ??= cachedBuild<Bundled>({
    name: "entities",
    dataDir: DEFAULT_DATA_DIR,
    build: () => {
      const { entities, problems } = loadEntities();
      if (problems.length > 0) throw new Error(`entity data: ${problems[0]}`);
      const titles = loadTitles();
      return { entities, titles, tries: buildEntityTries(entities, titles) };
    },
    save: ({ entities, titles, tries }) => {
      const arrays = {};
      const all = packTrie(tries.all, "all", arrays);
      const places = packTrie(tries.places, "places", arrays);
      return { json: { entities, titles, all, places }, arrays };
    },
    restore: ({ json, arrays }) => {
      const { entities, titles, all, places } = json as {
        entities: EntityRecord[];
        titles: string[];
        all: EntityKey[][];
        places: EntityKey[][];
      };
      if (!Array.isArray(entities) || !Array.isArray(titles)) throw new Error("snapshot: no lists");
      const tries = {
        all: unpackTrie(all, "all", arrays),
        places: unpackTrie(places, "places", arrays),
      };
      return { entities, titles, tries };
    },
  });
  return bundled;
}

/** The bundled entity lists (data/entities), loaded and checked once. */
export function defaultEntities(): EntityRecord[] {
  return bundledLists().entities;
}

/** The extractor over the bundled lists (data/entities, data/lexicon/office-titles.txt). */
export function defaultEntityExtractor(): EntityExtractor {
  const { entities, titles, tries } = bundledLists();
  shared ??= createEntityExtractor(entities, titles, tries);
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
