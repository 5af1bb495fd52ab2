/**
 * Comparison evaluation: `npm run eval:compare -- <gold-dir> [--texts dir] [--verbose]`.
 * Reads `gold-compare.jsonl` in the gold folder, one document pair a line:
 *   { "a": "a.txt", "b": "b.txt", "pairs": [ { "a": "<first words of A's provision>" | null,
 *     "b": "<first words of B's provision>" | null, "class": "same|reworded|only_a|only_b" } ] }
 * Each side's texts come from --texts (default: the gold folder), read through ingest.
 * A gold provision is found by its first words; provisions the gold does not name are not
 * judged. Prints precision/recall/F1 of the aligned pairs (a system pair between two judged
 * provisions is right when the gold aligns them) and the accuracy of the class over the gold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compare } from "../src/compare/index.js";
import { analyze, ingest } from "../src/index.js";
import { prf } from "./metrics.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    texts: { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
    threshold: { type: "string" },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write(
    "usage: npm run eval:compare -- <gold-dir> [--texts dir] [--threshold x] [--verbose]\n",
  );
  process.exit(2);
}
const texts = values.texts ?? dir;
const load = (file: string) => {
  const d = ingest(readFileSync(join(texts, file)), { source: file });
  return {
    source: file,
    title: d.title,
    published: d.published,
    provisions: analyze(d).provisions,
  };
};
interface GoldPair {
  a: string | null;
  b: string | null;
  class: string;
}
const counts = { tp: 0, fp: 0, fn: 0 };
let classRight = 0;
let classTotal = 0;
for (const line of readFileSync(join(dir, "gold-compare.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())) {
  const gold = JSON.parse(line) as { a: string; b: string; pairs: GoldPair[] };
  const A = load(gold.a);
  const B = load(gold.b);
  const c = compare(A, B, values.threshold ? { threshold: Number(values.threshold) } : {});
  const find = (ps: { text: string }[], prefix: string | null) =>
    prefix === null ? null : ps.findIndex((p) => p.text.startsWith(prefix));
  const judgedA = new Set(
    gold.pairs.map((g) => find(A.provisions, g.a)).filter((i): i is number => i !== null && i >= 0),
  );
  const judgedB = new Set(
    gold.pairs.map((g) => find(B.provisions, g.b)).filter((i): i is number => i !== null && i >= 0),
  );
  const goldLinks = new Set(
    gold.pairs
      .filter((g) => g.a !== null && g.b !== null)
      .map((g) => `${find(A.provisions, g.a)}:${find(B.provisions, g.b)}`),
  );
  const systemLinks = new Set(
    c.pairs
      .filter((p) => p.a !== null && p.b !== null && (judgedA.has(p.a) || judgedB.has(p.b)))
      .map((p) => `${p.a}:${p.b}`),
  );
  for (const l of systemLinks)
    if (goldLinks.has(l)) counts.tp++;
    else {
      counts.fp++;
      if (values.verbose) process.stdout.write(`  FP ${l}\n`);
    }
  for (const l of goldLinks)
    if (!systemLinks.has(l)) {
      counts.fn++;
      if (values.verbose) process.stdout.write(`  FN ${l}\n`);
    }
  for (const g of gold.pairs) {
    classTotal++;
    const ia = find(A.provisions, g.a);
    const ib = find(B.provisions, g.b);
    const hit = c.pairs.find(
      (p) =>
        (ia !== null ? p.a === ia : true) &&
        (ib !== null ? p.b === ib : true) &&
        (ia !== null || ib !== null),
    );
    if (hit && hit.class === g.class) classRight++;
    else if (values.verbose)
      process.stdout.write(
        `  class ${g.class} ≠ ${hit?.class ?? "missing"}: ${(g.a ?? g.b ?? "").slice(0, 60)}\n`,
      );
  }
}
const s = prf(counts);
process.stdout.write(
  `aligned pairs  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})\nclass accuracy ${(classRight / Math.max(1, classTotal)).toFixed(3)} (${classRight}/${classTotal})\n`,
);
