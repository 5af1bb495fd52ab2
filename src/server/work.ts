/**
 * The server's heavy work, run in worker threads (see `HeavyWork`): ingesting and analysing
 * uploads, analysing texts, comparing documents. Each task's answer comes back as data or as a
 * coded error (`{ error: { code, message } }`): an Error's own fields do not cross threads.
 * JSON answers come back serialised: a string crosses threads as one copy, where an object would
 * be rebuilt, and JSON.stringify'd again, on the thread that must stay free.
 */
import { analyze } from "../analyze.js";
import { type CompareInput, compare } from "../compare/index.js";
import { isDossierError } from "../errors.js";
import { ingest, ingestBytes } from "../ingest/index.js";
import { givenDate } from "../ingest/opening/published.js";
import type { Document } from "../ingest/types.js";
import { assertStorable } from "../store/limits.js";
import type { StoredDocument } from "../store/types.js";
import { HttpError } from "./errors.js";

export type Task =
  | { kind: "analyze"; text: string; title?: string; published?: string }
  | { kind: "document"; input: string; html: boolean; source: string }
  | { kind: "jsonl"; body: string }
  | { kind: "compare"; a: CompareInput; b: CompareInput };

export interface RecordError {
  source: string;
  code: string;
  message: string;
}

export type TaskResult =
  | { json: string }
  | { stored: StoredDocument }
  | { items: StoredDocument[]; errors: RecordError[] }
  | { error: { code: string; message: string } };

/** `{ text, title?, published? }` ingested and analysed, not stored: the answer's JSON. */
function analyzeText(task: Extract<Task, { kind: "analyze" }>): string {
  const ingested = ingest(task.text, { source: "api" });
  const document: Document = {
    ...ingested,
    title: task.title ?? ingested.title,
    published: task.published ?? ingested.published,
    publishedFrom:
      task.published === undefined ? ingested.publishedFrom : givenDate(task.published),
  };
  return JSON.stringify({ document, analysis: analyze(document) });
}

/** An upload ingested (as bytes: binary is refused as it is from files) and analysed. */
function analyzeUpload(task: Extract<Task, { kind: "document" }>): StoredDocument {
  const bytes = Buffer.from(task.input, "utf8");
  const { source } = task;
  const document = ingest(bytes, task.html ? { source, format: "html" } : { source });
  assertStorable(document, source);
  return { document, analysis: analyze(document) };
}

/** A JSON Lines upload: every good record analysed, each bad one reported by line. */
function analyzeJsonLines(body: string): { items: StoredDocument[]; errors: RecordError[] } {
  const items: StoredDocument[] = [];
  const errors: RecordError[] = [];
  for (const item of ingestBytes(Buffer.from(body, "utf8"), "upload", { format: "jsonl" })) {
    if ("error" in item) {
      errors.push({ source: item.source, code: item.error.code, message: item.error.message });
      continue;
    }
    try {
      assertStorable(item.document, item.source);
      items.push({ document: item.document, analysis: analyze(item.document) });
    } catch (error) {
      if (!isDossierError(error)) throw error;
      errors.push({ source: item.source, code: error.code, message: error.message });
    }
  }
  return { items, errors };
}

/** Runs one task; piscina calls it in a worker thread. */
export default function run(task: Task): TaskResult {
  try {
    switch (task.kind) {
      case "analyze":
        return { json: analyzeText(task) };
      case "document":
        return { stored: analyzeUpload(task) };
      case "jsonl":
        return analyzeJsonLines(task.body);
      case "compare":
        return { json: JSON.stringify(compare(task.a, task.b)) };
    }
  } catch (error) {
    if (isDossierError(error) || error instanceof HttpError)
      return { error: { code: error.code, message: error.message } };
    throw error;
  }
}
