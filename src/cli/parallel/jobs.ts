import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { parseInteger } from "../options.js";

/**
 * At most four: each worker costs CPU to start (it reads the matchers) and about 100 MB of
 * memory, and this thread, reading and writing for all of them, has its own limit. None below
 * four CPUs: on two, one worker beside this thread (which also takes documents when the worker
 * has two waiting) made `places` on 64 MB 12% sooner and `analyze` on 20 MB 23% sooner, for
 * 23–38% more CPU and 90–110 MB more memory (peak 358 and 381 MB, near issue 15's 400 MB bound;
 * 2026-12-03); `--jobs 2` still asks for it.
 */
const cpus = availableParallelism();
export const DEFAULT_JOBS = cpus < 4 ? 1 : Math.min(4, cpus);

export function addJobsOption(command: Command): Command {
  return command.option(
    "-j, --jobs <n>",
    `threads at work: this one reads and writes, the others (worker threads, started when the input is large enough) analyse; 1: this thread alone (default: the CPUs from 4 on, at most 4; 1 below 4; here ${DEFAULT_JOBS})`,
    parseInteger(1, 64),
    DEFAULT_JOBS,
  );
}
