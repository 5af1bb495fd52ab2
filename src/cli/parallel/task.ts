import type { Document } from "../../ingest/types.js";
import { type AnalyzeFormat, analyzeOutput } from "../format/analyze-output.js";
import type { Level } from "../format/places.js";
import {
  type PlacesFormat,
  type PlacesOutput,
  placesOutput,
  placesResult,
} from "../format/places-output.js";

/** What a command does to each document, the same in a worker thread as in its own. */
export type CommandTask =
  | { command: "analyze"; format: AnalyzeFormat }
  | { command: "places"; format: PlacesFormat; level: Level; minConfidence: number };

export type DocumentTask = CommandTask & { source: string; document: Document };

export type TaskOutput<T extends CommandTask> = T extends { command: "analyze" }
  ? string
  : PlacesOutput;

export function runTask(task: DocumentTask): string | PlacesOutput {
  const { source, document } = task;
  if (task.command === "analyze") return analyzeOutput(source, document, task.format);
  return placesOutput(placesResult(source, document, task.minConfidence), task.format, task.level);
}
