/**
 * The first queries after a server start, as a user meets them (issue 15: the first ≤ 150 ms):
 *   tsx bench/server-first.ts <db> [runs]
 * Each run starts `dossier serve` on the library, waits until it says it is running (it opens
 * the store and loads what searches need before it listens), then times "Đà Nẵng" (a known
 * name, thousands of matches at 100,000 documents) and "ASEAN" over HTTP, and stops it.
 * Prints one JSON line: the median time until ready and of each first query, in ms.
 */
import { spawn } from "node:child_process";

const [db, runsArg] = process.argv.slice(2) as [string, string | undefined];
const runs = Number(runsArg ?? 3);
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const QUERIES = ["Đà Nẵng", "ASEAN"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function once(): Promise<{ readyMs: number; queryMs: number[] }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const m = /running at (http:\/\/\S+?)\/? /.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.on("exit", (code) => reject(new Error(`dossier serve exited (${code}) before ready`)));
    });
    const readyMs = performance.now() - t0;
    const queryMs: number[] = [];
    for (const q of QUERIES) {
      const t = performance.now();
      const response = await fetch(`${base}/search?q=${encodeURIComponent(q)}`);
      if (!response.ok) throw new Error(`search ${q}: HTTP ${response.status}`);
      await response.json();
      queryMs.push(performance.now() - t);
    }
    return { readyMs, queryMs };
  } finally {
    child.kill("SIGTERM");
  }
}

const all: { readyMs: number; queryMs: number[] }[] = [];
for (let i = 0; i < runs; i++) all.push(await once());
process.stdout.write(
  `${JSON.stringify({
    readyMs: median(all.map((r) => r.readyMs)),
    queries: QUERIES.map((q, i) => ({ q, ms: median(all.map((r) => r.queryMs[i] as number)) })),
  })}\n`,
);
