/**
 * The server's reads, run in worker threads (see `ReadWorkers`): search, province counts and
 * stored documents, each worker with its own connection to the library and its own facet
 * index. Answers cross back as JSON text (one copy, not an object rebuilt and serialised again
 * on the thread that must stay free), errors as their code and message.
 */
import { type ErrorCode, isDossierError } from "../errors.js";
import { knownNames } from "../store/known-names.js";
import { openStore } from "../store/open.js";
import type { SearchQuery, Store } from "../store/types.js";

/** Where the library is, and how each thread opens it (as the server's own store). */
export interface ReadOpening {
  location: string;
  busyTimeoutMs: number;
  maxBytes?: number;
}

export type ReadTask = ReadOpening &
  (
    | { kind: "open" }
    | { kind: "search"; query: SearchQuery }
    | { kind: "provinces"; level: "old" | "new"; query: SearchQuery }
    | { kind: "get"; id: string }
  );

export type ReadResult =
  | { opened: true }
  | { json: string }
  | { counts: { code: string; count: number }[] }
  | { missing: true }
  | { error: { code: ErrorCode; message: string; input?: string } };

const stores = new Map<string, Promise<Store>>();

/** This thread's store for `location`, opened once (again after a failed opening). */
function storeFor({ location, busyTimeoutMs, maxBytes }: ReadOpening): Promise<Store> {
  let store = stores.get(location);
  if (!store) {
    store = openStore(location, { busyTimeoutMs, maxBytes });
    stores.set(location, store);
    store.catch(() => stores.delete(location));
  }
  return store;
}

/** The first place Dossier knows whose name is written with diacritics (from the data). */
function warmPlace(): string {
  for (const k of knownNames().values())
    if (k.provinces.length > 0 && k.marked !== k.plain) return k.marked;
  return "warm";
}

async function answer(task: ReadTask, store: Store): Promise<ReadResult> {
  switch (task.kind) {
    case "open":
      // Loads what the first search needs (the facet index, the known names) and runs the
      // paths of a typical one (a known place typed with its diacritics, a plain word, a
      // filter) so that they are compiled: a server started answers its first query at once.
      await store.search({ q: warmPlace() });
      await store.search({ q: "investment", language: "en" });
      return { opened: true };
    case "search":
      return { json: JSON.stringify(await store.search(task.query)) };
    case "provinces": {
      const counts = await store.provinceCounts(task.level, task.query);
      return { counts: counts.map(({ code, count }) => ({ code, count })) };
    }
    case "get": {
      const stored = await store.get(task.id);
      return stored ? { json: JSON.stringify(stored) } : { missing: true };
    }
  }
}

/** Runs one read; piscina calls it in a worker thread. */
export default async function run(task: ReadTask): Promise<ReadResult> {
  try {
    return await answer(task, await storeFor(task));
  } catch (error) {
    if (isDossierError(error))
      return {
        error: {
          code: error.code,
          message: error.message,
          ...(error.input !== undefined ? { input: error.input } : {}),
        },
      };
    throw error;
  }
}
