/**
 * A short load test on loopback: `tsx bench/load.ts [--clients 1,8,50] [--seconds 10] [--docs 2000]`.
 * Ingests `--docs` generated news articles and the samples into a temporary database, starts
 * `dossier serve` on it (a process of its own, as a user runs it), then `--clients` concurrent
 * clients, each one request at a time for `--seconds`, cycle through GET /health, /search (a
 * dozen typical queries, some with facets) and /documents/:id. Reports requests per second,
 * p50/p95/p99/max latency per endpoint, failures, and the server's RSS each second: flat when
 * nothing leaks. Several client counts run one after the other on the same server, each
 * reported with its requests per second against the first's (issue 15: 8 clients should get
 * at least 1.6x the requests/s of one). Plain fetch rather than autocannon: autocannon reports
 * no p95 and mixes the endpoints into one histogram.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateNewsFolder } from "./corpus.js";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1,8,50" },
    seconds: { type: "string", default: "10" },
    docs: { type: "string", default: "2000" },
  },
});
const clientCounts = values.clients.split(",").map(Number);
const seconds = Number(values.seconds);
const docs = Number(values.docs);
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const samples = new URL("../samples", import.meta.url).pathname;

const QUERIES = [
  "q=Hà Nội",
  "q=port",
  "q=cooperation",
  "q=Đà Nẵng&limit=5",
  "q=investment AND trade",
  "q=flood*",
  "q=Mekong&province=92",
  "q=tourism&domain=energy",
  "entity=org:asean&from=2020-01-01",
  "q=ASEAN OR Japan",
  "q=rice exports",
  "q=infrastructure&offset=20",
  "limit=20",
].map((q) => `/search?${encodeURI(q)}`);

/** The server's resident set, in MB, from /proc (Linux); NaN elsewhere. */
function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Starts `dossier serve` on a free port; resolves to its base URL once it prints it. */
function serve(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [cli, "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (http:\/\/\S+?)\/? /.exec(out)?.[1];
      if (url) resolve({ child, base: url });
    });
    child.once("exit", (code) => reject(new Error(`dossier serve exited (${code}): ${out}`)));
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const dir = mkdtempSync(join(tmpdir(), "dossier-load-"));
let server: ChildProcess | undefined;
try {
  const db = join(dir, "load.db");
  const news = new URL(`./.cache/load-news-${docs}`, import.meta.url).pathname;
  generateNewsFolder(news, docs);
  const ingest = spawnSync(process.execPath, [cli, "ingest", news, samples, "--db", db], {
    encoding: "utf8",
  });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const started = await serve(db);
  server = started.child;
  const { base } = started;
  const pid = server.pid as number;
  const listed = (await (await fetch(`${base}/documents?limit=100`)).json()) as {
    total: number;
    results: { id: string }[];
  };
  const ids = listed.results.map((d) => d.id);
  const paths = (i: number): [string, string] => {
    const k = i % 3;
    if (k === 0) return ["/health", "/health"];
    if (k === 1) return ["/search", QUERIES[i % QUERIES.length] as string];
    return ["/documents/:id", `/documents/${ids[i % ids.length]}`];
  };

  /** `clients` clients for `seconds`: prints the report, returns the requests per second. */
  const measure = async (clients: number): Promise<number> => {
    const latencies = new Map<string, number[]>();
    const failures = new Map<string, number>();
    const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
    let total = 0;
    const rss: number[] = [rssMB(pid)];
    const sampler = setInterval(() => rss.push(rssMB(pid)), 1000);
    const end = performance.now() + seconds * 1000;
    const client = async (c: number): Promise<void> => {
      for (let i = c; performance.now() < end; i += clients) {
        const [endpoint, path] = paths(i);
        const t0 = performance.now();
        try {
          const r = await fetch(base + path);
          await r.arrayBuffer();
          if (!r.ok) fail(`${endpoint} ${r.status}`);
        } catch (error) {
          fail(`${endpoint} ${(error as Error).message}`);
        }
        const list = latencies.get(endpoint) ?? [];
        list.push(performance.now() - t0);
        latencies.set(endpoint, list);
        total++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    const elapsed = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    rss.push(rssMB(pid));

    process.stdout.write(
      `\nload on loopback: ${clients} clients for ${seconds} s, \`dossier serve\` on ${listed.total} documents\n`,
    );
    process.stdout.write(
      `  ${(total / elapsed).toFixed(0)} requests/s, ${total} requests, ${failures.size === 0 ? "none failed" : `failed: ${[...failures].map(([k, n]) => `${n} × ${k}`).join(", ")}`}\n`,
    );
    for (const [endpoint, list] of [
      ...latencies,
      ["all", [...latencies.values()].flat()] as const,
    ]) {
      const sorted = [...list].sort((a, b) => a - b);
      const ms = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
      process.stdout.write(
        `  ${endpoint.padEnd(16)} ${String(list.length).padStart(7)} req   p50 ${ms(50)} ms   p95 ${ms(95)} ms   p99 ${ms(99)} ms   max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1).padStart(7)} ms\n`,
      );
    }
    process.stdout.write(
      `  server RSS each second (MB): ${rss.map((r) => r.toFixed(0)).join(" ")}   (start ${rss[0]?.toFixed(0)}, end ${rss[rss.length - 1]?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)})\n`,
    );
    return total / elapsed;
  };
  const rates: number[] = [];
  for (const clients of clientCounts) {
    rates.push(await measure(clients));
    if (rates.length > 1) {
      const ratio = (rates[rates.length - 1] as number) / (rates[0] as number);
      const bar =
        clients === 8 && clientCounts[0] === 1
          ? ` (bar 1.6x: ${ratio >= 1.6 ? "met" : "NOT MET"})`
          : "";
      process.stdout.write(
        `  ${ratio.toFixed(2)}x the requests/s of ${clientCounts[0]} client(s)${bar}\n`,
      );
    }
  }
} finally {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
