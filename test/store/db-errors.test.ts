/**
 * A database that is busy, full, damaged or not a database at all: each a coded error that says
 * what to do, with its own exit status in the CLI; nothing stored is lost, and a run that a
 * full disk stopped is marked "failed". Real conditions, no mocks: a second connection holding
 * the write lock, a size cap (`max_page_count`) and a file size limit (`ulimit -f`) for a full
 * disk, and files that are damaged or were never a database.
 */

import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/errors.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { sampleDocuments } from "./fixtures.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const SAMPLES = new URL("../../samples", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-db-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dossier(args: string[], shell?: string) {
  const command = [process.execPath, BIN, ...args];
  return shell === undefined
    ? spawnSync(command[0] as string, command.slice(1), { encoding: "utf8", timeout: 60_000 })
    : spawnSync("bash", ["-c", `${shell}; exec "$@"`, "bash", ...command], {
        encoding: "utf8",
        timeout: 60_000,
      });
}

/** A second process's view: a plain connection that takes the write lock and keeps it. */
function holdWriteLock(path: string): Database.Database {
  const other = new Database(path);
  other.exec("BEGIN IMMEDIATE");
  return other;
}

describe("a database another process is writing to", () => {
  it("the store says E_DB_BUSY, what to do, and stores nothing; reads go on", async () => {
    const path = join(dir, "busy.db");
    const [first, second] = sampleDocuments();
    const store = openSqliteStore(path, { busyTimeoutMs: 50 });
    await store.add([first as never]);
    const other = holdWriteLock(path);
    try {
      await expect(store.add([second as never])).rejects.toThrow(
        expect.objectContaining({
          code: "E_DB_BUSY",
          message: expect.stringMatching(/busy\.db: another process is writing.*try again/),
        }),
      );
      expect((await store.stats()).documents).toBe(1);
      expect((await store.search({ q: "energy" })).total).toBeGreaterThan(0);
    } finally {
      other.exec("ROLLBACK");
      await other.close();
    }
    expect((await store.add([second as never])).added).toBe(1);
    await store.close();
  });

  it("dossier ingest exits 75 (try again) with a message naming the database", async () => {
    const path = join(dir, "busy-cli.db");
    openSqliteStore(path).close();
    const other = holdWriteLock(path);
    try {
      const r = dossier(["ingest", SAMPLES, "--exclude", "README.md", "--db", path]);
      expect(r.status).toBe(75);
      expect(EXIT.E_DB_BUSY).toBe(75);
      expect(r.stderr).toMatch(/busy-cli\.db: another process is writing .*\[E_DB_BUSY\]/);
      expect(r.stderr).not.toContain("internal error");
    } finally {
      other.exec("ROLLBACK");
      await other.close();
    }
  });
});

describe("a full database", () => {
  it("past the size cap: E_DB_FULL, and what was stored is intact", async () => {
    const store = openSqliteStore(join(dir, "capped.db"), { maxBytes: 256 * 1024 });
    const docs = sampleDocuments();
    await store.add(docs.slice(0, 1));
    const big = docs.map((d, i) => ({
      ...d,
      document: { ...d.document, id: `big-${i}`, text: d.document.text.repeat(300) },
    }));
    await expect(store.add(big)).rejects.toThrow(
      expect.objectContaining({
        code: "E_DB_FULL",
        message: expect.stringMatching(/free disk space/),
      }),
    );
    expect((await store.stats()).documents).toBe(1);
    expect((await store.get(docs[0]?.document.id as string))?.document.text).toBe(
      docs[0]?.document.text,
    );
    await store.close();
  });

  it("dossier ingest past the file size limit: exit 74, a clear message, the run marked failed", async () => {
    const path = join(dir, "limit.db");
    expect(dossier(["stats", "--db", path]).status).toBe(0);
    // 100 KiB: the run's record fits, the first batch of the samples does not.
    const r = dossier(["ingest", SAMPLES, "--exclude", "README.md", "--db", path], "ulimit -f 100");
    expect(r.stderr).toMatch(/limit\.db: .*disk has room .*\[E_DB_(IO|FULL)\]/);
    expect(r.stderr).not.toContain("internal error");
    expect(r.status).toBe(74);
    const store = openSqliteStore(path);
    expect((await store.runs()).map((run) => run.status)).toEqual(["failed"]);
    expect((await store.stats()).documents).toBe(0);
    await store.close();
    // Room again: the same command stores everything.
    expect(dossier(["ingest", SAMPLES, "--exclude", "README.md", "--db", path]).status).toBe(0);
  });
});

describe("a damaged file, or one that is not a database", () => {
  it("a text file given as --db: exit 65 naming it, for every command, and the file untouched", async () => {
    const path = join(dir, "notes.db");
    writeFileSync(path, "these are my notes, not a database\n".repeat(200));
    for (const args of [
      ["ingest", SAMPLES, "--db", path],
      ["search", "hanoi", "--db", path],
      ["stats", "--db", path],
    ]) {
      const r = dossier(args);
      expect(r.status, args.join(" ")).toBe(65);
      expect(r.stderr).toMatch(
        /notes\.db: file is not a database: check the --db path.*\[E_DB_CORRUPT\]/,
      );
    }
    expect(() => openSqliteStore(path)).toThrow(expect.objectContaining({ code: "E_DB_CORRUPT" }));
  });

  it("a database whose pages were overwritten: E_DB_CORRUPT, exit 65", async () => {
    const path = join(dir, "damaged.db");
    const store = openSqliteStore(path);
    await store.add(sampleDocuments());
    await store.close();
    // Past the 100-byte header, over the schema's page and the next ones.
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, 200);
    closeSync(fd);
    const r = dossier(["search", "energy", "--db", path]);
    expect(r.status).toBe(65);
    expect(r.stderr).toMatch(/damaged\.db: .*malformed.*\[E_DB_CORRUPT\]/);
  });
});
