import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { readBytes } from "../../src/io/read-bytes.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-read-bytes-"));
});

/** readBytes("-") in a child process whose standard input is `input`: a pipe, not a file. */
function readPipe(input: Buffer, maxBytes: number) {
  const module = new URL("../../src/io/read-bytes.ts", import.meta.url).pathname;
  const script = `
    const { readBytes } = await import(${JSON.stringify(module)});
    try {
      const bytes = readBytes("-", ${maxBytes});
      process.stdout.write(JSON.stringify({ length: bytes.length, sum: bytes.reduce((a, b) => (a * 31 + b) >>> 0, 7) }));
    } catch (e) {
      process.stdout.write(JSON.stringify({ code: e.code, message: e.message }));
    }`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    input,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(r.stdout.toString()) as {
    length?: number;
    sum?: number;
    code?: string;
    message?: string;
  };
}

const checksum = (bytes: Uint8Array) => bytes.reduce((a, b) => (a * 31 + b) >>> 0, 7);

describe("readBytes", () => {
  it("reads a file's bytes exactly, whatever they are", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const file = join(dir, "any.bin");
        writeFileSync(file, bytes);
        expect(readBytes(file).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("reads files larger than one read's piece, and up to the limit exactly", () => {
    const big = Buffer.alloc(2_500_000, "ab");
    const file = join(dir, "big.txt");
    writeFileSync(file, big);
    expect(readBytes(file).equals(big)).toBe(true);
    expect(readBytes(file, big.length).length).toBe(big.length);
    expect(() => readBytes(file, big.length - 1)).toThrow(
      expect.objectContaining({ code: "E_TOO_LARGE", message: expect.stringContaining(file) }),
    );
  });

  it("reads standard input as it comes, growing past its first piece, and keeps the limit", () => {
    const input = Buffer.alloc(2_500_000 + 17, "xyz");
    expect(readPipe(input, 64 << 20)).toEqual({ length: input.length, sum: checksum(input) });
    expect(readPipe(Buffer.from("short"), 64 << 20)).toEqual({
      length: 5,
      sum: checksum(Buffer.from("short")),
    });
    expect(readPipe(input, 1_000_000)).toMatchObject({ code: "E_TOO_LARGE" });
  });

  it("names a missing file and a folder", () => {
    expect(() => readBytes(join(dir, "missing.txt"))).toThrow(
      expect.objectContaining({ code: "E_NOT_FOUND" }),
    );
    expect(() => readBytes(dir)).toThrow(expect.objectContaining({ code: "E_IS_DIRECTORY" }));
  });
});
