import type { PlaceMention, ProvinceCount, UnresolvedPlace } from "../../extract/places/index.js";
import { escapeTerminal } from "./escape.js";

export { placesCsvHeader, placesCsvRows } from "./places-csv.js";
export { PlacesGeoJson } from "./places-geojson.js";

export type Level = "old" | "new" | "both";

export interface PlacesResult {
  source: string;
  /** Mentions in the document's text (offsets into it). */
  mentions: PlaceMention[];
  /** Mentions in each photo caption (offsets into the caption). */
  captions: { text: string; mentions: PlaceMention[] }[];
  /** Names of districts or communes the text ties to no one province, with their candidates. */
  unresolved?: UnresolvedPlace[];
  /** Counts over the text's and the captions' mentions. */
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
}

/** Every mention of a result: the text's, then each caption's. */
export const everyMention = (r: PlacesResult) => [
  ...r.mentions,
  ...r.captions.flatMap((c) => c.mentions),
];

const wantOld = (level: Level) => level !== "new";
const wantNew = (level: Level) => level !== "old";

/**
 * One document of the JSON contract `{ documents: [{ source, mentions, captions: [{ text,
 * mentions }], provinces, provinces2025 }] }` (and one line of JSON Lines), with the levels
 * asked for; a caption's mention offsets are into the caption.
 */
export function placesDocument(r: PlacesResult, level: Level): object {
  const shown = (mentions: PlaceMention[]) =>
    mentions.map((m) => {
      const { province, province2025, ...rest } = m;
      return {
        ...rest,
        ...(wantOld(level) ? { province } : {}),
        ...(wantNew(level) ? { province2025 } : {}),
      };
    });
  return {
    source: r.source,
    mentions: shown(r.mentions),
    captions: r.captions.map((c) => ({ text: c.text, mentions: shown(c.mentions) })),
    ...(wantOld(level) ? { provinces: r.provinces } : {}),
    ...(wantNew(level) ? { provinces2025: r.provinces2025 } : {}),
    unresolved: r.unresolved ?? [],
  };
}

function table(counts: ProvinceCount[]): string[] {
  const width = Math.max(0, ...counts.map((c) => c.name.length));
  return counts.map(
    (c) => `    ${String(c.count).padStart(4)}  ${c.name.padEnd(width)}  (${c.code})`,
  );
}

/**
 * A readable report of one document: its mentions and its province counts. Reports are
 * separated by a blank line.
 */
export function placesText(r: PlacesResult, level: Level): string {
  const out: string[] = [];
  const n = r.mentions.length;
  out.push(`${escapeTerminal(r.source)}: ${n} mention${n === 1 ? "" : "s"}`);
  const lines = (mentions: PlaceMention[], indent: string) => {
    for (const m of mentions) {
      const where: string[] = [];
      if (wantOld(level)) where.push(`${m.province.name} (${m.province.code})`);
      if (wantNew(level)) where.push(`2025: ${m.province2025.name} (${m.province2025.code})`);
      const place =
        m.place.kind === "province" || m.place.kind === "municipality"
          ? ""
          : ` [${m.place.kind} ${m.place.name}]`;
      out.push(
        `${indent}${String(m.start).padStart(7)}  ${escapeTerminal(m.text)}${place} → ${where.join(" · ")}  ${m.confidence}`,
      );
    }
  };
  lines(r.mentions, "  ");
  r.captions.forEach((c, i) => {
    if (c.mentions.length === 0) return;
    out.push(
      `  caption ${i + 1}: ${escapeTerminal(c.text.slice(0, 60))}${c.text.length > 60 ? "…" : ""}`,
    );
    lines(c.mentions, "    ");
  });
  if (wantOld(level) && r.provinces.length > 0)
    out.push("  provinces (63, before July 2025):", ...table(r.provinces));
  if (wantNew(level) && r.provinces2025.length > 0)
    out.push("  provinces (34, from July 2025):", ...table(r.provinces2025));
  out.push("");
  return out.join("\n");
}

/** What one document adds to `PlacesTotal`: small, so it crosses threads cheaply. */
export interface PlacesTally {
  mentions: number;
  provinces: ProvinceCount[];
  provinces2025: ProvinceCount[];
}

export const placesTally = (r: PlacesResult): PlacesTally => ({
  mentions: everyMention(r).length,
  provinces: r.provinces,
  provinces2025: r.provinces2025,
});

/** Province counts summed over documents, for the text report's closing total. */
export class PlacesTotal {
  private documents = 0;
  private mentions = 0;
  private readonly old = new Map<string, ProvinceCount>();
  private readonly current = new Map<string, ProvinceCount>();

  add(t: PlacesTally): void {
    this.documents++;
    this.mentions += t.mentions;
    sum(this.old, t.provinces);
    sum(this.current, t.provinces2025);
  }

  /** The total over all documents, when there were several (empty otherwise). */
  text(level: Level): string {
    if (this.documents < 2) return "";
    const n = this.mentions;
    const out = [`all ${this.documents} documents: ${n} mention${n === 1 ? "" : "s"}`];
    if (wantOld(level) && n > 0)
      out.push("  provinces (63, before July 2025):", ...table(sorted(this.old)));
    if (wantNew(level) && n > 0)
      out.push("  provinces (34, from July 2025):", ...table(sorted(this.current)));
    out.push("");
    return out.join("\n");
  }
}

function sum(into: Map<string, ProvinceCount>, counts: ProvinceCount[]): void {
  for (const c of counts) {
    const entry = into.get(c.code);
    if (entry) entry.count += c.count;
    else into.set(c.code, { ...c });
  }
}

/** The order `countProvinces` gives: most mentioned first, then by code. */
const sorted = (counts: Map<string, ProvinceCount>) =>
  [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
