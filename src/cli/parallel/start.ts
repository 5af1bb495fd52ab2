import { type InputOptions, readInputs, regularFiles } from "../inputs.js";
import { InOrder, type InOrderHooks, PARALLEL_FROM_BYTES } from "./in-order.js";
import type { CommandTask } from "./task.js";

/**
 * Worker threads for a command's documents when they can pay for themselves: `--jobs` above 1,
 * two files or more, and `PARALLEL_FROM_BYTES` of them; otherwise null, and the command works
 * in its own thread. Standard input and pipes are read as they come, in this thread.
 */
export async function inOrderIfWorthIt<R>(
  inputs: string[],
  options: InputOptions & { jobs: number },
  task: CommandTask,
  hooks: InOrderHooks<R>,
): Promise<InOrder<R> | null> {
  if (options.jobs <= 1 || inputs.length === 0) return null;
  // Under tsx (tests of the sources) there is no compiled worker to start.
  if (import.meta.url.endsWith(".ts")) return null;
  const { files, bytes } = regularFiles(inputs, options);
  if (files < 2 || bytes < PARALLEL_FROM_BYTES) return null;
  return InOrder.start(options.jobs, task, hooks);
}

/**
 * Reads the inputs (`readInputs`) for `task.command`: each document to the workers when
 * `inOrderIfWorthIt` starts them, else to `hooks.own` in this thread; returns once the last
 * output is written, with the exit status.
 */
export async function readInOrder<R>(
  inputs: string[],
  options: InputOptions & { jobs: number },
  task: CommandTask,
  hooks: InOrderHooks<R>,
): Promise<number> {
  const parallel = await inOrderIfWorthIt(inputs, options, task, hooks);
  const status = await readInputs(
    task.command,
    inputs,
    options,
    parallel ? (source, document) => parallel.add(source, document) : hooks.own,
    parallel?.report,
  );
  await parallel?.end();
  return status;
}
