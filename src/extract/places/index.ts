import type { NameKey } from "../../gazetteer/keys.js";
import { DEFAULT_DATA_DIR, defaultGazetteer } from "../../gazetteer/load.js";
import { cachedBuild } from "../../io/data-cache.js";
import { withLazy } from "../../io/lazy.js";
import { type NameTrie, packTrie, unpackTrie } from "../../text/trie.js";
import { maskUrls } from "../../text/urls.js";
import { buildGeoparserTries, createGeoparser, type Geoparser } from "./geoparser.js";
import { loadContextLexicon } from "./lexicon.js";
import type { FindPlacesOptions, PlaceMention } from "./types.js";
import { loadUnitLexicon, type UnitKey } from "./units/index.js";
import { unitKeyColumns, unitKeysFromColumns } from "./units/snapshot.js";

export { createGeoparser, type Geoparser, type PlacesFound } from "./geoparser.js";
export { type ContextLexicon, loadContextLexicon, parseContextLexicon } from "./lexicon.js";
export { countProvinces, type ProvinceCount } from "./summary.js";
export type * from "./types.js";

let shared: Geoparser | undefined;

/**
 * The geoparser over the bundled gazetteer and lexicons, built on first use; its tries come
 * from the data cache when it holds this data's.
 */
export function defaultGeoparser(): Geoparser {
  if (!shared) {
    const g = defaultGazetteer();
    const unitLexicon = loadUnitLexicon();
    const tries = cachedBuild({
      name: "geoparser",
      dataDir: DEFAULT_DATA_DIR,
      build: () => buildGeoparserTries(g, unitLexicon),
      save: ({ names, units }) => {
        const arrays = {};
        if (units) unitKeyColumns(packTrie(units, "units", arrays), "units.keys", arrays);
        return { json: { names: packTrie(names, "names", arrays), units: units !== null }, arrays };
      },
      restore: ({ json, arrays }) => {
        const { names, units } = json as { names: NameKey[][]; units: boolean };
        // The units' keys are made when a district or commune name is first met.
        const lazyUnits = () => {
          const { groups: _, ...trie } = unpackTrie<UnitKey>([], "units", arrays);
          return withLazy<NameTrie<UnitKey>, "groups">(
            trie,
            "groups",
            unitKeysFromColumns("units.keys", arrays),
          );
        };
        return { names: unpackTrie(names, "names", arrays), units: units ? lazyUnits() : null };
      },
    });
    shared = createGeoparser(g, loadContextLexicon(), unitLexicon, tries);
  }
  return shared;
}

/**
 * Finds every mention of a Vietnamese place in `text`, resolved to its province before and
 * after the 1 July 2025 merger. Matching ignores case, diacritics, Unicode form (NFC/NFD),
 * hyphens and spacing; context rules keep out people ("President Ho Chi Minh",
 * "Pham Quang Vinh"), common words ("hue") and districts that share a province's name. URLs
 * and e-mail addresses are skipped ("…/da-nang.html" is a link, not Da Nang).
 *
 * @example
 * findPlaces("Floods hit Quảng Nam and Hue.").map((m) => [m.text, m.province.name, m.province2025.name]);
 * // [["Quảng Nam", "Quang Nam", "Da Nang"], ["Hue", "Thua Thien Hue", "Hue"]]
 */
export function findPlaces(text: string, options?: FindPlacesOptions): PlaceMention[] {
  return defaultGeoparser().find(maskUrls(text), options);
}
