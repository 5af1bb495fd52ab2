/**
 * Entity and provision evaluation against gold files:
 *   npm run eval:entities -- <gold-dir> [--texts <dir>] [--verbose]
 *   npm run eval:provisions -- <gold-dir> [--texts <dir>] [--verbose]
 * The texts are read through ingest (as `dossier analyze` does) from --texts (default: the
 * gold folder). Gold formats (one JSON object a line):
 *   gold-entities.jsonl:   { "file": "a.txt", "entities": ["org:asean", "instr:unclos-1982", …] }
 *     → precision/recall/F1 of the set of canonical ids each document names.
 *   gold-provisions.jsonl: { "file": "a.txt", "provisions": [ { "start": "<first words>",
 *     "stance": "agree", "actor": "both" }, … ] }
 *     → a system provision matches a gold one when its text starts with the gold words;
 *       precision/recall/F1 of provisions, then the share of matched ones with the right
 *       stance and the right actor kind.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyze, ingest } from "../src/index.js";
import { prf } from "./metrics.js";

const [mode, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { texts: { type: "string" }, verbose: { type: "boolean", short: "v", default: false } },
});
const dir = positionals[0];
if (!dir || (mode !== "entities" && mode !== "provisions")) {
  process.stderr.write(
    "usage: tsx scripts/eval-analysis.ts <entities|provisions> <gold-dir> [--texts dir] [--verbose]\n",
  );
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

if (mode === "entities") {
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
} else {
  const c = { tp: 0, fp: 0, fn: 0 };
  let stance = 0;
  let actor = 0;
  for (const g of lines("gold-provisions.jsonl") as {
    file: string;
    provisions: { start: string; stance: string; actor: string }[];
  }[]) {
    const found = analysisOf(g.file).provisions;
    const used = new Set<number>();
    for (const p of found) {
      const i = g.provisions.findIndex((x, k) => !used.has(k) && p.text.startsWith(x.start));
      if (i < 0) {
        c.fp++;
        if (values.verbose) process.stdout.write(`  FP ${g.file} ${p.text.slice(0, 70)}\n`);
        continue;
      }
      used.add(i);
      c.tp++;
      const gold = g.provisions[i] as { stance: string; actor: string };
      if (gold.stance === p.stance) stance++;
      else if (values.verbose)
        process.stdout.write(
          `  stance ${g.file} ${p.stance} ≠ ${gold.stance}: ${p.text.slice(0, 60)}\n`,
        );
      if (gold.actor === p.actor.kind) actor++;
    }
    g.provisions.forEach((x, k) => {
      if (used.has(k)) return;
      c.fn++;
      if (values.verbose) process.stdout.write(`  FN ${g.file} ${x.start}\n`);
    });
  }
  process.stdout.write(`${line("provisions", c)}\n`);
  process.stdout.write(
    `stance accuracy ${(stance / Math.max(1, c.tp)).toFixed(3)}  actor accuracy ${(actor / Math.max(1, c.tp)).toFixed(3)}  (over ${c.tp} matched)\n`,
  );
}
