/**
 * One benchmark phase in its own process, so its peak RSS is its own:
 *   tsx bench/geoparse-run.ts <dossier|regex> <corpus> [limitBytes]
 * Prints one JSON line: { phase, bytes, ms, matches, maxRssMB }.
 */
import { findPlaces, stripDiacritics } from "../dist/index.js";
import { chunks } from "./chunks.js";
import { placeNames, unitNames } from "./names.js";

/**
 * The plain baseline a skilled user would write: one literal alternation of every spelling
 * (places, districts and communes; with and without diacritics), longest first, flags "gi".
 * No word bounds and no `u` flag: those make V8's matcher far slower (with tens of thousands of
 * forms, a `giu` pattern with lookarounds did not finish 2 MB in 22 minutes), a straw man.
 */
export function naiveRegex(): RegExp {
  const forms = new Set<string>();
  for (const name of placeNames()) {
    forms.add(name);
    forms.add(stripDiacritics(name));
    forms.add(stripDiacritics(name).replace(/ /g, ""));
  }
  for (const name of unitNames()) forms.add(name).add(stripDiacritics(name));
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "gi");
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
