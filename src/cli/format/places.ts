import {
  countProvinces,
  type PlaceMention,
  type ProvinceCount,
} from "../../extract/places/index.js";
import { csvField, escapeTerminal } from "./escape.js";

export type Level = "old" | "new" | "both";

export interface PlacesResult {
  source: string;
  mentions: PlaceMention[];
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
}

const wantOld = (level: Level) => level !== "new";
const wantNew = (level: Level) => level !== "old";

/** The JSON contract: `{ documents: [{ source, mentions, provinces, provinces2025 }] }`. */
export function placesJson(results: PlacesResult[], level: Level): string {
  const documents = results.map((r) => ({
    source: r.source,
    mentions: r.mentions.map((m) => {
      const { province, province2025, ...rest } = m;
      return {
        ...rest,
        ...(wantOld(level) ? { province } : {}),
        ...(wantNew(level) ? { province2025 } : {}),
      };
    }),
    ...(wantOld(level) ? { provinces: r.provinces } : {}),
    ...(wantNew(level) ? { provinces2025: r.provinces2025 } : {}),
  }));
  return `${JSON.stringify({ documents }, null, 2)}\n`;
}

export function placesCsv(results: PlacesResult[], level: Level): string {
  const header = ["source", "start", "end", "text", "place", "kind", "confidence", "reason"];
  if (wantOld(level)) header.push("province_code", "province");
  if (wantNew(level)) header.push("province2025_code", "province2025");
  const lines = [header.join(",")];
  for (const r of results) {
    for (const m of r.mentions) {
      const row: (string | number)[] = [
        r.source,
        m.start,
        m.end,
        m.text,
        m.place.name,
        m.place.kind,
        m.confidence,
        m.reason,
      ];
      if (wantOld(level)) row.push(m.province.code, m.province.name);
      if (wantNew(level)) row.push(m.province2025.code, m.province2025.name);
      lines.push(row.map(csvField).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** GeoJSON: one point per place mentioned, with its count over all the inputs. */
export function placesGeoJson(results: PlacesResult[], level: Level): string {
  const byPlace = new Map<string, { m: PlaceMention; count: number; sources: Set<string> }>();
  for (const r of results) {
    for (const m of r.mentions) {
      const entry = byPlace.get(m.place.id);
      if (entry) {
        entry.count++;
        entry.sources.add(r.source);
      } else byPlace.set(m.place.id, { m, count: 1, sources: new Set([r.source]) });
    }
  }
  const features = [...byPlace.values()]
    .sort((a, b) => b.count - a.count || a.m.place.id.localeCompare(b.m.place.id))
    .map(({ m, count, sources }) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [m.place.lon, m.place.lat] },
      properties: {
        id: m.place.id,
        name: m.place.name,
        nameVi: m.place.nameVi,
        kind: m.place.kind,
        count,
        documents: sources.size,
        ...(wantOld(level) ? { province: m.province } : {}),
        ...(wantNew(level) ? { province2025: m.province2025 } : {}),
      },
    }));
  return `${JSON.stringify({ type: "FeatureCollection", features }, null, 2)}\n`;
}

function table(counts: ProvinceCount[]): string[] {
  const width = Math.max(0, ...counts.map((c) => c.name.length));
  return counts.map(
    (c) => `    ${String(c.count).padStart(4)}  ${c.name.padEnd(width)}  (${c.code})`,
  );
}

/** A readable report: per document, its mentions and its province counts. */
export function placesText(results: PlacesResult[], level: Level): string {
  const out: string[] = [];
  for (const r of results) {
    const n = r.mentions.length;
    out.push(`${escapeTerminal(r.source)}: ${n} mention${n === 1 ? "" : "s"}`);
    for (const m of r.mentions) {
      const where: string[] = [];
      if (wantOld(level)) where.push(`${m.province.name} (${m.province.code})`);
      if (wantNew(level)) where.push(`2025: ${m.province2025.name} (${m.province2025.code})`);
      const place =
        m.place.kind === "province" || m.place.kind === "municipality"
          ? ""
          : ` [${m.place.kind} ${m.place.name}]`;
      out.push(
        `  ${String(m.start).padStart(7)}  ${escapeTerminal(m.text)}${place} → ${where.join(" · ")}  ${m.confidence}`,
      );
    }
    if (wantOld(level) && r.provinces.length > 0)
      out.push("  provinces (63, before July 2025):", ...table(r.provinces));
    if (wantNew(level) && r.provinces2025.length > 0)
      out.push("  provinces (34, from July 2025):", ...table(r.provinces2025));
    out.push("");
  }
  if (results.length > 1) {
    const all = results.flatMap((r) => r.mentions);
    out.push(
      `all ${results.length} documents: ${all.length} mention${all.length === 1 ? "" : "s"}`,
    );
    if (wantOld(level) && all.length > 0)
      out.push("  provinces (63, before July 2025):", ...table(countProvinces(all, "old")));
    if (wantNew(level) && all.length > 0)
      out.push("  provinces (34, from July 2025):", ...table(countProvinces(all, "new")));
    out.push("");
  }
  return `${out.join("\n")}`;
}
