import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { defaultBoundaries, provinceFeatures } from "../../gazetteer/boundaries.js";

/** What `dossier export --format geojson` writes beside each province's polygon. */
export interface ProvinceCountProperties {
  /** The province's code at its level: old and new codes overlap (80 was Long An, is Tây Ninh). */
  code: string;
  name: string;
  nameVi: string;
  /** "old": one of the 63 provinces until 30 June 2025; "new": one of the 34 from 1 July 2025. */
  level: "old" | "new";
  /** The code with its era, unambiguous across levels: "63:80", "34:80". */
  key: string;
  /** Matching documents that name the province. */
  count: number;
}

/**
 * Every province of one level as a Polygon or MultiPolygon feature (RFC 7946: lon/lat, exterior
 * rings counter-clockwise) with plain properties a GIS can style by, `count` 0 where no document
 * names it. Counts come as `{ code, count }`, e.g. from `Store.provinceCounts`.
 */
export function provinceCountsGeoJson(
  counts: { code: string; count: number }[],
  level: "old" | "new",
): FeatureCollection<Polygon | MultiPolygon, ProvinceCountProperties> {
  const byCode = new Map(counts.map((c) => [c.code, c.count]));
  const era = level === "old" ? "63" : "34";
  return {
    type: "FeatureCollection",
    features: provinceFeatures(defaultBoundaries(), level).map((f) => ({
      type: "Feature",
      geometry: f.geometry,
      properties: {
        code: f.properties.code,
        name: f.properties.name,
        nameVi: f.properties.nameVi,
        level,
        key: `${era}:${f.properties.code}`,
        count: byCode.get(f.properties.code) ?? 0,
      },
    })),
  };
}
