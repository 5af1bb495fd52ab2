import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { parseInteger } from "../options.js";

/**
 * At most four: each worker costs a second of CPU to start (it builds the matchers) and over
 * 100 MB of memory, and this thread, reading and writing for all of them, has its own limit.
 */
export const DEFAULT_JOBS = Math.max(1, Math.min(4, availableParallelism()));

export function addJobsOption(command: Command): Command {
  return command.option(
    "-j, --jobs <n>",
    `threads at work: this one reads and writes, the others (worker threads, started when the input is large enough) analyse; 1: this thread alone (default: the CPUs, at most 4, here ${DEFAULT_JOBS})`,
    parseInteger(1, 64),
    DEFAULT_JOBS,
  );
}
