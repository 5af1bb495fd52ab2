/**
 * `npm run bench`: geoparsing throughput on a generated corpus (≥ 100 MB), beside two
 * baselines measured in the same run — a naive single RegExp alternation over the same
 * names, and `grep -c -i -F -f <names>` — reported as ratios, with each phase's peak RSS.
 * Then ingest throughput: plain-text pages (whole pipeline vs decode+split) and HTML pages
 * (whole pipeline, extraction alone, and @mozilla/readability alone as the baseline).
 * Options: --mb N (corpus size, default 100), --regex-mb N (bytes the slow RegExp baseline
 * reads, default 32; its MB/s is a rate, so a prefix measures it fairly), --text-docs N
 * (default 5000), --html-docs N (default 300).
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
    "text-docs": { type: "string", default: "5000" },
    "html-docs": { type: "string", default: "300" },
    "analyze-mb": { type: "string", default: "8" },
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
/** Runs one benchmark script in its own process (so its peak RSS is its own); its last line is JSON. */
const runScript = (script: string, args: string[]): Phase => {
  const path = new URL(script, import.meta.url).pathname;
  const r = spawnSync(process.execPath, ["--import", "tsx", path, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as Phase;
};
const runPhase = (phase: string, limit?: number): Phase =>
  runScript("./geoparse-run.ts", limit ? [phase, corpus, String(limit)] : [phase, corpus]);

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

// Ingest: documents per second, whole pipeline, beside the least a reader must do.
interface DocPhase extends Phase {
  docs: number;
}
const textDocs = Number(values["text-docs"]);
const htmlDocs = Number(values["html-docs"]);
const text = runScript("./ingest-run.ts", ["text", String(textDocs)]) as DocPhase;
const textBase = runScript("./ingest-run.ts", ["text-baseline", String(textDocs)]) as DocPhase;
const html = runScript("./html-run.ts", ["ingest", String(htmlDocs)]) as DocPhase;
const htmlRead = runScript("./html-run.ts", ["dossier", String(htmlDocs)]) as DocPhase;
const readability = runScript("./html-run.ts", ["readability", String(htmlDocs)]) as DocPhase;
const perSecond = (p: DocPhase) => p.docs / (p.ms / 1000);
process.stdout.write("\ningest throughput (single thread)\n");
for (const [name, p] of [
  ["text: ingest (clean, metadata, id)", text],
  ["text: decode + split only", textBase],
  ["HTML: ingest (extract + clean)", html],
  ["HTML: readHtml (extract only)", htmlRead],
  ["HTML: Readability alone", readability],
] as const) {
  const size = `${(p.bytes / p.docs / 1024).toFixed(1)} KB/doc`;
  process.stdout.write(
    `  ${name.padEnd(36)} ${perSecond(p).toFixed(0).padStart(7)} docs/s ${rate(p.bytes, p.ms).toFixed(1).padStart(7)} MB/s   peak RSS ${p.maxRssMB.toFixed(0).padStart(4)} MB   (${p.docs} docs, ${size})\n`,
  );
}
process.stdout.write(
  `\nratios\n  HTML ingest / Readability alone: ${(perSecond(html) / perSecond(readability)).toFixed(2)}x (ingest also reads metadata and cleans)\n`,
);

// analyze(): the whole core on ~4 KB documents of the same corpus, beside compromise's people,
// places and organisations (the baseline) on a smaller prefix: compromise is much slower.
const analyzeMb = Number(values["analyze-mb"]);
const dossierAnalyze = runScript("./analyze-run.ts", [
  "dossier",
  corpus,
  String(analyzeMb * MB),
]) as DocPhase;
const compromise = runScript("./analyze-run.ts", [
  "compromise",
  corpus,
  String(Math.max(1, analyzeMb / 4) * MB),
]) as DocPhase;
process.stdout.write("\nanalyze() throughput (single thread, ~4 KB documents)\n");
for (const [name, p] of [
  ["analyze() (dossier)", dossierAnalyze],
  ["compromise people/places/orgs", compromise],
] as const) {
  process.stdout.write(
    `  ${name.padEnd(32)} ${rate(p.bytes, p.ms).toFixed(1).padStart(7)} MB/s ${perSecond(p).toFixed(0).padStart(7)} docs/s   peak RSS ${p.maxRssMB.toFixed(0).padStart(4)} MB   (${(p.bytes / MB).toFixed(1)} MB)\n`,
  );
}
process.stdout.write(
  `\nratios\n  analyze() / compromise: ${(rate(dossierAnalyze.bytes, dossierAnalyze.ms) / rate(compromise.bytes, compromise.ms)).toFixed(1)}x\n`,
);

// compare(): two 200-provision statements; and one statement against 50 earlier ones
// (10,000 provisions) through the inverted index, beside the naive all-pairs similarity.
interface ComparePhase {
  phase: string;
  ms: number;
  provisions: number;
  maxRssMB: number;
}
const pairRun = runScript("./compare-run.ts", ["pair"]) as unknown as ComparePhase;
const nearestRun = runScript("./compare-run.ts", ["nearest"]) as unknown as ComparePhase;
const naiveRun = runScript("./compare-run.ts", ["naive"]) as unknown as ComparePhase;
process.stdout.write("\ncompare\n");
process.stdout.write(
  `  two 200-provision statements        ${pairRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${pairRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `  nearest of 50 statements (10,000 provisions), inverted index ${nearestRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${nearestRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `  nearest, naive all pairs            ${naiveRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${naiveRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `\nratios\n  nearest: index / naive all pairs: ${(naiveRun.ms / nearestRun.ms).toFixed(1)}x faster\n`,
);

// store: SQLite ingest and search on 5,000 generated documents (analysis outside the timing).
interface StorePhase {
  docs: number;
  ingestMs: number;
  searchMs: number;
  ftsCountMs: number;
  likeCountMs: number;
  maxRssMB: number;
}
const storeRun = runScript("./store-run.ts", ["5000"]) as unknown as StorePhase;
process.stdout.write("\nstore (SQLite, 5,000 documents)\n");
process.stdout.write(
  `  ingest (batches of 200, one transaction each)  ${(storeRun.docs / (storeRun.ingestMs / 1000)).toFixed(0)} docs/s\n`,
);
process.stdout.write(
  `  search (match, rank, snippets, facets)        ${(storeRun.searchMs / 200).toFixed(1)} ms/query\n`,
);
process.stdout.write(
  `  matching only: FTS5 ${(storeRun.ftsCountMs / 200).toFixed(2)} ms vs LIKE scan ${(storeRun.likeCountMs / 200).toFixed(2)} ms per query   peak RSS ${storeRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `\nratios\n  matching: FTS5 / LIKE scan: ${(storeRun.likeCountMs / storeRun.ftsCountMs).toFixed(1)}x faster\n`,
);
