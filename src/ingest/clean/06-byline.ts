import type { Line } from "./lines.js";

const BYLINE =
  /^(?:[Bb]y|[Bb]ởi|[Tt]ác giả|[Ww]ritten by|[Rr]eporting by)\s*:?\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*(?:,|and|&|và)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*)$/u;

/** Step 6: a "By Jane Doe" line among the first lines is the byline: its names become `authors`. */
export function extractByline(lines: Line[]): string[] {
  let seen = 0;
  for (const line of lines) {
    if (line.removed !== null || line.trimmed === "") continue;
    if (++seen > 6) break;
    const m = BYLINE.exec(line.trimmed);
    if (!m?.[1]) continue;
    line.removed = "byline (moved to authors)";
    return m[1]
      .split(/\s*(?:,|\band\b|&|\bvà\b)\s*/u)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return [];
}
