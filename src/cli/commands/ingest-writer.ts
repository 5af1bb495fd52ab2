/**
 * `dossier ingest`'s writer: a worker thread with its own connection to the database that
 * stores the batches the main thread sends (`store.add`, one transaction each), so that reading
 * and analysing the next documents (main thread) and writing the last ones (here) run at once,
 * on two cores. `IngestWriter` is the main thread's side.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { DossierError, type ErrorCode, errorCodes } from "../../errors.js";
import { openStore } from "../../store/open.js";
import type { StoredDocument } from "../../store/types.js";

interface AddRequest {
  items: StoredDocument[];
  run: string;
}
type Reply =
  | { added: number; skipped: number }
  | { error: { message: string; code?: string; name?: string; input?: string } };

if (!isMainThread && parentPort && (workerData as { ingestWriter?: boolean })?.ingestWriter) {
  const port = parentPort;
  // Ingest processes on one SQLite library (`--workers`) wait their turn at its write lock, a
  // batch at a time: a wait of seconds is their normal work, not another program in the way.
  const opened = openStore((workerData as { db: string }).db, { busyTimeoutMs: 60_000 });
  // Batches are stored one after the other, in the order they came: the answers go back so.
  let queue: Promise<unknown> = Promise.resolve();
  const reply = (error: unknown) => {
    const e = error as Error & { code?: string; input?: string };
    port.postMessage({
      error: { message: e.message, code: e.code, name: e.name, input: e.input },
    } satisfies Reply);
  };
  port.on("message", (request: AddRequest | null) => {
    queue = queue.then(async () => {
      if (request === null) {
        await (await opened.catch(() => null))?.close();
        port.close();
        return;
      }
      try {
        const store = await opened;
        port.postMessage((await store.add(request.items, request.run)) satisfies Reply);
      } catch (e) {
        reply(e);
      }
    });
  });
}

/** The main thread's side: batches go in order; each answer comes back in the same order. */
export class IngestWriter {
  private readonly worker: Worker;
  private readonly waiting: ((reply: Reply) => void)[] = [];
  private failure: Error | null = null;

  constructor(db: string) {
    const options = { workerData: { ingestWriter: true, db } };
    // This module: compiled (.js; by name, which is also its entry in the CLI's bundle), or
    // TypeScript under tsx (the benchmarks run the sources), whose loader Node 20 does not apply
    // to a worker's entry: register it.
    this.worker = import.meta.url.endsWith(".ts")
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
            .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`,
          { ...options, eval: true },
        )
      : new Worker(new URL("./ingest-writer.js", import.meta.url), options);
    this.worker.on("message", (reply: Reply) => this.waiting.shift()?.(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => {
      if (this.waiting.length > 0) this.fail(new Error(`ingest writer exited (${code})`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const resolve of this.waiting.splice(0)) resolve({ error: { message: error.message } });
  }

  /**
   * Sends a batch to be stored (in the writer's own transaction); resolves to its counts, or
   * rejects. The batch is copied to the writer at once: this thread may drop it.
   */
  add(items: StoredDocument[], run: string): Promise<{ added: number; skipped: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<Reply>((resolve) => this.waiting.push(resolve));
    this.worker.postMessage({ items, run } satisfies AddRequest);
    return reply.then((r) => {
      if (!("error" in r)) return r;
      const { message, code, name, input } = r.error;
      // A coded error (a full or busy database) stays one, for its exit status and message.
      if (name === "DossierError" && code !== undefined && code in errorCodes)
        throw DossierError.revive({ code: code as ErrorCode, message, input });
      throw Object.assign(new Error(message), { code, name: name ?? "Error" });
    });
  }

  /** Closes the writer's connection once the batches sent are stored, and ends the thread. */
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once("exit", resolve));
    this.worker.postMessage(null);
    await exited;
  }

  /** Ends the thread at once; a batch being written is rolled back. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
