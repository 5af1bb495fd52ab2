import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import { DossierError } from "../../errors.js";
import { DEFAULT_MAX_BYTES, expandPaths, readTextInput } from "../../io/read-text.js";
import { describeError, exitCodeFor } from "../errors.js";
import { escapeTerminal } from "../format/escape.js";
import {
  type Level,
  type PlacesResult,
  placesCsv,
  placesGeoJson,
  placesJson,
  placesText,
} from "../format/places.js";
import { parseChoice, parseNumber } from "../options.js";

const FORMATS = ["text", "json", "csv", "geojson"] as const;
const LEVELS = ["old", "new", "both"] as const;

interface PlacesOptions {
  format: (typeof FORMATS)[number];
  level: Level;
  minConfidence: number;
  maxBytes: number;
}

const RENDER = { text: placesText, json: placesJson, csv: placesCsv, geojson: placesGeoJson };

export function registerPlaces(program: Command): void {
  program
    .command("places")
    .description(
      "find the Vietnamese places each text mentions, resolved to provinces before and after July 2025",
    )
    .argument(
      "[inputs...]",
      'text files or folders (their .txt/.md files, recursively); "-" or nothing for standard input',
    )
    .option(
      "-f, --format <format>",
      `output format: ${FORMATS.join(", ")}`,
      parseChoice(FORMATS),
      "text",
    )
    .option(
      "-l, --level <level>",
      "which provinces to report: old (63), new (34) or both",
      parseChoice(LEVELS),
      "both",
    )
    .option(
      "--min-confidence <x>",
      "drop mentions below this confidence (0-1)",
      parseNumber(0, 1),
      0,
    )
    .option(
      "--max-bytes <n>",
      "refuse inputs larger than this many bytes",
      parseNumber(1, 2 ** 31),
      DEFAULT_MAX_BYTES,
    )
    .action((inputs: string[], options: PlacesOptions) => {
      process.exitCode = runPlaces(inputs, options);
    });
}

/** Processes every input it can; reports each failure and exits non-zero if any failed. */
export function runPlaces(inputs: string[], options: PlacesOptions): number {
  if (inputs.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(
        `${describeError("places", new DossierError("E_USAGE", "give files or folders, or pipe text into standard input"))}\n`,
      );
      return 2;
    }
    inputs = ["-"];
  }
  const { files, errors } = expandPaths(inputs);
  let status = 0;
  const fail = (error: unknown) => {
    process.stderr.write(`${describeError("places", error)}\n`);
    status = Math.max(status, exitCodeFor(error));
  };
  errors.forEach(fail);
  const results: PlacesResult[] = [];
  for (const source of files) {
    try {
      const input = readTextInput(source, options.maxBytes);
      for (const w of input.warnings)
        process.stderr.write(`dossier places: warning: ${escapeTerminal(w)}\n`);
      const analysis = analyze(
        { text: input.text, source },
        { places: { minConfidence: options.minConfidence } },
      );
      results.push({
        source,
        mentions: analysis.places,
        provinces: analysis.provinces,
        provinces2025: analysis.provinces2025,
      });
    } catch (error) {
      fail(error);
    }
  }
  if (results.length > 0 || files.length === 0)
    process.stdout.write(RENDER[options.format](results, options.level));
  return status;
}
