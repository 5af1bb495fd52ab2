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

export function runTask(task: DocumentTask): string | PlacesOutput {
  const { source, document } = task;
  if (task.command === "analyze") return analyzeOutput(source, document, task.format);
  return placesOutput(placesResult(source, document, task.minConfidence), task.format, task.level);
}

/**
 * `runTask` in a worker: the output text comes back as UTF-8 bytes, encoded there (in parallel,
 * and what writing it would do), and kept off the JS heap of the thread that writes: a string
 * of a megabyte there lives in the large-object space until a full collection, and the heap of
 * that thread grew by as much as 150 MB.
 */
export function runTaskToBytes(task: DocumentTask): Uint8Array | PlacesOutput<Uint8Array> {
  const output = runTask(task);
  if (typeof output === "string") return Buffer.from(output);
  return { ...output, text: Buffer.from(output.text) };
}
