import { ambiguityRules, nameKeys } from "../../gazetteer/keys.js";
import type { Gazetteer, Place, Province, Province2025 } from "../../gazetteer/types.js";
import { FOLD } from "../../text/fold.js";
import { judge } from "./context.js";
import type { ContextLexicon } from "./lexicon.js";
import { resolveKey } from "./resolve.js";
import { buildTrie, isWordStart, newCandidates, walk } from "./trie.js";
import type { FindPlacesOptions, PlaceMention, ProvinceRef } from "./types.js";

/** A geoparser bound to one gazetteer and lexicon: build once, call `find` on many texts. */
export interface Geoparser {
  find(text: string, options?: FindPlacesOptions): PlaceMention[];
}

const ref = (p: Province | Province2025): ProvinceRef => ({
  code: p.code,
  name: p.name,
  nameVi: p.nameVi,
});

export function createGeoparser(g: Gazetteer, lexicon: ContextLexicon): Geoparser {
  const keys = nameKeys(g);
  const trie = buildTrie(keys);
  const defaults = new Map([...ambiguityRules(g)].map(([key, a]) => [key, a.defaultId]));
  const root = trie.next;

  // Per place, the parts of a mention that do not depend on the text: built once.
  const resolved = g.places.map((place: Place) => {
    const province = g.provinceByCode.get(place.provinceCode) as Province;
    const province2025 = g.province2025ByCode.get(province.code2025) as Province2025;
    return {
      place: {
        id: place.id,
        name: place.name,
        nameVi: place.nameVi,
        kind: place.kind,
        lat: place.lat,
        lon: place.lon,
      },
      province: ref(province),
      province2025: ref(province2025),
    };
  });

  function find(text: string, options: FindPlacesOptions = {}): PlaceMention[] {
    const minConfidence = options.minConfidence ?? 0;
    const mentions: PlaceMention[] = [];
    const candidates = newCandidates();
    // Given names seen as part of a person's full name: their later bare uses are that person.
    const people = new Set<string>();
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const f = FOLD[code] as number;
      // Names start with a letter that some key starts with, at the start of a word.
      if (f < 97 || root[f - 96] === 0 || !isWordStart(text, i, f, code)) continue;
      walk(trie, text, i, candidates);
      for (let c = candidates.count - 1; c >= 0; c--) {
        const end = candidates.ends[c] as number;
        const surface = text.slice(i, end);
        const key = resolveKey(
          trie.groups[candidates.groups[c] as number] ?? [],
          surface,
          g,
          defaults,
        );
        const place = g.places[key.place] as Place;
        const verdict = judge(text, i, end, key, place, lexicon, people);
        if (verdict.person) people.add(key.key);
        if (!verdict.accept) continue;
        if (verdict.confidence >= minConfidence) {
          const r = resolved[key.place] as (typeof resolved)[number];
          mentions.push({
            text: surface,
            start: i,
            end,
            place: { ...r.place },
            province: { ...r.province },
            province2025: { ...r.province2025 },
            confidence: verdict.confidence,
            reason: verdict.reason,
          });
        }
        i = end - 1; // resume after the accepted name
        break;
      }
    }
    return mentions;
  }

  return { find };
}
