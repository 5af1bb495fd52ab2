import { availableParallelism } from "node:os";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Piscina } from "piscina";
import { HttpError, sendError } from "./errors.js";
import type { Task, TaskResult } from "./work.js";

export interface HeavyOptions {
  /** Worker threads for heavy work; default: the machine's cores, 1 to 4. */
  threads?: number;
  /** Heavy requests (uploads, /analyze, /compare) in flight at once; past it, 429. Default 8. */
  maxInFlight?: number;
  /** How long one task may run before it is stopped (503 E_TIME_LIMIT); default 60 s. */
  timeoutMs?: number;
  /** Heap one worker may use, in MB, before its task is refused (413); default 2048. */
  maxMemoryMb?: number;
}

export const HEAVY_DEFAULTS = {
  threads: Math.max(1, Math.min(4, availableParallelism())),
  maxInFlight: 8,
  timeoutMs: 60_000,
  maxMemoryMb: 2048,
} satisfies Required<HeavyOptions>;

/**
 * The entry of a worker module of this folder (`work`, `read-work`): the compiled module, or
 * under tsx/vitest the `-ts.mjs` entry beside it, which loads the sources through tsx.
 */
export function workerEntry(name: string): string {
  const ts = import.meta.url.endsWith(".ts");
  return new URL(ts ? `./${name}-ts.mjs` : `./${name}.js`, import.meta.url).href;
}

/**
 * Heavy work off the event loop, bounded: a pool of worker threads (piscina) runs ingest,
 * analysis and comparison, so `/health` and searches answer while they run. Bounds:
 * - requests in flight (`admit`, before the body is read): more is a 429 with Retry-After;
 * - time per task: a task still running after `timeoutMs` is stopped with its worker (503);
 * - memory per worker: a task that needs more is stopped with its worker (413);
 * - a client that goes away stops its task.
 */
export class HeavyWork {
  private readonly pool: Piscina;
  private readonly options: Required<HeavyOptions>;
  private inFlight = 0;

  constructor(options: HeavyOptions = {}) {
    this.options = { ...HEAVY_DEFAULTS, ...options };
    const { threads, maxInFlight, maxMemoryMb } = this.options;
    this.pool = new Piscina({
      filename: workerEntry("work"),
      minThreads: 0,
      maxThreads: threads,
      // Admission bounds the queue; this only keeps a bug from growing it without end.
      maxQueue: maxInFlight * 2,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    });
  }

  /**
   * An onRequest hook for heavy routes: counts the request in until its answer is sent (or
   * its connection is gone), and refuses it with a 429 when `maxInFlight` are in already.
   */
  admit = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (this.inFlight >= this.options.maxInFlight)
      return sendError(
        reply,
        "E_TOO_MANY_REQUESTS",
        `${this.inFlight} uploads, analyses or comparisons are being worked on, the most this server takes at once: try again shortly`,
      );
    this.inFlight++;
    let counted = true;
    // The response closes when it is sent, and when the client goes away first.
    reply.raw.once("close", () => {
      if (counted) this.inFlight--;
      counted = false;
    });
  };

  /** Runs `task` in a worker; a coded failure becomes an HttpError the error handler sends. */
  async run(task: Task, reply: FastifyReply): Promise<Exclude<TaskResult, { error: unknown }>> {
    const { timeoutMs, maxMemoryMb } = this.options;
    const timeout = AbortSignal.timeout(timeoutMs);
    const gone = new AbortController();
    // Closed before the answer was sent: the client went away, and its task is dropped.
    const onClose = () => {
      if (!reply.raw.writableFinished) gone.abort();
    };
    reply.raw.once("close", onClose);
    try {
      const result = (await this.pool.run(task, {
        signal: AbortSignal.any([timeout, gone.signal]),
      })) as TaskResult;
      if ("error" in result) throw new HttpError(result.error.code as never, result.error.message);
      return result;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      const e = error as Error & { code?: string };
      if (timeout.aborted)
        throw new HttpError(
          "E_TIME_LIMIT",
          `the ${task.kind === "compare" ? "comparison" : "analysis"} took more than ${timeoutMs / 1000} s and was stopped: send less text, or run \`dossier ${task.kind === "compare" ? "compare" : "analyze"}\` on the command line`,
        );
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
        throw new HttpError(
          "E_TOO_LARGE",
          `the ${task.kind === "compare" ? "comparison" : "analysis"} needed more than ${maxMemoryMb} MB of memory and was stopped: send less text, or use the command line`,
        );
      if (gone.signal.aborted)
        throw new HttpError("E_TIMEOUT", "the client closed the connection before the answer");
      if (e.message === "Task queue is at limit")
        throw new HttpError("E_TOO_MANY_REQUESTS", "too much work queued: try again shortly");
      throw error;
    } finally {
      reply.raw.removeListener("close", onClose);
    }
  }

  /** Stops the workers (tasks running are abandoned). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
