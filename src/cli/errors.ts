import { type ErrorCode, isDossierError } from "../errors.js";
import { escapeTerminal } from "./format/escape.js";

/**
 * Exit status for each error code: the one place the CLI decides them. A database problem
 * takes its sysexits.h number: 75 EX_TEMPFAIL (busy: try again), 74 EX_IOERR (full, I/O), 65
 * EX_DATAERR (damaged or not a database), 69 EX_UNAVAILABLE (a PostgreSQL server down, unreachable,
 * or without that database), 77 EX_NOPERM (credentials refused).
 */
export const EXIT: Record<ErrorCode, number> = {
  E_NOT_FOUND: 1,
  E_IS_DIRECTORY: 1,
  E_EMPTY_DIRECTORY: 1,
  E_TOO_LARGE: 1,
  E_BINARY: 1,
  E_READ: 1,
  E_FORMAT: 1,
  E_EMPTY: 1,
  E_DATA: 3,
  E_USAGE: 2,
  E_DB_BUSY: 75,
  E_DB_FULL: 74,
  E_DB_IO: 74,
  E_DB_CORRUPT: 65,
  E_DB_CONNECT: 69,
  E_DB_AUTH: 77,
  E_DB_MISSING: 69,
};

/** Unexpected failures (bugs): EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

export function exitCodeFor(error: unknown): number {
  return isDossierError(error) ? EXIT[error.code] : EXIT_INTERNAL;
}

/** One line for standard error, naming the input and the problem. */
export function describeError(command: string, error: unknown): string {
  if (isDossierError(error))
    return `dossier ${command}: ${escapeTerminal(error.message)} [${error.code}]`;
  const message = error instanceof Error ? error.message : String(error);
  return `dossier ${command}: internal error: ${escapeTerminal(message)}`;
}
