import type { Caption } from "../types.js";
import type { Line } from "./lines.js";

// "… Moscow, May 10, 2025 - Photo: VNA", "… to Vietnam. Photo: Huu Hung", "(Ảnh: TTXVN)".
const CREDIT =
  /(?:^|[\s.,;\-–—(])\(?\s*(?:photo|photos|ảnh|image|hình|nguồn ảnh|picture|photo credit)\s*:\s*([^\n():]{2,60}?)\s*\)?\s*\.?$/iu;

/**
 * Step 3: a photo caption — a line that ends with a credit ("Photo: VNA", "Ảnh: TTXVN") — is
 * moved out of the text into `captions`, with its credit.
 */
export function extractCaptions(lines: Line[], captions: Caption[]): void {
  for (const line of lines) {
    if (line.removed !== null || line.trimmed.length > 500) continue;
    // A credit has its colon: most lines have none, and the pattern, unanchored at its start,
    // would be tried at each of their positions.
    if (!line.trimmed.includes(":")) continue;
    const m = CREDIT.exec(line.trimmed);
    if (!m) continue;
    const credit = (m[1] ?? "").trim();
    const text = line.trimmed
      .slice(0, m.index)
      .replace(/[\s\-–—(]+$/u, "")
      .trim();
    captions.push({ text, credit: credit === "" ? null : credit });
    line.removed = "photo caption (moved to captions)";
  }
}
