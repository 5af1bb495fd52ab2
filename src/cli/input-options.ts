import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../io/read-bytes.js";
import { parseInteger } from "./options.js";

// Apart from inputs.ts, which reads the inputs: a command that only declares the options (the
// store commands' ingest, beside search and stats) does not load the ingest modules with them.

/** The options every command that reads documents takes. */
export interface InputOptions {
  include?: string[];
  exclude?: string[];
  maxBytes: number;
  /** This process's share of the files, when several processes share them (see `IngestOptions`). */
  share?: { index: number; count: number };
}

export function addInputOptions(command: Command): Command {
  return command
    .argument(
      "[inputs...]",
      'files or folders (text, Markdown, HTML, JSON Lines; folders recursively); "-" or nothing for standard input',
    )
    .option(
      "--include <glob...>",
      "in folders, read only files matching these globs (default: text, Markdown, HTML, JSON Lines)",
    )
    .option("--exclude <glob...>", "in folders, skip files and folders matching these globs")
    .option(
      "--max-bytes <n>",
      "refuse inputs larger than this many bytes",
      parseInteger(1, 2 ** 31),
      DEFAULT_MAX_BYTES,
    );
}
