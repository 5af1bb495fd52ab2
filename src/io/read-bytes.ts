import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { DossierError } from "../errors.js";
import { type FsPath, pathName } from "./fs-path.js";

/** Files larger than this are refused unless the caller raises it: 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a whole file (or "-" for standard input) up to `maxBytes`, refusing more. Errors name
 * the file as `pathName` shows it.
 */
export function readBytes(path: FsPath, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  const source = pathName(path);
  let fd: number;
  try {
    fd = source === "-" ? 0 : openSync(path, "r");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DossierError("E_NOT_FOUND", source, { input: source, cause });
    if (code === "EISDIR")
      throw new DossierError("E_IS_DIRECTORY", source, { input: source, cause });
    throw new DossierError("E_READ", `${source}: ${(cause as Error).message}`, {
      input: source,
      cause,
    });
  }
  try {
    // A regular file's size is known: read into a buffer that holds it and one byte more (a
    // file still growing shows), with no copy; standard input and pipes grow a buffer as they
    // come. One allocation and one read per file, where 1 MiB pieces and their concatenation
    // took 4 times longer than reading the bytes.
    let capacity = 1 << 20;
    if (source !== "-") {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new DossierError("E_IS_DIRECTORY", source, { input: source });
      if (stat.size > maxBytes) {
        throw new DossierError(
          "E_TOO_LARGE",
          `${source} is ${stat.size} bytes, the limit is ${maxBytes} (raise it with --max-bytes)`,
          { input: source },
        );
      }
      if (stat.isFile()) capacity = stat.size + 1;
    }
    let buffer = Buffer.allocUnsafe(Math.min(capacity, maxBytes + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(2 * buffer.length, maxBytes + 1));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, total, buffer.length - total, null);
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") continue;
        if (code === "EOF") break;
        if (code === "EISDIR")
          throw new DossierError("E_IS_DIRECTORY", source, { input: source, cause });
        throw new DossierError("E_READ", `${source}: ${(cause as Error).message}`, {
          input: source,
          cause,
        });
      }
      if (read === 0) break;
      total += read;
      if (total > maxBytes) {
        throw new DossierError(
          "E_TOO_LARGE",
          `${source} is over the limit of ${maxBytes} bytes (raise it with --max-bytes)`,
          { input: source },
        );
      }
    }
    // Much more room than bytes (a short pipe): the bytes alone, so the rest is not kept alive.
    return total < buffer.length / 2
      ? Buffer.from(buffer.subarray(0, total))
      : buffer.subarray(0, total);
  } finally {
    if (source !== "-") closeSync(fd);
  }
}

/**
 * Whether bytes are binary, not text. The heuristic of `file` and git (a NUL byte, or more than
 * 10% control characters, in the first 8 KiB), then the same share over the whole input, so that
 * a text head cannot carry a binary body in. Stray NULs further on are not enough: the text keeps
 * its words and `buildDocument` removes them, with a warning.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  if (control / n > 0.1) return true;
  for (let i = n; i < bytes.length; i++) if (isControl(bytes[i] as number)) control++;
  return control / bytes.length > 0.1;
}

/** C0 controls other than tab, line feed, form feed, carriage return and escape. */
const isControl = (b: number): boolean =>
  b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27;
