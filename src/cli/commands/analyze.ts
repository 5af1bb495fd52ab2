import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";

export function registerAnalyze(program: Command): void {
  addInputOptions(
    program
      .command("analyze")
      .description(
        "everything Dossier reads in each document, as JSON: places, entities, dates, topics, provisions",
      ),
  ).action((inputs: string[], options: InputOptions) => {
    process.exitCode = runAnalyze(inputs, options);
  });
}

export function runAnalyze(inputs: string[], options: InputOptions): number {
  const documents: unknown[] = [];
  const status = readInputs("analyze", inputs, options, (source, document) => {
    documents.push({ source, document, analysis: analyze(document) });
  });
  process.stdout.write(`${JSON.stringify({ documents }, null, 2)}\n`);
  return status;
}
