/**
 * Linear growth, as a user meets it: `tsx bench/cli-growth.ts [--max-mb 16] [--runs 3]`.
 * One text file of 1 MiB doubling to `--max-mb` (prefixes of the generated corpus, cut at a
 * paragraph break), each through `dossier places` and `dossier analyze` as whole processes
 * (output to /dev/null); reports each size's wall time (min / median / max), CPU time and peak
 * RSS, and each doubling's ratio of median wall and of CPU time (the bar is judged on CPU time,
 * which other processes on the machine do not inflate). Linear work doubles the time
 * (×2.0, less while start-up dominates); the bar is ≤ ×2.3 per doubling. The quadratic overlap
 * filter this guards against took ×6 from 8 to 16 MiB.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./corpus.js";
import { MB, repeat, runWhole, type Summary, seconds } from "./whole.js";

const { values } = parseArgs({
  options: {
    "max-mb": { type: "string", default: "16" },
    runs: { type: "string", default: "3" },
    commands: { type: "string", default: "places,analyze" },
  },
});
const maxMb = Number(values["max-mb"]);
const runs = Number(values.runs);
const corpus = new URL(`./.cache/geo-corpus-${maxMb}mb-units.txt`, import.meta.url).pathname;
generateCorpus(corpus, maxMb * MB + MB);

/** The corpus's first `bytes`, cut back to the last paragraph break. */
function prefix(bytes: number): Buffer {
  const fd = openSync(corpus, "r");
  const buf = Buffer.alloc(bytes);
  const n = readSync(fd, buf, 0, bytes, 0);
  closeSync(fd);
  return buf.subarray(0, buf.lastIndexOf("\n\n", n) + 2);
}

const dir = mkdtempSync(join(tmpdir(), "dossier-growth-"));
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const sizes: number[] = [];
for (let mb = 1; mb <= maxMb; mb *= 2) sizes.push(mb);
let worst = 0;
try {
  const files = sizes.map((mb) => {
    const path = join(dir, `${mb}.txt`);
    writeFileSync(path, prefix(mb * MB));
    return path;
  });
  process.stdout.write(
    `\ngrowth: one file doubling from 1 to ${maxMb} MiB, whole processes, ${runs} run(s) each\n`,
  );
  for (const command of values.commands.split(",")) {
    let previous: Summary | null = null;
    for (const [i, mb] of sizes.entries()) {
      const s = repeat(runs, () => runWhole(process.execPath, [cli, command, files[i] as string]));
      const wallRatio = previous ? s.median / previous.median : Number.NaN;
      const cpuRatio = previous ? s.cpuMs / previous.cpuMs : Number.NaN;
      // Judged on CPU time when known: on a shared machine, wall time also measures the neighbours.
      if (previous) worst = Math.max(worst, Number.isNaN(cpuRatio) ? wallRatio : cpuRatio);
      const ratio = previous ? `×${wallRatio.toFixed(2)} wall, ×${cpuRatio.toFixed(2)} CPU` : "";
      process.stdout.write(
        `  dossier ${command.padEnd(8)} ${String(mb).padStart(3)} MiB   ${seconds(s)}   CPU ${(s.cpuMs / 1000).toFixed(2)} s   peak RSS ${s.maxRssMB.toFixed(0).padStart(4)} MB   ${ratio}\n`,
      );
      previous = s;
    }
  }
  process.stdout.write(
    `  worst doubling: ×${worst.toFixed(2)} (CPU time where measured; bar ≤ ×2.3: ${worst <= 2.3 ? "met" : "NOT MET"})\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
