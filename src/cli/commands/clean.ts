import type { Command } from "commander";
import { DuplicateIndex, type DuplicateMatch } from "../../ingest/index.js";
import type { Document } from "../../ingest/types.js";
import { escapeTerminal } from "../format/escape.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseNumber } from "../options.js";

const FORMATS = ["text", "json"] as const;

interface CleanOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  nearThreshold: number;
}

export function registerClean(program: Command): void {
  addInputOptions(
    program
      .command("clean")
      .description(
        "extract and clean article text: page chrome removed (and reported), captions, metadata, duplicates",
      ),
  )
    .option(...formatOption(FORMATS))
    .option(
      "--near-threshold <x>",
      "similarity (0-1) from which two documents are near-duplicates",
      parseNumber(0, 1),
      0.8,
    )
    .action((inputs: string[], options: CleanOptions) => {
      process.exitCode = runClean(inputs, options);
    });
}

export function runClean(inputs: string[], options: CleanOptions): number {
  const index = new DuplicateIndex({ threshold: options.nearThreshold });
  const documents: { source: string; document: Document; duplicateOf: DuplicateMatch | null }[] =
    [];
  const status = readInputs("clean", inputs, options, (source, document) => {
    const duplicateOf = index.add(document.id, document.text);
    if (options.format === "json") documents.push({ source, document, duplicateOf });
    else process.stdout.write(textReport(source, document, duplicateOf, inputs.length !== 1));
  });
  if (options.format === "json")
    process.stdout.write(`${JSON.stringify({ documents }, null, 2)}\n`);
  return status;
}

function textReport(
  source: string,
  d: Document,
  dup: DuplicateMatch | null,
  header: boolean,
): string {
  const lines: string[] = [];
  if (header) lines.push(`==> ${escapeTerminal(source)} <==`);
  if (dup)
    lines.push(
      `[${dup.exact ? "duplicate" : `near-duplicate (${dup.similarity.toFixed(2)})`} of ${dup.id}]`,
    );
  lines.push(escapeTerminal(d.text).replace(/\n*$/, ""), "");
  return `${lines.join("\n")}\n`;
}
