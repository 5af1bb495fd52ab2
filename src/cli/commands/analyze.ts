import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import { analysisText } from "../format/analysis.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";

const FORMATS = ["json", "jsonl", "text"] as const;

interface AnalyzeCliOptions extends InputOptions {
  format: (typeof FORMATS)[number];
}

export function registerAnalyze(program: Command): void {
  addInputOptions(
    program
      .command("analyze")
      .description(
        "everything Dossier reads in each document (JSON by default): places, entities, dates, topics, provisions",
      ),
  )
    .option(...formatOption(FORMATS))
    .action(async (inputs: string[], options: AnalyzeCliOptions) => {
      process.exitCode = await runAnalyze(inputs, options);
    });
}

/** Writes each document's `{ source, document, analysis }` as soon as it is analysed. */
export async function runAnalyze(inputs: string[], options: AnalyzeCliOptions): Promise<number> {
  const out = new Output();
  const list = options.format === "text" ? null : new ListWriter(out, options.format);
  let documents = 0;
  const status = await readInputs("analyze", inputs, options, async (source, document) => {
    const analysis = analyze(document);
    if (list) await list.add({ source, document, analysis }, isSmall(document.text));
    else
      await out.write(`${documents === 0 ? "" : "\n"}${analysisText(source, document, analysis)}`);
    documents++;
  });
  await list?.end();
  return status;
}
