/**
 * `dossier ingest` of a folder where one file is hostile: the rest is stored, the bad input is
 * named with its line, and the run ends with the input-error status (1), not an internal error.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-ingest-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored = async (db: string): Promise<number> => {
  const store = openSqliteStore(db);
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
};

describe("dossier ingest: one hostile file among good ones", () => {
  it("stores 100 files and the good records beside a 5,000-deep JSON Lines record", async () => {
    const folder = join(dir, "deep");
    mkdirSync(folder);
    for (let i = 0; i < 100; i++)
      writeFileSync(join(folder, `note-${i}.txt`), `Report ${i}: a ferry route to island ${i}.`);
    const deep = `{"text":"deep","extra":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    writeFileSync(
      join(folder, "feed.jsonl"),
      [
        JSON.stringify({ text: "A new bridge opened in the delta on Friday." }),
        deep,
        JSON.stringify({ text: "Rice prices held firm at the border markets." }),
      ].join("\n"),
    );
    const db = join(dir, "deep.db");
    const r = spawnSync(process.execPath, [BIN, "ingest", folder, "--db", db], {
      encoding: "utf8",
    });
    expect(r.stderr).toContain(
      `${join(folder, "feed.jsonl")}:2: JSON nested more than 100 levels deep [E_FORMAT]`,
    );
    expect(r.stderr).not.toContain("internal error");
    expect(r.status).toBe(1);
    expect(await stored(db)).toBe(102);
  });
});
