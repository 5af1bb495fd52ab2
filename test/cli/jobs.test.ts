import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsText, statementText } from "./corpus.js";

/**
 * `--jobs N` works on documents in worker threads and writes what `--jobs 1` writes, byte for
 * byte, in the same order, with the same errors and warnings and exit status, bad files mixed in.
 */
const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
let dir = "";
let folder = "";

const run = (args: string[], jobs: number) =>
  spawnSync(process.execPath, [BIN, ...args, "--jobs", String(jobs)], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    // Workers from the first byte: these inputs are far below the usual threshold.
    env: { ...process.env, DOSSIER_PARALLEL_FROM_BYTES: "0" },
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-jobs-"));
  folder = join(dir, "in");
  mkdirSync(folder);
  for (let i = 0; i < 14; i++)
    writeFileSync(
      join(folder, `${String(i).padStart(2, "0")}.txt`),
      i % 3 === 0 ? statementText(i, 8) : newsText(i),
    );
  // Refused as binary, in the middle of the folder.
  writeFileSync(join(folder, "05b.txt"), Buffer.from([0x48, 0x61, 0, 0, 1, 2, 0, 0x6e, 0, 0]));
  // Read with a warning (not UTF-8).
  writeFileSync(join(folder, "07b.txt"), Buffer.from("Hà Nội và Hải Phòng, cà phê.\n", "latin1"));
  writeFileSync(join(folder, "09b.txt"), "");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("dossier analyze|places --jobs", () => {
  // --jobs 2: one worker beside this thread; --jobs 3: two, with heap limits.
  const cases: [string, string[], number][] = [
    ["analyze json", ["analyze"], 2],
    ["analyze jsonl", ["analyze", "--format", "jsonl"], 3],
    ["analyze text", ["analyze", "--format", "text"], 3],
    ["places text", ["places"], 2],
    ["places json", ["places", "--format", "json", "--level", "new"], 3],
    ["places jsonl", ["places", "--format", "jsonl", "--min-confidence", "0.8"], 2],
    ["places csv", ["places", "--format", "csv"], 3],
    ["places geojson", ["places", "--format", "geojson", "--level", "old"], 2],
  ];
  for (const [name, args, jobs] of cases) {
    it(`${name}, --jobs ${jobs}: the same output, errors and status as one job`, () => {
      const inputs = [folder, join(dir, "missing.txt")];
      const one = run([...args, ...inputs], 1);
      const many = run([...args, ...inputs], jobs);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(one.stderr).toMatch(/05b\.txt/);
      expect(one.stderr).toMatch(/missing\.txt/);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
      expect(many.status).toBe(one.status);
      expect(one.status).not.toBe(0);
    });
  }

  it("refuses a number of jobs that is not a whole number from 1", () => {
    const r = spawnSync(process.execPath, [BIN, "places", folder, "--jobs", "0"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});
