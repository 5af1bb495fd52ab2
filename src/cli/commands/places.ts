import type { Command } from "commander";
import type { Document } from "../../ingest/types.js";
import {
  type Level,
  PlacesGeoJson,
  type PlacesResult,
  type PlacesTally,
  PlacesTotal,
  placesCsvHeader,
  placesDocument,
} from "../format/places.js";
import { type PlacesOutput, placesOutput, placesResult } from "../format/places-output.js";
import { addInputOptions, type InputOptions } from "../inputs.js";
import { formatOption, parseChoice, parseNumber } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";
import { addJobsOption } from "../parallel/jobs.js";
import { readInOrder } from "../parallel/start.js";

const FORMATS = ["text", "json", "jsonl", "csv", "geojson"] as const;
const LEVELS = ["old", "new", "both"] as const;

interface PlacesOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  level: Level;
  minConfidence: number;
  jobs: number;
}

export function registerPlaces(program: Command): void {
  addJobsOption(
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
      ),
  ).action(async (inputs: string[], options: PlacesOptions) => {
    process.exitCode = await runPlaces(inputs, options);
  });
}

/**
 * Reads every input through ingest (so page chrome is not counted), geoparses its text and its
 * photo captions (the provinces count both) and writes its result before reading the next;
 * GeoJSON, a count per place over all inputs, comes at the end.
 */
export async function runPlaces(inputs: string[], options: PlacesOptions): Promise<number> {
  const { format, level, minConfidence } = options;
  const out = new Output();
  const list = format === "json" || format === "jsonl" ? new ListWriter(out, format) : null;
  const geojson = new PlacesGeoJson();
  const total = new PlacesTotal();
  let documents = 0;
  const take = async ({ text, tally, result }: PlacesOutput<string | Uint8Array>) => {
    if (list) await list.addText(text);
    else if (format === "csv")
      await out.writeAll(documents === 0 ? placesCsvHeader(level) : "", text);
    else if (format === "geojson") geojson.add(result as PlacesResult);
    else {
      await out.writeAll(documents === 0 ? "" : "\n", text);
      total.add(tally as PlacesTally);
    }
    documents++;
  };
  const own = async (source: string, document: Document) => {
    const result = placesResult(source, document, minConfidence);
    if (!list || isSmall(document.text)) return take(placesOutput(result, format, level));
    await list.add(placesDocument(result, level));
    documents++;
  };
  const status = await readInOrder(
    inputs,
    options,
    { command: "places", format, level, minConfidence },
    { take, own },
  );
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
