import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import type { FsPath } from "../io/fs-path.js";

/**
 * The path arguments as the bytes the shell passed. Node decodes arguments as UTF-8 and replaces
 * bytes that are not (a file named in Latin-1, say) with U+FFFD, naming a file that does not
 * exist; Linux keeps the bytes in /proc/self/cmdline. Each argument holding U+FFFD takes the next
 * argument there, in order, that is not UTF-8 and decodes to it. Elsewhere (no /proc), arguments
 * stay as Node gave them.
 */
export function pathArguments(args: string[]): FsPath[] {
  if (!args.some((a) => a.includes("\uFFFD"))) return args;
  let raw: Buffer[];
  try {
    raw = split(readFileSync("/proc/self/cmdline"));
  } catch {
    return args;
  }
  let next = 0;
  return args.map((arg) => {
    if (!arg.includes("\uFFFD")) return arg;
    for (let i = next; i < raw.length; i++) {
      const bytes = raw[i] as Buffer;
      if (!isUtf8(bytes) && bytes.toString("utf8") === arg) {
        next = i + 1;
        return bytes;
      }
    }
    return arg;
  });
}

/** The NUL-separated arguments of a command line. */
function split(cmdline: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < cmdline.length; i++) {
    if (cmdline[i] === 0) {
      out.push(cmdline.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < cmdline.length) out.push(cmdline.subarray(start));
  return out;
}
