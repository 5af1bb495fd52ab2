import {
  countProvinces,
  type PlaceMention,
  type ProvinceCount,
  type UnresolvedPlace,
} from "../../extract/places/index.js";
import { escapeTerminal } from "./escape.js";

export { placesCsv } from "./places-csv.js";
export { placesGeoJson } from "./places-geojson.js";

export type Level = "old" | "new" | "both";

export interface PlacesResult {
  source: string;
  mentions: PlaceMention[];
  /** Names of districts or communes the text ties to no one province, with their candidates. */
  unresolved?: UnresolvedPlace[];
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
    unresolved: r.unresolved ?? [],
  }));
  return `${JSON.stringify({ documents }, null, 2)}\n`;
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
