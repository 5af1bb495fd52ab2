import { DossierError } from "../errors.js";
import { openSqliteStore, type SqliteOptions } from "./sqlite.js";
import type { Store } from "./types.js";

/** The environment variable naming the library when `--db` is not given. */
export const DB_ENV = "DOSSIER_DB";
/** The embedded default: a SQLite file in the working folder. */
export const DEFAULT_DB = "dossier.db";

/** The library to use: `--db` as given, else $DOSSIER_DB, else dossier.db. */
export function defaultDb(): string {
  return process.env[DB_ENV]?.trim() || DEFAULT_DB;
}

/** Whether `location` names a PostgreSQL library (a postgres:// or postgresql:// URL). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//iu.test(location);
}

/** Where the library is, fit to show: a PostgreSQL URL without its password. */
export function redactLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:@/]*):[^@/]*@/u, "//$1:***@");
  }
}

export interface OpenOptions extends SqliteOptions {}

/**
 * Opens the library at `location`: a PostgreSQL URL (`postgres://user:pass@host:5432/db`), or
 * else a SQLite file (created if need be). The PostgreSQL client is loaded only when asked for.
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (!location.trim())
    throw new DossierError("E_USAGE", "the database is empty: give a file or a postgres:// URL", {
      input: "--db",
    });
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(location, { busyTimeoutMs: options.busyTimeoutMs });
  }
  return openSqliteStore(location, options);
}
