import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import {
  type ProvisionsResult,
  provisionsCsv,
  provisionsJson,
  provisionsMarkdown,
  provisionsText,
} from "../format/provisions.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption } from "../options.js";

const FORMATS = ["text", "json", "csv", "md"] as const;
const RENDER = {
  text: provisionsText,
  json: provisionsJson,
  csv: provisionsCsv,
  md: provisionsMarkdown,
};

interface ProvisionsOptions extends InputOptions {
  format: (typeof FORMATS)[number];
}

export function registerProvisions(program: Command): void {
  addInputOptions(
    program
      .command("provisions")
      .description("the provisions of diplomatic texts: actor, stance, modality, domains"),
  )
    .option(...formatOption(FORMATS))
    .action((inputs: string[], options: ProvisionsOptions) => {
      process.exitCode = runProvisions(inputs, options);
    });
}

export function runProvisions(inputs: string[], options: ProvisionsOptions): number {
  const results: ProvisionsResult[] = [];
  const status = readInputs("provisions", inputs, options, (source, document) => {
    results.push({ source, title: document.title, provisions: analyze(document).provisions });
  });
  process.stdout.write(RENDER[options.format](results));
  return status;
}
