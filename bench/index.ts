/**
 * `npm run bench`: geoparsing throughput on a generated corpus (≥ 100 MB), beside two
 * baselines measured in the same run — a naive single RegExp alternation over the same
 * names, and `grep -c -i -F -f <names>` — reported as ratios, with each phase's peak RSS.
 * Options: --mb N (corpus size, default 100), --regex-mb N (bytes the slow RegExp baseline
 * reads, default 32; its MB/s is a rate, so a prefix measures it fairly).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { defaultGazetteer, stripDiacritics } from "../src/index.js";
import { generateCorpus } from "./corpus.js";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "100" },
    "regex-mb": { type: "string", default: "32" },
  },
});
const MB = 1024 * 1024;
const target = Number(values.mb) * MB;
const corpus = new URL(`./.cache/geo-corpus-${values.mb}mb.txt`, import.meta.url).pathname;

const t0 = Date.now();
generateCorpus(corpus, target);
process.stdout.write(
  `corpus: ${corpus} (${(target / MB).toFixed(0)} MB+, generated or reused in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
);

interface Phase {
  phase: string;
  bytes: number;
  ms: number;
  matches: number;
  maxRssMB: number;
}
const runPhase = (phase: string, limit?: number): Phase => {
  const args = [
    "--import",
    "tsx",
    new URL("./geoparse-run.ts", import.meta.url).pathname,
    phase,
    corpus,
  ];
  if (limit) args.push(String(limit));
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as Phase;
};

const dossier = runPhase("dossier");
const regex = runPhase("regex", Number(values["regex-mb"]) * MB);

// grep: the same names, every spelling, one per line; fixed strings, case-insensitive.
const namesFile = new URL("./.cache/names.txt", import.meta.url).pathname;
const forms = new Set<string>();
for (const p of defaultGazetteer().places)
  for (const n of p.names) forms.add(n.text).add(stripDiacritics(n.text));
writeFileSync(namesFile, `${[...forms].join("\n")}\n`);
const g0 = process.hrtime.bigint();
const grep = spawnSync("grep", ["-c", "-i", "-F", "-f", namesFile, corpus], { encoding: "utf8" });
const grepMs = Number(process.hrtime.bigint() - g0) / 1e6;

const rate = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
const dossierRate = rate(dossier.bytes, dossier.ms);
const regexRate = rate(regex.bytes, regex.ms);
const rows: [string, string, string, string][] = [
  [
    "findPlaces (dossier)",
    `${dossierRate.toFixed(1)} MB/s`,
    `${dossier.matches} mentions in ${(dossier.bytes / MB).toFixed(0)} MB`,
    `${dossier.maxRssMB.toFixed(0)} MB`,
  ],
  [
    "naive RegExp alternation",
    `${regexRate.toFixed(1)} MB/s`,
    `${regex.matches} matches in ${(regex.bytes / MB).toFixed(0)} MB`,
    `${regex.maxRssMB.toFixed(0)} MB`,
  ],
];
let grepRate = Number.NaN;
if (grep.error || (grep.status !== 0 && grep.status !== 1)) {
  rows.push([
    "grep -c -i -F -f names",
    "unavailable",
    String(grep.error ?? grep.stderr).trim(),
    "-",
  ]);
} else {
  grepRate = rate(dossier.bytes, grepMs);
  rows.push([
    "grep -c -i -F -f names",
    `${grepRate.toFixed(1)} MB/s`,
    `${grep.stdout.trim()} matching lines in ${(dossier.bytes / MB).toFixed(0)} MB (wall time)`,
    "-",
  ]);
}
process.stdout.write(`\ngeoparsing throughput (single thread)\n`);
for (const [name, speed, what, rss] of rows) {
  process.stdout.write(
    `  ${name.padEnd(26)} ${speed.padStart(12)}   peak RSS ${rss.padStart(7)}   ${what}\n`,
  );
}
process.stdout.write(
  `\nratios\n  findPlaces / naive RegExp: ${(dossierRate / regexRate).toFixed(1)}x\n`,
);
if (Number.isFinite(grepRate))
  process.stdout.write(`  findPlaces / grep -F:      ${(dossierRate / grepRate).toFixed(2)}x\n`);
