import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type CachedBuild, cachedBuild } from "../../src/io/data-cache.js";
import { decodeSnapshot, encodeSnapshot } from "../../src/io/snapshot.js";

/** A value built from a data folder: its one file's text, and a typed array of its char codes. */
interface Built {
  text: string;
  codes: Int32Array;
}

let dataDir: string;
let dir: string;
let builds: number;

const spec = (): CachedBuild<Built> => ({
  name: "test",
  dataDir,
  dir,
  build: () => {
    builds++;
    const text = readFileSync(join(dataDir, "words.tsv"), "utf8");
    return { text, codes: Int32Array.from(text, (c) => c.charCodeAt(0)) };
  },
  save: ({ text, codes }) => ({ json: { text }, arrays: { codes } }),
  restore: ({ json, arrays }) => {
    const codes = arrays.codes;
    if (!(codes instanceof Int32Array)) throw new Error("no codes");
    return { text: (json as { text: string }).text, codes };
  },
});
const cacheFile = () => join(dir, readdirSync(dir).find((f) => f.endsWith(".bin")) as string);

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), "dossier-cache-"));
  dataDir = join(root, "data");
  dir = join(root, "cache");
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, "words.tsv"), "Hà Nội\tĐà Nẵng\n");
  builds = 0;
});

describe("cachedBuild", () => {
  it("builds once, then reads back what it saved", () => {
    const first = cachedBuild(spec());
    const second = cachedBuild(spec());
    expect(builds).toBe(1);
    expect(second.text).toBe(first.text);
    expect([...second.codes]).toEqual([...first.codes]);
  });

  it("rebuilds when a data file changed (a stale cache is never read)", () => {
    cachedBuild(spec());
    writeFileSync(join(dataDir, "words.tsv"), "Huế\n");
    const value = cachedBuild(spec());
    expect(builds).toBe(2);
    expect(value.text).toBe("Huế\n");
    // And the new value is what is kept.
    expect(cachedBuild(spec()).text).toBe("Huế\n");
    expect(builds).toBe(2);
  });

  it("rebuilds when a file is added to the data folder", () => {
    cachedBuild(spec());
    writeFileSync(join(dataDir, "more.tsv"), "x\n");
    cachedBuild(spec());
    expect(builds).toBe(2);
  });

  it("ignores a damaged cache file and writes a good one", () => {
    const built = cachedBuild(spec());
    const file = cacheFile();
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const value = cachedBuild(spec());
    expect(builds).toBe(2);
    expect([...value.codes]).toEqual([...built.codes]);
    cachedBuild(spec());
    expect(builds).toBe(2);
  });

  it("ignores a cut-short, empty or foreign cache file", () => {
    cachedBuild(spec());
    const file = cacheFile();
    const bytes = readFileSync(file);
    for (const damaged of [
      bytes.subarray(0, bytes.length - 8),
      Buffer.alloc(0),
      Buffer.from("{}"),
    ]) {
      writeFileSync(file, damaged);
      const before = builds;
      expect(cachedBuild(spec()).text).toBe("Hà Nội\tĐà Nẵng\n");
      expect(builds).toBe(before + 1);
    }
  });

  it("rebuilds when the saved value does not restore", () => {
    cachedBuild({ ...spec(), save: ({ text }) => ({ json: { text }, arrays: {} }) });
    const value = cachedBuild(spec());
    expect(builds).toBe(2);
    expect(value.codes).toBeInstanceOf(Int32Array);
  });

  it("still returns the value when the cache cannot be written", () => {
    writeFileSync(join(dataDir, "..", "blocked"), "a file, not a folder");
    const blocked = { ...spec(), dir: join(dataDir, "..", "blocked", "cache") };
    expect(cachedBuild(blocked).text).toBe("Hà Nội\tĐà Nẵng\n");
    expect(cachedBuild(blocked).text).toBe("Hà Nội\tĐà Nẵng\n");
    expect(builds).toBe(2);
  });
});

describe("snapshots", () => {
  it("read back their JSON and arrays for the key they were written for only", () => {
    const arrays = {
      next: Int32Array.of(-1, 0, 2 ** 31 - 1),
      masks: Uint32Array.of(0xffffffff, 1),
      links: Uint16Array.of(0, 1, 0xffff),
      table: Uint8Array.of(1, 2, 3),
    };
    const bytes = encodeSnapshot("k1", { json: { a: [1, "b"] }, arrays });
    const back = decodeSnapshot(bytes, "k1");
    expect(back?.json).toEqual({ a: [1, "b"] });
    expect(back?.arrays.next).toEqual(arrays.next);
    expect(back?.arrays.masks).toEqual(arrays.masks);
    expect(back?.arrays.links).toEqual(arrays.links);
    expect(back?.arrays.table).toEqual(arrays.table);
    expect(decodeSnapshot(bytes, "k2")).toBeNull();
  });

  it("read back from an unaligned buffer", () => {
    const bytes = encodeSnapshot("k", { json: null, arrays: { a: Int32Array.of(7, 8) } });
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect([...(decodeSnapshot(shifted.subarray(1), "k")?.arrays.a ?? [])]).toEqual([7, 8]);
  });
});
