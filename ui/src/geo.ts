import { type GeoPermissibleObjects, geoMercator, geoPath } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import boundaries from "../../data/boundaries/vietnam-provinces.topo.json";
import type { Level } from "./api.js";

/** An archipelago the map draws in a box of its own (data/README.md, `insets`). */
interface Inset {
  name: string;
  nameVi: string;
  province: string;
  province2025: string;
  /** West, south, east, north, in degrees. */
  bbox: [number, number, number, number];
}

interface Properties {
  code: string;
  name: string;
  nameVi: string;
}

const topology = boundaries as unknown as Topology & { insets: Inset[] };

/** The SVG's frame, the mainland's box in it, and the insets' boxes on the right, in the sea. */
export const FRAME = { width: 640, height: 900 };
const MAINLAND: [[number, number], [number, number]] = [
  [6, 6],
  [476, 894],
];
const INSET_BOXES: [[number, number], [number, number]][] = [
  [
    [486, 250],
    [634, 400],
  ],
  [
    [486, 540],
    [634, 760],
  ],
];

export interface InsetShape {
  name: string;
  nameVi: string;
  /** The code, at the level drawn, of the province it belongs to. */
  province: string;
  /** The inset's frame in the SVG: x, y, width, height. */
  frame: [number, number, number, number];
}

export interface ProvinceShape {
  code: string;
  name: string;
  nameVi: string;
  /** SVG path data: the mainland parts and the parts drawn in the insets, in one path. */
  d: string;
  /** Where its label goes: the centre of its largest mainland part. */
  label: [number, number];
  /** Its parts in the insets alone (empty for most): outlined there, where islets are specks. */
  insetD: string;
}

/**
 * d3-geo takes a polygon's exterior ring clockwise (on the sphere, the area it encloses is on
 * the ring's right); RFC 7946 files, ours included, wind it counter-clockwise. Reversing every
 * ring turns one into the other.
 */
const rewind = (polygon: Position[][]): Position[][] => polygon.map((ring) => [...ring].reverse());

const centre = (polygon: Position[][]): [number, number] => {
  const ring = polygon[0] ?? [];
  const lon = ring.reduce((s, [x = 0]) => s + x, 0) / Math.max(1, ring.length);
  const lat = ring.reduce((s, [, y = 0]) => s + y, 0) / Math.max(1, ring.length);
  return [lon, lat];
};

const inBox = ([lon, lat]: [number, number], [w, s, e, n]: Inset["bbox"]) =>
  lon >= w && lon <= e && lat >= s && lat <= n;

const multi = (polygons: Position[][][]): GeoPermissibleObjects => ({
  type: "MultiPolygon",
  coordinates: polygons,
});

const cache = new Map<Level, { provinces: ProvinceShape[]; insets: InsetShape[] }>();

/**
 * The provinces of one level projected for the map (Mercator): the mainland fills its frame,
 * and each archipelago is drawn at its own scale in an inset, so that islands 500 km offshore
 * do not shrink the country to half the map. Computed once per level.
 */
export function mapShapes(level: Level): { provinces: ProvinceShape[]; insets: InsetShape[] } {
  const hit = cache.get(level);
  if (hit) return hit;
  const object = topology.objects[level] as GeometryCollection<Properties>;
  const features = feature(topology, object).features as unknown as {
    geometry: Polygon | MultiPolygon;
    properties: Properties;
  }[];
  const insets = topology.insets ?? [];
  const parts = features.map((f) => {
    const polygons = (
      f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates
    ).map(rewind);
    const where = polygons.map((p) => insets.findIndex((inset) => inBox(centre(p), inset.bbox)));
    return {
      f,
      mainland: polygons.filter((_, i) => where[i] === -1),
      inset: insets.map((_, k) => polygons.filter((__, i) => where[i] === k)),
    };
  });
  const main = geoMercator().fitExtent(MAINLAND, multi(parts.flatMap((p) => p.mainland)) as never);
  const mainPath = geoPath(main);
  const insetPaths = insets.map((inset, k) => {
    const box = INSET_BOXES[k] ?? INSET_BOXES[INSET_BOXES.length - 1];
    const [[x0, y0], [x1, y1]] = box as [[number, number], [number, number]];
    const pad = 8;
    const projection = geoMercator().fitExtent(
      [
        [x0 + pad, y0 + pad + 12],
        [x1 - pad, y1 - pad],
      ],
      multi(parts.flatMap((p) => p.inset[k] ?? [])) as never,
    );
    return { inset, path: geoPath(projection), frame: [x0, y0, x1 - x0, y1 - y0] as const };
  });
  const provinces = parts.map(({ f, mainland, inset }) => {
    const largest = [...mainland].sort(
      (a, b) => geoPath().area(multi([b])) - geoPath().area(multi([a])),
    )[0];
    const insetD = insetPaths
      .map((p, k) => ((inset[k]?.length ?? 0) > 0 ? (p.path(multi(inset[k] ?? [])) ?? "") : ""))
      .join("");
    const d = (mainPath(multi(mainland)) ?? "") + insetD;
    const label = largest ? mainPath.centroid(multi([largest])) : [0, 0];
    return {
      code: f.properties.code,
      name: f.properties.name,
      nameVi: f.properties.nameVi,
      d,
      insetD,
      label: [Math.round(label[0] ?? 0), Math.round(label[1] ?? 0)] as [number, number],
    };
  });
  const shapes = {
    provinces,
    insets: insetPaths.map(({ inset, frame }) => ({
      name: inset.name,
      nameVi: inset.nameVi,
      province: level === "old" ? inset.province : inset.province2025,
      frame: [...frame] as [number, number, number, number],
    })),
  };
  cache.set(level, shapes);
  return shapes;
}

export const ATTRIBUTION =
  "Boundaries: thanglequoc/vietnamese-provinces-database and dvhcvn (MIT), from the Vietnam Administrative Units Reference Map";
