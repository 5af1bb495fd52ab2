import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { parseInteger } from "../options.js";

/**
 * At most four: each worker costs a second of CPU to start (it builds the matchers) and over
 * 100 MB of memory, and this thread, reading and writing for all of them, has its own limit.
 * None below four CPUs: on two, one worker beside this thread took 25–30% more CPU (a second
 * heap to collect, the matchers built twice) for `places` 12% sooner and `analyze` no sooner
 * (64 MB and 20 MB folders, 2026-12-03); `--jobs` still asks for them.
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
