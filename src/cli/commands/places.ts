import type { Command } from "commander";
import { placesAndEntities } from "../../analyze.js";
import { countProvinces } from "../../extract/places/index.js";
import {
  type Level,
  type PlacesResult,
  placesCsv,
  placesGeoJson,
  placesJson,
  placesText,
} from "../format/places.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseChoice, parseNumber } from "../options.js";

const FORMATS = ["text", "json", "csv", "geojson"] as const;
const LEVELS = ["old", "new", "both"] as const;

interface PlacesOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  level: Level;
  minConfidence: number;
}

const RENDER = { text: placesText, json: placesJson, csv: placesCsv, geojson: placesGeoJson };

export function registerPlaces(program: Command): void {
  addInputOptions(
    program
      .command("places")
      .description(
        "find the Vietnamese places each document mentions, resolved to provinces before and after July 2025",
      ),
  )
    .option(...formatOption(FORMATS))
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
    .action((inputs: string[], options: PlacesOptions) => {
      process.exitCode = runPlaces(inputs, options);
    });
}

/** Reads every input through ingest (so page chrome is not counted), then geoparses it. */
export function runPlaces(inputs: string[], options: PlacesOptions): number {
  const results: PlacesResult[] = [];
  const status = readInputs("places", inputs, options, (source, document) => {
    const { places: mentions, unresolved } = placesAndEntities(document.text, {
      minConfidence: options.minConfidence,
    });
    results.push({
      source,
      mentions,
      unresolved,
      provinces: countProvinces(mentions, "old"),
      provinces2025: countProvinces(mentions, "new"),
    });
  });
  if (results.length > 0 || status === 0)
    process.stdout.write(RENDER[options.format](results, options.level));
  return status;
}
