import { type Dirent, readdirSync, readlinkSync, type Stats, statSync } from "node:fs";
import { relative } from "node:path";
import picomatch from "picomatch";
import { DossierError, isDossierError } from "../errors.js";
import { type FsPath, joinPath, pathName } from "../io/fs-path.js";

/** Files a folder stands for unless `include` says otherwise. */
export const DEFAULT_INCLUDE = ["**/*.{txt,text,md,markdown,html,htm,xhtml,jsonl,ndjson}"];

export interface WalkOptions {
  /** Globs (relative to the folder) of files to read; default: text, Markdown, HTML, JSON Lines. */
  include?: string[];
  /** Globs of files or folders to skip; hidden entries are always skipped. */
  exclude?: string[];
}

/** A folder being walked, with the folders above it (by device and inode) to catch loops. */
interface Frame {
  dir: FsPath;
  ancestors: { key: string; name: string }[];
}

const inode = (s: Stats) => `${s.dev}:${s.ino}`;

/**
 * A relative path as the globs see it: picomatch's patterns use "." and so never match a name
 * that starts with a line break, which a file name may hold; any other character stands in.
 */
const forGlobs = (rel: string) => rel.replace(/[\n\r\u2028\u2029]/g, "\uFFFD");

/**
 * The files the user's paths stand for, lazily: a file as given (so a missing one is reported
 * against its name), "-" for standard input, a folder as the matching files inside it,
 * recursively, in name order. Symbolic links are followed, to files and to folders; a broken
 * link (named like a file to read) or a link leading back to a folder above it is an error, as
 * is an unreadable or empty folder: reported, never a stop. Names that are not UTF-8 stay bytes
 * (`FsPath`), so such a file is read, not reported missing.
 */
export function* walkPaths(
  paths: FsPath[],
  options: WalkOptions = {},
): Generator<FsPath | DossierError> {
  const include = picomatch(options.include?.length ? options.include : DEFAULT_INCLUDE, {
    dot: false,
    nocase: true,
  });
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  for (const p of paths) {
    let stat: Stats | null = null;
    try {
      stat = p === "-" ? null : statSync(p);
    } catch {
      // Missing or unreadable: reading it reports the error against the name.
    }
    if (!stat?.isDirectory()) {
      yield p;
      continue;
    }
    const root = pathName(p);
    let found = 0;
    const stack: Frame[] = [{ dir: p, ancestors: [{ key: inode(stat), name: root }] }];
    while (stack.length > 0) {
      const { dir, ancestors } = stack.pop() as Frame;
      let entries: Dirent<Buffer>[];
      try {
        entries = readdirSync(dir, { withFileTypes: true, encoding: "buffer" }).sort((a, b) =>
          b.name.toString().localeCompare(a.name.toString()),
        );
      } catch (cause) {
        const name = pathName(dir);
        yield new DossierError("E_READ", `${name}: ${(cause as Error).message}`, {
          input: name,
          cause,
        });
        continue;
      }
      // Sorted in reverse and popped, so files (and the errors of links among them) come out in
      // name order, folders depth-first.
      const files: (FsPath | DossierError)[] = [];
      for (const entry of entries) {
        if (entry.name[0] === 0x2e) continue; // a hidden entry: ".name"
        const full = joinPath(dir, entry.name);
        const name = pathName(full);
        const rel = forGlobs(relative(root, name));
        if (exclude(rel) || exclude(`${rel}/`)) continue;
        let target: Stats | DossierError | null = null;
        if (entry.isSymbolicLink()) {
          target = follow(full, name);
          if (target instanceof DossierError) {
            if (target.code !== "E_NOT_FOUND" || include(rel)) files.push(target);
            continue;
          }
        }
        if (target ? target.isDirectory() : entry.isDirectory()) {
          let key: string;
          try {
            key = inode(target ?? statSync(full));
          } catch (cause) {
            files.push(
              new DossierError("E_READ", `${name}: ${(cause as Error).message}`, {
                input: name,
                cause,
              }),
            );
            continue;
          }
          const above = ancestors.find((a) => a.key === key);
          if (above)
            files.push(
              new DossierError(
                "E_READ",
                `${name}: symbolic link loop, leads back to ${above.name}`,
                {
                  input: name,
                },
              ),
            );
          else stack.push({ dir: full, ancestors: [...ancestors, { key, name }] });
        } else if ((target ? target.isFile() : entry.isFile()) && include(rel)) files.push(full);
      }
      for (const f of files.reverse()) {
        if (!isDossierError(f)) found++;
        yield f;
      }
    }
    if (found === 0) yield new DossierError("E_EMPTY_DIRECTORY", root, { input: root });
  }
}

/** What a symbolic link leads to, or why it leads nowhere. */
function follow(link: FsPath, name: string): Stats | DossierError {
  try {
    return statSync(link);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      let to = "";
      try {
        to = ` to ${pathName(readlinkSync(link, { encoding: "buffer" }))}`;
      } catch {
        // Gone meanwhile: the name alone says enough.
      }
      return new DossierError("E_NOT_FOUND", `${name}: broken symbolic link${to}`, {
        input: name,
        cause,
      });
    }
    if (code === "ELOOP")
      return new DossierError("E_READ", `${name}: symbolic link loop`, { input: name, cause });
    return new DossierError("E_READ", `${name}: ${(cause as Error).message}`, {
      input: name,
      cause,
    });
  }
}
