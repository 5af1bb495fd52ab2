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
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
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
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return Buffer.concat(chunks, total);
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
