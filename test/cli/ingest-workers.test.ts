import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../pg/databases.js";
import { writeCorpus } from "./corpus.js";
import { content, documentsIn } from "./library.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(dir, "corpus");
writeCorpus(corpus, 400);

const ingest = (db: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, "ingest", corpus, "--db", db, ...args], { encoding: "utf8" });

const start = (db: string): ChildProcess =>
  spawn(process.execPath, [BIN, "ingest", corpus, "--db", db], { stdio: "ignore" });

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

/** The ingest acceptance, on a library `fresh()` makes each call. */
function workerSuite(name: string, fresh: () => Promise<string>): void {
  describe(`several ingest processes on one library: ${name}`, () => {
    let reference: Awaited<ReturnType<typeof content>>;
    it("one process, uninterrupted: the reference", async () => {
      const db = await fresh();
      const run = ingest(db);
      expect(run.status, run.stderr).toBe(0);
      reference = await content(db);
      expect(reference.stats.documents).toBe(400);
    });

    it("two processes at once: each document stored once, both exit 0", async () => {
      const db = await fresh();
      const a = start(db);
      const b = start(db);
      expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
      expect(await content(db)).toEqual(reference);
    });

    it("--workers 2: the work shared, one summary", async () => {
      const db = await fresh();
      const run = ingest(db, "--workers", "2");
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/400 documents read, 400 stored, 0 already there, 0 errors/);
      expect(await content(db)).toEqual(reference);
    });

    it("one of two killed halfway (SIGKILL), then a rerun: as if uninterrupted", async () => {
      const db = await fresh();
      const a = start(db);
      const b = start(db);
      // Halfway: as soon as the first batches are stored (they commit within a second), while
      // the one killed is still at work.
      while ((await documentsIn(db).catch(() => 0)) === 0)
        await new Promise((r) => setTimeout(r, 20));
      expect(a.exitCode, "the worker to kill finished first").toBeNull();
      a.kill("SIGKILL");
      // Killed outright: its claims are void, the batch it had in flight rolls back.
      expect(await exited(a)).toBeNull();
      expect(await exited(b)).toBe(0);
      const rerun = ingest(db);
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(await content(db)).toEqual(reference);
    });
  });
}

let n = 0;
workerSuite("SQLite", async () => join(dir, `w${++n}.db`));
workerSuite("PostgreSQL", () => freshDatabase("workers"));

describe("--workers: the files shared out", () => {
  it("each file read by one worker: a text in two files stored once, a missing input reported once", () => {
    const folder = join(dir, "shared");
    mkdirSync(folder);
    const names = readdirSync(corpus).slice(0, 9);
    for (const name of names) copyFileSync(join(corpus, name), join(folder, name));
    copyFileSync(join(corpus, names[0] as string), join(folder, "zz-copy.txt"));
    const missing = join(dir, "no-such-folder");
    const run = spawnSync(
      process.execPath,
      [BIN, "ingest", folder, missing, "--db", join(dir, "shared.db"), "--workers", "3"],
      { encoding: "utf8" },
    );
    expect(run.status).not.toBe(0);
    // Summed over the three shares: each input tried once (ten files and the missing one), not
    // three times.
    expect(run.stderr).toMatch(/11 files, 10 documents read, 9 stored, 1 already there, 1 error,/);
    expect(run.stderr.split(missing).length - 1).toBe(1);
  });
});
