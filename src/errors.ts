/**
 * The error catalogue: every failure the library reports has a stable code, so the CLI maps
 * it to a message and exit status and the server to an HTTP status, each in one place.
 */
export const errorCodes = {
  E_NOT_FOUND: "no such file or directory",
  E_IS_DIRECTORY: "is a directory",
  E_EMPTY_DIRECTORY: "directory holds no readable text files",
  E_TOO_LARGE: "input is larger than the size limit",
  E_BINARY: "input looks binary, not text",
  E_READ: "input could not be read",
  E_FORMAT: "input is malformed",
  E_EMPTY: "input is empty",
  E_DATA: "bundled data is invalid",
  E_USAGE: "invalid arguments",
  E_DB_BUSY: "the database is busy",
  E_DB_FULL: "the database or its disk is full",
  E_DB_CORRUPT: "the database file is damaged or is not a Dossier database",
  E_DB_IO: "the database file could not be read or written",
  E_DB_CONNECT: "the database server could not be reached",
  E_DB_AUTH: "the database server refused the credentials",
  E_DB_MISSING: "the database does not exist on the server",
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class DossierError extends Error {
  readonly code: ErrorCode;
  /** The file, path or argument the error is about, when there is one. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { input?: string; cause?: unknown }) {
    super(detail ? `${errorCodes[code]}: ${detail}` : errorCodes[code], {
      cause: options?.cause,
    });
    this.name = "DossierError";
    this.code = code;
    this.input = options?.input;
  }

  /** An error as another thread sent it (`code`, whole `message`, `input`), made whole again. */
  static revive(sent: { code: ErrorCode; message: string; input?: string }): DossierError {
    const error = new DossierError(sent.code, undefined, { input: sent.input });
    error.message = sent.message;
    return error;
  }
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}
