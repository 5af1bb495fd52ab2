import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import { compareHistory } from "../../compare/history.js";
import { DEFAULT_COMPARE_OPTIONS } from "../../compare/index.js";
import { comparisonHtml, comparisonsHtml } from "../../compare/report-html.js";
import { comparisonMarkdown, comparisonText } from "../../compare/report-text.js";
import type { CompareInput } from "../../compare/types.js";
import { DossierError } from "../../errors.js";
import { describeError } from "../errors.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseNumber } from "../options.js";
import { Output } from "../output.js";

const FORMATS = ["text", "md", "html", "json", "jsonl"] as const;

interface CompareCliOptions extends InputOptions {
  format: (typeof FORMATS)[number];
  threshold: number;
}

export function registerCompare(program: Command): void {
  addInputOptions(
    program
      .command("compare")
      .description(
        "align the provisions of two or more statements: what changed (kept, strengthened, weakened, new, dropped, by domain), then each pair: same, reworded (with a diff), only in one",
      ),
  )
    .option(...formatOption(FORMATS))
    .option(
      "--threshold <x>",
      "how far above its document pair's typical pair (in standard deviations, 0-10) a pair must score to be the same commitment; lower pairs more",
      parseNumber(0, 10),
      DEFAULT_COMPARE_OPTIONS.threshold,
    )
    .action(async (inputs: string[], options: CompareCliOptions) => {
      process.exitCode = await runCompare(inputs, options);
    });
}

/**
 * Compares the documents in date order. JSON is one comparison (two documents) or the history
 * (several), written a chunk at a time; JSON Lines is one comparison a line, in order.
 */
export async function runCompare(inputs: string[], options: CompareCliOptions): Promise<number> {
  const docs: CompareInput[] = [];
  const status = await readInputs("compare", inputs, options, (source, document) => {
    docs.push({
      source,
      title: document.title,
      published: document.published,
      provisions: analyze(document).provisions,
    });
  });
  if (docs.length < 2) {
    process.stderr.write(
      `${describeError("compare", new DossierError("E_USAGE", `need two documents or more to compare, got ${docs.length}`))}\n`,
    );
    return Math.max(status, 2);
  }
  const history = compareHistory(docs, { threshold: options.threshold });
  const [only] = history.comparisons;
  const single = history.comparisons.length === 1 && only;
  const out = new Output();
  if (options.format === "json") {
    await out.json(single ? only : history, 2);
    await out.write("\n");
  } else if (options.format === "jsonl") {
    for (const c of history.comparisons) {
      await out.json(c);
      await out.write("\n");
    }
  } else if (options.format === "html")
    await out.write(single ? comparisonHtml(only) : comparisonsHtml(history.comparisons));
  else if (options.format === "md")
    await out.write(history.comparisons.map(comparisonMarkdown).join("\n"));
  else
    await out.write(
      history.comparisons.map((c) => comparisonText(c, process.stdout.isTTY === true)).join("\n"),
    );
  return status;
}
