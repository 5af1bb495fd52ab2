import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { DossierError } from "../errors.js";
import type { SearchQuery } from "../store/types.js";
import { workerEntry } from "./pool.js";
import type { ReadOpening, ReadResult, ReadTask } from "./read-work.js";

/** Reader threads by default: one per core, at most 4; none on one core (no gain, more memory). */
export const DEFAULT_READ_THREADS = Math.min(4, availableParallelism());

type Read = ReadTask extends infer T
  ? T extends ReadTask
    ? Omit<T, keyof ReadOpening>
    : never
  : never;

/**
 * The server's reads (search, province counts, stored documents) spread over worker threads,
 * each with its own connection to the library: searches from several clients run on several
 * cores at once, and the event loop only moves requests and answers. SQLite readers do not
 * block one another (WAL); each thread's facet index catches up with what was written since
 * its last search, as a second process would.
 */
export class ReadWorkers {
  private readonly pool: Piscina;

  constructor(
    private readonly opening: ReadOpening,
    readonly threads = DEFAULT_READ_THREADS,
  ) {
    this.pool = new Piscina({
      filename: workerEntry("read-work"),
      minThreads: threads,
      maxThreads: threads,
      // Each thread holds its store open: it must not be stopped for being idle.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  /**
   * Whether a store at `location` can be opened again from another thread: a file or a server
   * can, an in-memory SQLite database (each connection its own) cannot.
   */
  static canShare(location: string): boolean {
    return (
      location !== ":memory:" && location.trim() !== "" && !location.startsWith("file::memory:")
    );
  }

  private async run(read: Read): Promise<Exclude<ReadResult, { error: unknown }>> {
    const task = { ...read, ...this.opening } as ReadTask;
    const result = (await this.pool.run(task)) as ReadResult;
    if ("error" in result) throw DossierError.revive(result.error);
    return result;
  }

  /** Opens the store in every thread and loads what a first search needs. */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.run({ kind: "open" })));
  }

  /** A search's answer, as JSON text. */
  async search(query: SearchQuery): Promise<string> {
    return ((await this.run({ kind: "search", query })) as { json: string }).json;
  }

  async provinceCounts(
    level: "old" | "new",
    query: SearchQuery,
  ): Promise<{ code: string; count: number }[]> {
    return (
      (await this.run({ kind: "provinces", level, query })) as {
        counts: { code: string; count: number }[];
      }
    ).counts;
  }

  /** A stored document and its analysis as JSON text; null when there is none with this id. */
  async get(id: string): Promise<string | null> {
    const result = await this.run({ kind: "get", id });
    return "json" in result ? result.json : null;
  }

  /** Stops the threads (their connections close with them). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
