import type { PlaceMention } from "../../extract/places/index.js";
import { everyMention, type Level, type PlacesResult } from "./places.js";

/**
 * GeoJSON, one feature per place mentioned, with its count over all the inputs and flat
 * properties (no nested objects, which most GIS tools show as text): the place, its province at
 * each level asked for, with era-explicit columns (`province63_code`, `province34_code`), and
 * for a district or commune its unit. A place with a position is a Point; a district or commune,
 * which the data does not place, has a null geometry (RFC 7946 §3.2, an unlocated feature).
 * Documents are added as they are read; only a count per place is kept.
 */
export class PlacesGeoJson {
  private readonly byPlace = new Map<
    string,
    { m: PlaceMention; count: number; sources: Set<string> }
  >();

  add(r: PlacesResult): void {
    for (const m of everyMention(r)) {
      const entry = this.byPlace.get(m.place.id);
      if (entry) {
        entry.count++;
        entry.sources.add(r.source);
      } else this.byPlace.set(m.place.id, { m, count: 1, sources: new Set([r.source]) });
    }
  }

  collection(level: Level): object {
    const features = [...this.byPlace.values()]
      .sort((a, b) => b.count - a.count || a.m.place.id.localeCompare(b.m.place.id))
      .map(({ m, count, sources }) => ({
        type: "Feature",
        geometry:
          m.place.lat === null || m.place.lon === null
            ? null
            : { type: "Point", coordinates: [m.place.lon, m.place.lat] },
        properties: {
          id: m.place.id,
          name: m.place.name,
          nameVi: m.place.nameVi,
          kind: m.place.kind,
          count,
          documents: sources.size,
          ...(level !== "new"
            ? {
                province63_code: m.province.code,
                province63_name: m.province.name,
                province63_nameVi: m.province.nameVi,
              }
            : {}),
          ...(level !== "old"
            ? {
                province34_code: m.province2025.code,
                province34_name: m.province2025.name,
                province34_nameVi: m.province2025.nameVi,
              }
            : {}),
          ...(m.unit ? unitProperties(m) : {}),
        },
      }));
    return { type: "FeatureCollection", features };
  }
}

/** A district's or commune's unit as flat, era-explicit columns. */
export function unitProperties(m: PlaceMention): Record<string, string | boolean> {
  const u = m.unit;
  if (!u) return {};
  return {
    unit_level: u.level,
    unit_era: u.era,
    unit63_code: u.old?.code ?? "",
    unit63_type: u.old?.type ?? "",
    district63_code: u.old?.district?.code ?? (u.level === "district" ? (u.old?.code ?? "") : ""),
    commune34_codes: (u.new ?? []).map((n) => n.code).join("|"),
    unit_partial: u.partial,
  };
}
