/**
 * Provision evaluation on a statements corpus (the format of ../shared/corpus/statements-dev):
 *   npm run eval:provisions -- <corpus-dir> [--texts dir] [--verbose] [--min-recall x] [--min-precision x]
 * `provisions.jsonl` holds one gold provision a line: { "file", "text", "actor", "stance" },
 * `text` being a whole sentence of the file; the files are in the corpus folder, or in --texts
 * (eval/gold/seeds annotates ../shared/seeds). Each file is read through ingest and analyze, as
 * `dossier provisions` reads it. A predicted provision matches a gold one of its file when its
 * text contains the gold text or is contained in it (each gold provision matched at most once).
 * Prints precision and recall of provisions, then per stance label (the gold label against
 * ours, so both lexicons show), actor-kind accuracy, and exits 1 below the given floors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyze, ingest } from "../src/index.js";
import { type Counts, prf } from "./metrics.js";
import { goldActorKind, readJsonl, table } from "./statements-corpus.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    texts: { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
    "min-recall": { type: "string" },
    "min-precision": { type: "string" },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write(
    "usage: npm run eval:provisions -- <corpus-dir> [--texts dir] [--verbose] [--min-recall x] [--min-precision x]\n",
  );
  process.exit(2);
}

interface Gold {
  file: string;
  text: string;
  actor: string;
  stance: string;
}
const gold = readJsonl<Gold>(join(dir, "provisions.jsonl"));
const files = [...new Set(gold.map((g) => g.file))];
const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const say = (s: string) => values.verbose && process.stdout.write(`${s}\n`);

const total: Counts = { tp: 0, fp: 0, fn: 0 };
const byStance = new Map<string, Counts>();
const count = (label: string) => {
  const c = byStance.get(label) ?? { tp: 0, fp: 0, fn: 0 };
  byStance.set(label, c);
  return c;
};
let stanceRight = 0;
let actorRight = 0;
for (const file of files) {
  const document = ingest(readFileSync(join(values.texts ?? dir, file)), { source: file });
  const found = analyze(document).provisions;
  const golds = gold.filter((g) => g.file === file);
  const used = new Set<number>();
  for (const p of found) {
    const t = norm(p.text);
    const i = golds.findIndex(
      (g, k) => !used.has(k) && (t.includes(norm(g.text)) || norm(g.text).includes(t)),
    );
    if (i < 0) {
      total.fp++;
      count(p.stance).fp++;
      say(`  FP ${file.slice(0, 28)} [${p.actor.kind} ${p.stance}] ${p.text.slice(0, 90)}`);
      continue;
    }
    used.add(i);
    const g = golds[i] as Gold;
    total.tp++;
    count(g.stance).tp++;
    if (g.stance === p.stance) stanceRight++;
    else say(`  stance ${g.stance} → ${p.stance}: ${p.text.slice(0, 80)}`);
    const kind = goldActorKind(g.actor);
    if (kind === p.actor.kind) actorRight++;
    else
      say(
        `  actor ${g.actor} (${kind}) → ${p.actor.kind} "${p.actor.text}": ${p.text.slice(0, 60)}`,
      );
  }
  golds.forEach((g, k) => {
    if (used.has(k)) return;
    total.fn++;
    count(g.stance).fn++;
    say(`  FN ${file.slice(0, 28)} [${g.actor} ${g.stance}] ${g.text.slice(0, 90)}`);
  });
}

const s = prf(total);
const rows = [...byStance].sort((x, y) => x[0].localeCompare(y[0]));
process.stdout.write(
  `provisions  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${total.tp}, fp ${total.fp}, fn ${total.fn}; ${files.length} files)\n` +
    `stance accuracy ${(stanceRight / Math.max(1, total.tp)).toFixed(3)}  actor kind accuracy ${(actorRight / Math.max(1, total.tp)).toFixed(3)}  (over ${total.tp} matched)\n` +
    table(
      ["stance", "gold", "found", "missed", "extra (ours)"],
      rows.map(([label, c]) => [
        label,
        String(c.tp + c.fn),
        String(c.tp),
        String(c.fn),
        String(c.fp),
      ]),
    ),
);
const floor = (name: "min-recall" | "min-precision", got: number) => {
  const want = values[name];
  if (want !== undefined && got < Number(want)) {
    process.stderr.write(`quality gate: provision ${name.slice(4)} ${got.toFixed(3)} < ${want}\n`);
    process.exitCode = 1;
  }
};
floor("min-recall", s.recall);
floor("min-precision", s.precision);
