import pg from "pg";
import { DossierError, type ErrorCode } from "../errors.js";

/** Connection settings of a PostgreSQL store. */
export interface PostgresOptions {
  /** Connections the store may hold at once (default 4: a search and a write side by side). */
  maxConnections?: number;
  /** How long reaching the server may take before E_DB_CONNECT (default 10,000 ms). */
  connectTimeoutMs?: number;
  /**
   * How long a statement waits for a lock another process holds before E_DB_BUSY (PostgreSQL's
   * lock_timeout; by default it waits as long as the holder works).
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The URL as it may be shown: without its password (a user name stays: it tells which role
 * was refused). Text that is no URL is shown as "(not a URL)" rather than echoed, since it
 * may hold a password all the same.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "";
    // The password may also come as a query parameter (libpq's form).
    if (u.searchParams.has("password")) u.searchParams.set("password", "");
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

/** Checks `url` is a PostgreSQL URL naming a database: E_USAGE otherwise. */
export function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DossierError(
      "E_USAGE",
      "not a PostgreSQL URL: write postgres://user:password@host:5432/database",
      { input: "--db" },
    );
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:")
    throw new DossierError(
      "E_USAGE",
      `${redactUrl(url)}: not a PostgreSQL URL (postgres:// or postgresql://)`,
      { input: "--db" },
    );
  if (u.hostname === "" && !u.searchParams.has("host"))
    throw new DossierError("E_USAGE", `${redactUrl(url)}: the URL names no server`, {
      input: "--db",
    });
  if (u.pathname.replace(/^\//u, "") === "")
    throw new DossierError(
      "E_USAGE",
      `${redactUrl(url)}: the URL names no database (postgres://host/database)`,
      { input: "--db" },
    );
}

/** Network failures that mean the server is not there (down, unreachable, no such host). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
]);

/**
 * PostgreSQL's and the network's failures that are not bugs, as coded errors naming the
 * problem and the URL without its password. Others are left as they are.
 */
export function postgresError(error: unknown, url: string): unknown {
  if (error instanceof DossierError) return error;
  const shown = redactUrl(url);
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const coded = (c: ErrorCode, detail: string) =>
    new DossierError(c, `${shown}: ${detail}`, { input: shown, cause: error });
  if (typeof code === "string" && UNREACHABLE.has(code))
    return coded(
      "E_DB_CONNECT",
      `nothing answers there (${code}): start the server, or check the host and port`,
    );
  if (/timeout expired|Connection terminated due to connection timeout/iu.test(message))
    return coded(
      "E_DB_CONNECT",
      "no answer in time: check that the server runs and that the host and port are right",
    );
  if (/Connection terminated/iu.test(message))
    return coded(
      "E_DB_CONNECT",
      "the server closed the connection (stopped or restarted?): try again",
    );
  if (typeof code !== "string") return error;
  // SQLSTATE classes: 28 authorization, 3D catalog name, 53 resources, 57 operator intervention.
  if (code === "28P01" || code === "28000")
    return coded("E_DB_AUTH", "check the user name and password in the URL");
  if (code === "3D000")
    return coded(
      "E_DB_MISSING",
      "create it first (createdb NAME, or CREATE DATABASE NAME), or check its name in the URL",
    );
  if (code === "53300")
    return coded(
      "E_DB_BUSY",
      "the server has no connection free: try again, or raise max_connections",
    );
  if (code === "53100")
    return coded("E_DB_FULL", "the server's disk is full: free space; what was stored is intact");
  if (code === "57P01" || code === "57P02" || code === "57P03")
    return coded("E_DB_CONNECT", "the server is shutting down or starting up: try again");
  if (code === "55P03")
    return coded("E_DB_BUSY", "another process held a lock too long: try again");
  if (code === "57014")
    return coded("E_DB_BUSY", "the statement took longer than the server's time limit");
  return error;
}

/** A pool of connections to `url`; errors of idle connections are not thrown at the process. */
export function makePool(url: string, options: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // Keep no client-side timeout on statements: a migration or a big batch may be long.
    idleTimeoutMillis: 30_000,
    application_name: "dossier",
    ...(options.busyTimeoutMs === undefined ? {} : { lock_timeout: options.busyTimeoutMs }),
  });
  // An idle connection the server dropped emits 'error' on the pool; without a listener that
  // would end the process. The next query reconnects, or reports E_DB_CONNECT itself.
  pool.on("error", () => {});
  return pool;
}

/** A dedicated connection (not from the pool), opened now, errors mapped. */
export async function connectClient(url: string, options: PostgresOptions): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    application_name: "dossier",
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw postgresError(error, url);
  }
  return client;
}
