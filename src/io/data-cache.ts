import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeSnapshot, encodeSnapshot, type Snapshot } from "./snapshot.js";

export type { Snapshot, SnapshotArray } from "./snapshot.js";

/** src/ or dist/: the code that is running, whose bytes are part of every key. */
const CODE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
// The folders whose code turns the data into what is cached.
const CODE_DIRS = ["gazetteer", "text", "extract", "io"];
// Bumped by hand only if the meaning of a key changes; code changes change the key by themselves.
const FORMAT = "1";

/** The cache folder: DOSSIER_CACHE_DIR, or .cache/ in the package. */
export function cacheDir(): string {
  return process.env.DOSSIER_CACHE_DIR || join(dirname(CODE_ROOT), ".cache");
}

export interface CachedBuild<T> {
  /** Names the file: one per cached value. */
  name: string;
  /** The data folder the value is built from, if any: every byte under it is part of the key. */
  dataDir?: string;
  build(): T;
  save(value: T): Snapshot;
  restore(snapshot: Snapshot): T;
  /** Default: `cacheDir()`. */
  dir?: string;
}

/**
 * `build()`, or what an earlier build saved when it was built from the same data by the same
 * code on the same Node.js. A missing, stale or damaged file is rebuilt and rewritten; a cache
 * that cannot be read or written only costs the build, never an error.
 */
export function cachedBuild<T>(spec: CachedBuild<T>): T {
  let key: string;
  let file: string;
  try {
    key = keyOf(spec.name, spec.dataDir);
    file = join(spec.dir ?? cacheDir(), `${spec.name}-${basename(CODE_ROOT)}.bin`);
  } catch {
    return spec.build();
  }
  const snapshot = readSnapshot(file, key);
  if (snapshot) {
    try {
      return spec.restore(snapshot);
    } catch {
      // Whole, but not what this code reads: built again below.
    }
  }
  const value = spec.build();
  writeSnapshot(file, key, spec, value);
  return value;
}

function readSnapshot(file: string, key: string): Snapshot | null {
  try {
    return decodeSnapshot(readFileSync(file), key);
  } catch {
    return null;
  }
}

function writeSnapshot<T>(file: string, key: string, spec: CachedBuild<T>, value: T): void {
  // Written aside and renamed: a reader (another process, a worker) sees the old file or the new.
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, encodeSnapshot(key, spec.save(value)));
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nowhere to write: nothing was written.
    }
  }
}

function keyOf(name: string, dataDir: string | undefined): string {
  return createHash("sha256")
    .update(`${FORMAT}\0${name}\0${process.version}\0${process.arch}\0`)
    .update(codeDigest())
    .update(dataDir === undefined ? "" : treeDigest(dataDir, ""))
    .digest("hex");
}

let code: string | undefined;
/** The running code's files (.js under dist/, .ts under src/) in the folders that build. */
function codeDigest(): string {
  const ext = extname(fileURLToPath(import.meta.url));
  code ??= CODE_DIRS.map((d) => treeDigest(join(CODE_ROOT, d), ext)).join();
  return code;
}

const trees = new Map<string, { stamp: string; digest: string }>();
/**
 * Every file under `dir` (ending in `ext`), by path and bytes. Hashed again in one process only
 * when a file's size or time changed: three defaults read the same data folder.
 */
function treeDigest(dir: string, ext: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(ext))
    .map((f) => join(f.parentPath, f.name))
    .sort();
  const stamp = files
    .map((f) => {
      const s = statSync(f, { bigint: true });
      return `${f}\0${s.size}\0${s.mtimeNs}`;
    })
    .join("\0");
  const key = `${dir}\0${ext}`;
  const known = trees.get(key);
  if (known?.stamp === stamp) return known.digest;
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f.slice(dir.length)}\0`).update(readFileSync(f));
  const digest = hash.digest("hex");
  trees.set(key, { stamp, digest });
  return digest;
}
