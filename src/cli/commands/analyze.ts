import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import type { Document } from "../../ingest/types.js";
import { analyzeOutput } from "../format/analyze-output.js";
import { addInputOptions, type InputOptions } from "../inputs.js";
import { formatOption } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";
import { addJobsOption } from "../parallel/jobs.js";
import { readInOrder } from "../parallel/start.js";

const FORMATS = ["json", "jsonl", "text"] as const;

interface AnalyzeCliOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  jobs: number;
}

export function registerAnalyze(program: Command): void {
  addJobsOption(
    addInputOptions(
      program
        .command("analyze")
        .description(
          "everything Dossier reads in each document (JSON by default): places, entities, dates, topics, provisions",
        ),
    ).option(...formatOption(FORMATS)),
  ).action(async (inputs: string[], options: AnalyzeCliOptions) => {
    process.exitCode = await runAnalyze(inputs, options);
  });
}

/** Writes each document's `{ source, document, analysis }` as soon as it is analysed. */
export async function runAnalyze(inputs: string[], options: AnalyzeCliOptions): Promise<number> {
  const { format } = options;
  const out = new Output();
  const list = format === "text" ? null : new ListWriter(out, format);
  let documents = 0;
  const take = async (text: string | Uint8Array) => {
    if (list) await list.addText(text);
    else await out.writeAll(documents === 0 ? "" : "\n", text);
    documents++;
  };
  const own = async (source: string, document: Document) => {
    if (!list || isSmall(document.text)) return take(analyzeOutput(source, document, format));
    await list.add({ source, document, analysis: analyze(document) });
    documents++;
  };
  const status = await readInOrder(
    inputs,
    options,
    { command: "analyze", format },
    {
      take,
      own,
    },
  );
  await list?.end();
  return status;
}
