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
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}
