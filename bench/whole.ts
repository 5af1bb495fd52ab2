/**
 * Whole processes, measured as a user runs them: wall time, CPU time (user + system) and peak RSS
 * of one command, through GNU time (`/usr/bin/time -f`) when the machine has it, else wall time
 * alone. Output goes to /dev/null (or a file), so the pipe's reader never slows the command.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
}

const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

/** Runs `command args…` once; stdout to `stdoutPath` (default /dev/null). Throws if it fails. */
export function runWhole(
  command: string,
  args: string[],
  options: { stdoutPath?: string; env?: NodeJS.ProcessEnv; okStatus?: number[] } = {},
): Run {
  const stats = join(tmpdir(), `dossier-bench-time-${process.pid}.txt`);
  const out = openSync(options.stdoutPath ?? "/dev/null", "w");
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ["-o", stats, "-f", "%U %S %M", command, ...args], {
        stdio: ["ignore", out, "pipe"],
        env: options.env ?? process.env,
        encoding: "utf8",
      })
    : spawnSync(command, args, {
        stdio: ["ignore", out, "pipe"],
        env: options.env ?? process.env,
        encoding: "utf8",
      });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  const ok = options.okStatus ?? [0];
  if (r.error) throw r.error;
  if (!ok.includes(r.status ?? -1))
    throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  if (!hasTime) return { wallMs, cpuMs: Number.NaN, maxRssMB: Number.NaN };
  const [user, system, rssKB] =
    readFileSync(stats, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [];
  rmSync(stats, { force: true });
  return {
    wallMs,
    cpuMs: ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000,
    maxRssMB: (rssKB ?? Number.NaN) / 1024,
  };
}

/** A shell pipeline (`sh -c`), measured the same way: for baselines such as `grep … | wc -l`. */
export function runShell(script: string, env?: NodeJS.ProcessEnv): Run {
  return runWhole("sh", ["-c", script], { env });
}

export interface Summary {
  min: number;
  median: number;
  max: number;
  /** CPU time (user + system) of the median run by wall time. */
  cpuMs: number;
  /** The largest peak RSS over the runs. */
  maxRssMB: number;
}

/** `runs` runs of `f`, summarised: wall time min / median / max, and the worst peak RSS. */
export function repeat(runs: number, f: () => Run): Summary {
  const all = Array.from({ length: Math.max(1, runs) }, f).sort((a, b) => a.wallMs - b.wallMs);
  const mid = all[Math.floor((all.length - 1) / 2)] as Run;
  return {
    min: (all[0] as Run).wallMs,
    median: mid.wallMs,
    max: (all[all.length - 1] as Run).wallMs,
    cpuMs: mid.cpuMs,
    maxRssMB: Math.max(...all.map((r) => r.maxRssMB)),
  };
}

/** "1.23 / 1.30 / 1.41 s" */
export const seconds = (s: Summary): string =>
  `${(s.min / 1000).toFixed(2)} / ${(s.median / 1000).toFixed(2)} / ${(s.max / 1000).toFixed(2)} s`;

export const MB = 1024 * 1024;
/** MB/s at the median wall time. */
export const rateOf = (bytes: number, s: Summary): number => bytes / MB / (s.median / 1000);
