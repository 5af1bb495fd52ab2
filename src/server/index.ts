import type { FastifyInstance } from "fastify";
import { DossierError } from "../errors.js";
import { openSqliteStore } from "../store/sqlite.js";
import { buildApp } from "./app.js";
import { defaultAllowedHosts, isLoopbackName } from "./guard.js";

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
  /** Host names to answer to besides loopback ones and `host` (see `defaultAllowedHosts`). */
  allowedHosts?: readonly string[];
}

/** True for 127.0.0.0/8, ::1, "localhost" and names under ".localhost". */
export const isLoopback = isLoopbackName;

/** Opens the store, builds the app and listens; the store is closed when the app is. */
export async function startServer(options: ServerOptions): Promise<FastifyInstance> {
  const { dbPath, host = "127.0.0.1", port = 8787, token, bodyLimit } = options;
  const allowedHosts = [...defaultAllowedHosts(host), ...(options.allowedHosts ?? [])];
  if (!isLoopback(host) && !token)
    throw new DossierError(
      "E_USAGE",
      `refusing to listen on ${host} without a token: anyone on the network could write to the database; set a token or use 127.0.0.1`,
      { input: host },
    );
  const store = openSqliteStore(dbPath);
  const app = buildApp({ store, token, bodyLimit, allowedHosts });
  app.addHook("onClose", async () => store.close());
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
