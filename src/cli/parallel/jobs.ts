import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { parseInteger } from "../options.js";

/** Past four threads, the one writing the output in order is the bottleneck. */
export const DEFAULT_JOBS = Math.max(1, Math.min(4, availableParallelism()));

export function addJobsOption(command: Command): Command {
  return command.option(
    "-j, --jobs <n>",
    `documents worked on at once, in worker threads when the input is large enough (1: in this process only; default: the CPUs, at most 4, here ${DEFAULT_JOBS})`,
    parseInteger(1, 64),
    DEFAULT_JOBS,
  );
}
