import { isUtf8 } from "node:buffer";
import { join } from "node:path";

/**
 * A path as the file system knows it: a string, or the bytes of a name that is not UTF-8
 * (Linux allows any bytes but "/" and NUL; a string cannot hold them, and Node would replace
 * them, naming a file that does not exist).
 */
export type FsPath = string | Buffer;

/** How a path is shown and recorded as a source: bytes that are not UTF-8 shown as U+FFFD. */
export function pathName(path: FsPath): string {
  return typeof path === "string" ? path : path.toString("utf8");
}

/** `dir`/`name`, kept as bytes only when one of them is not UTF-8. */
export function joinPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === "string" && isUtf8(name)) return join(dir, name.toString("utf8"));
  const base = typeof dir === "string" ? Buffer.from(dir) : dir;
  const slash = base[base.length - 1] === 0x2f ? [] : [Buffer.from("/")];
  return Buffer.concat([base, ...slash, name]);
}
