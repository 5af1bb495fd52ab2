/**
 * One benchmark phase in its own process, so its peak RSS is its own:
 *   tsx bench/geoparse-run.ts <dossier|regex> <corpus> [limitBytes]
 * Prints one JSON line: { phase, bytes, ms, matches, maxRssMB }.
 */
import { findPlaces, stripDiacritics } from "../dist/index.js";
import { chunks } from "./chunks.js";
import { placeNames, unitNames } from "./names.js";

/** The naive baseline: one case-insensitive alternation of every spelling, longest first. */
export function naiveRegex(): RegExp {
  const forms = new Set<string>();
  for (const name of placeNames()) {
    forms.add(name);
    forms.add(stripDiacritics(name));
    forms.add(stripDiacritics(name).replace(/ /g, ""));
  }
  // The districts and communes too: the same names the geoparser looks for.
  for (const name of unitNames()) forms.add(name).add(stripDiacritics(name));
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[ -]+/g, "[\\s\\-–]+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

const [phase, path, limitArg] = process.argv.slice(2);
if (!path || (phase !== "dossier" && phase !== "regex")) {
  process.stderr.write("usage: geoparse-run.ts <dossier|regex> <corpus> [limitBytes]\n");
  process.exit(2);
}
const limit = limitArg ? Number(limitArg) : Number.POSITIVE_INFINITY;
const regex = phase === "regex" ? naiveRegex() : undefined;
findPlaces("warm-up: Ha Noi"); // load the gazetteer and build the trie outside the timing
let bytes = 0;
let matches = 0;
let ms = 0;
for (const chunk of chunks(path, limit)) {
  const t0 = process.hrtime.bigint();
  if (regex) {
    regex.lastIndex = 0;
    for (const _ of chunk.text.matchAll(regex)) matches++;
  } else {
    matches += findPlaces(chunk.text).length;
  }
  ms += Number(process.hrtime.bigint() - t0) / 1e6;
  bytes += chunk.bytes;
}
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ phase, bytes, ms, matches, maxRssMB })}\n`);
