import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "../errors.js";

/** Files larger than this are refused unless the caller raises it: 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface TextInput {
  /** The path as given (or found in a folder), or "-" for standard input. */
  source: string;
  text: string;
  /** Problems that did not stop reading: invalid UTF-8 replaced, empty input … */
  warnings: string[];
}

const TEXT_EXTENSIONS = /\.(txt|text|md|markdown)$/i;

/**
 * Expands the paths a user gave into files: a folder stands for the text files (.txt, .md)
 * inside it, recursively, in name order; hidden entries are skipped. A path that does not
 * exist is kept, so that reading it reports the error against that path.
 */
export function expandPaths(paths: string[]): { files: string[]; errors: DossierError[] } {
  const files: string[] = [];
  const errors: DossierError[] = [];
  const walk = (dir: string): number => {
    let found = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith(".")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) found += walk(full);
      else if (entry.isFile() && TEXT_EXTENSIONS.test(entry.name)) {
        files.push(full);
        found++;
      }
    }
    return found;
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = p !== "-" && statSync(p).isDirectory();
    } catch {
      // Missing or unreadable: reading it reports the error.
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    try {
      if (walk(p) === 0) errors.push(new DossierError("E_EMPTY_DIRECTORY", p, { input: p }));
    } catch (cause) {
      errors.push(
        new DossierError("E_READ", `${p}: ${(cause as Error).message}`, { input: p, cause }),
      );
    }
  }
  return { files, errors };
}

/** Reads a whole file (or "-" for standard input) up to `maxBytes`, refusing more. */
export function readBytes(source: string, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let fd: number;
  try {
    fd = source === "-" ? 0 : openSync(source, "r");
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

/** Heuristic used by `file` and git: NUL bytes or many control characters in the first 8 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control / n > 0.1;
}

/**
 * Decodes bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM. Invalid UTF-8 is replaced
 * with U+FFFD and reported in `warnings` with the offset of the first bad byte. Output is NFC.
 * The ingest step (issue 3) will take over legacy encodings.
 */
export function decodeText(
  bytes: Uint8Array,
  source: string,
): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
      warnings.push(
        `${source}: invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}; bad bytes replaced with U+FFFD`,
      );
    }
  }
  return { text: text.normalize("NFC"), warnings };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Binary search on the longest valid prefix; a cut in the middle of a sequence is invalid too,
  // so step back over continuation bytes before testing.
  let lo = 0;
  let hi = bytes.length;
  const valid = (end: number) => {
    let e = end;
    while (e > 0 && e < bytes.length && ((bytes[e] as number) & 0xc0) === 0x80) e--;
    try {
      decoder.decode(bytes.subarray(0, e));
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  let e = lo;
  while (e > 0 && e < bytes.length && ((bytes[e] as number) & 0xc0) === 0x80) e--;
  return e;
}

/** Reads one text input end to end: size limit, binary check, decoding. */
export function readTextInput(source: string, maxBytes = DEFAULT_MAX_BYTES): TextInput {
  const bytes = readBytes(source, maxBytes);
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) throw new DossierError("E_BINARY", source, { input: source });
  const { text, warnings } = decodeText(bytes, source);
  if (text.trim() === "") warnings.push(`${source}: empty input, nothing to analyse`);
  return { source, text, warnings };
}
