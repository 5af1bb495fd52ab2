import type { NameKey } from "../../gazetteer/keys.js";
import type { Gazetteer, PlaceKind } from "../../gazetteer/types.js";
import { diacriticSignature, hasDiacritics } from "../../text/tokens.js";

const KIND_RANK: Partial<Record<PlaceKind, number>> = {
  province: 0,
  municipality: 0,
  city: 1,
  town: 2,
};

/**
 * Picks which of the places sharing a folded key the surface names. Within one province the
 * province itself wins, then a city, then a town, then anything else (so "Ha Giang" is the
 * province, whose centre shares its name). Across provinces: the place whose Vietnamese
 * spelling the surface matches exactly, else the default that ambiguous.tsv names.
 */
export function resolveKey(
  group: NameKey[],
  surface: string,
  g: Gazetteer,
  defaults: Map<string, string>,
): NameKey {
  if (group.length === 1) return group[0] as NameKey;
  const provinces = new Set(group.map((k) => g.places[k.place]?.provinceCode));
  if (provinces.size > 1) {
    if (hasDiacritics(surface)) {
      const sig = diacriticSignature(surface);
      const exact = group.filter((k) =>
        g.places[k.place]?.names.some(
          (n) => hasDiacritics(n.text) && diacriticSignature(n.text) === sig,
        ),
      );
      if (
        exact.length > 0 &&
        new Set(exact.map((k) => g.places[k.place]?.provinceCode)).size === 1
      ) {
        return byRank(exact, g);
      }
    }
    const fallback = defaults.get((group[0] as NameKey).key);
    const chosen = group.find((k) => g.places[k.place]?.id === fallback);
    if (chosen) return chosen;
  }
  return byRank(group, g);
}

function byRank(group: NameKey[], g: Gazetteer): NameKey {
  let best = group[0] as NameKey;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const k of group) {
    const kind = g.places[k.place]?.kind ?? "area";
    const rank = KIND_RANK[kind] ?? 3;
    if (rank < bestRank) {
      best = k;
      bestRank = rank;
    }
  }
  return best;
}
