import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import {
  NEGATED_NOTE,
  PROVISIONS_CSV_HEADER,
  type ProvisionsResult,
  provisionsCsv,
  provisionsMarkdown,
  provisionsText,
} from "../format/provisions.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption } from "../options.js";
import { isSmall, ListWriter, Output } from "../output.js";

const FORMATS = ["text", "json", "jsonl", "csv", "md"] as const;

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
    .action(async (inputs: string[], options: ProvisionsOptions) => {
      process.exitCode = await runProvisions(inputs, options);
    });
}

/** Writes each document's provisions (`{ source, title, provisions }`) as soon as it is read. */
export async function runProvisions(inputs: string[], options: ProvisionsOptions): Promise<number> {
  const { format } = options;
  const out = new Output();
  const list = format === "json" || format === "jsonl" ? new ListWriter(out, format) : null;
  let documents = 0;
  let negated = false;
  const status = await readInputs("provisions", inputs, options, async (source, document) => {
    const result: ProvisionsResult = {
      source,
      title: document.title,
      provisions: analyze(document).provisions,
    };
    negated ||= result.provisions.some((p) => p.negated);
    if (list) await list.add(result, isSmall(document.text));
    else if (format === "csv")
      await out.write(`${documents === 0 ? PROVISIONS_CSV_HEADER : ""}${provisionsCsv(result)}`);
    else await out.write(format === "md" ? provisionsMarkdown(result) : provisionsText(result));
    documents++;
  });
  if (list) await list.end();
  else if (format === "csv" && documents === 0) await out.write(PROVISIONS_CSV_HEADER);
  else if (format === "text" && negated) await out.write(NEGATED_NOTE);
  return status;
}
