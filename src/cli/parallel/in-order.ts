import type { Piscina } from "piscina";
import type { Document } from "../../ingest/types.js";
import { isSmall } from "../output.js";
import { type CommandTask, type DocumentTask, runTaskToBytes } from "./task.js";

/**
 * Below this many bytes of files, the command works in its own thread: each worker builds the
 * gazetteer and entity matchers again (about a second of CPU), which more input must repay.
 * DOSSIER_PARALLEL_FROM_BYTES sets another threshold (the tests use workers on small inputs).
 */
export const PARALLEL_FROM_BYTES = Number(process.env.DOSSIER_PARALLEL_FROM_BYTES ?? 4 << 20);

/** What a command does with each document's output, and its own way with a whole document. */
export interface InOrderHooks<R> {
  /** Writes one document's output, as a worker made it; called in input order. */
  take(output: R): Promise<void>;
  /**
   * Works on one document in this thread and writes its output: without workers, for a
   * document too large to come back as one string, and for one a worker failed on.
   */
  own(source: string, document: Document): Promise<void>;
}

type Entry<R> = { source: string; document: Document; output: Promise<R> } | { line: string };

/**
 * Documents worked on in `jobs - 1` worker threads, their outputs written in input order
 * as they come back, so the output is the same as the command's own path gives. At most
 * `4 × jobs` documents are in flight or waiting to be written: memory stays bounded.
 * Lines for standard error (a file that could not be read, a warning) keep their place among
 * the outputs.
 */
export class InOrder<R> {
  private readonly entries: Entry<R>[] = [];
  private readonly window: number;
  /** Documents sent to the workers and not yet back. */
  private atWorkers = 0;

  private constructor(
    private readonly pool: Piscina,
    private readonly jobs: number,
    private readonly task: CommandTask,
    private readonly hooks: InOrderHooks<R>,
  ) {
    this.window = 4 * jobs;
  }

  /**
   * Starts `jobs - 1` worker threads for `task`: this thread reads the files and writes the
   * output, and works on documents itself when the workers have enough waiting (for `places`
   * on 64 MB it was idle half the time before), so `--jobs 2` keeps two cores busy. Two
   * workers on two cores took 15% more CPU again (each builds the matchers, three heaps to
   * collect) for no shorter run.
   */
  static async start<R>(
    jobs: number,
    task: CommandTask,
    hooks: InOrderHooks<R>,
  ): Promise<InOrder<R>> {
    // Loaded here: a run without workers does not pay for loading piscina.
    const { Piscina } = await import("piscina");
    const workers = jobs - 1;
    const pool = new Piscina({
      filename: new URL("./worker.js", import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      // Every document in flight is sent to a worker at once, to wait in its queue: piscina's
      // own queue, here, would hand a worker its next document only when this thread, busy
      // reading the next files, turns to it.
      concurrentTasksPerWorker: 5,
      // V8 lets each heap grow far past what it holds before collecting it. Peak RSS with
      // two workers: `analyze` on 20 MB 585 MB without these limits, 357 MB with them; with
      // one worker, `places` on 64 MB 305-417 MB without, 289-297 MB with (and `analyze`
      // 343 against 259-269 MB), for about 0.5 s more CPU in the worker's collector. A worker
      // holds about 25 MB once its matchers are built; a document that needs more than the
      // limit fails there and is worked on again in this thread.
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 },
    });
    // A worker that ends (out of memory) fails its task, which `writeFirst` handles; the pool
    // reports it too, and an unheard error event would end the process.
    pool.on("error", () => {});
    return new InOrder<R>(pool, jobs, task, hooks);
  }

  /** Takes the next document; waits while `4 × jobs` are in flight. */
  async add(source: string, document: Document): Promise<void> {
    if (!isSmall(document.text)) {
      // Its output may be more than one string holds: written here, in pieces, in its turn.
      await this.drain();
      return this.hooks.own(source, document);
    }
    const task = { ...this.task, source, document } satisfies DocumentTask;
    let output: Promise<R>;
    if (this.atWorkers >= 2 * (this.jobs - 1)) {
      // The workers have documents waiting: this thread, which reads far faster than they
      // analyse and would only wait for them, works on this one (a failure here is handled
      // as a worker's is, in `writeFirst`).
      output = new Promise((resolve) => resolve(runTaskToBytes(task) as R));
    } else {
      this.atWorkers++;
      output = this.pool.run(task);
      const back = () => {
        this.atWorkers--;
      };
      output.then(back, back);
    }
    // Awaited in its turn; until then a failure must not count as unhandled.
    output.catch(() => {});
    this.entries.push({ source, document, output });
    while (this.entries.length > this.window) await this.writeFirst();
  }

  /** Writes `line` on standard error after the outputs of the documents before it. */
  report = (line: string): void => {
    if (this.entries.length === 0) process.stderr.write(line);
    else this.entries.push({ line });
  };

  /** Writes what is left and stops the workers. */
  async end(): Promise<void> {
    await this.drain();
    await this.pool.destroy();
  }

  private async drain(): Promise<void> {
    while (this.entries.length > 0) await this.writeFirst();
  }

  private async writeFirst(): Promise<void> {
    const entry = this.entries.shift() as Entry<R>;
    if ("line" in entry) {
      process.stderr.write(entry.line);
      return;
    }
    let output: R;
    try {
      output = await entry.output;
    } catch {
      // An error does not cross threads as it was thrown (its class and code are lost), and a
      // worker can fail on its own (memory): the document is worked on again here, where it
      // fails as it does without workers, or succeeds.
      return this.hooks.own(entry.source, entry.document);
    }
    await this.hooks.take(output);
  }
}
