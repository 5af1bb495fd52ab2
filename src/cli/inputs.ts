import { statSync } from "node:fs";
import { isDossierError } from "../errors.js";
import { type IngestItem, ingestPaths, walkPaths } from "../ingest/index.js";
import type { Document } from "../ingest/types.js";
import { pathArguments } from "./argv.js";
import { describeError, exitCodeFor } from "./errors.js";
import { escapeTerminal } from "./format/escape.js";
import type { InputOptions } from "./input-options.js";

export { addInputOptions, type InputOptions } from "./input-options.js";

/**
 * Reads the inputs through ingest, calling `onDocument` for each document (and waiting for it,
 * so a command writes each document's results before reading the next); reports each failed
 * input or record on standard error as one line naming it, and each warning. Returns the exit
 * status: 0, or the highest status of the failures (the other inputs are still processed).
 */
export async function readInputs(
  command: string,
  inputs: string[],
  options: InputOptions,
  onDocument: (source: string, document: Document) => void | Promise<void>,
  report: (line: string) => void = writeError,
): Promise<number> {
  const documents = inputDocuments(command, inputs, options, undefined, report);
  try {
    for (;;) {
      const next = documents.next();
      if (next.done) return next.value;
      await onDocument(next.value.source, next.value.document);
    }
  } finally {
    documents.return(0);
  }
}

/** What `inputDocuments` has got through so far: files started, failed inputs or records. */
export interface Tally {
  files: number;
  errors: number;
}

/** How many files the inputs name (folders walked, nothing read), for a progress bar's total. */
export function countFiles(inputs: string[], options: InputOptions): number {
  let files = 0;
  const paths = pathArguments(inputs);
  for (const entry of walkPaths(paths, { include: options.include, exclude: options.exclude }))
    if (entry !== "-" && !isDossierError(entry)) files++;
  return files;
}

/**
 * How many regular files the inputs name and their bytes (folders walked, nothing read):
 * standard input, a pipe or a FIFO count for nothing, as their size is not known before reading.
 */
export function regularFiles(
  inputs: string[],
  options: InputOptions,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of walkPaths(pathArguments(inputs), options)) {
    if (entry === "-" || isDossierError(entry)) continue;
    try {
      const stat = statSync(entry);
      if (!stat.isFile()) continue;
      files++;
      bytes += stat.size;
    } catch {
      // Reading it reports the error.
    }
  }
  return { files, bytes };
}

/**
 * `readInputs` as a generator: yields each document, reports failures and warnings the same
 * way, and returns the exit status. A caller can stop between documents (`dossier ingest`
 * lets Ctrl-C in).
 */
export function* inputDocuments(
  command: string,
  inputs: string[],
  options: InputOptions,
  tally: Tally = { files: 0, errors: 0 },
  report: (line: string) => void = writeError,
): Generator<{ source: string; document: Document }, number, undefined> {
  if (inputs.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(
        `dossier ${command}: give files or folders, or pipe text into standard input [E_USAGE]\n`,
      );
      return 2;
    }
    inputs = ["-"];
  }
  let status = 0;
  const items: Iterable<IngestItem> = ingestPaths(pathArguments(inputs), {
    include: options.include,
    exclude: options.exclude,
    maxBytes: options.maxBytes,
    share: options.share,
    onFile: () => {
      tally.files++;
    },
  });
  for (const item of items) {
    if ("error" in item) {
      tally.errors++;
      report(`${describeError(command, item.error)}\n`);
      status = Math.max(status, exitCodeFor(item.error));
      continue;
    }
    for (const w of item.document.warnings)
      report(`dossier ${command}: warning: ${escapeTerminal(w)}\n`);
    yield { source: item.source, document: item.document };
  }
  return status;
}

const writeError = (line: string) => {
  process.stderr.write(line);
};
