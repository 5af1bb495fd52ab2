/**
 * `npm run bench`: geoparsing throughput on a generated corpus (≥ 100 MB), beside two
 * baselines measured in the same run — one Unicode RegExp alternation over the same names with
 * word bounds, and `LC_ALL=C grep -o -F -f <names>` — reported as ratios, with each phase's peak RSS.
 * Then ingest throughput: plain-text pages (whole pipeline vs decode+split) and HTML pages
 * (whole pipeline, extraction alone, and @mozilla/readability alone as the baseline).
 * Then analyze(), compare(), and the store: `dossier ingest` into SQLite (documents/s with the
 * analysis) and 20 typical searches (p50/p95; the first of a new process), beside a raw INSERT,
 * a plain FTS5 table and LIKE scans (bench/store-run.ts), and `dossier search` as a whole process
 * beside the sqlite3 shell (bench/search-cli.ts).
 * Then the same folder into PostgreSQL (bench/postgres.ts): ingest with one process and with
 * two sharing the work, and the same searches.
 * Then how HTML extraction grows as hostile pages double (bench/html-growth.ts) and a short load
 * test of `dossier serve` on loopback (bench/load.ts); then what users run as whole processes
 * (bench/cli-run.ts: places on a 64 MB folder beside grep, a gi alternation and cat; analyze on
 * 20 MB; cold start beside node -e 0) and one file doubling from 1 to 16 MiB (bench/cli-growth.ts);
 * each also runs alone with tsx.
 * Options: --mb N (corpus size, default 100), --regex-mb N (bytes the slow RegExp baseline
 * reads, default 4; its MB/s is a rate, so a prefix measures it fairly), --text-docs N
 * (default 5000), --html-docs N (default 300), --analyze-mb N (default 8), --store-docs N
 * (generated news articles the store phase ingests and searches, default 100000),
 * --html-max N (largest page of the growth test, default 160000), --load-clients N,M,… and
 * --load-seconds N (default 1,8,50 and 10), --cli-runs N (runs of each whole-process measure, default 3).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stripDiacritics } from "../dist/index.js";
import { generateCorpus, generateNewsFolder } from "./corpus.js";
import { placeNames, unitNames } from "./names.js";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "100" },
    "regex-mb": { type: "string", default: "4" },
    "text-docs": { type: "string", default: "5000" },
    "html-docs": { type: "string", default: "300" },
    "analyze-mb": { type: "string", default: "8" },
    "store-docs": { type: "string", default: "100000" },
    "html-max": { type: "string", default: "160000" },
    "load-clients": { type: "string", default: "1,8,50" },
    "load-seconds": { type: "string", default: "10" },
    "cli-runs": { type: "string", default: "3" },
  },
});
const MB = 1024 * 1024;
const target = Number(values.mb) * MB;
// "-units": the corpus names districts and communes too (issue 14); a new name, so that a
// cached corpus of provinces and places only is not reused.
const corpus = new URL(`./.cache/geo-corpus-${values.mb}mb-units.txt`, import.meta.url).pathname;

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
for (const n of [...placeNames(), ...unitNames()]) forms.add(n).add(stripDiacritics(n));
writeFileSync(namesFile, `${[...forms].join("\n")}\n`);
const g0 = process.hrtime.bigint();
// The C locale: grep's byte path (under a UTF-8 locale, -i takes its multibyte path, ~20x slower).
// -o and a count of the lines it prints: every match, as findPlaces counts mentions.
const grep = spawnSync("sh", ["-c", `grep -o -F -f '${namesFile}' '${corpus}' | wc -l`], {
  encoding: "utf8",
  env: { ...process.env, LC_ALL: "C" },
});
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
    "literal gi alternation",
    `${regexRate.toFixed(1)} MB/s`,
    `${regex.matches} matches in ${(regex.bytes / MB).toFixed(0)} MB`,
    `${regex.maxRssMB.toFixed(0)} MB`,
  ],
];
let grepRate = Number.NaN;
if (grep.error || (grep.status !== 0 && grep.status !== 1)) {
  rows.push([
    "LC_ALL=C grep -o -F -f names",
    "unavailable",
    String(grep.error ?? grep.stderr).trim(),
    "-",
  ]);
} else {
  grepRate = rate(dossier.bytes, grepMs);
  rows.push([
    "LC_ALL=C grep -o -F -f names",
    `${grepRate.toFixed(1)} MB/s`,
    `${grep.stdout.trim()} matches (case as written) in ${(dossier.bytes / MB).toFixed(0)} MB (wall time)`,
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
  `\nratios\n  findPlaces / gi alternation:   ${(dossierRate / regexRate).toFixed(1)}x\n`,
);
if (Number.isFinite(grepRate))
  process.stdout.write(`  findPlaces / grep -o -F:   ${(dossierRate / grepRate).toFixed(2)}x\n`);

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

// compare(): two 150-provision statements in-process (the issue's bar: under 1 s); the same two
// as files through `dossier compare` (a whole process, as a user runs it) beside `diff -u`, what
// a reader would run on two texts instead; and one statement against 50 earlier ones (10,000
// provisions) through the inverted index, beside every pair scored as compare() scores them.
interface ComparePhase {
  phase: string;
  ms: number;
  provisions: number;
  maxRssMB: number;
  found?: unknown;
}
const pairRun = runScript("./compare-run.ts", ["pair"]) as unknown as ComparePhase;
const scaleRun = runScript("./compare-run.ts", ["scale"]) as unknown as ComparePhase;
const nearestRun = runScript("./compare-run.ts", ["nearest"]) as unknown as ComparePhase;
const naiveRun = runScript("./compare-run.ts", ["naive"]) as unknown as ComparePhase;
const statements = mkdtempSync(join(tmpdir(), "dossier-compare-"));
runScript("./compare-run.ts", ["write", statements]);
const timed = (command: string, args: string[]) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return ms;
};
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const a = join(statements, "a.txt");
const b = join(statements, "b.txt");
const cliMs = Math.min(
  ...[0, 1, 2].map(() => timed(process.execPath, [cli, "compare", a, b, "--format", "json"])),
);
const diffMs = Math.min(...[0, 1, 2].map(() => timed("diff", ["-u", a, b])));
rmSync(statements, { recursive: true, force: true });
process.stdout.write("\ncompare\n");
process.stdout.write(
  `  two 150-provision statements, compare()      ${pairRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${pairRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `  the same, \`dossier compare --format json\`   ${cliMs.toFixed(0).padStart(7)} ms   (whole process, best of 3)\n`,
);
process.stdout.write(
  `  two 1,000-provision statements, compare()  ${scaleRun.ms.toFixed(0).padStart(7)} ms   CPU ${((scaleRun.found as { cpuMs?: number } | undefined)?.cpuMs ?? Number.NaN).toFixed(0)} ms   peak RSS ${scaleRun.maxRssMB.toFixed(0)} MB   (bar: under 2 s ${scaleRun.ms < 2000 ? "met" : "NOT MET"})\n`,
);
process.stdout.write(
  `  the same, \`diff -u\` (baseline)              ${diffMs.toFixed(0).padStart(7)} ms\n`,
);
process.stdout.write(
  `  nearest of 50 statements (10,000 provisions), inverted index ${nearestRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${nearestRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `  nearest, every pair scored          ${naiveRun.ms.toFixed(0).padStart(7)} ms   peak RSS ${naiveRun.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `\nratios\n  dossier compare / diff -u: ${(cliMs / diffMs).toFixed(0)}x the time (diff aligns lines; compare aligns commitments)\n`,
);
process.stdout.write(
  `  nearest: index / every pair scored: ${(naiveRun.ms / nearestRun.ms).toFixed(1)}x faster\n`,
);

// store: `dossier ingest` into SQLite and search, on generated news articles (100,000 by default,
// kept in bench/.cache), each step beside its floor in the same run: the raw text INSERTed
// without analysis, and a LIKE '%…%' scan of it.
interface StoreIngest extends Phase {
  docs: number;
  dbBytes: number;
}
interface StoreSearch {
  queries: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  maxRssMB: number;
  perQuery: { name: string; ms: number; total: number }[];
  /** The search phase only: open the store and answer the first query, in a new process. */
  firstMs?: number;
}
const storeDocs = Number(values["store-docs"]);
const news = new URL(`./.cache/store-news-v3-${storeDocs}`, import.meta.url).pathname;
const n0 = Date.now();
generateNewsFolder(news, storeDocs);
process.stdout.write(
  `\nstore corpus: ${news} (${storeDocs} files, generated or reused in ${((Date.now() - n0) / 1000).toFixed(1)} s)\n`,
);
const dbDir = mkdtempSync(join(tmpdir(), "dossier-bench-store-"));
let storeIngest: StoreIngest;
let rawIngest: StoreIngest;
let ftsIngest: StoreIngest;
let storeSearch: StoreSearch;
let likeSearch: StoreSearch;
let ftsSearch: StoreSearch;
/** `dossier search` and the sqlite3 shell, whole processes (bench/search-cli.ts). */
interface SearchCli {
  skipped?: string;
  rows?: { q: string; dossier: { wallMs: number }; sqlite3: { wallMs: number } }[];
}
let searchCli: SearchCli;
/** `dossier serve` started on the library, its first queries over HTTP (bench/server-first.ts). */
interface ServerFirst {
  readyMs: number;
  queries: { q: string; ms: number }[];
}
let serverFirst: ServerFirst;
try {
  const db = join(dbDir, "dossier.db");
  const raw = join(dbDir, "raw.db");
  storeIngest = runScript("./store-run.ts", ["ingest", news, db]) as StoreIngest;
  rawIngest = runScript("./store-run.ts", ["baseline-ingest", news, raw]) as StoreIngest;
  ftsIngest = runScript("./store-run.ts", [
    "baseline-fts-ingest",
    news,
    join(dbDir, "fts.db"),
  ]) as StoreIngest;
  storeSearch = runScript("./store-run.ts", ["search", db]) as unknown as StoreSearch;
  likeSearch = runScript("./store-run.ts", ["baseline-search", raw]) as unknown as StoreSearch;
  ftsSearch = runScript("./store-run.ts", ["baseline-fts", db]) as unknown as StoreSearch;
  searchCli = runScript("./search-cli.ts", [
    db,
    String(values["cli-runs"]),
  ]) as unknown as SearchCli;
  serverFirst = runScript("./server-first.ts", [
    db,
    String(values["cli-runs"]),
  ]) as unknown as ServerFirst;
} finally {
  rmSync(dbDir, { recursive: true, force: true });
}
const docsPerSecond = (p: StoreIngest) => p.docs / (p.ms / 1000);
const bar = (ok: boolean) => (ok ? "met" : "NOT MET");
const kb = storeIngest.bytes / storeIngest.docs / 1024;
process.stdout.write(
  `\nstore (SQLite, ${storeIngest.docs} generated news articles, ${kb.toFixed(1)} KB each on average)\n`,
);
process.stdout.write(
  `  dossier ingest (read, clean, analyze, store: FTS5, facets), batches of 500   ${docsPerSecond(storeIngest).toFixed(0).padStart(6)} docs/s   peak RSS ${storeIngest.maxRssMB.toFixed(0)} MB   (${(storeIngest.ms / 1000).toFixed(1)} s, database ${(storeIngest.dbBytes / MB).toFixed(0)} MB)\n`,
);
process.stdout.write(
  `  baseline: raw text INSERT, no analysis, batches of 500                      ${docsPerSecond(rawIngest).toFixed(0).padStart(6)} docs/s   peak RSS ${rawIngest.maxRssMB.toFixed(0)} MB\n`,
);
process.stdout.write(
  `  baseline: the same files into a plain FTS5 table, batches of 500           ${docsPerSecond(ftsIngest).toFixed(0).padStart(6)} docs/s   peak RSS ${ftsIngest.maxRssMB.toFixed(0)} MB   (${(ftsIngest.ms / 1000).toFixed(1)} s, database ${(ftsIngest.dbBytes / MB).toFixed(0)} MB)\n`,
);
const latency = (s: StoreSearch) =>
  `p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   max ${s.max.toFixed(1)} ms   peak RSS ${s.maxRssMB.toFixed(0)} MB`;
process.stdout.write(
  `  search, ${storeSearch.queries} typical queries (match, ranking rules, bm25, snippets, 8 facets), ${storeSearch.samples} timed   ${latency(storeSearch)}\n`,
);
process.stdout.write(
  `  first search of a new process, as \`dossier search\` does (open, load the facet index, answer "Đà Nẵng")  ${(storeSearch.firstMs ?? Number.NaN).toFixed(0)} ms\n`,
);
const firstQuery = serverFirst.queries[0];
process.stdout.write(
  `  \`dossier serve\` started (median of ${values["cli-runs"]}): ready after ${serverFirst.readyMs.toFixed(0)} ms; first queries over HTTP ${serverFirst.queries.map((q) => `${JSON.stringify(q.q)} ${q.ms.toFixed(0)} ms`).join(", ")} (bar: the first ≤ 150 ms ${bar((firstQuery?.ms ?? Number.POSITIVE_INFINITY) <= 150)})\n`,
);
process.stdout.write(
  `  baseline: the plain FTS5 query (count, best 20 by bm25), ${ftsSearch.samples} timed   ${latency(ftsSearch)}\n`,
);
process.stdout.write(
  `  baseline: LIKE '%…%' scans of the raw text (count, first 20), ${likeSearch.samples} timed  ${latency(likeSearch)}\n`,
);
if (searchCli.skipped)
  process.stdout.write(`  dossier search beside the sqlite3 shell: ${searchCli.skipped}\n`);
for (const row of searchCli.rows ?? []) {
  const ratio = row.dossier.wallMs / row.sqlite3.wallMs;
  process.stdout.write(
    `  \`dossier search ${JSON.stringify(row.q)}\` whole process ${row.dossier.wallMs.toFixed(0)} ms, the sqlite3 shell on the same FTS5 query ${row.sqlite3.wallMs.toFixed(0)} ms: ${ratio.toFixed(1)}x (bar 3x ${bar(ratio <= 3)})\n`,
  );
}
process.stdout.write("  per query (median ms, matching documents): dossier | plain FTS5 | LIKE\n");
storeSearch.perQuery.forEach((q, i) => {
  const like = likeSearch.perQuery[i];
  const fts = ftsSearch.perQuery[i];
  process.stdout.write(
    `    ${q.name.padEnd(22)} ${q.ms.toFixed(1).padStart(6)} ms ${String(q.total).padStart(7)} | ${(fts?.ms ?? Number.NaN).toFixed(1).padStart(6)} ms ${String(fts?.total ?? "").padStart(7)} | ${(like?.ms ?? Number.NaN).toFixed(1).padStart(6)} ms ${String(like?.total ?? "").padStart(7)}\n`,
  );
});
process.stdout.write(
  `\nratios\n  ingest with analysis / raw INSERT: ${(docsPerSecond(storeIngest) / docsPerSecond(rawIngest)).toFixed(3)}x\n  ingest wall time / plain FTS5 ingest: ${(storeIngest.ms / ftsIngest.ms).toFixed(1)}x (bar 3x ${bar(storeIngest.ms <= 3 * ftsIngest.ms)}); database / plain FTS5 store: ${(storeIngest.dbBytes / ftsIngest.dbBytes).toFixed(1)}x (bar 2.5x ${bar(storeIngest.dbBytes <= 2.5 * ftsIngest.dbBytes)})\n  search / LIKE scan: ${(likeSearch.p50 / storeSearch.p50).toFixed(1)}x faster at p50, ${(likeSearch.p95 / storeSearch.p95).toFixed(1)}x at p95\n`,
);
process.stdout.write(
  `  bars: ingest >= 1,000 docs/s ${bar(docsPerSecond(storeIngest) >= 1000)}; search p95 <= 50 ms ${bar(storeSearch.p95 <= 50)}; peak RSS < 1 GB ${bar(Math.max(storeIngest.maxRssMB, storeSearch.maxRssMB) < 1024)}\n`,
);

// Hostile HTML as it doubles, and 50 clients on `dossier serve`: each prints its own report.
const runReport = (script: string, args: string[]): void => {
  const path = new URL(script, import.meta.url).pathname;
  const r = spawnSync(process.execPath, ["--import", "tsx", path, ...args], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status})`);
};
// The same folder into PostgreSQL: one process, then two sharing the work; its searches.
runReport("./postgres.ts", [news, "--sqlite-docs-per-s", String(docsPerSecond(storeIngest))]);
runReport("./html-growth.ts", ["--max", String(values["html-max"])]);
// What users run, whole processes beside grep, a gi alternation, cat and node -e 0; then one file
// doubling from 1 to 16 MiB through places and analyze.
runReport("./cli-run.ts", ["--runs", String(values["cli-runs"])]);
runReport("./cli-growth.ts", ["--runs", String(values["cli-runs"])]);
runReport("./load.ts", [
  "--clients",
  String(values["load-clients"]),
  "--seconds",
  String(values["load-seconds"]),
]);
