import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;

let dir: string;
let text: string;
const run = (cacheDir: string) =>
  spawnSync(process.execPath, [BIN, "analyze", "--format", "json", text], {
    encoding: "utf8",
    env: { ...process.env, DOSSIER_CACHE_DIR: cacheDir },
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-cli-cache-"));
  text = join(dir, "a.txt");
  // Provinces, a place abroad, a person and communes: every cached part is read.
  writeFileSync(
    text,
    "Thủ tướng Phạm Minh Chính thăm xã Tân Thành, huyện Hàm Tân, tỉnh Bình Thuận và Đà Nẵng. " +
      "Typhoon Yagi hit Hai Phong; the South China Sea. President Vladimir Putin visited Hanoi.\n",
  );
});

describe("the data cache of the CLI", () => {
  it("is written on first use and gives the same output as a run without it", () => {
    const cache = join(dir, "cache");
    const first = run(cache);
    expect(first.status).toBe(0);
    expect(readdirSync(cache).sort()).toEqual([
      "entities-dist.bin",
      "gazetteer-dist.bin",
      "geoparser-dist.bin",
    ]);
    const second = run(cache);
    // A cache folder that cannot be created: every run builds from the data.
    writeFileSync(join(dir, "not-a-folder"), "");
    const uncached = run(join(dir, "not-a-folder", "cache"));
    expect(uncached.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
  });

  it("is rebuilt, with the same output, when its files are damaged", () => {
    const cache = join(dir, "damaged");
    const good = run(cache).stdout;
    const files = readdirSync(cache).filter((f) => f.endsWith(".bin"));
    for (const [i, f] of files.entries()) {
      const bytes = readFileSync(join(cache, f));
      // Cut short, or one byte flipped in the body.
      if (i % 2 === 0) writeFileSync(join(cache, f), bytes.subarray(0, bytes.length >> 1));
      else {
        bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0x55;
        writeFileSync(join(cache, f), bytes);
      }
    }
    const damaged = files.map((f) => readFileSync(join(cache, f)));
    const again = run(cache);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(good);
    // Each damaged file was written anew.
    files.forEach((f, i) => {
      expect(readFileSync(join(cache, f)).equals(damaged[i] as Buffer)).toBe(false);
    });
    expect(run(cache).stdout).toBe(good);
  });
});
