import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import picomatch from "picomatch";
import { DossierError } from "../errors.js";

/** Files a folder stands for unless `include` says otherwise. */
export const DEFAULT_INCLUDE = ["**/*.{txt,text,md,markdown,html,htm,xhtml,jsonl,ndjson}"];

export interface WalkOptions {
  /** Globs (relative to the folder) of files to read; default: text, Markdown, HTML, JSON Lines. */
  include?: string[];
  /** Globs of files or folders to skip; hidden entries are always skipped. */
  exclude?: string[];
}

/**
 * The files the user's paths stand for, lazily: a file as given (so a missing one is reported
 * against its name), "-" for standard input, a folder as the matching files inside it,
 * recursively, in name order. An unreadable or empty folder yields an error, not a stop.
 */
export function* walkPaths(
  paths: string[],
  options: WalkOptions = {},
): Generator<string | DossierError> {
  const include = picomatch(options.include?.length ? options.include : DEFAULT_INCLUDE, {
    dot: false,
    nocase: true,
  });
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = p !== "-" && statSync(p).isDirectory();
    } catch {
      // Missing or unreadable: reading it reports the error against the name.
    }
    if (!isDir) {
      yield p;
      continue;
    }
    let found = 0;
    const stack = [p];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      let entries: import("node:fs").Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
          b.name.localeCompare(a.name),
        );
      } catch (cause) {
        yield new DossierError("E_READ", `${dir}: ${(cause as Error).message}`, {
          input: dir,
          cause,
        });
        continue;
      }
      // Sorted in reverse and popped, so files come out in name order, folders depth-first.
      const files: string[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const full = join(dir, entry.name);
        const rel = relative(p, full);
        if (exclude(rel) || exclude(`${rel}/`)) continue;
        if (entry.isDirectory()) stack.push(full);
        else if (entry.isFile() && include(rel)) files.push(full);
      }
      for (const f of files.reverse()) {
        found++;
        yield f;
      }
    }
    if (found === 0) yield new DossierError("E_EMPTY_DIRECTORY", p, { input: p });
  }
}
