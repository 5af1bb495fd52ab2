/**
 * Every name the geoparser matches, for the benchmark's corpus and its baselines: the places'
 * names and aliases, and the districts and communes (old and 2025) with their unit words, so
 * that the larger gazetteer is measured, not just the provinces.
 */
import { defaultGazetteer } from "../dist/index.js";

/** Each place's names, as written in the data. */
export function placeNames(): string[] {
  return defaultGazetteer().places.flatMap((p) => p.names.map((n) => n.text));
}

/** Each district's and commune's names, as written in the data (letters only: no "Phường 1"). */
export function unitNames(): string[] {
  return [...new Set(defaultGazetteer().units.flatMap((u) => u.names))].filter((n) =>
    /\p{L}.*\p{L}/u.test(n),
  );
}

/** A unit's name with the unit word news writes before it ("xã Tân Lập") or after it ("Cai Be district"). */
export function withUnitWord(name: string, random: () => number): string {
  const r = random();
  if (r < 0.25) return `xã ${name}`;
  if (r < 0.4) return `huyện ${name}`;
  if (r < 0.5) return `phường ${name}`;
  if (r < 0.6) return `H.${name}`;
  if (r < 0.8) return `${name} district`;
  return name;
}
