import type { PlaceMention } from "../../extract/places/index.js";
import { csvField } from "./escape.js";
import type { Level, PlacesResult } from "./places.js";
import { unitProperties } from "./places-geojson.js";

/**
 * The columns that describe a mention's place, with codes that say their era: old and new codes
 * overlap (province 80 was Long An until 30 June 2025 and is Tây Ninh since), so a province code
 * is `province63_code` or `province34_code`, a unit's `unit63_code` or `commune34_codes`.
 */
export function placeColumns(level: Level): string[] {
  const header = ["place_id", "place", "kind", "confidence", "reason"];
  if (level !== "new") header.push("province63_code", "province63");
  if (level !== "old") header.push("province34_code", "province34");
  header.push("unit_level", "unit_era", "unit63_code", "unit63_type", "district63_code");
  header.push("commune34_codes", "unit_partial");
  return header;
}

export function placeCells(m: PlaceMention, level: Level): (string | number)[] {
  const row: (string | number)[] = [m.place.id, m.place.name, m.place.kind, m.confidence, m.reason];
  if (level !== "new") row.push(m.province.code, m.province.name);
  if (level !== "old") row.push(m.province2025.code, m.province2025.name);
  const u = unitProperties(m);
  for (const k of ["unit_level", "unit_era", "unit63_code", "unit63_type", "district63_code"])
    row.push(String(u[k] ?? ""));
  row.push(
    String(u.commune34_codes ?? ""),
    u.unit_partial === undefined ? "" : String(u.unit_partial),
  );
  return row;
}

export function placesCsvHeader(level: Level): string {
  // "field" last, so the columns before keep their places: "text", or "caption N" (1-based)
  // whose offsets are into that caption.
  return `${["source", "start", "end", "text", ...placeColumns(level), "field"].join(",")}\r\n`;
}

/** One document's CSV rows (RFC 4180: CRLF, quoted where needed), one a mention. */
export function placesCsvRows(r: PlacesResult, level: Level): string {
  const lines: string[] = [];
  const rows = (mentions: PlaceMention[], field: string) => {
    for (const m of mentions)
      lines.push(
        `${[r.source, m.start, m.end, m.text, ...placeCells(m, level), field].map(csvField).join(",")}\r\n`,
      );
  };
  rows(r.mentions, "text");
  r.captions.forEach((c, i) => {
    rows(c.mentions, `caption ${i + 1}`);
  });
  return lines.join("");
}
