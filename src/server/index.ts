import type { FastifyInstance } from "fastify";
import { DossierError } from "../errors.js";
import { openStore } from "../store/open.js";
import { buildApp } from "./app.js";
import { defaultAllowedHosts, isLoopbackName } from "./guard.js";
import { DEFAULT_READ_THREADS, ReadWorkers } from "./read-pool.js";

export { type AppOptions, buildApp, DEFAULT_BODY_LIMIT } from "./app.js";
export { statusFor } from "./errors.js";
export { openapi } from "./openapi.js";

export interface ServerOptions {
  dbPath: string;
  host?: string;
  port?: number;
  /** Needed to bind anywhere but loopback; POST /documents then requires it. */
  token?: string;
  bodyLimit?: number;
  /** Largest the database may grow through the API, in bytes; past it, 507 E_DB_FULL. */
  maxDbBytes?: number;
  /** Host names to answer to besides loopback ones and `host` (see `defaultAllowedHosts`). */
  allowedHosts?: readonly string[];
  /**
   * Worker threads answering searches and documents (`ReadWorkers`); default one per core, at
   * most 4; 1 answers them on the event loop.
   */
  readThreads?: number;
}

/**
 * How long a write waits for another process's lock: the wait blocks the event loop, so it is
 * short, and a write still locked out is a 503 with Retry-After (a client tries again).
 */
export const SERVER_BUSY_TIMEOUT_MS = 250;

/** True for 127.0.0.0/8, ::1, "localhost" and names under ".localhost". */
export const isLoopback = isLoopbackName;

/** Opens the store, builds the app and listens; the store is closed when the app is. */
export async function startServer(options: ServerOptions): Promise<FastifyInstance> {
  const { dbPath, host = "127.0.0.1", port = 8787, token, bodyLimit } = options;
  const allowedHosts = [...defaultAllowedHosts(host), ...(options.allowedHosts ?? [])];
  if (!isLoopback(host) && !token)
    throw new DossierError(
      "E_USAGE",
      `refusing to listen on ${host} without a token: anyone on the network could write to the database; set a token (--token-file, $DOSSIER_TOKEN or --token) or use 127.0.0.1`,
      { input: host },
    );
  const store = await openStore(dbPath, {
    busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS,
    maxBytes: options.maxDbBytes,
  });
  const readerThreads = options.readThreads ?? DEFAULT_READ_THREADS;
  const readers =
    readerThreads > 1 && ReadWorkers.canShare(dbPath)
      ? new ReadWorkers(
          { location: dbPath, busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS, maxBytes: options.maxDbBytes },
          readerThreads,
        )
      : undefined;
  const app = buildApp({ store, token, bodyLimit, allowedHosts, readers });
  app.addHook("onClose", async () => {
    await readers?.close();
    await store.close();
  });
  try {
    // Listening once the readers have the library open and its indexes loaded: the first
    // query is answered as fast as the next.
    await readers?.warm();
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
