import type { Command } from "commander";
import { countProvinces } from "../../extract/places/index.js";
import { placesAndEntities } from "../../extract/places-and-entities.js";
import {
  type Level,
  PlacesGeoJson,
  type PlacesResult,
  PlacesTotal,
  placesCsvHeader,
  placesCsvRows,
  placesDocument,
  placesText,
} from "../format/places.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseChoice, parseNumber } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";

const FORMATS = ["text", "json", "jsonl", "csv", "geojson"] as const;
const LEVELS = ["old", "new", "both"] as const;

interface PlacesOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  level: Level;
  minConfidence: number;
}

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
    .action(async (inputs: string[], options: PlacesOptions) => {
      process.exitCode = await runPlaces(inputs, options);
    });
}

/**
 * Reads every input through ingest (so page chrome is not counted), geoparses its text and its
 * photo captions (the provinces count both) and writes its result before reading the next;
 * GeoJSON, a count per place over all inputs, comes at the end.
 */
export async function runPlaces(inputs: string[], options: PlacesOptions): Promise<number> {
  const { format, level } = options;
  const out = new Output();
  const list = format === "json" || format === "jsonl" ? new ListWriter(out, format) : null;
  const geojson = new PlacesGeoJson();
  const total = new PlacesTotal();
  let documents = 0;
  const status = await readInputs("places", inputs, options, async (source, document) => {
    const placesOf = (text: string) =>
      placesAndEntities(text, { minConfidence: options.minConfidence }).places;
    const { places: mentions, unresolved } = placesAndEntities(document.text, {
      minConfidence: options.minConfidence,
    });
    const captions = document.captions.map((c) => ({ text: c.text, mentions: placesOf(c.text) }));
    const all = [...mentions, ...captions.flatMap((c) => c.mentions)];
    const result: PlacesResult = {
      source,
      mentions,
      captions,
      unresolved,
      provinces: countProvinces(all, "old"),
      provinces2025: countProvinces(all, "new"),
    };
    if (list) await list.add(placesDocument(result, level), isSmall(document.text));
    else if (format === "csv")
      await out.write(
        `${documents === 0 ? placesCsvHeader(level) : ""}${placesCsvRows(result, level)}`,
      );
    else if (format === "geojson") geojson.add(result);
    else {
      await out.write(`${documents === 0 ? "" : "\n"}${placesText(result, level)}`);
      total.add(result);
    }
    documents++;
  });
  // Nothing read and an input failed: print no empty report beside the error.
  if (documents === 0 && status !== 0) return status;
  if (list) await list.end();
  else if (format === "csv" && documents === 0) await out.write(placesCsvHeader(level));
  else if (format === "geojson") {
    await out.json(geojson.collection(level), 2);
    await out.write("\n");
  } else if (format === "text" && documents > 1) await out.write(`\n${total.text(level)}`);
  return status;
}
