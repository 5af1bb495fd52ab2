/**
 * How HTML extraction grows with the page: `tsx bench/html-growth.ts [--max N]`.
 * Hostile shapes (one block of N inline spans, N nested elements, N line breaks, N table cells,
 * N paragraphs, N scripts between paragraphs) at N = 10,000 doubling to `--max` (160,000), each
 * through `readHtml` in a process of its own (CPU time after a warm-up, and peak RSS: a long-lived
 * heap would tax the later sizes); then the whole `dossier clean` process on 100,000 spans, best
 * of 3, as a user runs it. Linear growth doubles the time per doubling of the page (×2.0); the
 * quadratic text building this guards against showed ×3 to ×8.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readHtml } from "../dist/ingest/html.js";

const { values, positionals } = parseArgs({
  options: { max: { type: "string", default: "160000" }, one: { type: "string" } },
  allowPositionals: true,
});
const max = Number(values.max);

const SHAPES: Record<string, (n: number) => string> = {
  "inline spans": (n) => `<article>${"<span>Hanoi</span>".repeat(n)}</article>`,
  "nested divs": (n) => `${"<div>".repeat(n)}Hanoi${"</div>".repeat(n)}`,
  "line breaks": (n) => `<article><p>${"Hanoi <br> ".repeat(n)}</p></article>`,
  "table cells": (n) => `<table><tr>${"<td>Hanoi</td>".repeat(n)}</tr></table>`,
  paragraphs: (n) => `<article>${"<p>Hanoi is a city.</p>".repeat(n)}</article>`,
  "scripts and styles": (n) =>
    `<article>${"<script>var a='<p>';</script><style>p{}</style><p>Hue</p>".repeat(n / 2)}</article>`,
};

/** One shape at one size, in this process: `--one <shape> <n>` prints { ms, rssMB }. */
function measureHere(shape: string, n: number): void {
  const page = SHAPES[shape];
  if (!page) throw new Error(`no shape ${shape}`);
  readHtml(page(2000)); // warm up the JIT outside the timing
  const html = page(n);
  const t0 = process.cpuUsage();
  readHtml(html);
  const { user, system } = process.cpuUsage(t0);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms: (user + system) / 1000, rssMB })}\n`);
}

const self = new URL(import.meta.url).pathname;
function measure(shape: string, n: number): { ms: number; rssMB: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--one", shape, String(n)], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${shape} ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string);
}

if (values.one !== undefined) {
  measureHere(values.one, Number(positionals[0]));
  process.exit(0);
}

process.stdout.write(
  "\nHTML extraction as the page doubles (readHtml, CPU ms, each in its own process; ×: growth per doubling)\n",
);
const sizes: number[] = [];
for (let n = 10_000; n <= max; n *= 2) sizes.push(n);
process.stdout.write(
  `  ${"shape".padEnd(20)}${sizes.map((n) => `${n / 1000}k`.padStart(14)).join("")}   worst ×   peak RSS\n`,
);
for (const name of Object.keys(SHAPES)) {
  const runs = sizes.map((n) => measure(name, n));
  const ms = runs.map((r) => r.ms);
  const growth = ms.slice(1).map((m, i) => m / (ms[i] as number));
  const cells = ms.map((m, i) => {
    const g = i === 0 ? "" : ` ×${(growth[i - 1] as number).toFixed(1)}`;
    return `${m.toFixed(0)}${g}`.padStart(14);
  });
  const rss = Math.max(...runs.map((r) => r.rssMB));
  process.stdout.write(
    `  ${name.padEnd(20)}${cells.join("")}   ×${Math.max(...growth)
      .toFixed(1)
      .padEnd(6)}  ${rss.toFixed(0)} MB\n`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "dossier-html-growth-"));
try {
  const page = join(dir, "spans.html");
  writeFileSync(page, SHAPES["inline spans"]?.(100_000) ?? "");
  const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
  const runs = [0, 1, 2].map(() => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, "clean", page, "--format", "json"], {
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`dossier clean failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  });
  const best = Math.min(...runs);
  process.stdout.write(
    `  \`dossier clean\` of 100,000 spans (whole process, best of 3): ${best.toFixed(0)} ms   bar < 2,000 ms ${best < 2000 ? "met" : "NOT MET"}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
