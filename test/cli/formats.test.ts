import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsText, statementText } from "./corpus.js";

/**
 * One `--format` for every data command: text, json and jsonl everywhere (more where they make
 * sense), `analyze` JSON by default. JSON Lines holds the same records as the JSON's list, one
 * a line.
 */
const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
let dir = "";
let a = "";
let b = "";
let db = "";

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};
const lines = (out: string) =>
  out
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-formats-"));
  a = join(dir, "a.txt");
  b = join(dir, "b.txt");
  writeFileSync(a, statementText(1, 6));
  writeFileSync(b, `${statementText(2, 5)}\n${newsText(3)}`);
  db = join(dir, "f.db");
  const ingest = spawnSync(process.execPath, [BIN, "ingest", a, b, "--db", db], {
    encoding: "utf8",
  });
  if (ingest.status !== 0) throw new Error(ingest.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--format on every data command", () => {
  it("analyze: JSON by default, --format json the same, JSON Lines one document a line", () => {
    const byDefault = JSON.parse(run(["analyze", a, b]));
    expect(JSON.parse(run(["analyze", a, b, "--format", "json"]))).toEqual(byDefault);
    expect(lines(run(["analyze", a, b, "-f", "jsonl"]))).toEqual(byDefault.documents);
    expect(byDefault.documents.map((d: { source: string }) => d.source)).toEqual([a, b]);
  });

  it("analyze --format text: a summary per document", () => {
    const text = run(["analyze", a, b, "--format", "text"]);
    expect(text).toContain(`${a} — JOINT STATEMENT between Viet Nam and Japan, number 1`);
    expect(text).toMatch(/kind statement/);
    expect(text).toMatch(/provisions +6: agree ×6/);
    expect(text).toMatch(/places +\d+: /);
  });

  for (const command of ["clean", "places", "provisions"]) {
    it(`${command}: JSON Lines holds the JSON's documents; text names each source`, () => {
      const json = JSON.parse(run([command, a, b, "--format", "json"]));
      expect(json.documents).toHaveLength(2);
      expect(lines(run([command, a, b, "--format", "jsonl"]))).toEqual(json.documents);
      const text = run([command, a, b, "--format", "text"]);
      expect(text).toContain(a);
      expect(text).toContain(b);
    });
  }

  it("compare: JSON Lines, one comparison a line", () => {
    const json = JSON.parse(run(["compare", a, b, "--format", "json"]));
    expect(lines(run(["compare", a, b, "--format", "jsonl"]))).toEqual([json]);
    const c = join(dir, "c.txt");
    writeFileSync(c, statementText(4, 6));
    expect(lines(run(["compare", a, b, c, "--format", "jsonl"]))).toHaveLength(2);
  });

  it("search, stats and export: text, json and jsonl", () => {
    const search = JSON.parse(run(["search", "Japan", "--db", db, "--format", "json"]));
    expect(search.total).toBe(2);
    expect(lines(run(["search", "Japan", "--db", db, "--format", "jsonl"]))).toEqual(
      search.results,
    );
    const stats = JSON.parse(run(["stats", "--db", db, "--format", "json"]));
    expect(lines(run(["stats", "--db", db, "--format", "jsonl"]))).toEqual([stats]);
    expect(run(["stats", "--db", db, "--format", "text"])).toMatch(/^documents +2$/m);
    const exported = JSON.parse(run(["export", "--db", db, "--format", "json"]));
    expect(lines(run(["export", "--db", db]))).toEqual(exported.documents);
    expect(exported.documents.map((d: { source: string }) => d.source).sort()).toEqual([a, b]);
    const text = run(["export", "--db", db, "--format", "text"]);
    expect(text).toContain(`==> ${a} <==`);
    expect(text).toContain("Both sides agreed to strengthen cooperation");
  });
});
