import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementText, writeCorpus } from "./corpus.js";

/**
 * `dossier <command> … | head -1`: the reader takes one line and closes the pipe while the
 * command is still writing. Every data command must then end quietly with status 0: no EPIPE
 * stack trace. A real shell pipeline into the real `head`, as a user types it.
 */
const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
let dir = "";
let corpus = "";
let db = "";
let a = "";
let b = "";

/** Runs `dossier args | head -c 1` in bash; returns dossier's exit status and standard error. */
function intoHead(args: string[]): { status: number; stderr: string } {
  const quoted = args.map((x) => `'${x.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync(
    "bash",
    [
      "-c",
      `"${process.execPath}" "${BIN}" ${quoted} 2>"${dir}/stderr" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`,
    ],
    { encoding: "utf8" },
  );
  const stderr = spawnSync("cat", [join(dir, "stderr")], { encoding: "utf8" }).stdout;
  return { status: Number(r.stdout.trim()), stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-pipes-"));
  corpus = join(dir, "corpus");
  writeCorpus(corpus);
  a = join(dir, "a.txt");
  b = join(dir, "b.txt");
  writeFileSync(a, statementText(1, 120));
  writeFileSync(b, statementText(2, 120));
  db = join(dir, "pipes.db");
  const r = spawnSync(process.execPath, [BIN, "ingest", corpus, "--db", db], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a reader that closes early", () => {
  const commands: [string, () => string[]][] = [
    ["clean text", () => ["clean", corpus]],
    ["clean json", () => ["clean", corpus, "--format", "json"]],
    ["clean jsonl", () => ["clean", corpus, "--format", "jsonl"]],
    ["places text", () => ["places", corpus]],
    ["places json", () => ["places", corpus, "--format", "json"]],
    ["places csv", () => ["places", corpus, "--format", "csv"]],
    ["analyze json", () => ["analyze", corpus]],
    ["analyze jsonl", () => ["analyze", corpus, "--format", "jsonl"]],
    ["provisions text", () => ["provisions", corpus]],
    ["provisions json", () => ["provisions", corpus, "--format", "json"]],
    ["compare json", () => ["compare", a, b, "--format", "json"]],
    ["compare html", () => ["compare", a, b, "--format", "html"]],
    ["search text", () => ["search", "--db", db, "--limit", "100"]],
    ["export jsonl", () => ["export", "--db", db]],
    ["export json", () => ["export", "--db", db, "--format", "json"]],
    ["export csv", () => ["export", "--db", db, "--format", "csv"]],
    ["export text", () => ["export", "--db", db, "--format", "text"]],
  ];
  for (const [name, args] of commands) {
    it(`${name}: exits 0, says nothing`, () => {
      const r = intoHead(args());
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    });
  }
});
