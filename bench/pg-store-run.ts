/**
 * PostgreSQL store benchmark, one phase per process (so each peak RSS is its own). Prints one
 * JSON line. Until `dossier ingest` takes a PostgreSQL URL, ingest here is its steps without
 * the CLI: read, decode, clean (ingestPaths), analyze(), store.add() in batches of 500.
 *
 *   tsx bench/pg-store-run.ts ingest <folder> <url> [worker] [workers]   the files whose index
 *       in the sorted folder is `worker` modulo `workers` (default 0 of 1): start N at once
 *       for N ingest processes sharing the folder.
 *   tsx bench/pg-store-run.ts search <url>   QUERIES (bench/queries.ts) through store.search():
 *       one warm-up pass (the facet index loads), then ROUNDS timed passes.
 */
import { analyze } from "../src/analyze.js";
import { ingestPaths } from "../src/ingest/index.js";
import { walkPaths } from "../src/ingest/paths.js";
import { openPostgresStore } from "../src/store/postgres.js";
import type { StoredDocument } from "../src/store/types.js";
import { QUERIES } from "./queries.js";

const ROUNDS = 5;
const BATCH = 500;

const [phase, ...args] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const print = (o: object) =>
  process.stdout.write(`${JSON.stringify({ phase, ...o, maxRssMB: maxRssMB() })}\n`);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

if (phase === "ingest") {
  const [folder, url, worker = "0", workers = "1"] = args as [string, string, string?, string?];
  const all = [...walkPaths([folder])].filter((p): p is string => typeof p === "string").sort();
  const mine = all.filter((_, i) => i % Number(workers) === Number(worker));
  const store = await openPostgresStore(url);
  const t = now();
  let batch: StoredDocument[] = [];
  let added = 0;
  let storeMs = 0;
  const flush = async () => {
    const s = now();
    added += (await store.add(batch, `bench-${worker}`)).added;
    storeMs += now() - s;
    batch = [];
  };
  for (const item of ingestPaths(mine)) {
    if ("error" in item) continue;
    batch.push({ document: item.document, analysis: analyze(item.document) });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  const ms = now() - t;
  await store.close();
  print({
    worker,
    files: mine.length,
    added,
    ms,
    storeMs,
    docsPerSecond: (mine.length / ms) * 1000,
  });
} else if (phase === "search") {
  const store = await openPostgresStore(args[0] as string);
  const run = async (i: number) => (await store.search(QUERIES[i]?.query ?? {})).total;
  const totals: number[] = [];
  for (let i = 0; i < QUERIES.length; i++) totals.push(await run(i));
  const ms: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < QUERIES.length; i++) {
      const t = now();
      await run(i);
      const elapsed = now() - t;
      ms.push(elapsed);
      perQuery[i]?.push(elapsed);
    }
  }
  await store.close();
  print({
    queries: QUERIES.length,
    samples: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    perQuery: QUERIES.map((q, i) => ({
      name: q.name,
      ms: percentile(perQuery[i] as number[], 50),
      total: totals[i],
    })),
  });
} else {
  throw new Error(`unknown phase ${phase}: ingest | search`);
}
