import { DossierError, type ErrorCode } from "../errors.js";

/**
 * SQLite's failures that are not bugs, as coded errors that say what to do: another process
 * holding the write lock, a full disk (or the server's size cap), a damaged file or one that is
 * no database, a file that cannot be opened or written. Others are left as they are.
 */
export function databaseError(error: unknown, path: string, busyMs: number): unknown {
  // better-sqlite3 checks the folder itself, before SQLite would say SQLITE_CANTOPEN.
  if (error instanceof TypeError && /directory does not exist/u.test(error.message))
    return new DossierError("E_DB_IO", `${path}: its folder does not exist: create it first`, {
      input: path,
      cause: error,
    });
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return error;
  const sqlite = (error as Error).message;
  const coded = (c: ErrorCode, detail: string) =>
    new DossierError(c, `${path}: ${detail}`, { input: path, cause: error });
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return coded(
      "E_DB_BUSY",
      `another process is writing to it (another ingest or serve?) and did not finish within ${busyMs / 1000} s: wait for it to finish, then try again`,
    );
  if (code === "SQLITE_FULL")
    return coded(
      "E_DB_FULL",
      `no room to write (${sqlite}): free disk space (or raise the size cap), then run again; what was stored before is intact`,
    );
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB")
    return coded(
      "E_DB_CORRUPT",
      `${sqlite}: check the --db path; if it is the right file, restore a copy or ingest again into a new file`,
    );
  if (
    code.startsWith("SQLITE_IOERR") ||
    code.startsWith("SQLITE_CANTOPEN") ||
    code.startsWith("SQLITE_READONLY") ||
    code === "SQLITE_PERM"
  )
    return coded(
      "E_DB_IO",
      `${sqlite}: check that its folder exists, that you may write there, and that the disk has room (and no file size limit is reached)`,
    );
  return error;
}
