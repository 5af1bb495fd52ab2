import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsText } from "./corpus.js";

/**
 * Data commands write each document's results as soon as it is read, so memory holds one
 * document, not the run. Shown with a real child process whose last input is a named pipe: the
 * first document's results must come out while the pipe is still empty (a command that
 * gathered everything first would print nothing and wait for ever). Then the whole output must
 * be valid JSON or JSON Lines.
 */
const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
let dir = "";
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-stream-"));
});

/**
 * Runs dossier on [first, fifo]; resolves once `first`'s results are on standard output, then
 * feeds the fifo and returns everything the command printed.
 */
async function firstBeforeLast(args: string[], first: string, last: string): Promise<string> {
  const fifo = join(dir, `last-${Math.random().toString(36).slice(2)}.txt`);
  spawnSync("mkfifo", [fifo]);
  const child = spawn(process.execPath, [BIN, ...args, first, fifo], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes(first)) resolve();
    });
    child.on("close", () => reject(new Error(`exited before writing ${first}: ${stderr}`)));
  });
  // Only now does the last input get its text: the first document was written without it.
  const handle = await open(fifo, "w");
  await handle.writeFile(last);
  await handle.close();
  const status = await exited;
  expect(stderr).toBe("");
  expect(status).toBe(0);
  return stdout;
}

describe("each document is written as it is read", () => {
  const commands: [string, string[], (out: string) => unknown[]][] = [
    ["places json", ["places", "--format", "json"], (o) => JSON.parse(o).documents],
    ["places jsonl", ["places", "--format", "jsonl"], jsonLines],
    ["places text", ["places"], (o) => o.split(/\n(?=\S)/).filter((s) => s.startsWith(dir))],
    ["analyze json", ["analyze"], (o) => JSON.parse(o).documents],
    ["analyze jsonl", ["analyze", "--format", "jsonl"], jsonLines],
    ["clean json", ["clean", "--format", "json"], (o) => JSON.parse(o).documents],
    ["provisions jsonl", ["provisions", "--format", "jsonl"], jsonLines],
  ];
  for (const [name, args, parse] of commands) {
    it(name, async () => {
      const first = join(dir, `first-${name.replace(/\W/g, "-")}.txt`);
      writeFileSync(first, newsText(1));
      const out = await firstBeforeLast(args, first, newsText(2));
      const documents = parse(out);
      expect(documents).toHaveLength(2);
    });
  }
});

function jsonLines(out: string): unknown[] {
  expect(out.endsWith("\n")).toBe(true);
  return out
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line));
}

describe("a place-dense document", () => {
  it("comes out whole as JSON and as JSON Lines, every mention in both", () => {
    // About 60,000 mentions in 400 KB; the JSON is over 25 MB.
    const names = ["Hanoi", "Hue", "Da Nang", "Hai Phong", "Can Tho", "Quang Ninh"];
    const parts: string[] = [];
    for (let i = 0; parts.length < 60_000; i++) parts.push(names[i % names.length] as string);
    const text = parts.map((p, i) => (i % 20 === 19 ? `${p}.\n\n` : `${p}, `)).join("");
    const file = join(dir, "dense.txt");
    writeFileSync(file, text);
    const run = (format: string) =>
      spawnSync(process.execPath, [BIN, "places", file, "--format", format], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
    const json = run("json");
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout.length).toBeGreaterThan(25_000_000);
    const [doc] = JSON.parse(json.stdout).documents;
    expect(doc.mentions).toHaveLength(60_000);
    expect(doc.mentions.map((m: { text: string }) => m.text)).toEqual(parts);
    const lines = run("jsonl");
    expect(lines.status, lines.stderr).toBe(0);
    expect(jsonLines(lines.stdout)).toEqual([doc]);
  });
});
