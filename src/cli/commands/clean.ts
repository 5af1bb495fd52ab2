import type { Command } from "commander";
import { DuplicateIndex, type DuplicateMatch } from "../../ingest/index.js";
import type { Document } from "../../ingest/types.js";
import { escapeTerminal } from "../format/escape.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseNumber } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";

const FORMATS = ["text", "json", "jsonl"] as const;

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
    .action(async (inputs: string[], options: CleanOptions) => {
      process.exitCode = await runClean(inputs, options);
    });
}

/** Writes each document as it is read: its text, or its JSON (`{ source, document, duplicateOf }`). */
export async function runClean(inputs: string[], options: CleanOptions): Promise<number> {
  const index = new DuplicateIndex({ threshold: options.nearThreshold });
  const out = new Output();
  const list = options.format === "text" ? null : new ListWriter(out, options.format);
  const status = await readInputs("clean", inputs, options, async (source, document) => {
    const duplicateOf = index.add(document.id, document.text);
    if (list) await list.add({ source, document, duplicateOf }, isSmall(document.text));
    else await out.write(textReport(source, document, duplicateOf, inputs.length !== 1));
  });
  await list?.end();
  return status;
}

export function textReport(
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
