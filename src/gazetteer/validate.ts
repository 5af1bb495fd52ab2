import { ambiguityRules, keysByForm, nameKeys } from "./keys.js";
import type { Gazetteer } from "./types.js";
import { validateUnits } from "./validate-units.js";

// Viet Nam's mainland and islands, the Spratlys included, with a margin.
const BOUNDS = { latMin: 6, latMax: 24, lonMin: 102, lonMax: 118 };

/**
 * Checks the gazetteer's facts hold together: unique codes, a complete 63 → 34 mapping,
 * every place inside a known province, coordinates in Viet Nam, NFC names, and no name
 * claimed by places in two provinces without a rule in ambiguous.tsv. Returns the problems.
 */
export function validateGazetteer(g: Gazetteer): string[] {
  const problems: string[] = [];

  if (g.provinces.length !== 63)
    problems.push(`expected 63 old provinces, found ${g.provinces.length}`);
  if (g.provinces2025.length !== 34) {
    problems.push(`expected 34 provinces from 2025, found ${g.provinces2025.length}`);
  }

  const uniques = <T>(items: T[], what: string, get: (t: T) => string) => {
    const seen = new Set<string>();
    for (const item of items) {
      const v = get(item);
      if (seen.has(v)) problems.push(`duplicate ${what}: ${v}`);
      seen.add(v);
    }
  };
  uniques(g.provinces, "old province code", (p) => p.code);
  uniques(g.provinces, "old province name", (p) => p.name);
  uniques(g.provinces2025, "2025 province code", (p) => p.code);
  uniques(g.provinces2025, "2025 province name", (p) => p.name);
  uniques(g.places, "place id", (p) => p.id);

  for (const p of [...g.provinces, ...g.provinces2025]) {
    if (!/^\d{2}$/.test(p.code))
      problems.push(`province code must be two digits: "${p.code}" (${p.name})`);
  }
  for (const p of g.provinces) {
    if (!g.province2025ByCode.has(p.code2025)) {
      problems.push(`${p.name} (${p.code}) maps to unknown 2025 province "${p.code2025}"`);
    }
  }
  for (const p of g.provinces2025) {
    if (p.members.length === 0)
      problems.push(`2025 province ${p.name} (${p.code}) has no old province`);
  }

  for (const place of g.places) {
    const label = `${place.name} (${place.id})`;
    if (!g.provinceByCode.has(place.provinceCode)) {
      problems.push(`${label}: unknown province code "${place.provinceCode}"`);
    }
    const { lat, lon } = place;
    if (
      !(
        lat >= BOUNDS.latMin &&
        lat <= BOUNDS.latMax &&
        lon >= BOUNDS.lonMin &&
        lon <= BOUNDS.lonMax
      )
    ) {
      problems.push(`${label}: coordinates ${lat},${lon} are outside Viet Nam`);
    }
    for (const n of place.names) {
      if (n.text !== n.text.normalize("NFC"))
        problems.push(`${label}: name "${n.text}" is not NFC`);
      if (!/\p{L}/u.test(n.text)) problems.push(`${label}: name "${n.text}" has no letters`);
    }
  }

  const rules = ambiguityRules(g);
  const ids = new Set(g.places.map((p) => p.id));
  for (const [key, list] of keysByForm(nameKeys(g))) {
    const provinces = new Set(list.map((k) => g.places[k.place]?.provinceCode));
    if (provinces.size < 2) continue;
    const rule = rules.get(key);
    const who = list.map((k) => g.places[k.place]?.id).join(", ");
    if (!rule)
      problems.push(
        `name "${key}" is claimed by places in different provinces (${who}) and ambiguous.tsv has no rule for it`,
      );
    else if (!list.some((k) => g.places[k.place]?.id === rule.defaultId)) {
      problems.push(`ambiguous.tsv: default "${rule.defaultId}" for "${key}" is not one of ${who}`);
    }
  }
  for (const rule of g.ambiguities) {
    if (!ids.has(rule.defaultId))
      problems.push(`ambiguous.tsv: unknown place id "${rule.defaultId}"`);
  }
  problems.push(...validateUnits(g));
  return problems;
}
