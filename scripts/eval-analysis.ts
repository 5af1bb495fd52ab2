/**
 * Entity evaluation against a gold file: `npm run eval:entities -- <gold-dir> [--texts <dir>] [--verbose]`.
 * The texts are read through ingest (as `dossier analyze` does) from --texts (default: the gold
 * folder). `gold-entities.jsonl` holds one document a line: { "file": "a.txt", "entities":
 * ["org:asean", "instr:unclos-1982", …] }, scored as precision/recall/F1 of the set of canonical
 * ids each document names. (Provisions: scripts/eval-provisions.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyze, ingest } from "../src/index.js";
import { prf } from "./metrics.js";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { texts: { type: "string" }, verbose: { type: "boolean", short: "v", default: false } },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write("usage: npm run eval:entities -- <gold-dir> [--texts dir] [--verbose]\n");
  process.exit(2);
}
const texts = values.texts ?? dir;
const lines = (file: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));

const analysisOf = (file: string) => {
  const document = ingest(readFileSync(join(texts, file)), { source: file });
  return analyze(document);
};
const line = (name: string, c: { tp: number; fp: number; fn: number }) => {
  const s = prf(c);
  return `${name.padEnd(12)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

const c = { tp: 0, fp: 0, fn: 0 };
for (const g of lines("gold-entities.jsonl") as { file: string; entities: string[] }[]) {
  const found = new Set(analysisOf(g.file).entities.map((e) => e.id));
  const gold = new Set(g.entities);
  for (const id of found)
    if (gold.has(id)) c.tp++;
    else {
      c.fp++;
      if (values.verbose) process.stdout.write(`  FP ${g.file} ${id}\n`);
    }
  for (const id of gold)
    if (!found.has(id)) {
      c.fn++;
      if (values.verbose) process.stdout.write(`  FN ${g.file} ${id}\n`);
    }
}
process.stdout.write(`${line("entity ids", c)}\n`);
